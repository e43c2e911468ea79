import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardKeys } from '../cards/card-keys';
import { DomainError } from '../common/domain-error';
import { knownSqliteMigrations, openSqliteFile } from '../database/sqlite/sqlite-backup';
import { BackupRepository } from './backup.repository';
import { LOCK_FILE } from './data-dir-lock';
import { makeBackup } from './make-backup';
import { restoreBackup, type RestoreOptions } from './restore-backup';

/**
 * Backup and restore without a server, on the data directory release 0.1 wrote (the upgrade
 * test's fixture): an older backup is migrated forward, and every refused file changes nothing.
 * The API tests (tests/api/backup.test.ts) do the same with running kiosks.
 */
const FIXTURE = resolve('tests/fixtures/release-0.1');
const PASSPHRASE = 'correct horse battery';

let root: string;
let source: string;
let good: string;

function dataDirFrom(name: string, database: string, keysFrom: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  cpSync(database, join(dir, 'kiosk.sqlite'));
  cpSync(join(keysFrom, 'keys'), join(dir, 'keys'), { recursive: true });
  return dir;
}

/** Every file under a folder with its SHA-256: what "nothing changed" compares. */
function fingerprint(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

function options(dataDir: string, file: string, more: Partial<RestoreOptions> = {}): RestoreOptions {
  return {
    file,
    passphrase: PASSPHRASE,
    databasePath: join(dataDir, 'kiosk.sqlite'),
    dataDir,
    checkOnly: false,
    replaceKeys: false,
    ...more,
  };
}

async function refused(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, String(error)).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

function sql(path: string, text: string): Promise<void> {
  return new Promise((done, fail) => {
    const db = new sqlite3.Database(path, (openError) => {
      if (openError) return fail(openError);
      db.exec(text, (error) => db.close(() => (error ? fail(error) : done())));
    });
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'backup-restore-'));
  source = dataDirFrom('source', join(FIXTURE, 'kiosk.sqlite'), FIXTURE);
  good = join(root, 'good.backup');
  await makeBackup({
    databasePath: join(source, 'kiosk.sqlite'),
    dataDir: source,
    destination: good,
    passphrase: PASSPHRASE,
  });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('restore', () => {
  it('brings a backup of release 0.1 back into an empty DATA_DIR at this release’s schema', async () => {
    const target = join(root, 'fresh');
    const result = await restoreBackup(options(target, good));
    const known = knownSqliteMigrations();
    expect(result.manifest.migrations).toEqual(known.slice(0, 2));
    expect(result).toMatchObject({ migratedFrom: known[1], migratedTo: known.at(-1), asideDir: undefined });
    expect(result.manifest.kioskId).toBe('FIX01');
    expect(result.counts.entries).toBeGreaterThan(100);
    expect(result.counts).toEqual({ ...result.manifest.counts });
    expect(readFileSync(join(target, 'keys/card-signing.key.pem'))).toEqual(
      readFileSync(join(FIXTURE, 'keys/card-signing.key.pem')),
    );
    const db = await openSqliteFile(join(target, 'kiosk.sqlite'));
    try {
      expect(await new BackupRepository(db).migrations()).toEqual(known);
      expect(await db.integrity()).toBe('ok');
    } finally {
      await db.close();
    }
    expect(readdirSync(target).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('keeps the data it replaces aside', async () => {
    const target = dataDirFrom('over', join(FIXTURE, 'kiosk.sqlite'), FIXTURE);
    writeFileSync(join(target, 'kiosk.sqlite-wal'), 'a stale WAL must not meet the restored database');
    const before = fingerprint(target);
    const result = await restoreBackup(options(target, good));
    expect(result.asideDir).toMatch(/replaced-\d{8}-\d{6}$/);
    const aside = fingerprint(result.asideDir!);
    expect(aside['kiosk.sqlite']).toBe(before['kiosk.sqlite']);
    expect(aside['kiosk.sqlite-wal']).toBe(before['kiosk.sqlite-wal']);
    expect(aside['keys/card-signing.key.pem']).toBe(before['keys/card-signing.key.pem']);
    expect(fingerprint(target)['kiosk.sqlite-wal']).not.toBe(before['kiosk.sqlite-wal']);
  });

  it('--check changes nothing', async () => {
    const target = dataDirFrom('check', join(FIXTURE, 'kiosk.sqlite'), FIXTURE);
    const before = fingerprint(target);
    const result = await restoreBackup(options(target, good, { checkOnly: true }));
    expect(result.counts.entries).toBeGreaterThan(100);
    expect(fingerprint(target)).toEqual(before);
  });

  describe('refuses, changing nothing,', () => {
    let target: string;
    let before: Record<string, string>;

    beforeAll(() => {
      target = dataDirFrom('refusing', join(FIXTURE, 'kiosk.sqlite'), FIXTURE);
      before = fingerprint(target);
    });

    const unchanged = () => expect(fingerprint(target)).toEqual(before);

    it('a wrong passphrase', async () => {
      expect(await refused(restoreBackup(options(target, good, { passphrase: 'not the passphrase' })))).toBe(
        'BACKUP_WRONG_PASSPHRASE',
      );
      unchanged();
    });

    it('a truncated file', async () => {
      const cut = join(root, 'cut.backup');
      const bytes = readFileSync(good);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
      expect(await refused(restoreBackup(options(target, cut)))).toBe('BACKUP_DAMAGED');
      unchanged();
    });

    it('a backup from another kiosk (another card-signing key)', async () => {
      // another kiosk: its own key pair, and its cards signed with it
      const other = dataDirFrom('other', join(FIXTURE, 'kiosk.sqlite'), FIXTURE);
      rmSync(join(other, 'keys'), { recursive: true });
      const { keyId } = CardKeys.loadOrCreate(other);
      await sql(join(other, 'kiosk.sqlite'), `UPDATE "cards" SET "keyId" = '${keyId}'`);
      const file = join(root, 'other.backup');
      await makeBackup({
        databasePath: join(other, 'kiosk.sqlite'),
        dataDir: other,
        destination: file,
        passphrase: PASSPHRASE,
      });
      expect(await refused(restoreBackup(options(target, file)))).toBe('BACKUP_OTHER_KIOSK');
      unchanged();
    });

    it('a backup whose key did not sign its cards', async () => {
      const mixed = dataDirFrom('mixed', join(FIXTURE, 'kiosk.sqlite'), FIXTURE);
      rmSync(join(mixed, 'keys'), { recursive: true });
      CardKeys.loadOrCreate(mixed);
      const file = join(root, 'mixed.backup');
      await makeBackup({
        databasePath: join(mixed, 'kiosk.sqlite'),
        dataDir: mixed,
        destination: file,
        passphrase: PASSPHRASE,
      });
      const empty = join(root, 'never-made');
      expect(await refused(restoreBackup(options(empty, file)))).toBe('BACKUP_KEYS_MISMATCH');
      expect(existsSync(empty)).toBe(false);
    });

    it('a backup whose ledger does not verify', async () => {
      const tampered = dataDirFrom('tampered', join(FIXTURE, 'kiosk.sqlite'), FIXTURE);
      await sql(
        join(tampered, 'kiosk.sqlite'),
        `DROP TRIGGER "ledger_entries_no_update";
         UPDATE "ledger_entries" SET "delta" = "delta" + 1 WHERE "seq" = 5`,
      );
      const file = join(root, 'tampered.backup');
      await makeBackup({
        databasePath: join(tampered, 'kiosk.sqlite'),
        dataDir: tampered,
        destination: file,
        passphrase: PASSPHRASE,
      });
      expect(await refused(restoreBackup(options(target, file)))).toBe('BACKUP_LEDGER_INVALID');
      unchanged();
    });

    it('a backup made by a newer release', async () => {
      const newer = dataDirFrom('newer', join(FIXTURE, 'kiosk.sqlite'), FIXTURE);
      await sql(
        join(newer, 'kiosk.sqlite'),
        `INSERT INTO "migrations" ("timestamp", "name") VALUES (9999999999999, 'FromTheFuture9999999999999')`,
      );
      const file = join(root, 'newer.backup');
      await makeBackup({
        databasePath: join(newer, 'kiosk.sqlite'),
        dataDir: newer,
        destination: file,
        passphrase: PASSPHRASE,
      });
      expect(await refused(restoreBackup(options(target, file)))).toBe('BACKUP_NEWER_SCHEMA');
      unchanged();
    });

    it('while a kiosk runs on the DATA_DIR', async () => {
      const kiosk: ChildProcess = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      try {
        const stat = readFileSync(`/proc/${kiosk.pid}/stat`, 'utf8');
        const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
        writeFileSync(join(target, LOCK_FILE), JSON.stringify({ pid: kiosk.pid, started, role: 'kiosk', at: '' }));
        before = fingerprint(target);
        expect(await refused(restoreBackup(options(target, good)))).toBe('KIOSK_RUNNING');
        unchanged();
      } finally {
        kiosk.kill();
      }
      // a lock left by a process that is gone (kill -9, power cut) blocks nobody
      await new Promise((done) => kiosk.once('exit', done));
      const result = await restoreBackup(options(target, good, { checkOnly: true }));
      expect(result.counts.entries).toBeGreaterThan(100);
    });
  });
});
