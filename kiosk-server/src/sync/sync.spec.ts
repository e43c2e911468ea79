import { createPublicKey } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHlc, HybridClock, parseHlc } from './hybrid-clock';
import { hashJournalRow, JOURNAL_GENESIS } from './journal';
import { checkedChange } from './replica.repository';
import { DeviceKey, signedText, verifySignature } from './request-signature';

describe('hybrid clock', () => {
  it('never runs backwards, and a clock that saw a later change stamps after it', () => {
    let now = 1_000;
    const clock = new HybridClock(() => now);
    const first = clock.tick('A');
    now = 900; // the machine's clock was set back
    const second = clock.tick('A');
    expect(second > first).toBe(true);
    clock.observe(formatHlc(5_000, 3, 'B'));
    const third = clock.tick('A');
    expect(third > formatHlc(5_000, 3, 'B')).toBe(true);
    expect(parseHlc(third)).toEqual({ wall: 5_000, counter: 4, origin: 'A' });
  });

  it('orders equal times by origin, and its text sorts as it orders', () => {
    expect(formatHlc(7, 0, 'A') < formatHlc(7, 0, 'B')).toBe(true);
    expect(formatHlc(7, 9999, 'Z') < formatHlc(8, 0, 'A')).toBe(true);
    expect(parseHlc('not a clock')).toBeUndefined();
  });
});

describe('journal row hash', () => {
  const row = {
    origin: 'K1',
    seq: 1,
    hlc: formatHlc(1, 0, 'K1'),
    changes: '[]',
    createdAt: '2026-11-28T00:00:00.000Z',
    prevHash: JOURNAL_GENESIS,
  };

  it('changes when any field changes', () => {
    const hash = hashJournalRow(row);
    for (const changed of [
      { ...row, seq: 2 },
      { ...row, origin: 'K2' },
      { ...row, changes: '[{}]' },
      { ...row, prevHash: 'f'.repeat(64) },
      { ...row, createdAt: '2026-11-28T00:00:00.001Z' },
    ]) {
      expect(hashJournalRow(changed)).not.toBe(hash);
    }
  });
});

describe('a change received from another node', () => {
  const entry = {
    id: 'e1',
    accountId: 'a1',
    delta: -5,
    balanceAfter: 10,
    kind: 'redeem',
    reason: '兑换',
    actor: 'member:m1',
    kioskId: 'K1',
    seq: 3,
    refId: null,
    createdAt: '2026-11-28T00:00:00.000Z',
    prevHash: JOURNAL_GENESIS,
    hash: 'h',
  };

  it('is taken when it names a known table and exactly its columns', () => {
    expect(checkedChange({ table: 'ledger_entries', row: entry })).toEqual({ table: 'ledger_entries', row: entry });
    const product = checkedChange({
      table: 'products',
      row: {
        id: 'p',
        name: '香皂',
        category: '日化',
        pricePoints: 5,
        stock: 3,
        imageUrl: null,
        monthlyLimit: null,
        lowStockThreshold: 5,
        active: 1,
        barcode: null,
        createdAt: 't',
        updatedAt: 't',
      },
    });
    expect(product.row.active).toBe(true); // SQLite's 1 becomes a boolean on the wire's other side
  });

  it.each([
    ['an unknown table', { table: 'staff', row: {} }],
    ['a missing column', { table: 'ledger_entries', row: { ...entry, hash: undefined } }],
    ['an extra column (SQL injection in a name)', { table: 'ledger_entries', row: { ...entry, '"x"; DROP': 1 } }],
    ['a wrong type', { table: 'ledger_entries', row: { ...entry, delta: '5' } }],
    ['a fraction', { table: 'ledger_entries', row: { ...entry, delta: 1.5 } }],
    ['a null where none may be', { table: 'ledger_entries', row: { ...entry, reason: null } }],
    ['no row', { table: 'ledger_entries' }],
    ['not an object', 'ledger_entries'],
  ])('is refused for %s', (_why, change) => {
    expect(() => checkedChange(change)).toThrow(/malformed/);
  });
});

describe('request signatures', () => {
  it('verify for the signed request only, with the key kept 0600 in DATA_DIR/keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'device-key-'));
    const key = DeviceKey.loadOrCreate(dir);
    expect(statSync(join(dir, 'keys', 'device.key.pem')).mode & 0o777).toBe(0o600);
    expect(DeviceKey.loadOrCreate(dir).keyId).toBe(key.keyId);
    const headers = key.headers('POST', '/api/hub/sync/push', '{"rows":[]}');
    const text = signedText(
      'POST',
      '/api/hub/sync/push',
      headers['x-kiosk-time']!,
      headers['x-kiosk-nonce']!,
      '{"rows":[]}',
    );
    const publicKey = createPublicKey(key.publicKeyPem);
    expect(verifySignature(publicKey, text, headers['x-kiosk-signature']!)).toBe(true);
    const otherBody = signedText(
      'POST',
      '/api/hub/sync/push',
      headers['x-kiosk-time']!,
      headers['x-kiosk-nonce']!,
      '{}',
    );
    expect(verifySignature(publicKey, otherBody, headers['x-kiosk-signature']!)).toBe(false);
    const otherPath = signedText(
      'POST',
      '/api/hub/sync/pull',
      headers['x-kiosk-time']!,
      headers['x-kiosk-nonce']!,
      '{"rows":[]}',
    );
    expect(verifySignature(publicKey, otherPath, headers['x-kiosk-signature']!)).toBe(false);
    expect(verifySignature(publicKey, text, 'AAAA')).toBe(false);
  });
});
