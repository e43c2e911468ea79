import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupFileName } from '../backup/backup-schedule';
import { BackupRepository } from '../backup/backup.repository';
import { makeBackup } from '../backup/make-backup';
import { ConfigError, loadConfig } from '../config/app-config';
import { openSqliteFile } from '../database/sqlite/sqlite-backup';
import { describeCounts, localTime, megabytes, POSTGRES_BACKUP } from './cli-text';

const USAGE = `usage: npm run backup -- <backup file or folder> [--no-encrypt]

Writes one file with a consistent snapshot of the database (the kiosk may keep serving), the
card-signing keys and the uploaded product pictures, encrypted with BACKUP_PASSPHRASE.
Given a folder, the file is named kiosk-<kiosk id>-<date>-<time>.backup inside it.
--no-encrypt writes it unencrypted (for tests: anyone holding the file could then sign cards).`;

/** `npm run backup -- <file>`: see USAGE. */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const noEncrypt = args.includes('--no-encrypt');
  const unknown = args.filter((arg) => arg.startsWith('-') && arg !== '--no-encrypt');
  const targets = args.filter((arg) => !arg.startsWith('-'));
  if (targets.length !== 1 || unknown.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  if (config.database.type !== 'sqlite') {
    process.stderr.write(`${POSTGRES_BACKUP}\n`);
    return 2;
  }
  const passphrase = noEncrypt ? null : (config.backup.passphrase ?? null);
  if (!noEncrypt && passphrase === null) {
    process.stderr.write(
      'backup refused: set BACKUP_PASSPHRASE (at least 8 characters): the file holds the card-signing key,\n' +
        'which must not be readable from a lost USB stick. (--no-encrypt writes it unencrypted, for tests.)\n',
    );
    return 1;
  }
  let destination = resolve(targets[0]!);
  if (isFolder(destination)) {
    destination = join(
      destination,
      backupFileName(config.kioskId ?? (await storedKioskId(config.database.path)), new Date()),
    );
  }
  const result = await makeBackup({
    databasePath: config.database.path,
    dataDir: config.dataDir,
    destination,
    passphrase,
    ...(config.kioskId ? { kioskId: config.kioskId } : {}),
  });
  const { manifest } = result;
  process.stdout.write(
    [
      `Backup written to ${result.file}`,
      `  database as of ${localTime(manifest.createdAt)}, kiosk ${manifest.kioskId}, card-signing key ${manifest.keyId}`,
      `  ${describeCounts(manifest.counts)}`,
      `  ${manifest.files.length} files, ${megabytes(result.size)}, ` +
        `${passphrase === null ? 'NOT encrypted' : 'encrypted with BACKUP_PASSPHRASE'}, made in ${(result.tookMs / 1000).toFixed(1)} s`,
      '',
    ].join('\n'),
  );
  return 0;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function storedKioskId(databasePath: string): Promise<string> {
  const db = await openSqliteFile(databasePath);
  try {
    const repository = new BackupRepository(db);
    return (await repository.storedKioskId()) ?? (await repository.latestLedgerKioskId()) ?? 'unknown';
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      error instanceof ConfigError ? `Configuration error: ${message}\n` : `backup failed: ${message}\n`,
    );
    process.exit(1);
  },
);
