import { randomUUID } from 'node:crypto';
import { Db } from '../support/sqlite';

/**
 * The floor we compare against: the same writes a redemption makes (balance, stock, ledger
 * entry, redemption row) as one transaction, straight into SQLite with the server's pragmas,
 * one after another in this process. No HTTP, no validation, no framework.
 */
export async function baselineRedemptions(
  path: string,
  accountId: string,
  productId: string,
  memberId: string,
  count: number,
) {
  const db = await Db.open(path);
  await db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
  );
  // the triggers and checks stay: the server pays for them too
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const ledgerId = randomUUID();
    const redemptionId = randomUUID();
    const now = new Date().toISOString();
    await db.exec('BEGIN IMMEDIATE');
    await db.all(`UPDATE "accounts" SET "balance" = "balance" - 1 WHERE "id" = ? AND "balance" >= 1`, accountId);
    await db.all(`UPDATE products SET stock = stock - 1 WHERE id = ? AND stock >= 1`, productId);
    await db.all(
      `INSERT INTO ledger_entries (id, accountId, delta, balanceAfter, kind, reason, actor, kioskId, seq, refId, createdAt, prevHash, hash)
       VALUES (?, ?, -1, 0, 'redeem', 'bench', 'bench', 'BASE', ?, ?, ?, '0', '0')`,
      ledgerId,
      accountId,
      i + 1,
      redemptionId,
      now,
    );
    await db.all(
      `INSERT INTO redemptions (id, receiptNo, accountId, memberId, cardNo, totalPoints, balanceBefore, balanceAfter, status, ledgerEntryId, kioskId, createdAt)
       VALUES (?, ?, ?, ?, 'bench', 1, 1, 0, 'completed', ?, 'BASE', ?)`,
      redemptionId,
      `BASE-${i}`,
      accountId,
      memberId,
      ledgerId,
      now,
    );
    await db.exec('COMMIT');
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  return { latencies, throughput: count / seconds };
}
