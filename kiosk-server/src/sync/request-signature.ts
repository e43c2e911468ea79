import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The headers of a signed sync request. */
export const SIGNATURE_HEADERS = {
  key: 'x-kiosk-key',
  time: 'x-kiosk-time',
  nonce: 'x-kiosk-nonce',
  signature: 'x-kiosk-signature',
} as const;

/** How far a request's time may be from the hub's clock, either way. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

/** A device key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI, DER). */
export function deviceKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
}

/** The text a request signature covers: method, path, time, nonce and the body's SHA-256. */
export function signedText(method: string, path: string, time: string, nonce: string, body: Buffer | string): string {
  const digest = createHash('sha256').update(body).digest('hex');
  return ['PSK-SYNC1', method.toUpperCase(), path, time, nonce, digest].join('\n');
}

export function verifySignature(publicKey: KeyObject, text: string, signature: string): boolean {
  const bytes = Buffer.from(signature, 'base64url');
  return bytes.length === 64 && verify(null, Buffer.from(text), publicKey, bytes);
}

/**
 * The kiosk's own Ed25519 key pair, made at its first sync and kept in DATA_DIR/keys (private
 * key mode 0600). The hub binds its public key at enrolment and knows the kiosk by it from then on.
 */
export class DeviceKey {
  readonly keyId: string;
  readonly publicKeyPem: string;

  private constructor(private readonly privateKey: KeyObject) {
    const publicKey = createPublicKey(privateKey);
    this.keyId = deviceKeyId(publicKey);
    this.publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  }

  static loadOrCreate(dataDir: string): DeviceKey {
    const dir = join(dataDir, 'keys');
    const path = join(dir, 'device.key.pem');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!existsSync(path)) {
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(path, 0o600);
    return new DeviceKey(createPrivateKey(readFileSync(path)));
  }

  /** An Ed25519 signature (base64url) over these bytes. */
  sign(bytes: Buffer): string {
    return sign(null, bytes, this.privateKey).toString('base64url');
  }

  /** The signature headers for one request. */
  headers(method: string, path: string, body: string | Buffer, now = Date.now()): Record<string, string> {
    const time = String(now);
    const nonce = randomBytes(16).toString('base64url');
    const text = signedText(method, path, time, nonce, body);
    return {
      [SIGNATURE_HEADERS.key]: this.keyId,
      [SIGNATURE_HEADERS.time]: time,
      [SIGNATURE_HEADERS.nonce]: nonce,
      [SIGNATURE_HEADERS.signature]: sign(null, Buffer.from(text), this.privateKey).toString('base64url'),
    };
  }
}

/** The text a USB file's signature covers: its body's SHA-256, in a domain of its own. */
function fileSignedText(body: string): Buffer {
  return Buffer.from(['PSK-USB1', createHash('sha256').update(body, 'utf8').digest('hex')].join('\n'));
}

/** Signs the exact bytes of a USB file's body (see usb-file.ts). */
export function signFileBody(key: DeviceKey, body: string): { keyId: string; signature: string } {
  return { keyId: key.keyId, signature: key.sign(fileSignedText(body)) };
}

export function verifyFileBody(publicKeyPem: string, body: string, signature: string): boolean {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(publicKeyPem);
  } catch {
    return false;
  }
  return verifySignature(publicKey, fileSignedText(body).toString(), signature);
}
