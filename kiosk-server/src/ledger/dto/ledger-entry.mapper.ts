import type { LedgerEntryEntity } from '../ledger-entry.entity';
import type { LedgerEntryResponse } from './ledger.dto';

export function toLedgerEntryResponse(entry: LedgerEntryEntity): LedgerEntryResponse {
  return {
    id: entry.id,
    delta: entry.delta,
    balanceAfter: entry.balanceAfter,
    kind: entry.kind,
    reason: entry.reason,
    actor: entry.actor,
    kioskId: entry.kioskId,
    seq: entry.seq,
    createdAt: entry.createdAt,
    hash: entry.hash,
  };
}
