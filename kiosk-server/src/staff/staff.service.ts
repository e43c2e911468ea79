import { Injectable, Logger } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { WriteQueue } from '../database/write-queue';
import { SessionStore, type StaffSession } from '../sessions/session.store';
import { hashPin, pinMatches } from './pin-hash';
import { StaffEntity, type StaffRole } from './staff.entity';

export const MAX_PIN_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

@Injectable()
export class StaffService {
  private readonly logger = new Logger('Staff');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly sessions: SessionStore,
  ) {}

  /** Five wrong PINs lock the username for five minutes; an unknown name answers like a wrong PIN. */
  async signIn(username: string, pin: string): Promise<StaffSession & { displayName: string }> {
    const staff = await this.dataSource.getRepository(StaffEntity).findOneBy({ username, active: true });
    if (!staff) throw DomainError.unauthorized('PIN_INVALID', 'Wrong username or PIN.');
    if (staff.lockedUntil && Date.parse(staff.lockedUntil) > Date.now()) throw lockedOut(staff.lockedUntil);
    if (!(await pinMatches(pin, staff.pinHash))) {
      const failures = staff.failedAttempts + 1;
      const lockedUntil = failures >= MAX_PIN_FAILURES ? new Date(Date.now() + LOCKOUT_MS).toISOString() : null;
      await this.writes.run((m) =>
        m.update(StaffEntity, { id: staff.id }, { failedAttempts: lockedUntil ? 0 : failures, lockedUntil }),
      );
      if (lockedUntil) {
        this.logger.warn(`staff ${username} locked out after ${MAX_PIN_FAILURES} wrong PINs`);
        throw lockedOut(lockedUntil);
      }
      throw DomainError.unauthorized('PIN_INVALID', 'Wrong username or PIN.');
    }
    if (staff.failedAttempts > 0 || staff.lockedUntil) {
      await this.writes.run((m) => m.update(StaffEntity, { id: staff.id }, { failedAttempts: 0, lockedUntil: null }));
    }
    const session = this.sessions.startStaff({ staffId: staff.id, username: staff.username, role: staff.role });
    return { ...session, displayName: staff.displayName };
  }

  /**
   * Makes sure the `admin` and `volunteer` accounts exist. A PIN from the environment is applied
   * every start; without one a random PIN is made once and returned so it can be shown once.
   */
  async ensureDefaultStaff(pins: Record<StaffRole, string | undefined>): Promise<Partial<Record<StaffRole, string>>> {
    const generated: Partial<Record<StaffRole, string>> = {};
    const repo = this.dataSource.getRepository(StaffEntity);
    for (const role of ['admin', 'volunteer'] as const) {
      const existing = await repo.findOneBy({ username: role });
      const pin = pins[role];
      if (existing && !pin) continue;
      if (existing && pin && (await pinMatches(pin, existing.pinHash))) continue;
      const chosen = pin ?? String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (!pin) generated[role] = chosen;
      const pinHash = await hashPin(chosen);
      await this.writes.run(async (m) => {
        if (existing)
          await m.update(StaffEntity, { id: existing.id }, { pinHash, failedAttempts: 0, lockedUntil: null });
        else
          await m.insert(StaffEntity, {
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
}

function lockedOut(until: string): DomainError {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - Date.now()) / 60000));
  return new DomainError(429, 'LOCKED_OUT', `Too many wrong PINs; try again in ${minutes} minute(s).`);
}
