import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { Tx } from '../database/sql-runner';
import type { RedemptionEntity, RedemptionLineEntity } from '../redemption/redemption.entity';
import type { PrintJobEntity } from './print-job.entity';

const JOB_COLUMNS = `"id", "redemptionId", "kind", "status", "attempts", "lastError", "createdAt", "printedAt"`;

/** What a receipt shows: the redemption as stored, its lines and the member's name. */
export interface ReceiptData {
  redemption: Pick<
    RedemptionEntity,
    'kioskId' | 'receiptNo' | 'createdAt' | 'totalPoints' | 'balanceBefore' | 'balanceAfter'
  >;
  memberName: string;
  lines: Pick<RedemptionLineEntity, 'productName' | 'quantity' | 'pricePoints' | 'lineTotal'>[];
}

/** The print_jobs table, and the read of what a receipt prints. */
@Injectable()
export class PrintJobRepository {
  constructor(private readonly db: Database) {}

  async insert(tx: Tx, job: Pick<PrintJobEntity, 'id' | 'redemptionId' | 'kind' | 'createdAt'>): Promise<void> {
    await tx.run(`INSERT INTO "print_jobs" (${JOB_COLUMNS}) VALUES (?, ?, ?, 'queued', 0, NULL, ?, NULL)`, [
      job.id,
      job.redemptionId,
      job.kind,
      job.createdAt,
    ]);
  }

  /** Jobs a crash or power cut caught mid-print go back to the queue. */
  async requeueInterrupted(tx: Tx): Promise<void> {
    await tx.run(`UPDATE "print_jobs" SET "status" = 'queued' WHERE "status" = 'printing'`);
  }

  async markPrinting(tx: Tx, id: string, attempts: number): Promise<void> {
    await tx.run(`UPDATE "print_jobs" SET "status" = 'printing', "attempts" = ? WHERE "id" = ?`, [attempts, id]);
  }

  async markPrinted(tx: Tx, id: string, printedAt: string): Promise<void> {
    await tx.run(`UPDATE "print_jobs" SET "status" = 'printed', "lastError" = NULL, "printedAt" = ? WHERE "id" = ?`, [
      printedAt,
      id,
    ]);
  }

  async markFailed(tx: Tx, id: string, lastError: string): Promise<void> {
    await tx.run(`UPDATE "print_jobs" SET "status" = 'failed', "lastError" = ? WHERE "id" = ?`, [lastError, id]);
  }

  /** The oldest job still to print (queued, or failed and due for another try). */
  async next(): Promise<PrintJobEntity | undefined> {
    const [job] = await this.db.all<PrintJobEntity>(
      `SELECT ${JOB_COLUMNS} FROM "print_jobs" WHERE "status" IN ('queued', 'failed')
       ORDER BY "createdAt", "id" LIMIT 1`,
    );
    return job;
  }

  async find(id: string): Promise<PrintJobEntity | undefined> {
    const [job] = await this.db.all<PrintJobEntity>(`SELECT ${JOB_COLUMNS} FROM "print_jobs" WHERE "id" = ?`, [id]);
    return job;
  }

  /** The newest job of a redemption. */
  async latestOf(redemptionId: string): Promise<PrintJobEntity | undefined> {
    const [job] = await this.db.all<PrintJobEntity>(
      `SELECT ${JOB_COLUMNS} FROM "print_jobs" WHERE "redemptionId" = ? ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`,
      [redemptionId],
    );
    return job;
  }

  /** Every job of a redemption, oldest first. */
  jobsOf(redemptionId: string): Promise<PrintJobEntity[]> {
    return this.db.all<PrintJobEntity>(
      `SELECT ${JOB_COLUMNS} FROM "print_jobs" WHERE "redemptionId" = ? ORDER BY "createdAt", "id"`,
      [redemptionId],
    );
  }

  /** When each reprint of a redemption's receipt was queued, in the caller's transaction (to limit them). */
  async reprintTimes(tx: Tx, redemptionId: string): Promise<string[]> {
    const rows = await tx.all<{ createdAt: string }>(
      `SELECT "createdAt" FROM "print_jobs" WHERE "redemptionId" = ? AND "kind" = 'reprint'`,
      [redemptionId],
    );
    return rows.map((row) => row.createdAt);
  }

  /** Whether the redemption to reprint exists, in the caller's transaction. */
  async redemptionExists(tx: Tx, redemptionId: string): Promise<boolean> {
    const rows = await tx.all(`SELECT 1 AS "found" FROM "redemptions" WHERE "id" = ?`, [redemptionId]);
    return rows.length > 0;
  }

  /** The receipt of a redemption as stored (lines in basket order: their ids are UUIDv7). */
  async receipt(redemptionId: string): Promise<ReceiptData | undefined> {
    const [head] = await this.db.all<ReceiptData['redemption'] & { memberName: string }>(
      `SELECT r."kioskId", r."receiptNo", r."createdAt", r."totalPoints", r."balanceBefore", r."balanceAfter",
         m."name" AS "memberName"
       FROM "redemptions" r JOIN "members" m ON m."id" = r."memberId" WHERE r."id" = ?`,
      [redemptionId],
    );
    if (!head) return undefined;
    const lines = await this.db.all<ReceiptData['lines'][number]>(
      `SELECT "productName", "quantity", "pricePoints", "lineTotal" FROM "redemption_lines"
       WHERE "redemptionId" = ? ORDER BY "id"`,
      [redemptionId],
    );
    const { memberName, ...redemption } = head;
    return { redemption, memberName, lines };
  }
}
