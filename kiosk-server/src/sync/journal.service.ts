import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EngineTx, RowChange, SqlRunner } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import { SettingsService } from '../settings/settings.service';
import { HybridClock } from './hybrid-clock';
import { hashJournalRow, JOURNAL_GENESIS, type JournalRow } from './journal';
import { JournalRepository } from './journal.repository';
import { REPLICATED_TABLES, ReplicaRepository } from './replica.repository';

/** Where a hub's own journal row goes: a store and the hub's change sequence, or nowhere. */
export type JournalScope = (
  tx: EngineTx,
  changes: readonly RowChange[],
) => Promise<{ store: string; hubSeq: number } | undefined>;

/**
 * The transactional outbox: every write job that changed a table which travels appends one
 * journal row, in the job's own transaction, chained to this node's previous row.
 */
@Injectable()
export class JournalService implements OnModuleInit {
  readonly clock = new HybridClock();
  private readonly listeners: (() => void)[] = [];
  private scope: JournalScope | undefined;

  constructor(
    private readonly writes: WriteQueue,
    private readonly repository: JournalRepository,
    private readonly replica: ReplicaRepository,
    private readonly settings: SettingsService,
  ) {}

  onModuleInit(): void {
    this.writes.useJournal((tx, changes) => this.append(tx, changes));
  }

  /** This node's origin: the kiosk id, or `hub` (the hub's kiosk id). */
  get origin(): string {
    return this.settings.kioskId;
  }

  /** At the hub: which store's kiosks receive a change made at the hub (and its change sequence). */
  useScope(scope: JournalScope): void {
    this.scope = scope;
  }

  /** Called after each local journal row is written (the kiosk's sync runs soon after). */
  onAppend(listener: () => void): void {
    this.listeners.push(listener);
  }

  private async append(tx: EngineTx, changes: readonly RowChange[]): Promise<void> {
    const rows = changes.filter((change) => change.table in REPLICATED_TABLES);
    if (rows.length === 0) return;
    const origin = this.origin;
    const head = await this.repository.head(tx, origin);
    const hlc = this.clock.tick(origin);
    const unhashed: Omit<JournalRow, 'hash'> = {
      origin,
      seq: (head?.seq ?? 0) + 1,
      hlc,
      changes: JSON.stringify(rows),
      createdAt: new Date().toISOString(),
      prevHash: head?.hash ?? JOURNAL_GENESIS,
    };
    await this.repository.insert(tx, { ...unhashed, hash: hashJournalRow(unhashed) }, await this.scope?.(tx, rows));
    await this.stampRecords(tx, rows, hlc);
    for (const listener of this.listeners) listener();
  }

  /** A record changed here is as new as this write: an older change arriving later loses to it. */
  private async stampRecords(tx: SqlRunner, changes: readonly RowChange[], hlc: string): Promise<void> {
    for (const change of changes) {
      const rule = REPLICATED_TABLES[change.table]!;
      if (rule.merge === 'record') await this.replica.setVersion(tx, change.table, String(change.row[rule.key]), hlc);
    }
  }
}
