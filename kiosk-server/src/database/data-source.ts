import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import type { Database } from './database';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { PostgresDatabase } from './postgres/postgres-database';
import { SqliteDatabase } from './sqlite/sqlite-database';

/**
 * The pragmas we run with. synchronous=FULL: in WAL mode NORMAL may lose the last commits on
 * power loss, and a lost commit is a resident's lost points. The benchmark shows FULL is fast enough.
 */
export const SQLITE_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL
  foreign_keys: 1,
  busy_timeout: 5000,
} as const;

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  if (config.database.type === 'postgres') {
    return {
      type: 'postgres',
      url: config.database.url,
      entities: ENTITIES,
      migrations: MIGRATIONS.postgres,
      synchronize: false,
      // the write queue holds one client for its transaction; the rest serve reads
      extra: { max: 10 },
    };
  }
  createPrivateFile(config.database.path);
  return {
    type: 'sqlite',
    database: config.database.path,
    entities: ENTITIES,
    migrations: MIGRATIONS.sqlite,
    synchronize: false,
    enableWAL: true,
    busyErrorRetry: 50,
    driver: quietSqlite3,
  };
}

/**
 * The database holds every resident's name, household and points: readable by the kiosk's own
 * user only. Its directory is made 0700 when the kiosk creates it, and the file 0600 before
 * SQLite opens it (SQLite gives its -wal and -shm files the database file's permissions). A file
 * made readable to others by an earlier version is made owner-only too.
 */
export function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}

/**
 * TypeORM switches sqlite3 into verbose mode, which wraps every call to build a long stack trace
 * and `util.inspect` its SQL and parameters: about a fifth of the server's CPU per redemption.
 * Our errors are logged with the SQL anyway, so the driver is handed over with verbose() disabled.
 */
const quietSqlite3 = { ...sqlite3, verbose: () => sqlite3 };

/** Applies the pragmas, reads them back and refuses to run with anything else. */
async function configureSqlite(dataSource: DataSource): Promise<void> {
  await dataSource.query(`PRAGMA journal_mode = WAL`);
  await dataSource.query(`PRAGMA synchronous = FULL`);
  await dataSource.query(`PRAGMA foreign_keys = ON`);
  await dataSource.query(`PRAGMA busy_timeout = ${SQLITE_PRAGMAS.busy_timeout}`);
  for (const [name, expected] of Object.entries(SQLITE_PRAGMAS)) {
    const rows: Record<string, unknown>[] = await dataSource.query(`PRAGMA ${name}`);
    const actual = rows[0] ? Object.values(rows[0])[0] : undefined;
    if (String(actual).toLowerCase() !== String(expected)) {
      throw new Error(`SQLite PRAGMA ${name} is ${String(actual)}, expected ${expected}; refusing to start`);
    }
  }
}

/** Connects, checks the engine's settings and brings the schema up to date. */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  if (options.type === 'sqlite') await configureSqlite(dataSource);
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** The engine's door for repositories, on an open DataSource. */
export function databaseOf(dataSource: DataSource): Database {
  return dataSource.options.type === 'postgres' ? new PostgresDatabase(dataSource) : new SqliteDatabase(dataSource);
}
