import { randomBytes } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../common/domain-error';
import { BACKUP_MAGIC, type ManifestInfo, readBackupFile, readBackupHeader, writeBackupFile } from './backup-file';

const INFO: ManifestInfo = {
  createdAt: '2026-11-22T12:00:00.000Z',
  kioskId: 'K1',
  keyId: '2dfb1ba5',
  engine: 'sqlite',
  migrations: ['InitialSchema1763769600000'],
  counts: { entries: 3, members: 2, accounts: 2, balanceSum: 40, redemptions: 1 },
};
const PASSPHRASE = 'correct horse battery';

let dir: string;
let sources: { name: string; path: string }[];
let contents: Map<string, Buffer>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'backup-file-'));
  mkdirSync(join(dir, 'src'));
  contents = new Map([
    ['kiosk.sqlite', randomBytes(300_000)],
    ['keys/card-signing.key.pem', Buffer.from('-----BEGIN PRIVATE KEY-----\nsecret\n-----END PRIVATE KEY-----\n')],
    ['keys/card-signing.pub.pem', Buffer.from('public')],
    ['images/empty.png', Buffer.alloc(0)],
  ]);
  sources = [...contents].map(([name, bytes], i) => {
    const path = join(dir, 'src', String(i));
    writeFileSync(path, bytes);
    return { name, path };
  });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

function emptyFolder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
}

function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(folder, name)).isFile())
    .sort();
}

describe('the backup file', () => {
  it('gives back every file byte for byte with the right passphrase', async () => {
    const file = join(dir, 'a.backup');
    const { manifest, size } = await writeBackupFile(file, INFO, sources, PASSPHRASE);
    expect(size).toBe(statSync(file).size);
    expect(manifest.files.map((f) => f.name)).toEqual([...contents.keys()]);
    const into = emptyFolder('out');
    const read = await readBackupFile(file, PASSPHRASE, into);
    expect(read).toEqual(manifest);
    for (const [name, bytes] of contents) expect(readFileSync(join(into, name)).equals(bytes), name).toBe(true);
    expect(statSync(join(into, 'keys/card-signing.key.pem')).mode & 0o777).toBe(0o600);
    expect(await readBackupHeader(file)).toEqual({ encrypted: true });
  });

  it('keeps the key and the data unreadable without the passphrase', async () => {
    const file = join(dir, 'a.backup');
    await writeBackupFile(file, INFO, sources, PASSPHRASE);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)).toBe(true);
    expect(bytes.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    expect(bytes.includes(Buffer.from('"kioskId"'))).toBe(false);
    expect(bytes.includes(contents.get('kiosk.sqlite')!.subarray(1000, 1032))).toBe(false);
  });

  it('refuses a wrong passphrase, or none, before writing anything', async () => {
    const file = join(dir, 'a.backup');
    await writeBackupFile(file, INFO, sources, PASSPHRASE);
    const into = emptyFolder('out');
    expect(await refusal(readBackupFile(file, 'wrong horse battery', into))).toBe('BACKUP_WRONG_PASSPHRASE');
    expect(await refusal(readBackupFile(file, null, into))).toBe('BACKUP_PASSPHRASE_REQUIRED');
    expect(filesIn(into)).toEqual([]);
  });

  it('finds a truncated file, a changed byte anywhere and a changed header', async () => {
    const file = join(dir, 'a.backup');
    await writeBackupFile(file, INFO, sources, PASSPHRASE);
    const good = readFileSync(file);
    const damagedCopies: [string, Buffer][] = [
      ['truncated', good.subarray(0, good.length - 1000)],
      ['tag only cut', good.subarray(0, good.length - 1)],
      ['a body byte', Buffer.from(good).fill(good[good.length >> 1]! ^ 1, good.length >> 1, (good.length >> 1) + 1)],
      ['the last byte', Buffer.from(good).fill(good[good.length - 1]! ^ 1, good.length - 1)],
    ];
    // the header is authenticated: a changed (still valid) header is found too
    const header = good.toString('latin1');
    damagedCopies.push(['the header', Buffer.from(header.replace('"r":8', '"r":9'), 'latin1')]);
    for (const [what, bytes] of damagedCopies) {
      const copy = join(dir, `${what}.backup`);
      writeFileSync(copy, bytes);
      const code = await refusal(readBackupFile(copy, PASSPHRASE, emptyFolder(`out-${what}`)));
      expect(['BACKUP_DAMAGED', 'BACKUP_WRONG_PASSPHRASE'], what).toContain(code);
      if (what !== 'the header') expect(code, what).toBe('BACKUP_DAMAGED');
    }
  });

  it('refuses a file that is not a backup', async () => {
    const file = join(dir, 'not.backup');
    writeFileSync(file, 'SQLite format 3\0 and so on');
    expect(await refusal(readBackupFile(file, PASSPHRASE, emptyFolder('out')))).toBe('BACKUP_NOT_A_BACKUP');
  });

  it('without encryption still checks every byte', async () => {
    const file = join(dir, 'plain.backup');
    await writeBackupFile(file, INFO, sources, null);
    expect(await readBackupHeader(file)).toEqual({ encrypted: false });
    const into = emptyFolder('out');
    await readBackupFile(file, null, into);
    expect(readFileSync(join(into, 'kiosk.sqlite')).equals(contents.get('kiosk.sqlite')!)).toBe(true);
    truncateSync(file, statSync(file).size - 100);
    expect(await refusal(readBackupFile(file, null, emptyFolder('out2')))).toBe('BACKUP_DAMAGED');
  });

  it('never leaves a partial file behind when writing fails', async () => {
    const file = join(dir, 'a.backup');
    const missing = [...sources, { name: 'images/gone.png', path: join(dir, 'no-such-file') }];
    await expect(writeBackupFile(file, INFO, missing, PASSPHRASE)).rejects.toThrow();
    expect(readdirSync(dir).filter((name) => name !== 'src')).toEqual([]);
  });

  it('holds only names inside the data directory', async () => {
    await expect(
      writeBackupFile(join(dir, 'a.backup'), INFO, [{ name: '../etc/passwd', path: sources[0]!.path }], null),
    ).rejects.toThrow('not a name');
  });
});
