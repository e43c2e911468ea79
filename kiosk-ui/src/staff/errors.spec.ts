import { describe, expect, it } from 'vitest';
import { lockedMinutes } from './errors';

describe('a locked-out sign-in', () => {
  it('says the minutes the server asks to wait, rounded up', () => {
    expect(lockedMinutes({ details: { retryAfterSeconds: 300 } })).toBe(5);
    expect(lockedMinutes({ details: { retryAfterSeconds: 61 } })).toBe(2);
  });

  it('says at least one minute, even with seconds left', () => {
    expect(lockedMinutes({ details: { retryAfterSeconds: 12 } })).toBe(1);
    expect(lockedMinutes({ details: { retryAfterSeconds: 0 } })).toBe(1);
  });

  it('says the lock’s whole length when the answer has no details', () => {
    expect(lockedMinutes({ details: {} })).toBe(5);
    expect(lockedMinutes({ details: { retryAfterSeconds: '300' } })).toBe(5);
  });
});
