import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashLedgerEntry } from './ledger-hash';

const entry = {
  id: '01a2017c-c1cf-7000-8a69-6b2f90896d2f',
  accountId: '01a2017c-875f-7000-881f-05f2bb02885b',
  delta: -11,
  balanceAfter: 33,
  kind: 'redeem' as const,
  reason: '兑换 鸡蛋 10 个×1',
  actor: 'member:1',
  kioskId: 'K1',
  seq: 7,
  refId: null,
  createdAt: '2026-11-22T04:21:23.024Z',
  prevHash: GENESIS_HASH,
};

describe('hashLedgerEntry', () => {
  it('is a stable SHA-256 of the canonical form', () => {
    expect(hashLedgerEntry(entry)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLedgerEntry({ ...entry })).toBe(hashLedgerEntry(entry));
  });

  it.each(Object.keys(entry))('changes when %s changes', (field) => {
    const value = entry[field as keyof typeof entry];
    const changed = { ...entry, [field]: typeof value === 'number' ? value + 1 : `${String(value)}x` };
    expect(hashLedgerEntry(changed)).not.toBe(hashLedgerEntry(entry));
  });
});
