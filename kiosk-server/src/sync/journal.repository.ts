import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { SqlRunner } from '../database/sql-runner';
import type { JournalRow, OriginDigest } from './journal';
import { groups } from './replica.repository';

const COLUMNS = `"origin", "seq", "hlc", "changes", "createdAt", "prevHash", "hash"`;

/** The sync journal and a kiosk's sync state. */
@Injectable()
export class JournalRepository {
  constructor(private readonly db: Database) {}

  /** The newest row of an origin's chain: what the next row numbers and links from. */
  async head(runner: SqlRunner, origin: string): Promise<{ seq: number; hash: string } | undefined> {
    const [head] = await runner.all<{ seq: number; hash: string }>(
      `SELECT "seq", "hash" FROM "sync_journal" WHERE "origin" = ? ORDER BY "seq" DESC LIMIT 1`,
      [origin],
    );
    return head;
  }

  /**
   * Inserts a row unless its (origin, seq) is there already; true when inserted. The hub also
   * stamps the store whose kiosks receive it and its own change sequence.
   */
  async insert(runner: SqlRunner, row: JournalRow, hub?: { store: string; hubSeq: number }): Promise<boolean> {
    return (await this.insertMany(runner, [{ ...row, ...hub }])).size === 1;
  }

  /**
   * Inserts many rows (multi-row statements), skipping those held already; the keys
   * (`origin#seq`) of those inserted.
   */
  async insertMany(
    runner: SqlRunner,
    rows: readonly (JournalRow & { store?: string; hubSeq?: number })[],
  ): Promise<Set<string>> {
    const inserted = new Set<string>();
    for (const group of groups(rows)) {
      const keys = await runner.all<{ origin: string; seq: number }>(
        `INSERT INTO "sync_journal" (${COLUMNS}, "store", "hubSeq")
         VALUES ${group.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT ("origin", "seq") DO NOTHING RETURNING "origin", "seq"`,
        group.flatMap((row) => [
          row.origin,
          row.seq,
          row.hlc,
          row.changes,
          row.createdAt,
          row.prevHash,
          row.hash,
          row.store ?? null,
          row.hubSeq ?? null,
        ]),
      );
      for (const key of keys) inserted.add(`${key.origin}#${Number(key.seq)}`);
    }
    return inserted;
  }

  async find(runner: SqlRunner, origin: string, seq: number): Promise<JournalRow | undefined> {
    const [row] = await runner.all<JournalRow>(
      `SELECT ${COLUMNS} FROM "sync_journal" WHERE "origin" = ? AND "seq" = ?`,
      [origin, seq],
    );
    return row;
  }

  /** An origin's rows after `seq`, in order. */
  after(origin: string, seq: number, limit: number): Promise<JournalRow[]> {
    return this.db.all<JournalRow>(
      `SELECT ${COLUMNS} FROM "sync_journal" WHERE "origin" = ? AND "seq" > ? ORDER BY "seq" LIMIT ?`,
      [origin, seq, limit],
    );
  }

  async countAfter(origin: string, seq: number): Promise<number> {
    const [row] = await this.db.all<{ n: number }>(
      `SELECT COUNT(*) AS "n" FROM "sync_journal" WHERE "origin" = ? AND "seq" > ?`,
      [origin, seq],
    );
    return Number(row?.n ?? 0);
  }

  /** Count, last sequence and chain head of every origin held here. */
  digest(runner: SqlRunner = this.db): Promise<OriginDigest[]> {
    return runner.all<OriginDigest>(
      `SELECT j."origin" AS "origin", c."count" AS "count", j."seq" AS "lastSeq", j."hash" AS "head"
       FROM (SELECT "origin", COUNT(*) AS "count", MAX("seq") AS "lastSeq" FROM "sync_journal" GROUP BY "origin") c
       JOIN "sync_journal" j ON j."origin" = c."origin" AND j."seq" = c."lastSeq"
       ORDER BY j."origin"`,
    );
  }

  async state(runner: SqlRunner = this.db): Promise<Map<string, string>> {
    const rows = await runner.all<{ key: string; value: string }>(`SELECT "key", "value" FROM "sync_state"`);
    return new Map(rows.map((row) => [row.key, row.value]));
  }

  async setState(runner: SqlRunner, values: Record<string, string | number | null>): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      if (value === null) await runner.run(`DELETE FROM "sync_state" WHERE "key" = ?`, [key]);
      else {
        await runner.run(
          `INSERT INTO "sync_state" ("key", "value") VALUES (?, ?)
           ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`,
          [key, String(value)],
        );
      }
    }
  }
}
