import { describe, expect, it } from 'vitest';
import { AddressLimiter, UsernameLockLevels } from './sign-in-limiter';

describe('AddressLimiter', () => {
  it('slows an address after 5 attempts for 30 s, then 1 min, 2 min … capped at 15 min; the right PIN lifts it', () => {
    let now = 0;
    const limiter = new AddressLimiter(() => now);
    for (let i = 1; i <= 4; i++)
      expect(limiter.reserve('a')).toEqual({ ok: true, countsForUsername: true, lockMs: undefined, failures: i });
    expect(limiter.reserve('a')).toEqual({ ok: true, countsForUsername: true, lockMs: 30_000, failures: 5 });
    expect(limiter.reserve('a')).toEqual({ ok: false, retryAfterMs: 30_000 });
    expect(limiter.reserve('b').ok).toBe(true);
    const locks: number[] = [];
    for (let i = 0; i < 7; i++) {
      now += 16 * 60_000 - 1;
      const reservation = limiter.reserve('a');
      if (!reservation.ok) throw new Error('expected a try');
      expect(reservation.countsForUsername).toBe(false);
      locks.push(reservation.lockMs ?? 0);
    }
    expect(locks).toEqual([60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
    limiter.succeeded('a');
    expect(limiter.reserve('a')).toEqual({ ok: true, countsForUsername: true, lockMs: undefined, failures: 1 });
  });

  it('forgets an address after an hour without tries', () => {
    let now = 0;
    const limiter = new AddressLimiter(() => now);
    for (let i = 1; i <= 5; i++) limiter.reserve('a');
    now += 61 * 60_000;
    expect(limiter.reserve('a')).toEqual({ ok: true, countsForUsername: true, lockMs: undefined, failures: 1 });
  });
});

describe('UsernameLockLevels', () => {
  it('grows 30 s, 1 min, 2 min, 4 min, then stays at 5 min until reset', () => {
    const levels = new UsernameLockLevels();
    expect(Array.from({ length: 6 }, () => levels.next('x'))).toEqual([
      30_000, 60_000, 120_000, 240_000, 300_000, 300_000,
    ]);
    levels.reset('x');
    expect(levels.next('x')).toBe(30_000);
  });
});
