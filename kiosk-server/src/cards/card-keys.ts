import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CARD_QR_VERSION = 'PSK1';
/** Staff cards: the same keys and shape, a username in place of the card number. */
export const STAFF_CARD_QR_VERSION = 'PSKS1';
const MAX_QR_LENGTH = 256;
const QR_PATTERN = /^PSK1\.([0-9a-f]{8})\.([0-9]{10})\.([A-Za-z0-9_-]{86})$/;
const STAFF_QR_PATTERN = /^PSKS1\.([0-9a-f]{8})\.([A-Za-z0-9_-]{1,40})\.([A-Za-z0-9_-]{86})$/;

export interface ParsedCard {
  keyId: string;
  cardNo: string;
}

/** Key id: the first 8 hex digits of the SHA-256 of the raw public key. */
export function keyIdOf(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(raw).digest('hex').slice(0, 8);
}

/**
 * Ed25519 keys for member cards. The private key signs cards issued here; any kiosk verifies a
 * card with the public key alone. Extra trusted public keys (for example the district hub's) are
 * read from `keys/trusted/*.pem`.
 */
export class CardKeys {
  private readonly trusted = new Map<string, KeyObject>();

  private constructor(
    private readonly privateKey: KeyObject,
    readonly keyId: string,
    private readonly trustedDir: string,
  ) {}

  static loadOrCreate(dataDir: string): CardKeys {
    const dir = join(dataDir, 'keys');
    const privatePath = join(dir, 'card-signing.key.pem');
    const publicPath = join(dir, 'card-signing.pub.pem');
    mkdirSync(join(dir, 'trusted'), { recursive: true, mode: 0o700 });
    if (!existsSync(privatePath)) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      writeFileSync(privatePath, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
      writeFileSync(publicPath, publicKey.export({ format: 'pem', type: 'spki' }), { mode: 0o644 });
    }
    chmodSync(privatePath, 0o600);
    const privateKey = createPrivateKey(readFileSync(privatePath));
    const publicKey = createPublicKey(privateKey);
    const keys = new CardKeys(privateKey, keyIdOf(publicKey), join(dir, 'trusted'));
    keys.trusted.set(keys.keyId, publicKey);
    for (const file of readdirSync(join(dir, 'trusted')).filter((name) => name.endsWith('.pem'))) {
      const key = createPublicKey(readFileSync(join(dir, 'trusted', file)));
      keys.trusted.set(keyIdOf(key), key);
    }
    return keys;
  }

  /** This kiosk's public key (PEM): the hub hands it to the store's other kiosks. */
  get publicKeyPem(): string {
    return this.trusted.get(this.keyId)!.export({ format: 'pem', type: 'spki' }).toString();
  }

  /**
   * Trusts another kiosk's card key from now on (kept in keys/trusted/, so after a restart too):
   * a card issued at that counter scans here. False when the text is not an Ed25519 public key.
   */
  trust(pem: string): boolean {
    let key: KeyObject;
    try {
      key = createPublicKey(pem);
    } catch {
      return false;
    }
    if (key.asymmetricKeyType !== 'ed25519') return false;
    const keyId = keyIdOf(key);
    if (this.trusted.has(keyId)) return true;
    writeFileSync(join(this.trustedDir, `${keyId}.pem`), key.export({ format: 'pem', type: 'spki' }), { mode: 0o644 });
    this.trusted.set(keyId, key);
    return true;
  }

  /** The QR text of a card: `PSK1.<key id>.<card no>.<Ed25519 signature, base64url>`. */
  sign(cardNo: string): string {
    return this.signed(`${CARD_QR_VERSION}.${this.keyId}.${cardNo}`);
  }

  /** The QR text of a staff card: `PSKS1.<key id>.<username>.<signature>`. */
  signStaff(username: string): string {
    return this.signed(`${STAFF_CARD_QR_VERSION}.${this.keyId}.${username}`);
  }

  /** The card a QR text names, or undefined when it is not a well-formed text signed by a trusted key. */
  verify(qr: unknown): ParsedCard | undefined {
    const parsed = this.verified(qr, QR_PATTERN, CARD_QR_VERSION);
    return parsed && { keyId: parsed.keyId, cardNo: parsed.subject };
  }

  /** The username a staff card names, or undefined (same rules as member cards). */
  verifyStaff(qr: unknown): string | undefined {
    return this.verified(qr, STAFF_QR_PATTERN, STAFF_CARD_QR_VERSION)?.subject;
  }

  private signed(payload: string): string {
    return `${payload}.${sign(null, Buffer.from(payload), this.privateKey).toString('base64url')}`;
  }

  private verified(qr: unknown, pattern: RegExp, version: string): { keyId: string; subject: string } | undefined {
    if (typeof qr !== 'string' || qr.length > MAX_QR_LENGTH) return undefined;
    const match = pattern.exec(qr.trim());
    if (!match) return undefined;
    const [, keyId, subject, signature] = match as unknown as [string, string, string, string];
    const publicKey = this.trusted.get(keyId);
    if (!publicKey) return undefined;
    const payload = Buffer.from(`${version}.${keyId}.${subject}`);
    const bytes = Buffer.from(signature, 'base64url');
    if (bytes.length !== 64 || bytes.toString('base64url') !== signature) return undefined;
    return verify(null, payload, publicKey, bytes) ? { keyId, subject } : undefined;
  }
}
