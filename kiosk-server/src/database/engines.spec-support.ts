import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import type { Database } from './database';
import { databaseOf, dataSourceOptions, openDataSource } from './data-source';
import type { Engine } from './sql-runner';

/**
 * For the specs that run on both engines: KIOSK_TEST_PG_URL (a superuser URL; vitest's global
 * setup or CI provides it) adds PostgreSQL; without it the PostgreSQL half is skipped and says why.
 */
export const pgUrl = process.env.KIOSK_TEST_PG_URL || undefined;
export const pgSkipReason = process.env.KIOSK_TEST_PG_SKIP_REASON ?? 'KIOSK_TEST_PG_URL is not set';
export const onPostgres = pgUrl ? 'on PostgreSQL' : `on PostgreSQL (skipped: ${pgSkipReason})`;

export interface TestDatabase {
  engine: Engine;
  dataSource: DataSource;
  db: Database;
  close: () => Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database of the engine (a SQLite file in a temp dir, or a new PostgreSQL database),
 * brought up to date by the real migrations with the real settings, as the server does at start.
 */
export async function openTestDatabase(engine: Engine, prefix: string): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  let url: string | undefined;
  let drop = async () => undefined;
  if (engine === 'postgres') {
    const name = `${prefix.replace(/\W/g, '_')}_${randomBytes(6).toString('hex')}`;
    await admin((client) => client.query(`CREATE DATABASE "${name}"`));
    const target = new URL(pgUrl!);
    target.pathname = `/${name}`;
    url = target.toString();
    drop = () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
  }
  const dataSource = await openDataSource(dataSourceOptions(loadConfig({ DATA_DIR: dir, DATABASE_URL: url })));
  const db = databaseOf(dataSource);
  return {
    engine,
    dataSource,
    db,
    close: async () => {
      await db.close();
      await dataSource.destroy();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
