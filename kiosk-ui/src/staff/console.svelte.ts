import { ApiFailure, api } from '../api/client';
import { ScanGate } from '../scan/scan-gate';
import { Idle } from '../state/idle.svelte';
import { locale } from '../i18n/i18n.svelte';
import { staffMode } from '../state/staff-mode.svelte';
import { type StaffRole, type StaffSignedIn, staffApi, useStaffToken } from './api';
import { type StaffTextKey, t } from './i18n';
import { type ServerRole, type StaffScreen, screensFor } from './registry';
import { scanKind } from './scan-kinds';

/** The sign-in screen left alone returns to the resident Start screen after this long. */
export const SIGN_IN_IDLE_SECONDS = 60;
/** A signed-in console nobody touches signs out after this long (the last 10 s count down). */
export const STAFF_IDLE_SECONDS = 180;

export interface StaffUser {
  token: string;
  role: StaffRole;
  displayName: string;
  username: string;
}

export interface Toast {
  /** Called when shown, so the words follow the language toggle. */
  text: () => string;
  tone: 'ok' | 'info' | 'error';
  serial: number;
}

type ScanHandler = (text: string) => void;
export type Intent = Record<string, string | number>;

/**
 * The staff console: who is signed in, which screen is open, the idle sign-out, and where scans
 * go. The token lives only here, in memory: a reload or a restart signs out.
 *
 *   sign-in ──PIN──▶ home menu ⇄ screen
 *      ▲                 │ sign out / idle / session gone
 *      └── Start ◀───────┘
 */
class StaffConsole {
  user = $state<StaffUser | null>(null);
  screenId = $state<string | null>(null);
  /** Said on the sign-in screen (e.g. the server forgot the session). */
  signInNotice = $state<StaffTextKey | null>(null);
  /** Whose staff card was scanned at the sign-in: the PIN is asked for this username. */
  cardHolder = $state<{ username: string; displayName: string; serial: number } | null>(null);
  toast = $state<Toast | null>(null);
  /** What the screen being opened should start with (e.g. Low stock → Receive this product). */
  intent = $state<Intent | null>(null);
  /** What this server is: a store's kiosk, or the district hub (its console shows the hub's screens). */
  server = $state<ServerRole>('kiosk');
  readonly idle = new Idle();

  screens = $derived(screensFor(this.user?.role ?? null, undefined, this.server));
  screen = $derived<StaffScreen | null>(this.screens.find((screen) => screen.id === this.screenId) ?? null);

  private scanHandler: ScanHandler | null = null;
  private readonly gate = new ScanGate(1500);
  private toastSerial = 0;

  /** The console was mounted: take scans and touches over, and time the sign-in screen. */
  start(): () => void {
    const disconnect = staffMode.connect({ scan: (text) => this.scan(text), activity: () => this.activity() });
    this.startIdle();
    void this.learnServer();
    const card = staffMode.takeCard();
    if (card) void this.staffCard(card);
    return () => {
      disconnect();
      this.idle.stop();
    };
  }

  signedIn(result: StaffSignedIn, username: string): void {
    this.user = { token: result.token, role: result.role, displayName: result.displayName, username };
    this.signInNotice = null;
    this.cardHolder = null;
    this.screenId = null;
    useStaffToken(result.token, () => this.sessionLost());
    this.startIdle();
    void this.learnServer();
  }

  /** Asks the server what it is (kiosk or hub); a failed ask keeps what was known. */
  async learnServer(): Promise<void> {
    try {
      this.server = (await api.kiosk()).role === 'hub' ? 'hub' : 'kiosk';
    } catch {
      // Offline for a moment: asked again at the next sign-in.
    }
  }

  open(id: string, intent: Intent | null = null): void {
    if (!this.screens.some((screen) => screen.id === id)) return;
    this.scanHandler = null;
    this.intent = intent;
    this.screenId = id;
  }

  /** The intent the opened screen was given, once. */
  takeIntent(): Intent | null {
    const intent = this.intent;
    this.intent = null;
    return intent;
  }

  home(): void {
    this.scanHandler = null;
    this.intent = null;
    this.screenId = null;
  }

  /** Signs out on the server and returns to the resident Start screen. */
  signOut(): void {
    this.forget();
    staffMode.leave();
  }

  /** The active screen takes scans until it is left; returns the way to stop. */
  onScan(handler: ScanHandler): () => void {
    this.scanHandler = handler;
    return () => {
      if (this.scanHandler === handler) this.scanHandler = null;
    };
  }

  scan(text: string, now = Date.now()): void {
    const code = text.trim();
    this.idle.poke();
    if (!code) return;
    // Signed out, only a staff card means something: it names who signs in. A member card is
    // said to be one, so nobody keeps scanning it and wondering.
    if (!this.user) {
      const kind = scanKind(code);
      if (kind !== 'staffCard' && kind !== 'memberCard') return;
      if (!this.gate.accept(code, now)) return;
      if (kind === 'staffCard') void this.staffCard(code);
      else this.signInNotice = 'signIn.memberCard';
      return;
    }
    if (!this.gate.accept(code, now)) return;
    if (this.scanHandler) this.scanHandler(code);
    else this.say(() => t('scan.ignored'), 'info');
  }

  activity(): void {
    // While the countdown shows, only its own button (or a tap beside it) answers it.
    if (this.idle.warning) return;
    this.idle.poke();
  }

  /** A short message at the bottom of the screen (saved, scanned…). */
  say(text: () => string, tone: Toast['tone'] = 'ok'): void {
    this.toast = { text, tone, serial: ++this.toastSerial };
  }

  private async staffCard(qr: string): Promise<void> {
    try {
      const holder = await staffApi.staffCardHolder(qr);
      this.signInNotice = null;
      this.cardHolder = { ...holder, serial: (this.cardHolder?.serial ?? 0) + 1 };
    } catch (error) {
      this.signInNotice =
        error instanceof ApiFailure && error.code === 'CARD_INVALID' ? 'signIn.cardInvalid' : 'staffError.network';
    }
  }

  /** The server no longer knows the token (restart, its own idle limit): sign in again. */
  private sessionLost(): void {
    if (!this.user) return;
    this.forget();
    this.signInNotice = 'signIn.sessionExpired';
    this.startIdle();
  }

  private forget(): void {
    const token = this.user?.token;
    this.user = null;
    this.cardHolder = null;
    this.screenId = null;
    this.scanHandler = null;
    this.intent = null;
    this.toast = null;
    useStaffToken(null);
    if (token) staffApi.signOut(token).catch(() => undefined);
    this.idle.stop();
    locale.reset();
  }

  private startIdle(): void {
    const seconds = idleOverride() ?? (this.user ? STAFF_IDLE_SECONDS : SIGN_IN_IDLE_SECONDS);
    this.idle.start(seconds, () => this.signOut());
  }
}

/** `?idle=N` (seconds, at least 3) shortens idle times for demonstrations and tests, as on the resident screens. */
function idleOverride(): number | null {
  const value = Number(new URLSearchParams(location.search).get('idle'));
  return Number.isFinite(value) && value >= 3 ? value : null;
}

export const staffConsole = new StaffConsole();
