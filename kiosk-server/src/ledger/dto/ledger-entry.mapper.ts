import type { LedgerEntryEntity } from '../ledger-entry.entity';
import type { LedgerEntryResponse } from './ledger.dto';

/** `actorName` where the caller read it (passbooks); other answers name the actor only. */
export function toLedgerEntryResponse(entry: LedgerEntryEntity & { actorName?: string | null }): LedgerEntryResponse {
  return {
    ...(entry.actorName ? { actorName: entry.actorName } : {}),
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
