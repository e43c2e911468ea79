import type { Database } from './database';
import type { EngineTx, RowChange, Tx } from './sql-runner';

type Work<T> = (tx: Tx) => Promise<T>;

/** Writes a job's changed rows into the sync journal, inside the job's transaction. */
export type JournalWriter = (tx: EngineTx, changes: readonly RowChange[]) => Promise<void>;

interface Job {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * One FIFO queue for every write. TypeORM shares one SQLite connection, so two overlapping
 * `transaction()` calls would interleave their statements; here writes never overlap. On
 * PostgreSQL the same queue keeps a kiosk's ledger chain strictly in order (and the engine adds
 * a lock across processes, see PostgresDatabase).
 *
 * Group commit: the jobs waiting when a transaction starts run in that one transaction, each
 * inside its own savepoint. A job that throws rolls back to its savepoint (all of its writes and
 * none of the others'); the rest commit together with a single fsync. Nobody is answered before
 * that commit, so an answer always means the writes are durable.
 * The savepoint statements run twice for every write, so they go through the prepared-statement path.
 */
export class WriteQueue {
  private readonly waiting: Job[] = [];
  private inBatch = 0;
  private draining: Promise<void> | null = null;
  private journal: JournalWriter | undefined;

  constructor(
    private readonly db: Database,
    private readonly maxBatch = 64,
  ) {}

  /** From now on every job's changed rows are journalled, in the job's own savepoint. */
  useJournal(journal: JournalWriter): void {
    this.journal = journal;
  }

  /** Jobs waiting or running. */
  get depth(): number {
    return this.waiting.length + this.inBatch;
  }

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.draining ??= this.drain();
    });
  }

  /** Resolves once every write queued so far has committed or failed (for a clean shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        this.inBatch = batch.length;
        await this.runBatch(batch);
        this.inBatch = 0;
      }
    } finally {
      this.draining = null;
    }
  }

  private async runBatch(batch: Job[]): Promise<void> {
    const runner = this.db.dataSource.createQueryRunner();
    const outcomes: Outcome[] = [];
    try {
      await runner.startTransaction();
      const tx = await this.db.begin(runner);
      for (const job of batch) {
        await tx.run('SAVEPOINT write_job');
        try {
          const changes: RowChange[] = [];
          const value = await job.work({
            ...tx,
            changed: (table, row) => changes.push({ table, row: { ...row } as Record<string, unknown> }),
          });
          if (changes.length > 0 && this.journal) await this.journal(tx, changes);
          await tx.run('RELEASE write_job');
          outcomes.push({ ok: true, value });
        } catch (error) {
          await tx.run('ROLLBACK TO write_job');
          await tx.run('RELEASE write_job');
          outcomes.push({ ok: false, error });
        }
      }
      await runner.commitTransaction();
    } catch (error) {
      // Nothing of this batch is committed: every job in it fails with the cause.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      for (const job of batch) job.reject(error);
      return;
    } finally {
      await runner.release();
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}
