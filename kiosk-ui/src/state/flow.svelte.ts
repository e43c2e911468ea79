import { api, ApiFailure, type Redemption } from '../api/client';
import { detailNumber, endsSession, errorMessageKey, isRetryable, monthlyLimitOf, NETWORK_ERROR } from '../api/errors';
import { locale, type MessageKey } from '../i18n/i18n.svelte';
import type { Params } from '../i18n/types';
import { ScanGate } from '../scan/scan-gate';
import { cart } from '../screens/Member/cart.svelte';
import { catalog } from './catalog.svelte';
import { connection } from './connection.svelte';
import { idle } from './idle.svelte';
import { session } from './session.svelte';
import { storeInfo } from './store-info.svelte';

/** The kiosk's screens, in the order a visit goes through them. */
export type Screen = 'start' | 'member' | 'confirm' | 'done';

export interface Notice {
  key: MessageKey;
  params?: Params;
}

/** Longest the UI waits by itself; the server's resident idle time is used when shorter. */
export const DEFAULT_IDLE_SECONDS = 60;
/** A checkout that cannot reach the server is retried (same Idempotency-Key) this long. */
const CHECKOUT_RETRY_MS = 60_000;
/** A card read while the server was away is used when it comes back within this time. */
const PENDING_SCAN_MS = 60_000;
/** While a resident is active, the server session is refreshed at least this often. */
const KEEPALIVE_MS = 20_000;

/**
 * The visit, as a small state machine:
 *
 *   start ──card──▶ member ──确认兑换──▶ confirm ──201──▶ done ──10 s / tap──▶ start
 *                     ▲                     │ refused: words, cart fixed
 *                     └─────────────────────┘
 *
 * Any screen returns to start when the visit ends (exit, idle, session gone); the server session
 * is ended on the way.
 */
class Flow {
  screen = $state<Screen>('start');
  notice = $state<Notice | null>(null);
  /** The QR text of another card read during a visit, waiting for "switch?" to be answered. */
  switchTo = $state<string | null>(null);
  /** A card is being looked up. */
  checking = $state(false);
  /** The checkout is waiting for the server to come back. */
  retrying = $state(false);
  receipt = $state<Redemption | null>(null);

  /** A card read while the server was away, used as soon as it answers again. */
  pendingScan = $state<{ qr: string; at: number } | null>(null);

  private readonly gate = new ScanGate(3000);
  /** Changes whenever a visit begins or ends, so late answers of an old visit are dropped. */
  private visit = 0;
  private lastServerContact = 0;

  constructor() {
    connection.onReconnect(() => this.reconnected());
  }

  /** A card was read by the camera or the handheld scanner. */
  scan(text: string, now = Date.now()): void {
    const qr = text.trim();
    if (!qr || !this.gate.accept(qr, now)) return;
    idle.poke();
    switch (this.screen) {
      case 'start':
        if (!this.checking) void this.begin(qr);
        return;
      case 'member':
        if (qr !== session.qr) this.switchTo = qr;
        return;
      case 'confirm':
        return;
      case 'done':
        if (qr !== session.qr) {
          this.endVisit();
          void this.begin(qr);
        }
        return;
    }
  }

  /** Someone touched the screen or pressed a key. */
  activity(): void {
    // While "are you still there?" shows, only its own tap answers it: closing it under the
    // finger would let the same tap land on whatever lies beneath.
    if (idle.warning) return;
    idle.poke();
    const token = session.token;
    if (!token || this.screen !== 'member' || Date.now() - this.lastServerContact < KEEPALIVE_MS) return;
    this.lastServerContact = Date.now();
    const visit = this.visit;
    api.currentSession(token).then(
      (current) => {
        if (visit === this.visit) session.update(current);
      },
      (error: unknown) => {
        if (visit === this.visit && endsSession(failureOf(error).code)) this.sessionGone();
      },
    );
  }

  acceptSwitch(): void {
    const qr = this.switchTo;
    this.switchTo = null;
    if (!qr) return;
    this.endVisit();
    void this.begin(qr);
  }

  declineSwitch(): void {
    this.switchTo = null;
    idle.poke();
  }

  dismissNotice(): void {
    this.notice = null;
    idle.poke();
  }

  /** The resident pressed 退出, the Done screen finished, or the idle time ran out. */
  endVisit(): void {
    this.visit++;
    // The card may still be in front of the camera: it is not read again until taken away.
    if (session.qr) this.gate.accept(session.qr, Date.now());
    const token = session.clear();
    if (token) api.endSession(token).catch(() => undefined);
    cart.clear();
    idle.stop();
    this.switchTo = null;
    this.notice = null;
    this.receipt = null;
    this.retrying = false;
    this.screen = 'start';
    locale.reset();
  }

  async confirm(): Promise<void> {
    const token = session.token;
    if (this.screen !== 'member' || !token || cart.checkoutBlocker) return;
    const visit = this.visit;
    const key = cart.checkoutKey();
    const items = cart.items();
    this.screen = 'confirm';
    idle.pause();
    const deadline = Date.now() + CHECKOUT_RETRY_MS;
    for (;;) {
      try {
        const receipt = await api.redeem(token, key, items);
        if (visit !== this.visit) return;
        this.retrying = false;
        this.receipt = receipt;
        session.balance = receipt.balanceAfter;
        cart.clear();
        idle.stop();
        this.screen = 'done';
        return;
      } catch (error) {
        if (visit !== this.visit) return;
        const failure = failureOf(error);
        if (isRetryable(failure.code) && Date.now() < deadline) {
          if (failure.code === NETWORK_ERROR) {
            this.retrying = true;
            await connection.waitOnline(deadline - Date.now());
          } else {
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
          if (visit !== this.visit) return;
          continue;
        }
        this.retrying = false;
        await this.checkoutRefused(failure, visit);
        return;
      }
    }
  }

  private async begin(qr: string): Promise<void> {
    const visit = ++this.visit;
    this.checking = true;
    this.notice = null;
    try {
      const started = await api.startSession(qr);
      if (visit !== this.visit) {
        api.endSession(started.token).catch(() => undefined);
        return;
      }
      this.pendingScan = null;
      this.lastServerContact = Date.now();
      cart.clear();
      session.begin(started, qr);
      this.screen = 'member';
      idle.start(this.idleSeconds(), () => this.timedOut());
      void catalog.refresh();
    } catch (error) {
      if (visit !== this.visit) return;
      const failure = failureOf(error);
      if (failure.code === NETWORK_ERROR) {
        // The reconnecting banner says the card will be read as soon as the server is back.
        this.pendingScan = { qr, at: Date.now() };
        this.gate.forget(qr);
        return;
      }
      this.notice = { key: errorMessageKey(failure.code) };
    } finally {
      if (visit === this.visit) this.checking = false;
    }
  }

  private async checkoutRefused(failure: ApiFailure, visit: number): Promise<void> {
    const code = failure.code;
    let notice: Notice = { key: errorMessageKey(code) };
    if (endsSession(code)) {
      this.sessionGone();
      return;
    }
    if (code === 'OUT_OF_STOCK' || code === 'PRODUCT_UNAVAILABLE' || code === 'PRODUCT_NOT_FOUND') {
      await catalog.refresh();
      const names = cart
        .reconcile()
        .map((change) => change.name)
        .filter(Boolean);
      if (code === 'OUT_OF_STOCK' && names.length)
        notice = { key: 'error.outOfStockNamed', params: { names: names.join('、') } };
    } else if (code === 'LIMIT_EXCEEDED') {
      const limit = monthlyLimitOf(failure.details);
      const name = limit && cart.quantity(limit.productId) > 0 ? catalog.byId.get(limit.productId)?.name : undefined;
      if (limit && name) {
        cart.applyMonthlyLeft([limit]);
        notice = { key: 'error.limitExceededNamed', params: { names: name } };
      }
    } else if (code === 'INSUFFICIENT_POINTS' || code === 'BELOW_MINIMUM_BALANCE') {
      await this.refreshBalance(visit);
      // The server's minimum at the time of the refusal; the one loaded at start may be older.
      const minimum = detailNumber(failure.details, 'minimum') ?? storeInfo.minRedeemBalance;
      if (code === 'BELOW_MINIMUM_BALANCE' && minimum !== null) {
        notice = { key: 'error.belowMinimumKnown', params: { min: minimum } };
      }
    }
    if (visit !== this.visit) return;
    this.notice = notice;
    this.screen = 'member';
    idle.resume();
  }

  private async refreshBalance(visit: number): Promise<void> {
    const token = session.token;
    if (!token) return;
    try {
      const current = await api.currentSession(token);
      if (visit === this.visit) session.update(current);
    } catch {
      // The next action tells.
    }
  }

  private sessionGone(): void {
    this.endVisit();
    this.notice = { key: 'error.sessionExpired' };
  }

  private timedOut(): void {
    this.endVisit();
  }

  /** The server answers again: refresh what the screens show, and use a card read meanwhile. */
  private reconnected(): void {
    void catalog.refresh();
    void storeInfo.load();
    const pending = this.pendingScan;
    this.pendingScan = null;
    if (this.notice?.key === 'error.network') this.notice = null;
    if (pending && this.screen === 'start' && Date.now() - pending.at < PENDING_SCAN_MS && !this.checking) {
      void this.begin(pending.qr);
    }
  }

  /** `?idle=N` (seconds, at least 3) shortens the idle time for demonstrations and tests. */
  private idleSeconds(): number {
    const override = Number(new URLSearchParams(location.search).get('idle'));
    if (Number.isFinite(override) && override >= 3) return override;
    const server = session.idleSeconds ?? storeInfo.residentIdleSeconds;
    return Math.min(DEFAULT_IDLE_SECONDS, server ?? DEFAULT_IDLE_SECONDS);
  }
}

function failureOf(error: unknown): ApiFailure {
  return error instanceof ApiFailure ? error : new ApiFailure('UNKNOWN', 0, String(error));
}

export const flow = new Flow();
