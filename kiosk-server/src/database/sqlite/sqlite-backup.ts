import sqlite3 from 'sqlite3';
import { loadConfig } from '../../config/app-config';
import { dataSourceOptions, openDataSource, SQLITE_PRAGMAS } from '../data-source';
import { MIGRATIONS } from '../migrations';
import type { SqlRunner } from '../sql-runner';

function open(path: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, mode, (error) => (error ? reject(error) : resolve(db)));
  });
}

function close(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

/**
 * A consistent copy of a live SQLite store while the kiosk keeps serving: `VACUUM INTO` reads
 * one snapshot (a read transaction: in WAL mode the kiosk's writes go on meanwhile, and every
 * commit made before it started is in the copy) and writes a compact new file that needs no WAL.
 * The destination must not exist yet.
 *
 * One statement at a time on the connection: VACUUM refuses to run while another statement of
 * its connection is still active ("cannot VACUUM - SQL statements in progress"). The busy timeout
 * is therefore set through the driver, not with a PRAGMA statement sent alongside; the old
 * backup sent both without waiting, and the VACUUM failed whenever the PRAGMA had not finished.
 */
export async function snapshotSqlite(databasePath: string, destination: string): Promise<void> {
  // read-only: a missing database is an error instead of a new empty file, and nothing is written
  const db = await open(databasePath, sqlite3.OPEN_READONLY);
  try {
    db.configure('busyTimeout', SQLITE_PRAGMAS.busy_timeout);
    await new Promise<void>((resolve, reject) =>
      db.run('VACUUM INTO ?', [destination], (error) => (error ? reject(error) : resolve())),
    );
  } finally {
    await close(db);
  }
}

/**
 * A SQLite file opened on its own (a backup's copy, never the live store): plain reads and its
 * checks; writes only when opened `writable` (a restore adjusting its checked copy).
 */
export interface SqliteFile extends SqlRunner {
  /** SQLite's own page-level check: `ok`, or what it found. */
  integrity(): Promise<string>;
  close(): Promise<void>;
}

export async function openSqliteFile(path: string, writable = false): Promise<SqliteFile> {
  const db = await open(path, writable ? sqlite3.OPEN_READWRITE : sqlite3.OPEN_READONLY);
  db.configure('busyTimeout', SQLITE_PRAGMAS.busy_timeout);
  const all = <T>(sql: string, params: readonly unknown[] = []) =>
    new Promise<T[]>((resolve, reject) =>
      db.all(sql, [...params], (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
    );
  return {
    all,
    run: (sql, params = []) =>
      writable
        ? new Promise<number>((resolve, reject) =>
            db.run(sql, [...params], function (this: sqlite3.RunResult, error: Error | null) {
              if (error) reject(error);
              else resolve(this.changes);
            }),
          )
        : Promise.reject(new Error('a backup copy is opened read-only')),
    integrity: async () => {
      const rows = await all<{ integrity_check: string }>('PRAGMA integrity_check');
      return rows.map((row) => row.integrity_check).join('; ');
    },
    close: () => close(db),
  };
}

/** The migrations this release knows for SQLite, in order (TypeORM's `migrations` table holds their names). */
export function knownSqliteMigrations(): string[] {
  return MIGRATIONS.sqlite.map((migration) => new migration().name);
}

/**
 * Brings an older copy up to this release's schema exactly as the server does at its start
 * (same pragmas, same migrations, one transaction each), then closes it.
 */
export async function migrateSqliteFile(path: string): Promise<void> {
  const options = dataSourceOptions(loadConfig({ DATABASE_URL: `sqlite:${path}` }));
  const dataSource = await openDataSource(options);
  await dataSource.destroy();
}
