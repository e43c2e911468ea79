import { Injectable, Logger } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { CardFace } from '@kiosk/hardware';
import { CardsService } from '../cards/cards.service';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { SettingsService } from '../settings/settings.service';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import { SessionStore, type StaffSession } from '../sessions/session.store';
import { hashPin, pinMatches } from './pin-hash';
import type { StaffRole } from './staff.entity';
import { StaffRepository } from './staff.repository';

export const MAX_PIN_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

@Injectable()
export class StaffService {
  private readonly logger = new Logger('Staff');

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
   * Five wrong PINs lock the username for five minutes; an unknown name answers like a wrong PIN.
   * Each try reserves an attempt in the write queue before the PIN is checked, so concurrent
   * guesses are counted one by one and at most five are ever checked before the lock.
   */
  async signIn(username: string, pin: string): Promise<StaffSession & { displayName: string }> {
    const staff = await this.repository.active(username);
    if (!staff) throw DomainError.unauthorized('PIN_INVALID', 'Wrong username or PIN.');
    const attempt = await this.writes.run((tx) => this.reserveAttempt(tx, staff.id));
    if (await pinMatches(pin, staff.pinHash)) {
      await this.writes.run((tx) => this.repository.setAttempts(tx, staff.id, 0, null));
      const session = this.sessions.startStaff({ staffId: staff.id, username: staff.username, role: staff.role });
      return { ...session, displayName: staff.displayName };
    }
    if (attempt < MAX_PIN_FAILURES) throw DomainError.unauthorized('PIN_INVALID', 'Wrong username or PIN.');
    const lockedUntil = new Date(Date.now() + LOCKOUT_MS).toISOString();
    await this.writes.run((tx) => this.repository.setAttempts(tx, staff.id, 0, lockedUntil));
    this.logger.warn(`staff ${username} locked out after ${MAX_PIN_FAILURES} wrong PINs`);
    throw lockedOut(lockedUntil);
  }

  /**
   * Makes sure the `admin` and `volunteer` accounts exist. A PIN from the environment is applied
   * every start; without one a random PIN is made once and returned so it can be shown once.
   */
  async ensureDefaultStaff(pins: Record<StaffRole, string | undefined>): Promise<Partial<Record<StaffRole, string>>> {
    const generated: Partial<Record<StaffRole, string>> = {};
    for (const role of ['admin', 'volunteer'] as const) {
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

  /** Counts one more attempt and returns its number (1-based), or refuses while the lock holds. */
  private async reserveAttempt(tx: Tx, staffId: string): Promise<number> {
    const row = await this.repository.find(staffId, tx);
    if (!row) throw DomainError.unauthorized('PIN_INVALID', 'Wrong username or PIN.');
    if (row.lockedUntil && Date.parse(row.lockedUntil) > Date.now()) throw lockedOut(row.lockedUntil);
    if (row.failedAttempts >= MAX_PIN_FAILURES) throw lockedOut(new Date(Date.now() + LOCKOUT_MS).toISOString());
    const attempt = row.failedAttempts + 1;
    await this.repository.setAttempts(tx, staffId, attempt, null);
    return attempt;
  }
}

function lockedOut(until: string): DomainError {
  const left = Date.parse(until) - Date.now();
  const minutes = Math.max(1, Math.ceil(left / 60000));
  return new DomainError(429, 'LOCKED_OUT', `Too many wrong PINs; try again in ${minutes} minute(s).`, {
    retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)),
  });
}
