import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Largest product picture accepted: plenty for a tile, small enough for the kiosk's disk and memory. */
export const MAX_IMAGE_BYTES = 1024 * 1024;

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

  /** Writes the file completely (temp file, then rename) and returns its URL. */
  async save(type: ImageType, bytes: Buffer): Promise<string> {
    const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${EXTENSIONS[type]}`;
    const path = join(this.dir, name);
    if (!(await exists(path))) {
      await mkdir(this.dir, { recursive: true });
      const temp = join(this.dir, `.${uuidv7()}.tmp`);
      await writeFile(temp, bytes, { flush: true });
      await rename(temp, path);
    }
    return `${UPLOADS_URL}${name}`;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
