import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { keyIdOf } from '../cards/card-keys';
import { DomainError } from '../common/domain-error';
import { knownSqliteMigrations, migrateSqliteFile, openSqliteFile } from '../database/sqlite/sqlite-backup';
import { checkLedger } from '../ledger/ledger-hash';
import { type BackupCounts, type BackupManifest, damaged, readBackupFile } from './backup-file';
import { BackupRepository } from './backup.repository';
import { backupFileName } from './backup-schedule';
import { describeLock, holdLock, liveLock, releaseLock } from './data-dir-lock';

export interface RestoreOptions {
  file: string;
  passphrase: string | null;
  /** Where the kiosk's SQLite store lives (DATA_DIR/kiosk.sqlite unless DATABASE_URL says otherwise). */
  databasePath: string;
  dataDir: string;
  /** Check the file completely, change nothing. */
  checkOnly: boolean;
  /** Allow replacing a DATA_DIR whose card-signing key differs from the backup's. */
  replaceKeys: boolean;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** The schema the backup had and the one it has now (the same when nothing was migrated). */
  migratedFrom: string;
  migratedTo: string;
  /** Counts of the restored store, after any migration. */
  counts: BackupCounts;
  keyId: string;
  /** The kiosk id a restored kiosk of a hub goes on under; undefined for a kiosk on its own. */
  newKioskId: string | undefined;
  /** Where the data it replaced was put; undefined when there was none (or only checking). */
  asideDir: string | undefined;
}

/** The checks of LedgerService.verify, on a copy that no server runs on; the problem, if any. */
async function verifyLedger(repository: BackupRepository): Promise<string | undefined> {
  return checkLedger(await repository.ledgerChains(), await repository.balances()).problem;
}

function keyIdOfPrivateKey(path: string): string {
  return keyIdOf(createPublicKey(createPrivateKey(readFileSync(path))));
}

function trustedKeyIds(keysDir: string): string[] {
  const dir = join(keysDir, 'trusted');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pem'))
    .map((name) => keyIdOf(createPublicKey(readFileSync(join(dir, name)))));
}

/** Checks the unpacked copy (and migrates it forward); throws a DomainError naming what is wrong. */
async function checkCopy(
  stage: string,
  manifest: BackupManifest,
): Promise<{ migratedFrom: string; migratedTo: string; counts: BackupCounts; keyId: string }> {
  const database = join(stage, 'kiosk.sqlite');
  const known = knownSqliteMigrations();
  let copy = await openSqliteFile(database);
  let applied: string[];
  try {
    const integrity = await copy.integrity();
    if (integrity !== 'ok') throw damaged(`database check: ${integrity.slice(0, 200)}`);
    applied = await new BackupRepository(copy).migrations();
  } finally {
    await copy.close();
  }
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw DomainError.conflict(
      'BACKUP_NEWER_SCHEMA',
      `The backup was made by a newer release (schema ${unknown.at(-1)}); update this kiosk first.`,
    );
  }
  const migratedFrom = applied.at(-1) ?? '(empty)';
  // The server's own migrations, as at its start: an older backup comes back at this release's schema.
  if (applied.length < known.length) await migrateSqliteFile(database);

  copy = await openSqliteFile(database);
  try {
    const repository = new BackupRepository(copy);
    const problem = await verifyLedger(repository);
    if (problem)
      throw DomainError.conflict('BACKUP_LEDGER_INVALID', `The ledger in the backup does not verify: ${problem}.`);
    const keys = join(stage, 'keys');
    const privateKey = join(keys, 'card-signing.key.pem');
    if (!existsSync(privateKey)) throw damaged('no card-signing key in the file');
    const keyId = keyIdOfPrivateKey(privateKey);
    const trusted = new Set([keyId, ...trustedKeyIds(keys)]);
    const foreign = (await repository.activeCardKeyIds()).filter((id) => !trusted.has(id));
    if (keyId !== manifest.keyId || foreign.length > 0) {
      throw DomainError.conflict(
        'BACKUP_KEYS_MISMATCH',
        `The card-signing key in the backup (${keyId}) did not sign its cards (${foreign.join(', ') || manifest.keyId}).`,
      );
    }
    return {
      migratedFrom,
      migratedTo: (await repository.migrations()).at(-1) ?? '(empty)',
      counts: await repository.counts(),
      keyId,
    };
  } finally {
    await copy.close();
  }
}

/** A rename that also crosses file systems (the database may live outside DATA_DIR). */
async function move(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true, preserveTimestamps: true });
    await rm(from, { recursive: true, force: true });
  }
}

/**
 * Restores a backup file over the kiosk's data (the kiosk stopped). Everything is checked on an
 * unpacked copy inside DATA_DIR first: passphrase, every byte, SQLite's integrity check, the
 * schema version (an older one is migrated forward, a newer one refused), the hash chains and
 * balances, and that the keys belong to the cards. Only then is the current data moved aside to
 * `DATA_DIR/replaced-<time>/` and the copy moved in. A refused file changes nothing.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { dataDir, databasePath } = options;
  const running = liveLock(dataDir);
  if (running) {
    throw DomainError.conflict('KIOSK_RUNNING', `Stop the kiosk first: ${describeLock(running)}.`);
  }
  const dataDirExisted = existsSync(dataDir);
  await mkdir(dataDir, { recursive: true });
  const stage = await mkdtemp(join(dataDir, '.restore-'));
  let holding = false;
  try {
    const manifest = await readBackupFile(options.file, options.passphrase, stage);
    const checked = await checkCopy(stage, manifest);

    const currentKey = join(dataDir, 'keys', 'card-signing.key.pem');
    if (existsSync(currentKey)) {
      const current = keyIdOfPrivateKey(currentKey);
      if (current !== checked.keyId && !options.replaceKeys) {
        throw DomainError.conflict(
          'BACKUP_OTHER_KIOSK',
          `This DATA_DIR has another card-signing key (${current}) than the backup (${checked.keyId}): ` +
            'the backup is from another kiosk, and restoring it would stop the cards printed here from working. ' +
            'Restore into an empty DATA_DIR, or pass --replace-keys if that is really meant.',
        );
      }
    }
    if (options.checkOnly) return { manifest, ...checked, newKioskId: undefined, asideDir: undefined };
    const copy = await openSqliteFile(join(stage, 'kiosk.sqlite'), true);
    let newKioskId: string | undefined;
    try {
      newKioskId = await new BackupRepository(copy).takeNewOrigin();
    } finally {
      await copy.close();
    }

    holding = true;
    holdLock(dataDir, 'restore');
    const asideDir = await swapIn(stage, dataDir, databasePath);
    return { manifest, ...checked, newKioskId, asideDir };
  } finally {
    if (holding) releaseLock(dataDir);
    await rm(stage, { recursive: true, force: true });
    if (!dataDirExisted) await rmdir(dataDir).catch(() => undefined); // only if still empty
  }
}

/**
 * Moves what is there now aside (the database with its WAL and shared-memory files: a stale WAL
 * beside a new database would be replayed into it), then the checked copy in. A failure half-way
 * puts back what was moved.
 */
async function swapIn(stage: string, dataDir: string, databasePath: string): Promise<string | undefined> {
  const stamp = backupFileName('x', new Date()).replace(/^kiosk-x-|\.backup$/g, '');
  const aside = join(dataDir, `replaced-${stamp}`);
  const replaced: [string, string][] = [];
  // the copy's WAL too, should the checks have left one with changes in it (the shared-memory
  // index beside it is rebuilt by SQLite)
  const incoming: [string, string][] = [[join(stage, 'kiosk.sqlite'), databasePath]];
  const wal = join(stage, 'kiosk.sqlite-wal');
  if (existsSync(wal) && statSync(wal).size > 0) incoming.push([wal, `${databasePath}-wal`]);
  for (const folder of ['keys', 'images']) incoming.push([join(stage, folder), join(dataDir, folder)]);
  const current = [
    databasePath,
    `${databasePath}-wal`,
    `${databasePath}-shm`,
    `${databasePath}-journal`,
    join(dataDir, 'keys'),
    join(dataDir, 'images'),
  ];
  const moved: [string, string][] = [];
  try {
    for (const path of current.filter((p) => existsSync(p))) {
      const to = join(aside, basename(path));
      await move(path, to);
      replaced.push([path, to]);
    }
    for (const [from, to] of incoming) {
      if (!existsSync(from)) continue;
      await move(from, to);
      moved.push([from, to]);
    }
  } catch (error) {
    for (const [from, to] of moved.reverse()) await move(to, from).catch(() => undefined);
    for (const [path, to] of replaced.reverse()) await move(to, path).catch(() => undefined);
    throw error;
  }
  return replaced.length > 0 ? aside : undefined;
}
