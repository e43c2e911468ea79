import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardKeys, keyIdOf } from './card-keys';
import { cardNumberFrom, isValidCardNumber } from './card-number';

const dataDir = () => mkdtempSync(join(tmpdir(), 'card-keys-'));

describe('CardKeys', () => {
  it('creates a key pair once, with the private key readable by its owner only', () => {
    const dir = dataDir();
    const first = CardKeys.loadOrCreate(dir);
    const again = CardKeys.loadOrCreate(dir);
    expect(again.keyId).toBe(first.keyId);
    expect(statSync(join(dir, 'keys', 'card-signing.key.pem')).mode & 0o777).toBe(0o600);
  });

  it('verifies its own cards and names the card number', () => {
    const keys = CardKeys.loadOrCreate(dataDir());
    const qr = keys.sign('3201000019');
    expect(qr).toMatch(/^PSK1\.[0-9a-f]{8}\.3201000019\.[A-Za-z0-9_-]{86}$/);
    expect(keys.verify(qr)).toEqual({ keyId: keys.keyId, cardNo: '3201000019' });
  });

  it('refuses another card number under a copied signature', () => {
    const keys = CardKeys.loadOrCreate(dataDir());
    const qr = keys.sign('3201000019');
    expect(keys.verify(qr.replace('3201000019', '3201000027'))).toBeUndefined();
  });

  it('refuses a card signed by a key it does not trust, even under its own key id', () => {
    const keys = CardKeys.loadOrCreate(dataDir());
    const { privateKey } = generateKeyPairSync('ed25519');
    const payload = `PSK1.${keys.keyId}.3201000019`;
    const forged = `${payload}.${sign(null, Buffer.from(payload), privateKey).toString('base64url')}`;
    expect(keys.verify(forged)).toBeUndefined();
  });

  it('trusts public keys placed in keys/trusted', () => {
    const dir = dataDir();
    const other = CardKeys.loadOrCreate(dataDir());
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    CardKeys.loadOrCreate(dir);
    writeFileSync(join(dir, 'keys', 'trusted', 'hub.pem'), publicKey.export({ format: 'pem', type: 'spki' }));
    const payload = `PSK1.${keyIdOf(publicKey)}.3201000019`;
    const hubCard = `${payload}.${sign(null, Buffer.from(payload), privateKey).toString('base64url')}`;
    expect(CardKeys.loadOrCreate(dir).verify(hubCard)?.cardNo).toBe('3201000019');
    expect(other.verify(hubCard)).toBeUndefined();
  });

  it.each([undefined, 42, '', 'PSK1', 'x'.repeat(10_000), 'PSK1.zz.3201000019.abc'])('refuses %s', (qr) => {
    expect(CardKeys.loadOrCreate(dataDir()).verify(qr)).toBeUndefined();
  });
});

describe('card numbers', () => {
  it('end in a Luhn check digit that catches a mistyped digit', () => {
    const number = cardNumberFrom('320100001');
    expect(number).toBe('3201000019');
    expect(isValidCardNumber(number)).toBe(true);
    expect(isValidCardNumber('3201000018')).toBe(false);
    expect(isValidCardNumber('3201000109')).toBe(false);
  });
});
