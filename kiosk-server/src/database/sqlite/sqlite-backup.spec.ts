import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteFile, snapshotSqlite } from './sqlite-backup';

let dir: string;
let writer: sqlite3.Database;

const exec = (db: sqlite3.Database, sql: string) =>
  new Promise<void>((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
const run = (db: sqlite3.Database, sql: string, params: unknown[]) =>
  new Promise<void>((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sqlite-backup-'));
  writer = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(join(dir, 'live.sqlite'), (error) => (error ? reject(error) : resolve(db)));
  });
  // as the kiosk runs: WAL, full sync, a busy timeout
  await exec(writer, 'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000');
  await exec(writer, 'CREATE TABLE "rows" ("n" integer PRIMARY KEY, "pad" text NOT NULL)');
});

afterEach(async () => {
  await new Promise<void>((resolve) => writer.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('snapshotSqlite', () => {
  it('succeeds every time while another connection keeps committing, and holds every commit made before it', async () => {
    let committed = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        await run(writer, 'INSERT INTO "rows" ("n", "pad") VALUES (?, ?)', [committed + 1, 'x'.repeat(200)]);
        committed += 1;
      }
    })();
    try {
      // The backup before the fix failed in about one try of three ("cannot VACUUM - SQL statements in progress").
      for (let i = 0; i < 20; i++) {
        const before = committed;
        const copy = join(dir, `copy-${i}.sqlite`);
        await snapshotSqlite(join(dir, 'live.sqlite'), copy);
        const file = await openSqliteFile(copy);
        try {
          expect(await file.integrity()).toBe('ok');
          const [row] = await file.all<{ count: number }>('SELECT COUNT(*) AS "count" FROM "rows"');
          expect(row!.count).toBeGreaterThanOrEqual(before);
          const [mode] = await file.all<{ journal_mode: string }>('PRAGMA journal_mode');
          expect(mode!.journal_mode).toBe('delete'); // one self-contained file, no WAL beside it
        } finally {
          await file.close();
        }
      }
      expect(committed).toBeGreaterThan(0);
    } finally {
      writing = false;
      await writes;
    }
  });

  it('refuses a missing database instead of backing up a new empty one', async () => {
    await expect(snapshotSqlite(join(dir, 'missing.sqlite'), join(dir, 'copy.sqlite'))).rejects.toThrow();
    expect(existsSync(join(dir, 'missing.sqlite'))).toBe(false);
    expect(existsSync(join(dir, 'copy.sqlite'))).toBe(false);
  });

  it('refuses to overwrite an existing file', async () => {
    await snapshotSqlite(join(dir, 'live.sqlite'), join(dir, 'copy.sqlite'));
    await expect(snapshotSqlite(join(dir, 'live.sqlite'), join(dir, 'copy.sqlite'))).rejects.toThrow();
  });
});
