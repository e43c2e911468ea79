import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Which engine the integration tests run the kiosk on. The `integration-postgres` project sets
 * KIOSK_TEST_ENGINE=postgres and KIOSK_TEST_PG_URL (a superuser URL of a test server, from CI or
 * from the global setup); everything else runs on SQLite, as a kiosk does by default.
 */
export type TestEngine = 'sqlite' | 'postgres';

export function testEngine(): TestEngine {
  return process.env.KIOSK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

/** The test server's superuser URL (its `postgres` database), for creating and dropping databases. */
export function adminUrl(): string {
  const url = process.env.KIOSK_TEST_PG_URL;
  if (!url) throw new Error('KIOSK_TEST_PG_URL is not set: the PostgreSQL tests need a server');
  return url;
}

/** The same server, another database. */
export function databaseUrl(name: string, base = adminUrl()): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/**
 * The database of a data directory lives in a file beside the kiosk's other files, so a restart on
 * the same directory (and `Db.open(dbPath(dir))`) finds the same database.
 */
const MARKER = '.test-database-url';

export function storedDatabaseUrl(dataDir: string): string | undefined {
  const marker = join(dataDir, MARKER);
  return existsSync(marker) ? readFileSync(marker, 'utf8').trim() : undefined;
}

/** Databases made by this test process, dropped by `dropCreatedDatabases` after each test file. */
const created = new Set<string>();

/**
 * Names share the run's prefix (set by the global setup), so a run against a long-lived server can
 * drop what it left behind.
 */
function newDatabaseName(): string {
  const run = process.env.KIOSK_TEST_PG_RUN ?? 'x';
  return `kiosk_${run}_${randomBytes(6).toString('hex')}`;
}

/** One superuser connection to the test server (or the server at `url`) for `work`. */
export async function withAdmin<T>(work: (client: Client) => Promise<T>, url = adminUrl()): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The data directory's database: the one it already has, or a new empty one (the server migrates it). */
export async function databaseForDataDir(dataDir: string): Promise<string> {
  const stored = storedDatabaseUrl(dataDir);
  if (stored) return stored;
  const name = newDatabaseName();
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  created.add(name);
  const url = databaseUrl(name);
  // the marker lives in the data directory, which may not exist yet (a kiosk makes its own 0700)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dataDir, MARKER), `${url}\n`);
  return url;
}

/**
 * After a data directory was copied (`cpSync`), gives the copy a database of its own: a copy of the
 * source's database (nobody may be connected to it). Does nothing on SQLite, where the file was copied.
 */
export async function copyDatabase(fromDataDir: string, toDataDir: string): Promise<void> {
  const source = storedDatabaseUrl(fromDataDir);
  if (!source) return;
  const name = newDatabaseName();
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${databaseName(source)}"`));
  created.add(name);
  writeFileSync(join(toDataDir, MARKER), `${databaseUrl(name, source)}\n`);
}

/** Drops the databases this process made (a kiosk still connected is disconnected). */
export async function dropCreatedDatabases(): Promise<void> {
  if (created.size === 0) return;
  const names = [...created];
  created.clear();
  await withAdmin(async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** Drops every database of a run (see `newDatabaseName`), for a server that outlives the run. */
export async function dropRunDatabases(run: string): Promise<void> {
  await withAdmin(async (client) => {
    const rows = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `kiosk\\_${run}\\_%`,
    ]);
    for (const { datname } of rows.rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
