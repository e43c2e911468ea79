import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import { loadConfig } from '../config/app-config';

/**
 * `npm run backup -- <file>`: a consistent copy of the live database while the kiosk keeps
 * serving (SQLite `VACUUM INTO` reads one snapshot). Keep DATA_DIR/keys with it.
 */
function main(): void {
  const target = process.argv[2];
  if (!target) throw new Error('usage: npm run backup -- <backup file>');
  const config = loadConfig();
  if (config.database.type !== 'sqlite') throw new Error('backup copies the local SQLite store only');
  const destination = resolve(target);
  if (existsSync(destination)) throw new Error(`${destination} exists already; choose a new file name`);
  const db = new sqlite3.Database(config.database.path, sqlite3.OPEN_READWRITE, (openError) => {
    if (openError) throw openError;
    db.run('PRAGMA busy_timeout = 5000');
    db.run('VACUUM INTO ?', [destination], (error) => {
      db.close();
      if (error) {
        process.stderr.write(`backup failed: ${error.message}\n`);
        process.exit(1);
      }
      process.stdout.write(`backup written to ${destination}\n`);
    });
  });
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
