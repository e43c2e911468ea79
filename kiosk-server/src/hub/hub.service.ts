import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { qrSvgDocument } from '@kiosk/hardware';
import { createPublicKey, randomInt } from 'node:crypto';
import { AuditTrailService } from '../audit/audit-trail.service';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import type { RowChange, Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import { GENESIS_HASH, hashLedgerEntry } from '../ledger/ledger-hash';
import type { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { LedgerRepository } from '../ledger/ledger.repository';
import { LedgerService } from '../ledger/ledger.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JournalService } from '../sync/journal.service';
import type {
  DigestRequest,
  DigestResponse,
  EnrolRequest,
  EnrolResponse,
  PullResponse,
  PushResponse,
} from '../sync/dto/protocol.dto';
import { SYNC_BATCH } from '../sync/dto/protocol.dto';
import { HUB_ORIGIN, hashJournalRow, JOURNAL_GENESIS, type JournalRow, parseChanges } from '../sync/journal';
import { JournalRepository } from '../sync/journal.repository';
import { checkedChange, ReplicaRepository } from '../sync/replica.repository';
import {
  DeviceKey,
  deviceKeyId,
  SIGNATURE_HEADERS,
  SIGNATURE_WINDOW_MS,
  signedText,
  verifySignature,
} from '../sync/request-signature';
import type { HubKioskEntity, OverdraftEntity } from './hub-kiosk.entity';
import { enrolmentCodeHash } from '../sync/usb-file';
import { HubRepository } from './hub.repository';

/** Pushed rows taken per write at the hub. */
const PUSH_CHUNK = 50;

/** How long an enrolment code may wait to be used. */
export const ENROLMENT_CODE_HOURS = 72;
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

export interface KioskListItem {
  kioskId: string;
  store: string;
  name: string;
  enrolled: boolean;
  lastSyncAt: string | null;
  acknowledgedSeq: number;
  chain: 'ok' | 'broken';
  chainProblem: string | null;
  revoked: boolean;
  revokedReason: string | null;
  origin: string | null;
}

function toKioskListItem(kiosk: HubKioskEntity): KioskListItem {
  return {
    kioskId: kiosk.kioskId,
    store: kiosk.store,
    name: kiosk.name,
    enrolled: kiosk.enrolledAt !== null,
    lastSyncAt: kiosk.lastSyncAt,
    acknowledgedSeq: Number(kiosk.acknowledgedSeq),
    chain: kiosk.chainProblem ? 'broken' : 'ok',
    chainProblem: kiosk.chainProblem,
    revoked: kiosk.revokedAt !== null,
    revokedReason: kiosk.revokedReason,
    origin: kiosk.origin,
  };
}

/** Typed to the user: groups of four, no 0/O or 1/I/L to mix up. */
function enrolmentCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

export function codeHash(code: string): string {
  return enrolmentCodeHash(code);
}

/**
 * The district hub: enrols kiosks, takes in their journals (checking every chain link), hands
 * each kiosk its store's changes, and flags accounts whose merged balance went below zero.
 */
@Injectable()
export class HubService implements OnModuleInit {
  private readonly logger = new Logger('Hub');
  private noncesChecked = 0;
  private key: DeviceKey | undefined;

  constructor(
    private readonly writes: WriteQueue,
    private readonly repository: HubRepository,
    private readonly journal: JournalRepository,
    private readonly replica: ReplicaRepository,
    private readonly ledger: LedgerRepository,
    private readonly postings: LedgerService,
    private readonly journalService: JournalService,
    private readonly audit: AuditTrailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The hub's own changes to an account (an overdraft written off) go to the account's store, with
   * the hub's next change sequence, so that the store's kiosks pull them like any other.
   */
  onModuleInit(): void {
    if (this.config.role !== 'hub') return;
    this.journalService.useScope(async (tx, changes) => {
      const entry = changes.find((change) => change.table === 'ledger_entries');
      const store = entry && (await this.repository.storeOfAccount(tx, entry.row.accountId as string));
      return store ? { store, hubSeq: await this.repository.nextHubSeq(tx) } : undefined;
    });
  }

  /** The hub's own device key: it signs the answer files of USB transfers; kiosks get its public key. */
  signingKey(): DeviceKey {
    this.key ??= DeviceKey.loadOrCreate(this.config.dataDir);
    return this.key;
  }

  // ---- hub admin ----------------------------------------------------------------------------

  async createKiosk(store: string, name: string, actor: string) {
    const code = enrolmentCode();
    const now = new Date();
    const kiosk: HubKioskEntity = {
      kioskId: uuidv7(),
      store: store.trim(),
      name: name.trim(),
      codeHash: codeHash(code),
      codeExpiresAt: new Date(now.getTime() + ENROLMENT_CODE_HOURS * 3600_000).toISOString(),
      keyId: null,
      publicKey: null,
      origin: null,
      cardKey: null,
      enrolledAt: null,
      lastSyncAt: null,
      pulledTo: 0,
      acknowledgedSeq: 0,
      head: JOURNAL_GENESIS,
      chainProblem: null,
      revokedAt: null,
      revokedReason: null,
      createdAt: now.toISOString(),
    };
    await this.writes.run(async (tx) => {
      if (await this.repository.kioskNamed(tx, kiosk.store, kiosk.name)) {
        throw DomainError.conflict('KIOSK_NAME_TAKEN', `Store ${kiosk.store} already has a kiosk named ${kiosk.name}.`);
      }
      await this.repository.insertKiosk(tx, kiosk);
      await this.audit.record(tx, {
        actor,
        action: 'create',
        entity: 'kiosk',
        entityId: kiosk.kioskId,
        after: { store: kiosk.store, name: kiosk.name, codeExpiresAt: kiosk.codeExpiresAt },
      });
    });
    return {
      kioskId: kiosk.kioskId,
      store: kiosk.store,
      name: kiosk.name,
      enrolmentCode: code,
      expiresAt: kiosk.codeExpiresAt,
      enrolmentQr: `data:image/svg+xml;base64,${Buffer.from(qrSvgDocument(code)).toString('base64')}`,
    };
  }

  async listKiosks(): Promise<KioskListItem[]> {
    return (await this.repository.kiosks()).map(toKioskListItem);
  }

  async revokeKiosk(kioskId: string, reason: string, actor: string): Promise<KioskListItem> {
    await this.writes.run(async (tx) => {
      const kiosk = await this.repository.kiosk(kioskId, tx);
      if (!kiosk) throw DomainError.notFound('KIOSK_NOT_FOUND', `There is no kiosk ${kioskId}.`);
      if (kiosk.revokedAt) throw DomainError.conflict('ALREADY_REVOKED', `Kiosk ${kiosk.name} was already revoked.`);
      await this.repository.revoke(tx, kioskId, reason, new Date().toISOString());
      await this.audit.record(tx, { actor, action: 'revoke', entity: 'kiosk', entityId: kioskId, after: { reason } });
    });
    return toKioskListItem((await this.repository.kiosk(kioskId))!);
  }

  /**
   * Closes an overdraft as a person decided: `write-off` books the missing points back (a ledger
   * entry of the hub, which the store's kiosks receive); `deduct` leaves the balance below zero
   * for later awards to cover. Either way the decision and its reason go into the change log.
   */
  async resolveOverdraft(id: string, mode: 'write-off' | 'deduct', reason: string, actor: string) {
    await this.writes.run(async (tx) => {
      const overdraft = await this.repository.overdraft(tx, id);
      if (!overdraft) throw DomainError.notFound('OVERDRAFT_NOT_FOUND', `There is no overdraft ${id}.`);
      if (overdraft.resolvedAt) {
        throw DomainError.conflict(
          'ALREADY_RESOLVED',
          `This overdraft was resolved already (${overdraft.resolution}).`,
        );
      }
      const account = await this.ledger.account(overdraft.accountId, tx);
      const missing = Math.max(0, -(account?.balance ?? 0));
      if (mode === 'write-off' && missing > 0) {
        await this.postings.post(tx, {
          accountId: overdraft.accountId,
          delta: missing,
          kind: 'adjust',
          reason: `透支核销：${reason}`,
          actor,
          refId: `overdraft:${id}`,
        });
      }
      await this.repository.saveOverdraft(tx, {
        ...overdraft,
        resolvedAt: new Date().toISOString(),
        resolution: mode,
        resolutionReason: reason,
        resolvedBy: actor,
      });
      await this.audit.record(tx, {
        actor,
        action: 'overdraft.resolve',
        entity: 'overdraft',
        entityId: id,
        before: { amount: overdraft.amount, balance: account?.balance ?? null },
        after: { mode, reason, pointsBookedBack: mode === 'write-off' ? missing : 0 },
      });
    });
    return (await this.overdrafts(id))[0]!;
  }

  /** Every overdraft, newest first, or the one with this id. */
  async overdrafts(id?: string) {
    return (await this.repository.overdrafts(id)).map((row) => ({
      id: row.id,
      accountId: row.accountId,
      accountName: row.accountName,
      store: row.store,
      amount: Number(row.amount),
      balance: Number(row.balance),
      entries: JSON.parse(row.entries) as string[],
      kiosks: JSON.parse(row.kiosks) as string[],
      openedAt: row.openedAt,
      resolved: row.resolvedAt !== null,
      resolvedAt: row.resolvedAt,
      resolution: row.resolution,
      resolutionReason: row.resolutionReason,
      resolvedBy: row.resolvedBy,
    }));
  }

  // ---- signed kiosk requests ------------------------------------------------------------------

  /**
   * The kiosk a request comes from, by its signature alone: the key id names the kiosk, the
   * signature must verify with the key bound at enrolment, the time be recent and the nonce new.
   * An enrolment is signed with the key it brings (proof that the kiosk holds it).
   */
  async authenticate(request: SignedRequest, enrolmentKey?: string): Promise<HubKioskEntity | undefined> {
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const keyId = header(SIGNATURE_HEADERS.key);
    const time = header(SIGNATURE_HEADERS.time);
    const nonce = header(SIGNATURE_HEADERS.nonce);
    const signature = header(SIGNATURE_HEADERS.signature);
    const refused = (why: string) => DomainError.unauthorized('SIGNATURE_INVALID', `Sync request refused: ${why}.`);
    if (!keyId || !time || !nonce || !signature) throw refused('it is not signed');
    if (!/^\d{13}$/.test(time) || Math.abs(Date.now() - Number(time)) > SIGNATURE_WINDOW_MS) {
      throw refused("its time is too far from the hub's clock (check the kiosk's date and time)");
    }
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) throw refused('its nonce is malformed');
    let kiosk: HubKioskEntity | undefined;
    let publicKeyPem: string;
    if (enrolmentKey !== undefined) {
      publicKeyPem = enrolmentKey;
    } else {
      kiosk = await this.repository.kioskByKey(keyId);
      if (!kiosk?.publicKey) throw refused('the kiosk key is unknown (enrol the kiosk first)');
      publicKeyPem = kiosk.publicKey;
    }
    let publicKey;
    try {
      publicKey = createPublicKey(publicKeyPem);
    } catch {
      throw refused('the public key is malformed');
    }
    if (publicKey.asymmetricKeyType !== 'ed25519' || deviceKeyId(publicKey) !== keyId)
      throw refused('the key id does not match');
    const text = signedText(request.method, request.path, time, nonce, request.rawBody);
    if (!verifySignature(publicKey, text, signature)) throw refused('the signature does not verify');
    if (++this.noncesChecked % 500 === 0) {
      await this.repository.forgetNonces(new Date(Date.now() - 2 * SIGNATURE_WINDOW_MS).toISOString());
    }
    const fresh = await this.repository.useNonce(keyId, nonce, new Date().toISOString());
    if (!fresh) throw refused('it was sent before (a replay)');
    if (kiosk?.revokedAt) {
      throw new DomainError(
        403,
        'KIOSK_REVOKED',
        `This kiosk was revoked at the hub: ${kiosk.revokedReason ?? ''}`.trim(),
      );
    }
    return kiosk;
  }

  async enrol(keyId: string, body: EnrolRequest): Promise<EnrolResponse> {
    return this.enrolByHash(keyId, codeHash(body.code), body);
  }

  /** Kiosks waiting for enrolment (a USB enrolment names its kiosk by a proof of the code only). */
  async waitingKiosks(): Promise<HubKioskEntity[]> {
    return (await this.repository.kiosks()).filter((kiosk) => kiosk.keyId === null && kiosk.revokedAt === null);
  }

  /** Binds the kiosk whose code has this hash to the device key (over HTTP, or from a USB file). */
  async enrolByHash(keyId: string, hash: string, body: Omit<EnrolRequest, 'code'>): Promise<EnrolResponse> {
    return this.writes.run(async (tx) => {
      const kiosk = await this.repository.kioskByCode(tx, hash);
      if (!kiosk) throw DomainError.unauthorized('ENROLMENT_CODE_INVALID', 'No kiosk has this enrolment code.');
      if (kiosk.revokedAt) throw new DomainError(403, 'KIOSK_REVOKED', 'This kiosk was revoked at the hub.');
      const answer = {
        kioskId: kiosk.kioskId,
        store: kiosk.store,
        name: kiosk.name,
        hubKey: this.signingKey().publicKeyPem,
      };
      if (kiosk.keyId !== null) {
        // the same kiosk asking again (its first answer was lost) gets the same answer
        if (kiosk.keyId === keyId && kiosk.origin === body.origin) return answer;
        throw DomainError.conflict(
          'ENROLMENT_CODE_USED',
          'This enrolment code was used already; ask the district for a new one.',
        );
      }
      if (Date.parse(kiosk.codeExpiresAt) < Date.now()) {
        throw DomainError.conflict(
          'ENROLMENT_CODE_EXPIRED',
          'This enrolment code has expired; ask the district for a new one.',
        );
      }
      const other = await this.repository.kioskByOrigin(tx, body.origin);
      if (body.origin === HUB_ORIGIN)
        throw DomainError.conflict('KIOSK_ID_TAKEN', `"${HUB_ORIGIN}" is the hub's own id.`);
      if (other) {
        throw DomainError.conflict(
          'KIOSK_ID_TAKEN',
          `Another kiosk (${other.store} ${other.name}) already syncs as ${body.origin}.`,
        );
      }
      await this.repository.enrol(tx, kiosk.kioskId, {
        keyId,
        publicKey: body.publicKey,
        origin: body.origin,
        cardKey: body.cardKey,
        enrolledAt: new Date().toISOString(),
      });
      this.logger.log(`kiosk ${kiosk.store} / ${kiosk.name} enrolled as ${body.origin}`);
      return answer;
    });
  }

  /** A kiosk restored from a backup goes on under a new origin, never one that any kiosk used. */
  async takeOrigin(kiosk: HubKioskEntity, origin: string): Promise<{ origin: string }> {
    if (kiosk.origin === origin) return { origin };
    await this.writes.run(async (tx) => {
      const other = await this.repository.kioskByOrigin(tx, origin);
      if (origin === HUB_ORIGIN) throw DomainError.conflict('KIOSK_ID_TAKEN', `"${HUB_ORIGIN}" is the hub's own id.`);
      if (other) {
        throw DomainError.conflict(
          'KIOSK_ID_TAKEN',
          `Another kiosk (${other.store} ${other.name}) synced as ${origin}.`,
        );
      }
      await this.repository.bindOrigin(tx, kiosk.kioskId, origin, new Date().toISOString());
    });
    this.logger.log(`kiosk ${kiosk.store} / ${kiosk.name} goes on as ${origin} (was ${kiosk.origin})`);
    return { origin };
  }

  /**
   * Takes a kiosk's journal rows in order. Each row must continue the chain the hub holds (next
   * sequence, link to the head, its own hash, and every ledger entry in it continuing the kiosk's
   * ledger chain); the first that does not stops the batch and marks the kiosk. A row the hub has
   * already must be byte for byte the same.
   */
  async push(kiosk: HubKioskEntity, rows: JournalRow[]): Promise<PushResponse> {
    // small transactions, so that other kiosks' requests (a nonce, a pull) get in between
    let outcome = await this.pushChunk(kiosk, rows.slice(0, PUSH_CHUNK));
    for (let start = PUSH_CHUNK; start < rows.length && !outcome.problem; start += PUSH_CHUNK) {
      outcome = await this.pushChunk(kiosk, rows.slice(start, start + PUSH_CHUNK));
    }
    if (outcome.problem) this.logger.warn(`kiosk ${kiosk.store} / ${kiosk.name}: chain broken: ${outcome.problem}`);
    return outcome;
  }

  /**
   * One transaction: the rows checked one by one in memory, then the accepted ones written with
   * multi-row statements (journal, then each table's facts and records).
   */
  private pushChunk(kiosk: HubKioskEntity, rows: JournalRow[]): Promise<PushResponse> {
    const origin = kiosk.origin!;
    return this.writes.run(async (tx) => {
      const current = (await this.repository.kiosk(kiosk.kioskId, tx))!;
      if (current.chainProblem) throw chainBroken(current.chainProblem);
      let seq = Number(current.acknowledgedSeq);
      let head = current.head;
      let problem: string | null = null;
      // the kiosk's ledger chain as the hub holds it, read once and followed through the chunk
      const ledgerHead = { value: await this.ledger.lastOfChain(tx, origin) };
      const accepted: { row: JournalRow; changes: RowChange[] }[] = [];
      for (const row of rows) {
        if (row.origin !== origin) {
          problem = `row ${row.seq} names origin ${row.origin}, not ${origin}`;
          break;
        }
        if (row.seq <= seq) {
          const held = await this.journal.find(tx, origin, row.seq);
          // the same row again must be the same row: same hash, and content that still hashes to it
          if (held && (held.hash !== row.hash || hashJournalRow(row) !== row.hash)) {
            problem = `row ${row.seq} differs from the copy the hub received before`;
            break;
          }
          continue;
        }
        if (row.seq !== seq + 1) break; // a gap: the rest waits for the missing rows
        const checked = this.checkRow(row, origin, head, ledgerHead);
        if (typeof checked === 'string') {
          problem = checked;
          break;
        }
        accepted.push({ row, changes: checked });
        seq = row.seq;
        head = row.hash;
      }
      let hubSeq = await this.repository.nextHubSeq(tx);
      await this.journal.insertMany(
        tx,
        accepted.map(({ row }) => ({ ...row, store: kiosk.store, hubSeq: hubSeq++ })),
      );
      const applied = await this.replica.applyAll(
        tx,
        accepted.flatMap(({ row, changes }) => changes.map((change) => ({ change, hlc: row.hlc }))),
      );
      for (const accountId of applied.accounts) await this.repository.setAccountStore(tx, accountId, kiosk.store);
      const now = new Date().toISOString();
      await this.repository.acknowledge(tx, kiosk.kioskId, seq, head, problem && `at row ${seq + 1}: ${problem}`, now);
      await this.flagOverdrafts(tx, current, applied.entries);
      return { acknowledgedSeq: seq, head, ...(problem ? { problem } : {}) };
    });
  }

  /**
   * The row's changes, checked (known tables and columns, each ledger entry continuing the kiosk's
   * ledger chain, whose head moves along), or why the row cannot be taken.
   */
  private checkRow(
    row: JournalRow,
    origin: string,
    head: string,
    ledgerHead: { value: { seq: number; hash: string } | undefined },
  ): RowChange[] | string {
    if (row.prevHash !== head) return `row ${row.seq} does not link to row ${row.seq - 1}`;
    if (hashJournalRow(row) !== row.hash) return `row ${row.seq} was altered (its hash does not match)`;
    let changes: unknown;
    try {
      changes = JSON.parse(row.changes);
    } catch {
      return `row ${row.seq} is not readable`;
    }
    if (!Array.isArray(changes) || changes.length === 0) return `row ${row.seq} holds no changes`;
    const checked: RowChange[] = [];
    let last = ledgerHead.value;
    for (const raw of changes) {
      let change: RowChange;
      try {
        change = checkedChange(raw);
      } catch (error) {
        return `row ${row.seq}: ${(error as Error).message}`;
      }
      checked.push(change);
      if (change.table !== 'ledger_entries') continue;
      const entry = change.row as unknown as LedgerEntryEntity;
      if (entry.kioskId !== origin) return `row ${row.seq} carries a ledger entry of ${entry.kioskId}`;
      if (entry.seq !== (last?.seq ?? 0) + 1 || entry.prevHash !== (last?.hash ?? GENESIS_HASH)) {
        return `ledger entry ${origin}#${entry.seq} does not continue the ledger chain`;
      }
      if (hashLedgerEntry(entry) !== entry.hash) return `ledger entry ${origin}#${entry.seq} was altered`;
      last = { seq: entry.seq, hash: entry.hash };
    }
    ledgerHead.value = last;
    return checked;
  }

  /**
   * The accounts whose balance the new entries moved and that are below zero or have an open
   * overdraft (one query for all of them) get their overdraft opened, grown or closed.
   */
  private async flagOverdrafts(
    tx: Tx,
    kiosk: HubKioskEntity,
    entries: readonly { id: string; accountId: string; delta: number }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const concerned = await this.repository.overdraftCandidates(tx, [...new Set(entries.map((e) => e.accountId))]);
    for (const accountId of concerned) {
      const spends = entries.filter((e) => e.accountId === accountId && e.delta < 0).map((e) => e.id);
      await this.flagOverdraft(tx, kiosk, accountId, spends);
    }
  }

  /**
   * An account below zero gets (or keeps) an open overdraft with the spends that took it there:
   * the pushing kiosk's, and those of other kiosks that it had not seen when it spent (taken in
   * after its last pull). An account back at zero or above has its overdraft closed as covered.
   */
  private async flagOverdraft(tx: Tx, kiosk: HubKioskEntity, accountId: string, spends: string[]): Promise<void> {
    const account = await this.ledger.account(accountId, tx);
    if (!account) return;
    const open = await this.repository.openOverdraft(tx, accountId);
    const now = new Date().toISOString();
    if (account.balance >= 0) {
      if (open) await this.repository.saveOverdraft(tx, { ...open, resolvedAt: now, resolution: 'covered' });
      return;
    }
    if (spends.length === 0) return;
    const unseen = await this.unseenSpends(kiosk, accountId);
    const overdraft: OverdraftEntity = open ?? {
      id: uuidv7(),
      accountId,
      store: kiosk.store,
      amount: 0,
      entries: '[]',
      kiosks: '[]',
      openedAt: now,
      resolvedAt: null,
      resolution: null,
      resolutionReason: null,
      resolvedBy: null,
    };
    const entries = [...(JSON.parse(overdraft.entries) as string[]), ...unseen.map((spend) => spend.id), ...spends];
    const kiosks = [
      ...(JSON.parse(overdraft.kiosks) as string[]),
      ...unseen.map((spend) => spend.kioskId),
      kiosk.origin!,
    ];
    await this.repository.saveOverdraft(tx, {
      ...overdraft,
      amount: Math.max(Number(overdraft.amount), -account.balance),
      entries: JSON.stringify([...new Set(entries)]),
      kiosks: JSON.stringify([...new Set(kiosks)].sort()),
    });
    if (!open)
      this.logger.warn(`overdraft: account ${accountId} at ${account.balance} after a push from ${kiosk.origin}`);
  }

  /** Spends of an account by other kiosks that reached the hub after this kiosk's last pull. */
  private async unseenSpends(kiosk: HubKioskEntity, accountId: string): Promise<{ id: string; kioskId: string }[]> {
    const rows = await this.repository.mentioning(kiosk.store, Number(kiosk.pulledTo), kiosk.origin!, accountId);
    return rows.flatMap((row) =>
      parseChanges(row)
        .filter((c) => c.table === 'ledger_entries' && c.row.accountId === accountId && (c.row.delta as number) < 0)
        .map((c) => ({ id: c.row.id as string, kioskId: c.row.kioskId as string })),
    );
  }

  async pull(kiosk: HubKioskEntity, after: number, limit = SYNC_BATCH): Promise<PullResponse> {
    const rows = await this.repository.pull(kiosk.store, kiosk.origin!, after, limit);
    const end = await this.repository.storeEnd(kiosk.store);
    const next = rows.length === limit ? rows[rows.length - 1]!.hubSeq : Math.max(after, end);
    await this.repository.pulled(kiosk.kioskId, next, new Date().toISOString());
    return {
      rows: rows.map((row) => ({ ...row, seq: Number(row.seq), hubSeq: Number(row.hubSeq) })),
      next,
      more: rows.length === limit,
      store: kiosk.store,
      cardKeys: await this.repository.cardKeys(kiosk.store, kiosk.kioskId),
      spendingPoints: await this.repository.spendingPoints(kiosk.store),
      hubKey: this.signingKey().publicKeyPem,
    };
  }

  /**
   * Compares what the kiosk holds with what the hub holds for its store up to the kiosk's cursor.
   * Fewer rows of an origin at the kiosk means something was lost there (a restored backup, a lost
   * cursor): it pulls its store again from the start, which inserts only what is missing.
   */
  async digest(kiosk: HubKioskEntity, body: DigestRequest): Promise<DigestResponse> {
    const held = new Map(body.origins.map((origin) => [origin.origin, origin]));
    const problems: string[] = [];
    let rescan = false;
    for (const hub of await this.repository.storeDigest(kiosk.store, body.cursor)) {
      const mine = held.get(hub.origin);
      if (hub.origin === kiosk.origin) {
        if (!mine || mine.lastSeq < Number(hub.lastSeq)) {
          problems.push(`the kiosk holds fewer of its own rows (${mine?.lastSeq ?? 0}) than the hub (${hub.lastSeq})`);
        }
        continue;
      }
      if (!mine || Number(mine.count) < Number(hub.count)) rescan = true;
      else if (Number(mine.lastSeq) === Number(hub.lastSeq) && mine.head !== hub.head) {
        problems.push(`rows of ${hub.origin} differ between kiosk and hub`);
      }
    }
    return { rescan, problems };
  }
}

function chainBroken(problem: string): DomainError {
  return DomainError.conflict(
    'CHAIN_BROKEN',
    `The hub stopped taking this kiosk's records because its chain is broken (${problem}). Ask the district office.`,
  );
}
