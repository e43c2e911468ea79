import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Largest product picture accepted as sent: a phone photo straight from the camera. It is decoded
 * and stored much smaller (see reencodeImage), so the disk only ever holds tile-sized pictures.
 */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/**
 * Largest picture decoded, in pixels (a 48-megapixel phone photo; a few bytes can claim a huge
 * canvas, so the decoder refuses to allocate more than this).
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** What a stored picture fits into: a catalogue tile is at most a few hundred pixels wide. */
export const STORED_IMAGE_SIZE = 800;

/** Where uploaded pictures are served (see app.ts): DATA_DIR/images/<file>. */
export const UPLOADS_URL = '/images/uploads/';

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

const EXTENSIONS: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** The picture formats a browser shows without scripts (no SVG), told apart by their first bytes. */
const SIGNATURES: Record<ImageType, (bytes: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
};

/** The declared type, if it is one of the picture types taken (checked before the body is read). */
export function declaredImageType(contentType: string | undefined): ImageType {
  const declared = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(declared in SIGNATURES)) {
    throw new DomainError(
      415,
      'UNSUPPORTED_IMAGE',
      'Send a PNG, JPEG or WebP picture (Content-Type image/png, image/jpeg or image/webp).',
    );
  }
  return declared as ImageType;
}

/** The bytes must really be of the declared type: a browser would otherwise guess, and may guess a script. */
export function checkSignature(type: ImageType, bytes: Buffer): void {
  if (!SIGNATURES[type](bytes)) {
    throw new DomainError(
      415,
      'UNSUPPORTED_IMAGE',
      `The bytes sent are not a ${EXTENSIONS[type].toUpperCase()} picture.`,
    );
  }
}

/**
 * Decodes the picture and encodes it again as WebP, turned upright, fitted into
 * STORED_IMAGE_SIZE × STORED_IMAGE_SIZE, without its metadata (camera, place, time). Only pixels
 * reach the disk: whatever else the upload carried (a script after a PNG signature, a polyglot
 * file) is gone. Bytes that do not decode as their declared type are 415 UNSUPPORTED_IMAGE; a
 * picture of more than MAX_IMAGE_PIXELS is 413 PAYLOAD_TOO_LARGE.
 */
export async function reencodeImage(type: ImageType, bytes: Buffer): Promise<Buffer> {
  checkSignature(type, bytes);
  const notAPicture = () =>
    new DomainError(415, 'UNSUPPORTED_IMAGE', `The bytes sent are not a ${EXTENSIONS[type].toUpperCase()} picture.`);
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', animated: false });
    const { format } = await image.metadata();
    if (format !== EXTENSIONS[type].replace('jpg', 'jpeg')) throw notAPicture();
    return await image
      .rotate()
      .resize(STORED_IMAGE_SIZE, STORED_IMAGE_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new DomainError(
        413,
        'PAYLOAD_TOO_LARGE',
        `A picture may have at most ${MAX_IMAGE_PIXELS / 1_000_000} million pixels.`,
      );
    }
    throw notAPicture();
  }
}

/**
 * Reads a request body of at most `limit` bytes. Past the limit the rest is read and dropped, so the
 * client gets its 413 answer instead of a reset connection.
 */
export function readBody(request: Request, limit: number): Promise<Buffer> {
  if (request.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > limit) {
        reject(new DomainError(413, 'PAYLOAD_TOO_LARGE', `A picture may be at most ${limit / 1024 / 1024} MiB.`));
      } else resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

/** Product pictures on disk, named by their content hash so a name never points at other bytes. */
@Injectable()
export class ProductImageStore {
  private readonly dir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.dir = join(config.dataDir, 'images');
  }

  /** The URL a stored picture (a WebP made by reencodeImage) gets: named by its content. */
  urlOf(webp: Buffer): string {
    return `${UPLOADS_URL}${createHash('sha256').update(webp).digest('hex').slice(0, 32)}.webp`;
  }

  /**
   * Writes the file completely (temp file, then rename) unless it is there already, and returns its
   * URL. Safe to call again inside the write that points a product at it: an upload removed in
   * between (see remove) is written back.
   */
  async save(webp: Buffer): Promise<string> {
    const url = this.urlOf(webp);
    const path = join(this.dir, url.slice(UPLOADS_URL.length));
    if (!(await exists(path))) {
      await mkdir(this.dir, { recursive: true });
      const temp = join(this.dir, `.${uuidv7()}.tmp`);
      await writeFile(temp, webp, { flush: true, mode: 0o644 });
      await rename(temp, path);
    }
    return url;
  }

  /** Deletes an uploaded picture (a URL under UPLOADS_URL; other URLs are left alone). */
  async remove(url: string): Promise<void> {
    const name = url.slice(UPLOADS_URL.length);
    if (!url.startsWith(UPLOADS_URL) || !/^[0-9a-f]{32}\.(png|jpg|webp)$/.test(name)) return;
    await unlink(join(this.dir, name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

/**
 * The picture addresses a product may have: the kiosk's own images, as a path under /images/
 * (seed pictures and uploads). No other host (`//host/…`, `http…`), no scheme (`javascript:`), no
 * `..`, no query: the touchscreen shows the picture to every resident.
 */
export const OWN_IMAGE_PATH =
  /^\/images\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.(?:png|jpe?g|webp|svg)$/;

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
