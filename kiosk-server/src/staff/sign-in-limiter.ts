/** Wrong PINs one client address may send before it is slowed down. */
export const ADDRESS_FREE_FAILURES = 5;
/** Wrong PINs for one username (from addresses not yet slowed) before the username itself is locked. */
export const USERNAME_FREE_FAILURES = 10;
const FIRST_LOCK_MS = 30_000;
/** Caps: an address may be slowed for long, the rightful owner of a username must not be shut out for long. */
const ADDRESS_LOCK_CAP_MS = 15 * 60_000;
const USERNAME_LOCK_CAP_MS = 5 * 60_000;
/** An address that stays quiet this long starts afresh. */
const ADDRESS_FORGET_MS = 60 * 60_000;
/** Bounds the memory a flood of addresses can take; the oldest are dropped first. */
const MAX_ADDRESSES = 10_000;

/** 30 s, 1 min, 2 min, … for the n-th lock (0-based), at most `cap`. */
export function lockMs(level: number, cap: number): number {
  return Math.min(cap, FIRST_LOCK_MS * 2 ** Math.min(level, 20));
}

interface AddressRecord {
  failures: number;
  lockedUntil: number;
  lastTry: number;
}

export type Reservation =
  | { ok: true; countsForUsername: boolean; lockMs: number | undefined; failures: number }
  | { ok: false; retryAfterMs: number };

/**
 * Wrong PINs counted per client address, in memory (an attacker cannot restart the kiosk, and a
 * restart forgetting them only helps the rightful user). Each attempt is reserved before its PIN is
 * checked, synchronously, so many guesses sent at once are counted one by one.
 */
export class AddressLimiter {
  private readonly addresses = new Map<string, AddressRecord>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Counts one attempt from `address`. From the fifth on, the address is locked before the PIN is
   * checked (30 s, then doubling on each further attempt); the right PIN lifts it again.
   */
  reserve(address: string): Reservation {
    const now = this.now();
    let record = this.addresses.get(address);
    if (record && now - record.lastTry > ADDRESS_FORGET_MS) record = undefined;
    if (record && record.lockedUntil > now) return { ok: false, retryAfterMs: record.lockedUntil - now };
    record ??= { failures: 0, lockedUntil: 0, lastTry: now };
    record.failures += 1;
    record.lastTry = now;
    // re-inserted so the map stays in least-recently-tried order for the pruning below
    this.addresses.delete(address);
    this.addresses.set(address, record);
    this.prune();
    let lock: number | undefined;
    if (record.failures >= ADDRESS_FREE_FAILURES) {
      lock = lockMs(record.failures - ADDRESS_FREE_FAILURES, ADDRESS_LOCK_CAP_MS);
      record.lockedUntil = now + lock;
    }
    // a slowed address's guesses must not add up to a lock of the username for everyone
    return {
      ok: true,
      countsForUsername: record.failures <= ADDRESS_FREE_FAILURES,
      lockMs: lock,
      failures: record.failures,
    };
  }

  /** The right PIN: the address starts afresh. */
  succeeded(address: string): void {
    this.addresses.delete(address);
  }

  /** Lifts every count whose key matches (a person's PIN was reset). */
  forget(match: (key: string) => boolean): void {
    for (const key of [...this.addresses.keys()]) if (match(key)) this.addresses.delete(key);
  }

  private prune(): void {
    for (const key of this.addresses.keys()) {
      if (this.addresses.size <= MAX_ADDRESSES) return;
      this.addresses.delete(key);
    }
  }
}

/** How many times each username has been locked in a row; the next lock lasts longer. In memory, reset by the right PIN. */
export class UsernameLockLevels {
  private readonly levels = new Map<string, number>();

  /** The length of the next lock of `staffId`, and counts it. */
  next(staffId: string): number {
    const level = this.levels.get(staffId) ?? 0;
    this.levels.set(staffId, level + 1);
    return lockMs(level, USERNAME_LOCK_CAP_MS);
  }

  reset(staffId: string): void {
    this.levels.delete(staffId);
  }
}
