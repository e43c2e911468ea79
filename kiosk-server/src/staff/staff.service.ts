import { Injectable, Logger } from '@nestjs/common';
import { randomBytes, randomInt } from 'node:crypto';
import type { CardFace } from '@kiosk/hardware';
import { CardsService } from '../cards/cards.service';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { SettingsService } from '../settings/settings.service';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import { SessionStore, type StaffSession } from '../sessions/session.store';
import { hashPin, pinMatches } from './pin-hash';
import { AddressLimiter, lockMs, USERNAME_FREE_FAILURES, UsernameLockLevels } from './sign-in-limiter';
import type { StaffRole } from './staff.entity';
import { StaffRepository } from './staff.repository';

@Injectable()
export class StaffService {
  private readonly logger = new Logger('Staff');
  private readonly addresses = new AddressLimiter();
  private readonly lockLevels = new UsernameLockLevels();

  constructor(
    private readonly repository: StaffRepository,
    private readonly writes: WriteQueue,
    private readonly sessions: SessionStore,
    private readonly cards: CardsService,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Who a scanned staff card belongs to. The card only names the person (it saves spelling the
   * username on the kiosk); signing in still takes their PIN.
   */
  async cardHolder(qr: unknown): Promise<{ username: string; displayName: string }> {
    const username = this.cards.keys.verifyStaff(qr);
    const staff = username ? await this.repository.active(username) : undefined;
    if (!staff) throw DomainError.unauthorized('CARD_INVALID', 'This staff card is not valid here.');
    return { username: staff.username, displayName: staff.displayName };
  }

  /** The face of a staff member's card, to print. */
  async cardFace(username: string): Promise<CardFace> {
    const staff = await this.repository.active(username);
    if (!staff) throw DomainError.notFound('STAFF_NOT_FOUND', 'No such staff member.');
    return {
      kind: 'staff',
      qr: this.cards.keys.signStaff(staff.username),
      cardNo: staff.username,
      memberName: staff.displayName,
      communityName: this.settings.current.storeName,
      showName: true,
    };
  }

  /** The faces of every active staff member's card. */
  async cardFaces(): Promise<CardFace[]> {
    const staff = await this.repository.allActive();
    return Promise.all(staff.map((one) => this.cardFace(one.username)));
  }

  /**
   * Wrong PINs are limited twice. Per client address: five, then the address is slowed (30 s,
   * 1 min, 2 min … up to 15 min). Per username: ten from addresses not yet slowed, then the username
   * is locked for everyone (30 s, 1 min … up to 5 min), so one attacker cannot keep `admin` locked
   * out while the right PIN from another address still works. An unknown name answers like a wrong
   * PIN after the same scrypt work, so its answer time does not tell which names exist. Each try is
   * reserved before its PIN is checked, so guesses sent at once are counted one by one.
   * `address` is the socket's peer: behind a reverse proxy it is the proxy's.
   */
  async signIn(username: string, pin: string, address: string): Promise<StaffSession & { displayName: string }> {
    const reservation = this.addresses.reserve(address);
    if (!reservation.ok) throw lockedOut(reservation.retryAfterMs);
    const staff = await this.repository.active(username);
    if (!staff) {
      await pinMatches(pin, await unknownUserHash);
      throw this.addressRefusal(address, reservation.lockMs);
    }
    const usernameLockMs = reservation.countsForUsername
      ? await this.writes.run((tx) => this.reserveAttempt(tx, staff.id))
      : await this.checkUnlocked(staff.id);
    if (await pinMatches(pin, staff.pinHash)) {
      this.addresses.succeeded(address);
      this.lockLevels.reset(staff.id);
      await this.writes.run((tx) => this.repository.setAttempts(tx, staff.id, 0, null));
      const session = this.sessions.startStaff({ staffId: staff.id, username: staff.username, role: staff.role });
      return { ...session, displayName: staff.displayName };
    }
    if (usernameLockMs !== undefined) {
      const lockedUntil = new Date(Date.now() + usernameLockMs).toISOString();
      await this.writes.run((tx) => this.repository.setAttempts(tx, staff.id, 0, lockedUntil));
      this.logger.warn(
        `staff ${username} locked for ${Math.round(usernameLockMs / 1000)} s after ${USERNAME_FREE_FAILURES} wrong PINs, the last from ${address}`,
      );
      throw lockedOut(usernameLockMs);
    }
    throw this.addressRefusal(address, reservation.lockMs);
  }

  /** A wrong PIN or name: 401, or 429 once this one has slowed the address (logged with the address). */
  private addressRefusal(address: string, lockMs: number | undefined): DomainError {
    if (lockMs === undefined) return DomainError.unauthorized('PIN_INVALID', 'Wrong username or PIN.');
    this.logger.warn(`sign-in from ${address} slowed for ${Math.round(lockMs / 1000)} s after repeated wrong PINs`);
    return lockedOut(lockMs);
  }

  /** Refuses while the username is locked, without counting an attempt. */
  private async checkUnlocked(staffId: string): Promise<undefined> {
    const row = await this.repository.find(staffId);
    if (row?.lockedUntil && Date.parse(row.lockedUntil) > Date.now()) {
      throw lockedOut(Date.parse(row.lockedUntil) - Date.now());
    }
    return undefined;
  }

  /**
   * Makes sure the `admin` and `volunteer` accounts exist (only `admin` at the hub, where nobody
   * restocks). A PIN from the environment is applied every start; without one a random PIN is made
   * once and returned so it can be shown once.
   */
  async ensureDefaultStaff(
    pins: Record<StaffRole, string | undefined>,
    roles: readonly StaffRole[] = ['admin', 'volunteer'],
  ): Promise<Partial<Record<StaffRole, string>>> {
    const generated: Partial<Record<StaffRole, string>> = {};
    for (const role of roles) {
      const existing = await this.repository.byUsername(role);
      const pin = pins[role];
      if (existing && !pin) continue;
      if (existing && pin && (await pinMatches(pin, existing.pinHash))) continue;
      const chosen = pin ?? String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!pin) generated[role] = chosen;
      const pinHash = await hashPin(chosen);
      await this.writes.run(async (tx) => {
        if (existing) await this.repository.setPin(tx, existing.id, pinHash);
        else
          await this.repository.insert(tx, {
            id: uuidv7(),
            username: role,
            displayName: role === 'admin' ? '社区管理员' : '志愿者',
            role,
            pinHash,
            failedAttempts: 0,
            lockedUntil: null,
            active: true,
            createdAt: new Date().toISOString(),
          });
      });
    }
    return generated;
  }

  /**
   * Counts one more failure of the username, or refuses while its lock holds. Returns how long to
   * lock it if this attempt turns out wrong (it is the last free one), else undefined.
   */
  private async reserveAttempt(tx: Tx, staffId: string): Promise<number | undefined> {
    const row = await this.repository.find(staffId, tx);
    if (!row) throw DomainError.unauthorized('PIN_INVALID', 'Wrong username or PIN.');
    if (row.lockedUntil && Date.parse(row.lockedUntil) > Date.now()) {
      throw lockedOut(Date.parse(row.lockedUntil) - Date.now());
    }
    if (row.failedAttempts >= USERNAME_FREE_FAILURES) {
      // attempts already reserved by guesses still in flight: this one waits like them
      throw lockedOut(lockMs(0, Number.POSITIVE_INFINITY));
    }
    const attempt = row.failedAttempts + 1;
    await this.repository.setAttempts(tx, staffId, attempt, null);
    return attempt >= USERNAME_FREE_FAILURES ? this.lockLevels.next(staffId) : undefined;
  }
}

/** Hash of no one's PIN: an unknown username is checked against it so it costs the same scrypt work. */
const unknownUserHash = hashPin(randomBytes(8).toString('hex'));

function lockedOut(leftMs: number): DomainError {
  const minutes = Math.max(1, Math.ceil(leftMs / 60000));
  return new DomainError(429, 'LOCKED_OUT', `Too many wrong PINs; try again in ${minutes} minute(s).`, {
    retryAfterSeconds: Math.max(1, Math.ceil(leftMs / 1000)),
  });
}
