import { Injectable, Logger } from '@nestjs/common';
import { randomBytes, randomInt } from 'node:crypto';
import type { CardFace } from '@kiosk/hardware';
import { AuditTrailService, changedFields } from '../audit/audit-trail.service';
import { CardsService } from '../cards/cards.service';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { SettingsService } from '../settings/settings.service';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import { staffActor } from '../sessions/auth.guards';
import { SessionStore, type StaffSession } from '../sessions/session.store';
import { hashPin, pinMatches } from './pin-hash';
import {
  ADDRESS_FREE_FAILURES,
  AddressLimiter,
  lockMs,
  USERNAME_FREE_FAILURES,
  UsernameLockLevels,
} from './sign-in-limiter';
import type { StaffEntity, StaffRole } from './staff.entity';
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
    private readonly audit: AuditTrailService,
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
   * Wrong PINs are limited twice, both per person, so one person's slips never lock another out.
   * Per client address and person: five, then that person is slowed at that address (30 s, 1 min,
   * 2 min … up to 15 min). Per person: ten from address-person pairs not yet slowed, then the person
   * is locked for everyone (30 s, 1 min … up to 5 min), so one attacker cannot keep `admin` locked
   * out while the right PIN from another address still works. Unknown names share one count per
   * address, and answer like a wrong PIN after the same scrypt work. Each try is reserved before its
   * PIN is checked, so guesses sent at once are counted one by one. A wrong PIN says how many tries
   * are left before a lock (`details.attemptsLeft`). `address` is the socket's peer: behind a
   * reverse proxy it is the proxy's.
   */
  async signIn(username: string, pin: string, address: string): Promise<StaffSession & { displayName: string }> {
    const staff = await this.repository.active(username);
    const key = `${address} ${staff?.id ?? '?'}`;
    const reservation = this.addresses.reserve(key);
    if (!reservation.ok) throw lockedOut(reservation.retryAfterMs);
    const addressLeft = ADDRESS_FREE_FAILURES - reservation.failures;
    if (!staff) {
      await pinMatches(pin, await unknownUserHash);
      throw this.addressRefusal(address, reservation.lockMs, addressLeft);
    }
    const attempt = reservation.countsForUsername
      ? await this.writes.run((tx) => this.reserveAttempt(tx, staff.id))
      : await this.checkUnlocked(staff.id);
    if (await pinMatches(pin, staff.pinHash)) {
      this.addresses.succeeded(key);
      this.lockLevels.reset(staff.id);
      await this.writes.run((tx) => this.repository.setAttempts(tx, staff.id, 0, null));
      const session = this.sessions.startStaff({ staffId: staff.id, username: staff.username, role: staff.role });
      return { ...session, displayName: staff.displayName };
    }
    if (attempt?.lockMs !== undefined) {
      const lockedUntil = new Date(Date.now() + attempt.lockMs).toISOString();
      await this.writes.run((tx) => this.repository.setAttempts(tx, staff.id, 0, lockedUntil));
      this.logger.warn(
        `staff ${username} locked for ${Math.round(attempt.lockMs / 1000)} s after ${USERNAME_FREE_FAILURES} wrong PINs, the last from ${address}`,
      );
      throw lockedOut(attempt.lockMs);
    }
    const left = attempt ? Math.min(addressLeft, USERNAME_FREE_FAILURES - attempt.count) : addressLeft;
    throw this.addressRefusal(address, reservation.lockMs, left);
  }

  /** A wrong PIN or name: 401, or 429 once this one has slowed the address (logged with the address). */
  private addressRefusal(address: string, lockMs: number | undefined, attemptsLeft: number): DomainError {
    if (lockMs === undefined) {
      return new DomainError(401, 'PIN_INVALID', 'Wrong username or PIN.', { attemptsLeft: Math.max(1, attemptsLeft) });
    }
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

  /** Everyone who has been staff here, oldest first, for the admin screen. */
  async list(): Promise<StaffSummary[]> {
    return (await this.repository.all()).map(summary);
  }

  /** The names the sign-in screen offers: active staff, whom to tap (no roles, no ids). */
  async signInNames(): Promise<{ username: string; displayName: string }[]> {
    return (await this.repository.allActive()).map((staff) => ({
      username: staff.username,
      displayName: staff.displayName,
    }));
  }

  /**
   * Adds a staff member with their own PIN. The kiosk makes the username (`staff` and six random
   * letters or digits): it is what their card, the ledger and the change log name, so it never
   * changes, even on a rename. Random rather than counted, because entries and changes travel to
   * the store's other kiosks and the hub, where staff do not: a counted `staff1` would be another
   * person there, and the name shown beside the entry would be theirs.
   */
  async create(input: { displayName: string; role: StaffRole; pin: string }, actor: string): Promise<StaffSummary> {
    const displayName = input.displayName.trim();
    const pinHash = await hashPin(input.pin);
    return this.writes.run(async (tx) => {
      if (await this.repository.nameTaken(tx, displayName, '')) throw nameTaken(displayName);
      let username = newUsername();
      while (await this.repository.usernameTaken(tx, username)) username = newUsername();
      const staff: StaffEntity = {
        id: uuidv7(),
        username,
        displayName,
        role: input.role,
        pinHash,
        failedAttempts: 0,
        lockedUntil: null,
        active: true,
        createdAt: new Date().toISOString(),
      };
      await this.repository.insert(tx, staff);
      await this.audit.record(tx, {
        actor,
        action: 'staff.create',
        entity: 'staff',
        entityId: staff.id,
        after: { username: staff.username, displayName, role: staff.role },
      });
      return summary(staff);
    });
  }

  /**
   * Renames, changes the role of, deactivates or reactivates a staff member. The last active
   * admin can be neither demoted nor deactivated (409 LAST_ADMIN): someone must be able to
   * manage the store. Deactivating or changing the role ends the person's open sessions.
   */
  async update(
    id: string,
    patch: { displayName?: string; role?: StaffRole; active?: boolean },
    actor: string,
  ): Promise<StaffSummary> {
    const { staff, signOut } = await this.writes.run(async (tx) => {
      const current = await this.existing(tx, id);
      const next = {
        displayName: patch.displayName?.trim() ?? current.displayName,
        role: patch.role ?? current.role,
        active: patch.active ?? current.active,
      };
      const removesAdmin = current.role === 'admin' && current.active && (next.role !== 'admin' || !next.active);
      if (removesAdmin && (await this.repository.otherActiveAdmins(tx, id)) === 0) {
        throw DomainError.conflict('LAST_ADMIN', 'The last active admin cannot be deactivated or made a volunteer.');
      }
      if (next.active && (await this.repository.nameTaken(tx, next.displayName, id))) throw nameTaken(next.displayName);
      const changes = changedFields(
        { displayName: current.displayName, role: current.role, active: current.active },
        next,
      );
      if (!changes) return { staff: current, signOut: false };
      await this.repository.setProfile(tx, id, next);
      await this.audit.record(tx, { actor, action: 'staff.update', entity: 'staff', entityId: id, ...changes });
      return { staff: { ...current, ...next }, signOut: !next.active || next.role !== current.role };
    });
    if (signOut) this.sessions.endStaff(id);
    return summary(staff);
  }

  /** An admin sets a new PIN for someone who forgot theirs; it also lifts any lock on them. */
  async resetPin(id: string, pin: string, actor: string): Promise<void> {
    const pinHash = await hashPin(pin);
    await this.writes.run(async (tx) => {
      await this.existing(tx, id);
      await this.repository.setPin(tx, id, pinHash);
      await this.audit.record(tx, { actor, action: 'staff.pin-reset', entity: 'staff', entityId: id });
    });
    this.lockLevels.reset(id);
    this.addresses.forget((key) => key.endsWith(` ${id}`));
  }

  /**
   * A signed-in staff member changes their own PIN. The current PIN is asked (a kiosk left signed
   * in must not let a passer-by take the account over) and wrong ones count like sign-in tries.
   */
  async changeOwnPin(session: StaffSession, currentPin: string, newPin: string, address: string): Promise<void> {
    const key = `${address} ${session.staffId}`;
    const reservation = this.addresses.reserve(key);
    if (!reservation.ok) throw lockedOut(reservation.retryAfterMs);
    const staff = await this.repository.find(session.staffId);
    if (!staff?.active) throw DomainError.unauthorized('STAFF_SESSION_REQUIRED', 'Staff sign-in required.');
    if (!(await pinMatches(currentPin, staff.pinHash))) {
      if (reservation.lockMs !== undefined) throw lockedOut(reservation.lockMs);
      throw new DomainError(400, 'PIN_INVALID', 'The current PIN is wrong.', {
        attemptsLeft: Math.max(1, ADDRESS_FREE_FAILURES - reservation.failures),
      });
    }
    this.addresses.succeeded(key);
    const pinHash = await hashPin(newPin);
    await this.writes.run(async (tx) => {
      await this.repository.setPin(tx, staff.id, pinHash);
      await this.audit.record(tx, {
        actor: staffActor(session),
        action: 'staff.pin-change',
        entity: 'staff',
        entityId: staff.id,
      });
    });
  }

  /** The card face of a staff member by id. */
  async cardFaceById(id: string): Promise<CardFace> {
    const staff = await this.repository.find(id);
    if (!staff?.active) throw DomainError.notFound('STAFF_NOT_FOUND', 'No such staff member.');
    return this.cardFace(staff.username);
  }

  private async existing(tx: Tx, id: string): Promise<StaffEntity> {
    const staff = await this.repository.find(id, tx);
    if (!staff) throw DomainError.notFound('STAFF_NOT_FOUND', 'No such staff member.');
    return staff;
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
  private async reserveAttempt(tx: Tx, staffId: string): Promise<{ count: number; lockMs: number | undefined }> {
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
    return { count: attempt, lockMs: attempt >= USERNAME_FREE_FAILURES ? this.lockLevels.next(staffId) : undefined };
  }
}

export interface StaffSummary {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  locked: boolean;
  hasCard: boolean;
}

function summary(staff: StaffEntity): StaffSummary {
  return {
    id: staff.id,
    username: staff.username,
    displayName: staff.displayName,
    role: staff.role,
    active: staff.active,
    locked: staff.lockedUntil !== null && Date.parse(staff.lockedUntil) > Date.now(),
    // a card names its holder by username; it signs in only an active staff member
    hasCard: staff.active,
  };
}

/** Letters and digits a person cannot mistake for one another (no 0/o, 1/l/i), all on the sign-in's letter keys. */
const USERNAME_LETTERS = 'abcdefghjkmnpqrstuvwxyz23456789';

function newUsername(): string {
  let tail = '';
  for (let i = 0; i < 6; i += 1) tail += USERNAME_LETTERS[randomInt(USERNAME_LETTERS.length)];
  return `staff${tail}`;
}

function nameTaken(displayName: string): DomainError {
  return DomainError.conflict('STAFF_NAME_TAKEN', `Another staff member is already called ${displayName}.`);
}

/** Hash of no one's PIN: an unknown username is checked against it so it costs the same scrypt work. */
const unknownUserHash = hashPin(randomBytes(8).toString('hex'));

function lockedOut(leftMs: number): DomainError {
  const minutes = Math.max(1, Math.ceil(leftMs / 60000));
  return new DomainError(429, 'LOCKED_OUT', `Too many wrong PINs; try again in ${minutes} minute(s).`, {
    retryAfterSeconds: Math.max(1, Math.ceil(leftMs / 1000)),
  });
}
