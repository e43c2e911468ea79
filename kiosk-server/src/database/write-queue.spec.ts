import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { onPostgres, openTestDatabase, pgUrl, type TestDatabase } from './engines.spec-support';
import type { SqlRunner, Tx } from './sql-runner';
import { WriteQueue } from './write-queue';

/**
 * The queue on both engines, on a real database with the real migrations and settings (without a
 * PostgreSQL server that half is skipped and says why).
 */

const increment = async (sql: SqlRunner) => {
  const [row] = await sql.all<{ value: number }>('SELECT "value" FROM "counter" WHERE "id" = 1');
  await new Promise((resolve) => setImmediate(resolve));
  await sql.run('UPDATE "counter" SET "value" = ? WHERE "id" = 1', [row!.value + 1]);
};

const counter = async (db: Database) => (await db.all<{ value: number }>('SELECT "value" FROM "counter"'))[0]!.value;

describe.each([
  ['on SQLite', 'sqlite' as const, false],
  [onPostgres, 'postgres' as const, !pgUrl],
])('WriteQueue %s', (_title, engine, skip) => {
  let opened: TestDatabase;
  let db: Database;

  beforeEach(async () => {
    if (skip) return;
    opened = await openTestDatabase(engine, 'write-queue');
    db = opened.db;
    await db.run('CREATE TABLE "counter" ("id" integer PRIMARY KEY, "value" integer NOT NULL)');
    await db.run('INSERT INTO "counter" ("id", "value") VALUES (1, 0)');
    await db.run('CREATE TABLE "item" ("id" integer PRIMARY KEY, "job" integer NOT NULL)');
  });

  afterEach(async () => {
    if (!skip) await opened.close();
  });

  it.skipIf(skip)('runs 200 concurrent read-modify-write transactions one after another, losing none', async () => {
    const queue = new WriteQueue(db);
    await Promise.all(Array.from({ length: 200 }, () => queue.run(increment)));
    expect(await counter(db)).toBe(200);
    expect(queue.depth).toBe(0);
  });

  it.skipIf(skip)('hands each job a transaction of its engine', async () => {
    const queue = new WriteQueue(db);
    expect(await queue.run((tx: Tx) => Promise.resolve(tx.engine))).toBe(engine);
  });

  it.skipIf(skip)('rolls back a failed transaction and keeps serving the next ones', async () => {
    const queue = new WriteQueue(db);
    const results = await Promise.allSettled([
      queue.run(increment),
      queue.run(async (tx) => {
        await increment(tx);
        throw new Error('refused');
      }),
      queue.run(increment),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await counter(db)).toBe(2);
  });

  it.skipIf(skip)('keeps each job all-or-nothing inside a shared transaction', async () => {
    const queue = new WriteQueue(db);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, job) =>
        queue.run(async (tx) => {
          await tx.run('INSERT INTO "item" ("id", "job") VALUES (?, ?)', [job * 2, job]);
          await tx.run('INSERT INTO "item" ("id", "job") VALUES (?, ?)', [job * 2 + 1, job]);
          if (job % 3 === 0) throw new Error(`job ${job} refused after writing`);
          return job;
        }),
      ),
    );
    const rows = await db.all<{ job: number; n: number }>(
      'SELECT "job", COUNT(*) AS "n" FROM "item" GROUP BY "job" ORDER BY "job"',
    );
    expect(rows.map((row) => row.job)).toEqual(Array.from({ length: 30 }, (_, job) => job).filter((job) => job % 3));
    expect(rows.every((row) => row.n === 2)).toBe(true);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(10);
  });

  // PostgreSQL refuses every statement of a transaction after one failed, until it rolls back to a
  // savepoint: a constraint error in one job must not fail the jobs batched with it.
  it.skipIf(skip)('a job whose statement the database refuses fails alone; its batch commits', async () => {
    const queue = new WriteQueue(db);
    const results = await Promise.allSettled([
      queue.run((tx) => tx.run('INSERT INTO "item" ("id", "job") VALUES (1, 1)')),
      queue.run((tx) => tx.run('INSERT INTO "item" ("id", "job") VALUES (1, 2)')),
      queue.run((tx) => tx.run('INSERT INTO "item" ("id", "job") VALUES (3, 3)')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await db.all('SELECT "id", "job" FROM "item" ORDER BY "id"')).toEqual([
      { id: 1, job: 1 },
      { id: 3, job: 3 },
    ]);
  });

  it.skipIf(skip)('is needed: the same transactions without the queue collide or lose updates', async () => {
    // TypeORM's own transactions and placeholders: SQLite shares one connection between them,
    // PostgreSQL runs them side by side on its pool, where a read-modify-write loses updates.
    const placeholder = engine === 'postgres' ? '$1' : '?';
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        opened.dataSource.transaction(async (manager) => {
          const [row] = (await manager.query('SELECT "value" FROM "counter" WHERE "id" = 1')) as { value: number }[];
          await new Promise((resolve) => setImmediate(resolve));
          await manager.query(`UPDATE "counter" SET "value" = ${placeholder} WHERE "id" = 1`, [row!.value + 1]);
        }),
      ),
    );
    const failed = results.filter((result) => result.status === 'rejected').length;
    expect(failed > 0 || (await counter(db)) < 50).toBe(true);
  });
});
