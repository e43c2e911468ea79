import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { AuditTrailService } from '../audit/audit-trail.service';
import { CardsService } from '../cards/cards.service';
import { LedgerRepository } from '../ledger/ledger.repository';
import { SEED_ACTOR } from '../seed/seed-actor';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WriteQueue } from '../database/write-queue';
import { SessionStore } from '../sessions/session.store';
import { DEFAULT_SETTINGS, SettingsService } from '../settings/settings.service';
import {
  type DigestResponse,
  type EnrolResponse,
  type PulledRow,
  type PullResponse,
  type PushResponse,
  SYNC_BATCH,
} from './dto/protocol.dto';
import { HubClient } from './hub-client';
import { hashJournalRow, parseChanges } from './journal';
import { JournalRepository } from './journal.repository';
import { JournalService } from './journal.service';
import { ReplicaRepository } from './replica.repository';
import { DeviceKey } from './request-signature';

export interface SyncRoundResult {
  pushed: number;
  pulled: number;
  acknowledgedSeq: number;
  pullCursor: number;
  store: string;
  rescanned: boolean;
  problems: string[];
  durationMs: number;
}

export interface SyncStatus {
  hubUrl: string | null;
  name: string | null;
  automatic: boolean;
  running: boolean;
  enrolled: boolean;
  kioskId: string | null;
  store: string | null;
  lastSyncAt: string | null;
  lastError: { code: string; message: string; at: string } | null;
  pending: number;
  acknowledgedSeq: number;
  lastUsbExportAt: string | null;
  lastUsbImportAt: string | null;
  usbEnrolmentPending: boolean;
}

/** Wait after a local write before a round, so a burst of writes goes up together. */
const AFTER_WRITE_MS = 2000;
const MAX_BACKOFF_MS = 10 * 60_000;
const CATCH_UP_WAIT_MS = 3000;
/** Pulled rows applied per write: small, so the counter's writes get in between. */
const PULL_CHUNK = 25;
const CATCH_UP_EVERY_MS = 10_000;

/**
 * A kiosk's side of sync: one round pushes its journal, pulls its store's changes and compares
 * digests. Rounds run one at a time, on demand and by themselves (an interval, soon after each
 * local write, backing off while the hub is away); the counter never waits for them.
 */
@Injectable()
export class SyncService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sync');
  private running: Promise<SyncRoundResult> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Infinity;
  private lastCatchUp = 0;
  private failures = 0;
  private stopped = false;
  private deviceKey: DeviceKey | undefined;
  /** What the offline allowance needs on every redemption, kept here rather than read each time. */
  private view: { store?: string; spendingPoints: number; lastPullAt?: string } = { spendingPoints: 0 };
  /** The hub and enrolment code in use: set at the console, else from HUB_URL and HUB_KEY. */
  private hub: { url?: string; code?: string } = {};
  private scheduling = false;

  constructor(
    private readonly writes: WriteQueue,
    private readonly repository: JournalRepository,
    private readonly replica: ReplicaRepository,
    private readonly journal: JournalService,
    private readonly cards: CardsService,
    private readonly sessions: SessionStore,
    private readonly settings: SettingsService,
    private readonly ledger: LedgerRepository,
    private readonly audit: AuditTrailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const state = await this.repository.state();
    this.view = {
      store: state.get('store'),
      spendingPoints: Number(state.get('spendingPoints') ?? 0),
      lastPullAt: state.get('lastPullAt'),
    };
    this.hub = { url: state.get('hubUrl') ?? this.config.hubUrl, code: state.get('hubKey') ?? this.config.hubKey };
  }

  /**
   * Since when this kiosk's spends of an account count against the offline allowance; undefined
   * when they do not: no hub, the store's only spending point, or a view of the store fresher
   * than SYNC_FRESH_SECONDS. A kiosk that never pulled counts every spend.
   */
  offlineSince(now = Date.now()): string | undefined {
    if (this.config.role !== 'kiosk' || !this.hub.url) return undefined;
    if (this.view.store !== undefined && this.view.spendingPoints <= 1) return undefined;
    const { lastPullAt } = this.view;
    if (lastPullAt && now - Date.parse(lastPullAt) < this.config.syncFreshMs) return undefined;
    return lastPullAt ?? '';
  }

  onApplicationBootstrap(): void {
    this.startAutomatic();
  }

  /** Automatic rounds, once there is a hub (at start, or once one is set at the console). */
  private startAutomatic(): void {
    if (!this.automatic || this.scheduling) return;
    this.scheduling = true;
    this.journal.onAppend(() => this.schedule(AFTER_WRITE_MS));
    this.cards.whenCardUnknown(() => this.catchUp());
    this.schedule(AFTER_WRITE_MS);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private get automatic(): boolean {
    return this.config.role === 'kiosk' && this.hub.url !== undefined && this.config.syncIntervalMs > 0;
  }

  async status(): Promise<SyncStatus> {
    const state = await this.repository.state();
    const acknowledgedSeq = Number(state.get('acknowledgedSeq') ?? 0);
    const lastError = state.get('lastError');
    return {
      hubUrl: this.hub.url ?? null,
      name: state.get('name') ?? null,
      automatic: this.automatic,
      running: this.running !== null,
      enrolled: state.has('kioskId'),
      kioskId: state.get('kioskId') ?? null,
      store: state.get('store') ?? null,
      lastSyncAt: state.get('lastSyncAt') ?? null,
      lastError: lastError ? (JSON.parse(lastError) as SyncStatus['lastError']) : null,
      pending: await this.repository.countAfter(this.journal.origin, acknowledgedSeq),
      acknowledgedSeq,
      lastUsbExportAt: state.get('lastUsbExportAt') ?? null,
      lastUsbImportAt: state.get('lastUsbImportAt') ?? null,
      usbEnrolmentPending: !state.has('kioskId') && state.has('usbEnrolCode'),
    };
  }

  /**
   * A round for a resident waiting at the counter with a card from another counter: waits for it
   * at most CATCH_UP_WAIT_MS, at most once per CATCH_UP_EVERY_MS (an unknown card is no reason to
   * hammer the hub), and never fails the scan.
   */
  private async catchUp(): Promise<void> {
    if (Date.now() - this.lastCatchUp < CATCH_UP_EVERY_MS) return;
    this.lastCatchUp = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, CATCH_UP_WAIT_MS)));
    await Promise.race([
      this.run().then(
        () => undefined,
        () => undefined,
      ),
      timeout,
    ]);
    clearTimeout(timer);
  }

  /**
   * Enrols with a code typed or scanned at the console (and the hub's address, when HUB_URL did
   * not give one), then runs the first round. Only before enrolment, and never on a kiosk holding
   * the demo store: its made-up residents would travel to the district.
   */
  async enrolWith(code: string, hubUrl: string | undefined, actor: string): Promise<SyncRoundResult> {
    if (this.config.role !== 'kiosk') throw DomainError.notFound('NOT_A_KIOSK', 'The hub does not sync with itself.');
    const state = await this.repository.state();
    if (state.has('kioskId')) {
      throw DomainError.conflict(
        'ALREADY_ENROLLED',
        `This kiosk is enrolled already (store ${state.get('store') ?? ''}).`,
      );
    }
    const url = hubUrl ? new URL(hubUrl).origin : this.hub.url;
    if (!url) throw DomainError.validation('The hub address is needed (hubUrl), since HUB_URL is not set.');
    if (await this.ledger.hasEntriesBy(SEED_ACTOR)) {
      throw DomainError.conflict(
        'DEMO_DATA_PRESENT',
        'This kiosk holds the demo store; a kiosk for the district starts on an empty data directory with HUB_URL set.',
      );
    }
    await this.writes.run(async (tx) => {
      await this.repository.setState(tx, { hubUrl: url, hubKey: code.trim() });
      await this.audit.record(tx, {
        actor,
        action: 'sync.hub',
        entity: 'kiosk',
        entityId: 'hub',
        after: { hubUrl: url },
      });
    });
    this.hub = { url, code: code.trim() };
    this.startAutomatic();
    return this.run();
  }

  /** One full round now; a round already under way is joined rather than doubled. */
  run(): Promise<SyncRoundResult> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<SyncRoundResult> {
    const started = performance.now();
    try {
      const client = this.client();
      const state = await this.repository.state();
      const store = state.get('store') ?? (await this.enrol(client)).store;
      if (state.has('origin') && state.get('origin') !== this.journal.origin) await this.announceOrigin(client);
      const latest = await this.repository.state();
      const { pushed, acknowledgedSeq } = await this.push(client, Number(latest.get('acknowledgedSeq') ?? 0));
      let cursor = Number(latest.get('pullCursor') ?? 0);
      let pulled = await this.pull(client, cursor, (next) => (cursor = next));
      const digest = await client.post<DigestResponse>('/api/hub/sync/digest', {
        cursor,
        origins: (await this.repository.digest()).map((o) => ({
          ...o,
          count: Number(o.count),
          lastSeq: Number(o.lastSeq),
        })),
      });
      if (digest.rescan) {
        this.logger.warn('digest differs from the hub: pulling the store again from the start');
        pulled += await this.pull(client, 0, (next) => (cursor = next));
      }
      for (const problem of digest.problems) this.logger.warn(`digest: ${problem}`);
      const at = new Date().toISOString();
      await this.writes.run((tx) => this.repository.setState(tx, { lastSyncAt: at, lastError: null }));
      this.failures = 0;
      return {
        pushed,
        pulled,
        acknowledgedSeq,
        pullCursor: cursor,
        store,
        rescanned: digest.rescan,
        problems: digest.problems,
        durationMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      this.failures += 1;
      const failure =
        error instanceof DomainError ? error : new DomainError(500, 'SYNC_FAILED', `Sync failed: ${String(error)}`);
      const lastError = JSON.stringify({ code: failure.code, message: failure.message, at: new Date().toISOString() });
      await this.writes.run((tx) => this.repository.setState(tx, { lastError })).catch(() => undefined);
      throw failure;
    }
  }

  private client(): HubClient {
    if (this.config.role !== 'kiosk') throw DomainError.notFound('NOT_A_KIOSK', 'The hub does not sync with itself.');
    if (!this.hub.url) {
      throw DomainError.conflict(
        'SYNC_NOT_CONFIGURED',
        'This kiosk has no hub: start it with HUB_URL, or enter the enrolment code at the console.',
      );
    }
    this.deviceKey ??= DeviceKey.loadOrCreate(this.config.dataDir);
    return new HubClient(this.hub.url, this.deviceKey);
  }

  private async enrol(client: HubClient): Promise<EnrolResponse> {
    if (!this.hub.code) {
      throw DomainError.conflict(
        'ENROLMENT_CODE_MISSING',
        'This kiosk is not enrolled yet: enter the enrolment code from the district hub at the console (or set HUB_KEY).',
      );
    }
    const enrolled = await client.post<EnrolResponse>('/api/hub/sync/enrol', {
      code: this.hub.code,
      origin: this.journal.origin,
      publicKey: this.deviceKey!.publicKeyPem,
      cardKey: this.cards.keys.publicKeyPem,
    });
    await this.writes.run((tx) =>
      this.repository.setState(tx, {
        kioskId: enrolled.kioskId,
        store: enrolled.store,
        name: enrolled.name,
        origin: this.journal.origin,
        enrolledAt: new Date().toISOString(),
        // what the hub's USB answer files are checked with
        hubPublicKey: enrolled.hubKey ?? null,
        // the code is spent: from now on the device key speaks for the kiosk
        hubKey: null,
      }),
    );
    this.logger.log(`enrolled at the hub as ${enrolled.store} / ${enrolled.name}`);
    await this.adoptStoreName(enrolled.store);
    return enrolled;
  }

  /** Receipts and the start screen name the store the hub knows, unless someone chose a name here. */
  async adoptStoreName(store: string): Promise<void> {
    const named = this.config.storeName !== undefined || this.settings.current.storeName !== DEFAULT_SETTINGS.storeName;
    if (!named && store.length <= 40) await this.settings.update({ storeName: store }, 'system:sync');
  }

  /**
   * After a restore the kiosk goes on under a new id (see BackupRepository.takeNewOrigin): the hub
   * binds it, and the kiosk pulls its store again from the start, its own rows of after the backup
   * included.
   */
  private async announceOrigin(client: HubClient): Promise<void> {
    const origin = this.journal.origin;
    await client.post('/api/hub/sync/origin', { origin });
    await this.writes.run((tx) => this.repository.setState(tx, { origin, acknowledgedSeq: 0, pullCursor: 0 }));
    this.logger.log(`the hub knows this kiosk as ${origin} from now on`);
  }

  /** Sends this kiosk's rows after the hub's acknowledged sequence, batch by batch. */
  private async push(client: HubClient, acknowledged: number): Promise<{ pushed: number; acknowledgedSeq: number }> {
    const origin = this.journal.origin;
    let ack = acknowledged;
    let pushed = 0;
    for (;;) {
      const rows = await this.repository.after(origin, ack, SYNC_BATCH);
      const answer = await client.post<PushResponse>('/api/hub/sync/push', { rows });
      const hubAck = answer.acknowledgedSeq;
      await this.writes.run((tx) => this.repository.setState(tx, { acknowledgedSeq: hubAck }));
      if (answer.problem) {
        throw DomainError.conflict('CHAIN_BROKEN', `The district hub refused this kiosk's records: ${answer.problem}.`);
      }
      if (hubAck < ack) {
        // the hub holds less than it once acknowledged (it was restored): send again from there
        ack = hubAck;
        continue;
      }
      pushed += hubAck - ack;
      const advanced = hubAck > ack;
      ack = hubAck;
      if (rows.length < SYNC_BATCH || !advanced) return { pushed, acknowledgedSeq: ack };
    }
  }

  /**
   * Applies the store's changes after `from`. Each small chunk of rows commits with the cursor just
   * after its last row: a redemption waits behind one chunk at most, never behind a whole batch.
   */
  private async pull(client: HubClient, from: number, moved: (cursor: number) => void): Promise<number> {
    let cursor = from;
    let applied = 0;
    for (;;) {
      const answer = await client.post<PullResponse>('/api/hub/sync/pull', { after: cursor });
      // the hub's key comes over a signed round only: a USB answer file is never its own proof
      if (answer.hubKey) await this.writes.run((tx) => this.repository.setState(tx, { hubPublicKey: answer.hubKey! }));
      applied += await this.applyPull(answer);
      cursor = answer.next;
      moved(cursor);
      if (!answer.more) return applied;
    }
  }

  /**
   * One pull answer (over HTTP, or out of a USB answer file): the rows checked, then applied chunk
   * by chunk, each with the cursor just after its last row; `extra` state goes with the last chunk.
   */
  async applyPull(answer: PullResponse, extra: Record<string, string | number | null> = {}): Promise<number> {
    for (const row of answer.rows) {
      if (hashJournalRow(row) !== row.hash) {
        throw new DomainError(502, 'HUB_ERROR', `The hub sent a damaged row (${row.origin}#${row.seq}).`);
      }
    }
    for (const pem of answer.cardKeys) this.cards.keys.trust(pem);
    const view = { store: answer.store, spendingPoints: answer.spendingPoints };
    let applied = 0;
    for (let start = 0; start === 0 || start < answer.rows.length; start += PULL_CHUNK) {
      const chunk = answer.rows.slice(start, start + PULL_CHUNK);
      const last = start + PULL_CHUNK >= answer.rows.length;
      applied += await this.applyPulled(
        chunk,
        { ...view, pullCursor: last ? answer.next : chunk.at(-1)!.hubSeq },
        last ? extra : {},
      );
    }
    return applied;
  }

  /** Pulled rows (those not held yet) and the cursor after them, in one write. */
  private async applyPulled(
    rows: PulledRow[],
    state: { store: string; spendingPoints: number; pullCursor: number },
    extra: Record<string, string | number | null>,
  ): Promise<number> {
    const revoked: string[] = [];
    const inserted = await this.writes.run(async (tx) => {
      for (const row of rows) this.journal.clock.observe(row.hlc);
      const fresh = await this.repository.insertMany(tx, rows);
      const applied = await this.replica.applyAll(
        tx,
        rows
          .filter((row) => fresh.has(`${row.origin}#${row.seq}`))
          .flatMap((row) => parseChanges(row).map((change) => ({ change, hlc: row.hlc }))),
      );
      revoked.push(...applied.revokedCards);
      // a USB answer is as fresh as the hub made it, not as the import: the offline allowance counts from then
      const lastPullAt = typeof extra.lastPullAt === 'string' ? extra.lastPullAt : new Date().toISOString();
      await this.repository.setState(tx, { ...state, ...extra, lastPullAt });
      this.view = { store: state.store, spendingPoints: state.spendingPoints, lastPullAt };
      return fresh.size;
    });
    for (const cardNo of revoked) this.sessions.endResidents((session) => session.cardNo === cardNo);
    return inserted;
  }

  /**
   * The next automatic round: soon after a write, else after the interval, longer while failing.
   * An earlier time replaces a later one; while the hub is away, writes do not cut the backoff short.
   */
  private schedule(delayMs: number): void {
    const due = Date.now() + (this.failures > 0 ? Math.max(delayMs, this.nextDelay()) : delayMs);
    if (this.stopped || due >= this.timerDue) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timerDue = Infinity;
      this.run()
        .catch((error: unknown) => this.logger.warn(`sync round failed: ${(error as Error).message}`))
        .finally(() => this.schedule(this.nextDelay()));
    }, due - Date.now());
    this.timer.unref();
  }

  private nextDelay(): number {
    const base = this.config.syncIntervalMs;
    if (this.failures === 0) return base;
    const backoff = Math.min(base * 2 ** Math.min(this.failures, 10), MAX_BACKOFF_MS);
    return Math.round(backoff * (0.8 + Math.random() * 0.4));
  }
}
