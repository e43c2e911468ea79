import { createHash } from 'node:crypto';
import type { LedgerEntryEntity } from './ledger-entry.entity';

export const GENESIS_HASH = '0'.repeat(64);

type Hashed = Omit<LedgerEntryEntity, 'hash'>;

/**
 * SHA-256 over a canonical form: a JSON array of every field in a fixed order, so the same
 * entry hashes the same on any kiosk and at the hub.
 */
export function hashLedgerEntry(entry: Hashed): string {
  const canonical = JSON.stringify([
    'ledger-v1',
    entry.id,
    entry.accountId,
    entry.delta,
    entry.balanceAfter,
    entry.kind,
    entry.reason,
    entry.actor,
    entry.kioskId,
    entry.seq,
    entry.refId,
    entry.createdAt,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
