import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config/app-config';
import { backupSqlite } from '../database/sqlite/sqlite-backup';

/**
 * `npm run backup -- <file>`: a consistent copy of the live database while the kiosk keeps
 * serving (SQLite `VACUUM INTO` reads one snapshot). Keep DATA_DIR/keys with it.
 * On PostgreSQL the database server's own tools do this (pg_dump).
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: npm run backup -- <backup file>');
  const config = loadConfig();
  if (config.database.type !== 'sqlite') {
    throw new Error('backup copies the local SQLite store only; for PostgreSQL use pg_dump');
  }
  const destination = resolve(target);
  if (existsSync(destination)) throw new Error(`${destination} exists already; choose a new file name`);
  try {
    await backupSqlite(config.database.path, destination);
  } catch (error) {
    throw new Error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.stdout.write(`backup written to ${destination}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
