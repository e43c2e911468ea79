import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteQueue } from './write-queue';

describe('WriteQueue', () => {
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = new DataSource({
      type: 'sqlite',
      database: join(mkdtempSync(join(tmpdir(), 'write-queue-')), 'q.sqlite'),
      enableWAL: true,
    });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)');
    await dataSource.query('INSERT INTO counter VALUES (1, 0)');
  });

  afterEach(() => dataSource.destroy());

  const increment = async (manager: DataSource['manager']) => {
    const [row] = (await manager.query('SELECT value FROM counter WHERE id = 1')) as { value: number }[];
    await new Promise((resolve) => setImmediate(resolve));
    await manager.query('UPDATE counter SET value = ? WHERE id = 1', [row!.value + 1]);
  };

  it('runs 200 concurrent read-modify-write transactions one after another, losing none', async () => {
    const queue = new WriteQueue(dataSource);
    await Promise.all(Array.from({ length: 200 }, () => queue.run(increment)));
    const [row] = (await dataSource.query('SELECT value FROM counter')) as { value: number }[];
    expect(row!.value).toBe(200);
    expect(queue.depth).toBe(0);
  });

  it('rolls back a failed transaction and keeps serving the next ones', async () => {
    const queue = new WriteQueue(dataSource);
    const results = await Promise.allSettled([
      queue.run(increment),
      queue.run(async (manager) => {
        await increment(manager);
        throw new Error('refused');
      }),
      queue.run(increment),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [row] = (await dataSource.query('SELECT value FROM counter')) as { value: number }[];
    expect(row!.value).toBe(2);
  });

  it('is needed: the same transactions without the queue collide on the shared connection', async () => {
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => dataSource.transaction(increment)));
    const [row] = (await dataSource.query('SELECT value FROM counter')) as { value: number }[];
    const failed = results.filter((result) => result.status === 'rejected').length;
    expect(failed > 0 || row!.value < 50).toBe(true);
  });
});

describe('WriteQueue group commit', () => {
  it('keeps each job all-or-nothing inside a shared transaction', async () => {
    const dataSource = new DataSource({
      type: 'sqlite',
      database: join(mkdtempSync(join(tmpdir(), 'write-queue-')), 'q.sqlite'),
    });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE item (id INTEGER PRIMARY KEY, job INTEGER NOT NULL)');
    const queue = new WriteQueue(dataSource);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, job) =>
        queue.run(async (manager) => {
          await manager.query('INSERT INTO item (job) VALUES (?)', [job]);
          await manager.query('INSERT INTO item (job) VALUES (?)', [job]);
          if (job % 3 === 0) throw new Error(`job ${job} refused after writing`);
          return job;
        }),
      ),
    );
    const rows = (await dataSource.query('SELECT job, COUNT(*) AS n FROM item GROUP BY job')) as {
      job: number;
      n: number;
    }[];
    const kept = rows.map((row) => row.job).sort((a, b) => a - b);
    expect(kept).toEqual(Array.from({ length: 30 }, (_, job) => job).filter((job) => job % 3 !== 0));
    expect(rows.every((row) => row.n === 2)).toBe(true);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(10);
    await dataSource.destroy();
  });
});
