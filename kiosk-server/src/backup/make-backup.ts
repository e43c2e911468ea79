import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { keyIdOf } from '../cards/card-keys';
import { DomainError } from '../common/domain-error';
import { openSqliteFile, snapshotSqlite } from '../database/sqlite/sqlite-backup';
import { type BackupManifest, type BackupSource, writeBackupFile } from './backup-file';
import { BackupRepository } from './backup.repository';

export interface MakeBackupOptions {
  /** The live SQLite store. */
  databasePath: string;
  dataDir: string;
  /** The backup file to write; must not exist. */
  destination: string;
  /** null: unencrypted (tests only). */
  passphrase: string | null;
  /** The kiosk id to record when KIOSK_ID names the kiosk (it is then not in the settings). */
  kioskId?: string;
}

export interface BackupResult {
  file: string;
  size: number;
  manifest: BackupManifest;
  tookMs: number;
}

/** The card-signing key files, the device key, the trusted public keys and the uploaded product pictures. */
function dataDirFiles(dataDir: string): BackupSource[] {
  const keys = join(dataDir, 'keys');
  const privateKey = join(keys, 'card-signing.key.pem');
  if (!existsSync(privateKey)) {
    throw DomainError.conflict('BACKUP_NO_KEYS', `No card-signing key in ${keys}: the kiosk has not started here yet.`);
  }
  const sources: BackupSource[] = [
    { name: 'keys/card-signing.key.pem', path: privateKey },
    { name: 'keys/card-signing.pub.pem', path: join(keys, 'card-signing.pub.pem') },
  ];
  const filesIn = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => entry.name)
          .sort()
      : [];
  // the key the hub knows this kiosk by, once it has enrolled
  if (existsSync(join(keys, 'device.key.pem')))
    sources.push({ name: 'keys/device.key.pem', path: join(keys, 'device.key.pem') });
  for (const name of filesIn(join(keys, 'trusted')).filter((file) => file.endsWith('.pem'))) {
    sources.push({ name: `keys/trusted/${name}`, path: join(keys, 'trusted', name) });
  }
  for (const name of filesIn(join(dataDir, 'images')).filter((file) => /^[A-Za-z0-9._-]+$/.test(file))) {
    sources.push({ name: `images/${name}`, path: join(dataDir, 'images', name) });
  }
  return sources;
}

/** Bytes a backup may need at most: what it copies, uncompressed (the file is usually much smaller). */
export function backupSizeBound(databasePath: string, dataDir: string): number {
  const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  let bytes = size(databasePath) + size(`${databasePath}-wal`) + 64 * 1024;
  for (const source of existsSync(join(dataDir, 'keys')) ? dataDirFiles(dataDir) : []) bytes += size(source.path);
  return bytes;
}

/** Free bytes for an unprivileged writer on the file system holding `dir`. */
export async function freeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

/**
 * One backup: a snapshot of the live database (the kiosk keeps serving), the keys and pictures,
 * packed and encrypted into `destination`. The plain snapshot is made inside DATA_DIR (which
 * holds the plain database anyway) and removed after; nothing unencrypted is written beside the
 * destination, which may be a USB stick.
 */
export async function makeBackup(options: MakeBackupOptions): Promise<BackupResult> {
  const started = performance.now();
  if (existsSync(options.destination)) {
    throw DomainError.conflict('BACKUP_EXISTS', `${options.destination} exists already; choose a new file name.`);
  }
  if (!existsSync(options.databasePath)) {
    throw DomainError.conflict('BACKUP_NO_DATABASE', `No database at ${options.databasePath}: nothing to back up.`);
  }
  const sources = dataDirFiles(options.dataDir);
  const publicKey = createPublicKey(createPrivateKey(readFileSync(sources[0]!.path)));
  const work = await mkdtemp(join(options.dataDir, '.backup-'));
  try {
    const snapshot = join(work, 'kiosk.sqlite');
    const createdAt = new Date().toISOString();
    await snapshotSqlite(options.databasePath, snapshot);
    const copy = await openSqliteFile(snapshot);
    let info: Omit<BackupManifest, 'format' | 'version' | 'files'>;
    try {
      const repository = new BackupRepository(copy);
      info = {
        createdAt,
        kioskId:
          options.kioskId ??
          (await repository.storedKioskId()) ??
          (await repository.latestLedgerKioskId()) ??
          'unknown',
        keyId: keyIdOf(publicKey),
        engine: 'sqlite',
        migrations: await repository.migrations(),
        counts: await repository.counts(),
      };
    } finally {
      await copy.close();
    }
    const { size, manifest } = await writeBackupFile(
      options.destination,
      info,
      [{ name: 'kiosk.sqlite', path: snapshot }, ...sources],
      options.passphrase,
    );
    return { file: options.destination, size, manifest, tookMs: Math.round(performance.now() - started) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
