import type { CurrentSession, StartedSession } from '../api/client';

/** The resident whose card was read: who, which account, the balance, and the card's text. */
class Session {
  token = $state<string | null>(null);
  displayName = $state('');
  accountId = $state('');
  balance = $state(0);
  /** The server's idle time for resident sessions. */
  idleSeconds = $state<number | null>(null);
  /** The QR text of the card that started this session. */
  qr = $state<string | null>(null);

  get active(): boolean {
    return this.token !== null;
  }

  begin(started: StartedSession, qr: string): void {
    this.token = started.token;
    this.qr = qr;
    this.update(started);
  }

  update(current: CurrentSession): void {
    this.displayName = current.member.displayName;
    this.accountId = current.account.id;
    this.balance = current.account.balance;
    this.idleSeconds = current.idleSeconds;
  }

  /** Forgets the resident; returns the token so the caller can end it on the server. */
  clear(): string | null {
    const token = this.token;
    this.token = null;
    this.qr = null;
    this.displayName = '';
    this.accountId = '';
    this.balance = 0;
    return token;
  }
}

export const session = new Session();
