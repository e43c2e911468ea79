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

export interface LedgerVerification {
  ok: boolean;
  entries: number;
  firstBadEntryId?: string;
  problem?: string;
}

/**
 * Recomputes every kiosk's hash chain (entries ordered by kiosk, then seq) and every account's
 * balance. A changed entry breaks its own hash, a removed one breaks the next entry's link or the
 * sequence, and a removed last entry leaves its account's balance unequal to the sum of the ledger.
 */
export function checkLedger(
  entries: readonly LedgerEntryEntity[],
  accounts: readonly { id: string; balance: number }[],
): LedgerVerification {
  const sums = new Map<string, number>();
  let previous: LedgerEntryEntity | undefined;
  for (const entry of entries) {
    const first = !previous || previous.kioskId !== entry.kioskId;
    const expectedSeq = first ? 1 : previous!.seq + 1;
    const expectedPrev = first ? GENESIS_HASH : previous!.hash;
    const bad = (problem: string): LedgerVerification => ({
      ok: false,
      entries: entries.length,
      firstBadEntryId: entry.id,
      problem,
    });
    if (entry.seq !== expectedSeq) return bad(`sequence gap before ${entry.kioskId}#${entry.seq}`);
    if (entry.prevHash !== expectedPrev) return bad(`broken link at ${entry.kioskId}#${entry.seq}`);
    if (hashLedgerEntry(entry) !== entry.hash) return bad(`altered entry ${entry.kioskId}#${entry.seq}`);
    sums.set(entry.accountId, (sums.get(entry.accountId) ?? 0) + entry.delta);
    previous = entry;
  }
  for (const account of accounts) {
    const sum = sums.get(account.id) ?? 0;
    if (sum !== account.balance) {
      return {
        ok: false,
        entries: entries.length,
        problem: `account ${account.id} balance ${account.balance} differs from its ledger sum ${sum}`,
      };
    }
  }
  return { ok: true, entries: entries.length };
}
