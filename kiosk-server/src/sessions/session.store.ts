import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { randomToken } from '../common/ids';
import type { StaffRole } from '../staff/staff.entity';
import { SettingsService } from '../settings/settings.service';

export interface ResidentSession {
  kind: 'resident';
  token: string;
  accountId: string;
  memberId: string;
  memberName: string;
  cardNo: string;
  lastSeen: number;
}

export interface StaffSession {
  kind: 'staff';
  token: string;
  staffId: string;
  username: string;
  role: StaffRole;
  lastSeen: number;
}

export type Session = ResidentSession | StaffSession;

/** Staff stay signed in while they work; a forgotten staff session ends after this much idle time. */
export const STAFF_IDLE_SECONDS = 15 * 60;

/** Live sessions at most; past it the least recently used one ends, so memory stays bounded. */
export const MAX_SESSIONS = 2000;
const SWEEP_EVERY_MS = 60_000;

/**
 * Sessions live in memory: a kiosk restart signs everyone out, which is what a person at the
 * counter expects. Each ends on request or after its idle time; a card has one live resident
 * session (a new scan of it ends the old one). Starting a session does constant work: expired
 * sessions are found lazily on use and by a sweep once a minute, not by a scan per sign-in.
 */
@Injectable()
export class SessionStore implements OnModuleDestroy {
  /** Kept in least-recently-used order (a use moves a session to the end). */
  private readonly sessions = new Map<string, Session>();
  private readonly residentByCard = new Map<string, string>();
  private readonly sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);

  constructor(private readonly settings: SettingsService) {
    // the sweep only tidies memory; it must not keep the process alive
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  startResident(data: Omit<ResidentSession, 'kind' | 'token' | 'lastSeen'>): ResidentSession {
    const previous = this.residentByCard.get(data.cardNo);
    if (previous) this.end(previous);
    const session = this.add({ ...data, kind: 'resident' as const, token: randomToken(), lastSeen: Date.now() });
    this.residentByCard.set(session.cardNo, session.token);
    return session;
  }

  startStaff(data: Omit<StaffSession, 'kind' | 'token' | 'lastSeen'>): StaffSession {
    return this.add({ ...data, kind: 'staff', token: randomToken(), lastSeen: Date.now() });
  }

  /** The live session for a token, refreshed; undefined when unknown or idle too long. */
  use(token: string): Session | undefined {
    const session = this.sessions.get(token);
    if (!session) return undefined;
    const now = Date.now();
    if (now - session.lastSeen > this.idleMs(session)) {
      this.end(token);
      return undefined;
    }
    session.lastSeen = now;
    this.sessions.delete(token);
    this.sessions.set(token, session);
    return session;
  }

  end(token: string): boolean {
    const session = this.sessions.get(token);
    if (!session) return false;
    this.sessions.delete(token);
    if (session.kind === 'resident' && this.residentByCard.get(session.cardNo) === token) {
      this.residentByCard.delete(session.cardNo);
    }
    return true;
  }

  /** Signs out the residents a change has made stale (their card cancelled, their member moved). */
  endResidents(match: (session: ResidentSession) => boolean): void {
    for (const [token, session] of this.sessions) {
      if (session.kind === 'resident' && match(session)) this.end(token);
    }
  }

  /** Signs out a staff member everywhere (deactivated, or their role changed). */
  endStaff(staffId: string): void {
    for (const [token, session] of this.sessions) {
      if (session.kind === 'staff' && session.staffId === staffId) this.end(token);
    }
  }

  private add<T extends Session>(session: T): T {
    // the first key is the least recently used session
    for (const token of this.sessions.keys()) {
      if (this.sessions.size < MAX_SESSIONS) break;
      this.end(token);
    }
    this.sessions.set(session.token, session);
    return session;
  }

  private idleMs(session: Session): number {
    const seconds = session.kind === 'resident' ? this.settings.current.residentIdleSeconds : STAFF_IDLE_SECONDS;
    return seconds * 1000;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [token, session] of this.sessions) {
      if (now - session.lastSeen > this.idleMs(session)) this.end(token);
    }
  }
}
