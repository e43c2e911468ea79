import { resolve } from 'node:path';
import { readBackupHeader } from '../backup/backup-file';
import { restoreBackup } from '../backup/restore-backup';
import { DomainError } from '../common/domain-error';
import { ConfigError, loadConfig } from '../config/app-config';
import { describeCounts, localTime, POSTGRES_RESTORE } from './cli-text';

const USAGE = `usage: npm run restore -- <backup file> [--check] [--replace-keys]

Restores a backup made by npm run backup (or downloaded from the staff console) into DATA_DIR,
with the kiosk stopped. The file is checked completely first (passphrase from BACKUP_PASSPHRASE,
every byte, the database, its schema, the ledger's hash chains and balances, the keys); what it
replaces is kept in DATA_DIR/replaced-<date>-<time>/. A file that fails a check changes nothing.
--check          check the file, change nothing
--replace-keys   allow restoring over a DATA_DIR that has another kiosk's card-signing key`;

const FLAGS = ['--check', '--replace-keys'];

/** `npm run restore -- <file>`: see USAGE. */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const files = args.filter((arg) => !arg.startsWith('-'));
  if (files.length !== 1 || args.some((arg) => arg.startsWith('-') && !FLAGS.includes(arg))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  if (config.database.type !== 'sqlite') {
    process.stderr.write(`${POSTGRES_RESTORE}\n`);
    return 2;
  }
  const file = resolve(files[0]!);
  const checkOnly = args.includes('--check');
  const { encrypted } = await readBackupHeader(file);
  const result = await restoreBackup({
    file,
    passphrase: encrypted ? (config.backup.passphrase ?? null) : null,
    databasePath: config.database.path,
    dataDir: config.dataDir,
    checkOnly,
    replaceKeys: args.includes('--replace-keys'),
  });
  const { manifest } = result;
  const schema =
    result.migratedFrom === result.migratedTo
      ? `schema ${result.migratedTo}`
      : `schema migrated from ${result.migratedFrom} to ${result.migratedTo}`;
  process.stdout.write(
    [
      checkOnly ? `The backup ${file} is good; nothing was changed.` : `Restored ${file} into ${config.dataDir}`,
      `  backup made ${localTime(manifest.createdAt)} by kiosk ${manifest.kioskId}, card-signing key ${result.keyId}`,
      `  ${describeCounts(result.counts)}; hash chains and balances verified`,
      `  ${schema}${encrypted ? '' : '; the file was NOT encrypted'}`,
      ...(result.newKioskId
        ? [
            `  this kiosk syncs with a hub: it goes on as kiosk ${result.newKioskId} (KIOSK_ID no longer applies);`,
            '  what it did after the backup comes back from the hub at its first sync',
          ]
        : []),
      ...(checkOnly
        ? []
        : [
            result.asideDir
              ? `  the data it replaced is kept in ${result.asideDir}`
              : '  there was no data here before',
            'Start the kiosk (npm start) to serve it.',
          ]),
      '',
    ].join('\n'),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ConfigError) process.stderr.write(`Configuration error: ${message}\n`);
    else if (error instanceof DomainError)
      process.stderr.write(`restore refused (${error.code}): ${message}\nNothing was changed.\n`);
    else process.stderr.write(`restore failed: ${message}\n`);
    process.exit(1);
  },
);
