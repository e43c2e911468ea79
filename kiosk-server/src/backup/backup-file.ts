import {
  type CipherGCM,
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  scrypt,
  type ScryptOptions,
  timingSafeEqual,
} from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { DomainError } from '../common/domain-error';

/**
 * The backup file: one file holding the database snapshot and the card-signing keys (and the
 * uploaded product pictures), encrypted with a passphrase.
 *
 *   "PSK-BACKUP-1\n"            13 bytes, so `head -1` names the file
 *   header length               uint32, big-endian
 *   header                      JSON: {"cipher":"aes-256-gcm","kdf":{"name":"scrypt","N","r","p","salt"},"iv","check"}
 *                               or {"cipher":"none"}
 *   body                        the archive, gzip-compressed, then AES-256-GCM-encrypted
 *   trailer                     the 16-byte GCM tag (everything before the body is its associated
 *                               data, so a changed header is detected too); unencrypted: SHA-256
 *                               of everything before the trailer
 *
 * The key is the first 32 bytes of scrypt(passphrase, salt, 64); `check` is the first 16 bytes
 * (hex) of the SHA-256 of the other 32, so a wrong passphrase is told apart from a damaged file
 * before anything is decrypted.
 *
 * The archive: uint32 manifest length, the manifest (JSON, see BackupManifest, with each file's
 * name, size and SHA-256), then each file's bytes in the manifest's order.
 */
export const BACKUP_MAGIC = Buffer.from('PSK-BACKUP-1\n', 'ascii');
export const BACKUP_FORMAT = 'points-kiosk-backup';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
const TAG_BYTES = 16;
const DIGEST_BYTES = 32;
const MAX_HEADER = 4096;
const MAX_MANIFEST = 1024 * 1024;

export interface BackupCounts {
  /** Ledger entries. */
  entries: number;
  members: number;
  accounts: number;
  /** The sum of every account's balance: the points the store owes its residents. */
  balanceSum: number;
  redemptions: number;
}

export interface BackupFileEntry {
  /** Path inside the data directory: `kiosk.sqlite`, `keys/…`, `images/…`. */
  name: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  /** When the snapshot was taken (ISO-8601). */
  createdAt: string;
  kioskId: string;
  /** Key id of the card-signing key in the file. */
  keyId: string;
  engine: 'sqlite';
  /** TypeORM's applied migrations, oldest first: the schema version of the snapshot. */
  migrations: string[];
  counts: BackupCounts;
  files: BackupFileEntry[];
}

export type ManifestInfo = Omit<BackupManifest, 'format' | 'version' | 'files'>;

/** A file to put into the backup: its name in the data directory and where it is now. */
export interface BackupSource {
  name: string;
  path: string;
}

interface Header {
  cipher: 'aes-256-gcm' | 'none';
  kdf?: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  iv?: string;
  check?: string;
}

/** Names a backup may hold: nothing outside these folders of the data directory, no `..`. */
const ENTRY_NAME =
  /^(kiosk\.sqlite|keys\/[A-Za-z0-9._-]+\.pem|keys\/trusted\/[A-Za-z0-9._-]+\.pem|images\/[A-Za-z0-9._-]+)$/;

export function damaged(detail: string): DomainError {
  return DomainError.conflict('BACKUP_DAMAGED', `The backup file is damaged or incomplete (${detail}).`);
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }) {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * params.p + 16 * 1024 * 1024 };
  return new Promise<{ key: Buffer; check: string }>((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 64, options, (error, derived) =>
      error
        ? reject(error)
        : resolve({
            key: derived.subarray(0, 32),
            check: createHash('sha256').update(derived.subarray(32)).digest('hex').slice(0, 32),
          }),
    ),
  );
}

function prefixOf(header: Header): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([BACKUP_MAGIC, length, json]);
}

async function sha256OfFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** The manifest's length, the manifest, then every file's bytes (each checked against the manifest). */
async function* archive(manifest: BackupManifest, sources: BackupSource[]): AsyncGenerator<Buffer> {
  const json = Buffer.from(JSON.stringify(manifest), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  yield length;
  yield json;
  for (const [i, source] of sources.entries()) {
    let size = 0;
    for await (const chunk of createReadStream(source.path)) {
      size += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (size !== manifest.files[i]!.size) throw new Error(`${source.name} changed while it was being backed up`);
  }
}

/** Hashes what passes through it; the digest is read after the stream ended. */
class Digest extends Transform {
  private readonly hash = createHash('sha256');

  constructor(prefix: Buffer) {
    super();
    this.hash.update(prefix);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    done(null, chunk);
  }

  digest(): Buffer {
    return this.hash.digest();
  }
}

/**
 * Writes a backup file. It is written beside the destination under a temporary name, synced and
 * renamed, so a destination that exists is always a whole file. `passphrase` null writes it
 * unencrypted (tests only: the card-signing key is then readable by anyone holding the file).
 */
export async function writeBackupFile(
  destination: string,
  info: ManifestInfo,
  sources: BackupSource[],
  passphrase: string | null,
): Promise<{ size: number; manifest: BackupManifest }> {
  for (const source of sources) {
    if (!ENTRY_NAME.test(source.name)) throw new Error(`not a name a backup holds: ${source.name}`);
  }
  const files: BackupFileEntry[] = [];
  for (const source of sources) files.push({ name: source.name, ...(await sha256OfFile(source.path)) });
  const manifest: BackupManifest = { format: BACKUP_FORMAT, version: 1, ...info, files };

  let header: Header = { cipher: 'none' };
  let gcm: CipherGCM | undefined;
  if (passphrase !== null) {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const { key, check } = await deriveKey(passphrase, salt, SCRYPT);
    header = {
      cipher: 'aes-256-gcm',
      kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64') },
      iv: iv.toString('base64'),
      check,
    };
    gcm = createCipheriv('aes-256-gcm', key, iv);
    gcm.setAAD(prefixOf(header));
  }
  const prefix = prefixOf(header);
  const digest = new Digest(prefix);

  const partial = join(dirname(destination), `.${randomBytes(6).toString('hex')}.partial`);
  let handle: FileHandle | undefined = await open(partial, 'wx', 0o600);
  try {
    await handle.write(prefix);
    const output = new Writable({
      write: (chunk: Buffer, _encoding, done) =>
        handle!.write(chunk).then(
          () => done(),
          (error: Error) => done(error),
        ),
    });
    await pipeline(archive(manifest, sources), createGzip(), gcm ?? digest, output);
    const trailer = gcm ? gcm.getAuthTag() : digest.digest();
    await handle.write(trailer);
    await handle.sync();
    const { size } = await handle.stat();
    await handle.close();
    handle = undefined;
    await rename(partial, destination);
    return { size, manifest };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

function checkHeader(header: unknown): Header {
  const h = header as Header;
  if (h?.cipher === 'none') return h;
  const kdf = h?.kdf;
  const ok =
    h?.cipher === 'aes-256-gcm' &&
    kdf?.name === 'scrypt' &&
    // bounded, so a crafted header cannot ask for gigabytes of memory
    Number.isInteger(kdf.N) &&
    kdf.N >= 2 ** 10 &&
    kdf.N <= 2 ** 20 &&
    (kdf.N & (kdf.N - 1)) === 0 &&
    Number.isInteger(kdf.r) &&
    kdf.r >= 1 &&
    kdf.r <= 32 &&
    Number.isInteger(kdf.p) &&
    kdf.p >= 1 &&
    kdf.p <= 16 &&
    typeof kdf.salt === 'string' &&
    typeof h.iv === 'string' &&
    typeof h.check === 'string';
  if (!ok) throw damaged('unknown header');
  return h;
}

function checkManifest(value: unknown): BackupManifest {
  const manifest = value as BackupManifest;
  if (manifest?.format !== BACKUP_FORMAT) throw damaged('no manifest');
  if (manifest.version !== 1) {
    throw DomainError.conflict(
      'BACKUP_NEWER_FORMAT',
      'The backup was written by a newer release; update this kiosk first.',
    );
  }
  const names = new Set<string>();
  const files = Array.isArray(manifest.files) ? manifest.files : [];
  for (const file of files) {
    const good =
      typeof file?.name === 'string' &&
      ENTRY_NAME.test(file.name) &&
      !names.has(file.name) &&
      Number.isSafeInteger(file.size) &&
      file.size >= 0 &&
      /^[0-9a-f]{64}$/.test(file.sha256);
    if (!good) throw damaged('bad manifest');
    names.add(file.name);
  }
  if (!names.has('kiosk.sqlite')) throw damaged('no database in the file');
  return { ...manifest, files };
}

/** Takes the archive apart into a folder, checking each file's size and SHA-256 against the manifest. */
class Unpacker extends Writable {
  manifest: BackupManifest | undefined;
  private buffered = Buffer.alloc(0);
  private manifestLength: number | undefined;
  private index = 0;
  private left = 0;
  private file: FileHandle | undefined;
  private hash = createHash('sha256');

  constructor(private readonly into: string) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.take(chunk).then(
      () => done(),
      (error: Error) => done(error),
    );
  }

  override _final(done: (error?: Error | null) => void): void {
    const manifest = this.manifest;
    if (!manifest || this.index < manifest.files.length || this.buffered.length > 0) {
      done(damaged('the archive ends early'));
    } else done();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    void (this.file?.close() ?? Promise.resolve()).then(
      () => done(error),
      () => done(error),
    );
  }

  private async take(chunk: Buffer): Promise<void> {
    if (!this.manifest) {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      if (this.manifestLength === undefined) {
        if (this.buffered.length < 4) return;
        this.manifestLength = this.buffered.readUInt32BE(0);
        if (this.manifestLength > MAX_MANIFEST) throw damaged('bad manifest');
      }
      if (this.buffered.length < 4 + this.manifestLength) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(this.buffered.subarray(4, 4 + this.manifestLength).toString('utf8'));
      } catch {
        throw damaged('bad manifest');
      }
      this.manifest = checkManifest(parsed);
      chunk = this.buffered.subarray(4 + this.manifestLength);
      this.buffered = Buffer.alloc(0);
      await this.next();
    }
    while (chunk.length > 0) {
      if (!this.file) throw damaged('more bytes than the manifest names');
      const part = chunk.subarray(0, this.left);
      chunk = chunk.subarray(part.length);
      this.hash.update(part);
      await this.file.write(part);
      this.left -= part.length;
      if (this.left === 0) await this.next();
    }
  }

  /** Closes the file just written (checking it) and opens the next one; empty files are done at once. */
  private async next(): Promise<void> {
    const files = this.manifest!.files;
    for (;;) {
      if (this.file) {
        const expected = files[this.index]!;
        await this.file.close();
        this.file = undefined;
        if (this.hash.digest('hex') !== expected.sha256) throw damaged(`${expected.name} does not match its checksum`);
        this.index += 1;
      }
      const entry = files[this.index];
      if (!entry) return;
      const path = join(this.into, ...entry.name.split('/'));
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      this.file = await open(path, 'wx', entry.name.endsWith('.key.pem') ? 0o600 : 0o644);
      this.hash = createHash('sha256');
      this.left = entry.size;
      if (this.left > 0) return;
    }
  }
}

/** Whether the file is a backup, and whether it needs a passphrase. */
export async function readBackupHeader(file: string): Promise<{ encrypted: boolean }> {
  const handle = await open(file, 'r');
  try {
    const { header } = await headerOf(handle);
    return { encrypted: header.cipher !== 'none' };
  } finally {
    await handle.close();
  }
}

async function headerOf(handle: FileHandle): Promise<{ header: Header; prefix: Buffer; size: number }> {
  const { size } = await handle.stat();
  const start = Buffer.alloc(BACKUP_MAGIC.length + 4);
  const { bytesRead } = await handle.read(start, 0, start.length, 0);
  if (bytesRead < start.length || !start.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
    throw DomainError.conflict('BACKUP_NOT_A_BACKUP', 'This file is not a kiosk backup.');
  }
  const length = start.readUInt32BE(BACKUP_MAGIC.length);
  if (length > MAX_HEADER) throw damaged('unknown header');
  const json = Buffer.alloc(length);
  if ((await handle.read(json, 0, length, start.length)).bytesRead < length) throw damaged('the file ends early');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.toString('utf8'));
  } catch {
    throw damaged('unknown header');
  }
  return { header: checkHeader(parsed), prefix: Buffer.concat([start, json]), size };
}

/**
 * Checks and unpacks a backup file into `into` (an empty folder): passphrase, then every byte
 * (the GCM tag or the SHA-256 trailer, each file's checksum). What lands in `into` may be used only
 * once this resolves; a wrong passphrase is refused before anything is written.
 */
export async function readBackupFile(file: string, passphrase: string | null, into: string): Promise<BackupManifest> {
  const handle = await open(file, 'r');
  let body: Transform;
  let bodyStart: number;
  let bodyEnd: number;
  try {
    const { header, prefix, size } = await headerOf(handle);
    const trailerBytes = header.cipher === 'none' ? DIGEST_BYTES : TAG_BYTES;
    bodyStart = prefix.length;
    bodyEnd = size - trailerBytes;
    if (bodyEnd <= bodyStart) throw damaged('the file ends early');
    const trailer = Buffer.alloc(trailerBytes);
    await handle.read(trailer, 0, trailerBytes, bodyEnd);
    if (header.cipher === 'none') {
      body = new DigestCheck(prefix, trailer);
    } else {
      if (passphrase === null) {
        throw DomainError.conflict(
          'BACKUP_PASSPHRASE_REQUIRED',
          'This backup is encrypted: set BACKUP_PASSPHRASE to the passphrase it was made with.',
        );
      }
      const { N, r, p, salt } = header.kdf!;
      const { key, check } = await deriveKey(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
      const expected = Buffer.from(header.check!, 'utf8');
      const actual = Buffer.from(check, 'utf8');
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
        throw DomainError.conflict('BACKUP_WRONG_PASSPHRASE', 'The passphrase does not open this backup.');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv!, 'base64'));
      decipher.setAAD(prefix);
      decipher.setAuthTag(trailer);
      body = decipher;
    }
  } finally {
    await handle.close();
  }
  const unpacker = new Unpacker(into);
  try {
    await pipeline(createReadStream(file, { start: bodyStart, end: bodyEnd - 1 }), body, createGunzip(), unpacker);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw damaged(error instanceof Error ? error.message : String(error));
  }
  return unpacker.manifest!;
}

/** Passes the body on and, at its end, compares its SHA-256 (with the prefix) to the trailer. */
class DigestCheck extends Transform {
  private readonly hash = createHash('sha256');

  constructor(
    prefix: Buffer,
    private readonly expected: Buffer,
  ) {
    super();
    this.hash.update(prefix);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    done(this.hash.digest().equals(this.expected) ? null : damaged('checksum mismatch'));
  }
}
