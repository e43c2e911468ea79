import { Injectable } from '@nestjs/common';
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

/**
 * Sessions live in memory: a kiosk restart signs everyone out, which is what a person at the
 * counter expects. Each ends on request or after its idle time.
 */
@Injectable()
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly settings: SettingsService) {}

  startResident(data: Omit<ResidentSession, 'kind' | 'token' | 'lastSeen'>): ResidentSession {
    return this.add({ ...data, kind: 'resident', token: randomToken(), lastSeen: Date.now() });
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
      this.sessions.delete(token);
      return undefined;
    }
    session.lastSeen = now;
    return session;
  }

  end(token: string): boolean {
    return this.sessions.delete(token);
  }

  /** Signs out the residents a change has made stale (their card cancelled, their member moved). */
  endResidents(match: (session: ResidentSession) => boolean): void {
    for (const [token, session] of this.sessions) {
      if (session.kind === 'resident' && match(session)) this.sessions.delete(token);
    }
  }

  private add<T extends Session>(session: T): T {
    this.sweep();
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
      if (now - session.lastSeen > this.idleMs(session)) this.sessions.delete(token);
    }
  }
}
