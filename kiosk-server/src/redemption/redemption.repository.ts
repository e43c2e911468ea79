import { Injectable } from '@nestjs/common';
import { uuidv7 } from '../common/ids';
import { Database } from '../database/database';
import type { SqlRunner, Tx } from '../database/sql-runner';
import type { RedemptionEntity, RedemptionLineEntity, RedemptionStatus } from './redemption.entity';

/** What a redemption line is, before it has a row id. */
export type PricedLine = Pick<
  RedemptionLineEntity,
  'productId' | 'productName' | 'pricePoints' | 'quantity' | 'lineTotal'
>;

/** The account's balance and what is already stored under the request's Idempotency-Key. */
export interface CheckoutStart {
  balance: number;
  previous: { requestHash: string; response: string } | null;
  /** The scanned card's status now (null: not this member's card). */
  cardStatus: 'active' | 'revoked' | null;
  /** The account the member belongs to now. */
  memberAccountId: string | null;
  /** Points this kiosk's redemptions of the account came to in the offline window. */
  spentOffline: number;
}

/** A product as the checkout sees it, with the quantity the account took of it this month. */
export interface CheckoutProduct {
  id: string;
  name: string;
  pricePoints: number;
  stock: number;
  active: boolean;
  monthlyLimit: number | null;
  /** Quantity of this product the account redeemed this month (counted for limited products only). */
  taken: number;
}

export interface RedemptionSearch {
  /** Made at or after this instant (ISO-8601); no lower bound if left out. */
  start?: string;
  /** Made before this instant; no upper bound if left out. */
  end?: string;
  memberId?: string;
  productId?: string;
  /** Part of a receipt number, matched ignoring case, wildcards taken literally. */
  receiptNo?: string;
  status?: RedemptionStatus;
  limit: number;
  offset: number;
}

export interface RedemptionSummaryRow {
  id: string;
  receiptNo: string;
  createdAt: string;
  memberId: string;
  memberName: string;
  accountId: string;
  totalPoints: number;
  status: string;
  lineCount: number;
}

/** What staff see of a redemption besides the receipt. */
export interface RedemptionStaffRow {
  memberId: string;
  memberName: string;
  voidReason: string | null;
  voidedBy: string | null;
  voidedAt: string | null;
}

const REDEMPTION_COLUMNS = `"id", "receiptNo", "accountId", "memberId", "cardNo", "totalPoints", "balanceBefore",
  "balanceAfter", "status", "ledgerEntryId", "voidLedgerEntryId", "voidReason", "voidedBy", "voidedAt", "kioskId",
  "createdAt"`;

const LINE_COLUMNS = `"productId", "productName", "pricePoints", "quantity", "lineTotal"`;

/**
 * Redemptions, their lines and idempotency records. The checkout's statements are plain,
 * prepared-once SQL, each read answering as much as it can in one round trip: TypeORM's query
 * building, entity hydration and per-statement preparation were about half of the server's CPU
 * per redemption.
 */
@Injectable()
export class RedemptionRepository {
  constructor(private readonly db: Database) {}

  // ---- the checkout -------------------------------------------------------------------------

  /** The balance and the answer already stored under this key, in one round trip; undefined if no account. */
  /**
   * In one statement: the balance, an earlier answer for this key, whether the card is still active
   * and the member still in this account (a revocation or a move may have committed since the
   * scan), and what this kiosk's redemptions of the account since `since` came to (the offline
   * allowance; nothing is summed without `since`).
   */
  async checkoutStart(
    tx: Tx,
    session: { accountId: string; memberId: string; cardNo: string },
    key: string,
    offline: { kioskId: string; since: string } | undefined,
  ): Promise<CheckoutStart | undefined> {
    const [row] = await tx.all<
      Omit<CheckoutStart, 'previous'> & { requestHash: string | null; response: string | null }
    >(
      `SELECT a."balance", i."requestHash", i."response",
         (SELECT c."status" FROM "cards" c WHERE c."cardNo" = ? AND c."memberId" = ?) AS "cardStatus",
         (SELECT m."accountId" FROM "members" m WHERE m."id" = ?) AS "memberAccountId",
         CASE WHEN ? THEN (
           SELECT COALESCE(SUM(r."totalPoints"), 0) FROM "redemptions" r
           WHERE r."accountId" = a."id" AND r."kioskId" = ? AND r."status" = 'completed' AND r."createdAt" > ?
         ) ELSE 0 END AS "spentOffline"
       FROM "accounts" a
       LEFT JOIN "idempotency_records" i ON i."accountId" = a."id" AND i."key" = ?
       WHERE a."id" = ?`,
      [
        session.cardNo,
        session.memberId,
        session.memberId,
        offline !== undefined,
        offline?.kioskId ?? '',
        offline?.since ?? '',
        key,
        session.accountId,
      ],
    );
    if (!row) return undefined;
    const previous = row.requestHash === null ? null : { requestHash: row.requestHash, response: row.response! };
    return {
      balance: row.balance,
      previous,
      cardStatus: row.cardStatus,
      memberAccountId: row.memberAccountId,
      spentOffline: Number(row.spentOffline),
    };
  }

  /** The basket's products (those that exist) and what the account took of each this month, in one statement. */
  async checkoutProducts(
    tx: Tx,
    accountId: string,
    month: { from: string; to: string },
    productIds: string[],
  ): Promise<CheckoutProduct[]> {
    const rows = await tx.all<Omit<CheckoutProduct, 'active'> & { active: boolean | number }>(
      `SELECT p."id", p."name", p."pricePoints", p."stock", p."active", p."monthlyLimit",
         CASE WHEN p."monthlyLimit" IS NULL THEN 0 ELSE (
           SELECT COALESCE(SUM(l."quantity"), 0) FROM "redemption_lines" l
           JOIN "redemptions" r ON r."id" = l."redemptionId"
           WHERE r."accountId" = ? AND l."productId" = p."id" AND r."status" = 'completed'
             AND r."createdAt" >= ? AND r."createdAt" < ?
         ) END AS "taken"
       FROM "products" p WHERE p."id" IN (${productIds.map(() => '?').join(', ')})`,
      [accountId, month.from, month.to, ...productIds],
    );
    return rows.map((row) => ({ ...row, active: Boolean(row.active) }));
  }

  /** The redemption row and all of its lines (one multi-row INSERT; line ids in basket order). */
  async insert(tx: Tx, r: RedemptionEntity, lines: PricedLine[]): Promise<void> {
    await tx.run(
      `INSERT INTO "redemptions" (${REDEMPTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.id,
        r.receiptNo,
        r.accountId,
        r.memberId,
        r.cardNo,
        r.totalPoints,
        r.balanceBefore,
        r.balanceAfter,
        r.status,
        r.ledgerEntryId,
        r.voidLedgerEntryId,
        r.voidReason,
        r.voidedBy,
        r.voidedAt,
        r.kioskId,
        r.createdAt,
      ],
    );
    tx.changed('redemptions', r);
    const rows = lines.map((line) => ({
      id: uuidv7(),
      redemptionId: r.id,
      productId: line.productId,
      productName: line.productName,
      pricePoints: line.pricePoints,
      quantity: line.quantity,
      lineTotal: line.lineTotal,
    }));
    await tx.run(
      `INSERT INTO "redemption_lines" ("id", "redemptionId", ${LINE_COLUMNS})
       VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flatMap((row) => Object.values(row)),
    );
    for (const row of rows) tx.changed('redemption_lines', row);
  }

  /** The answer to replay for this key, stored in the redemption's own transaction. */
  async insertIdempotencyRecord(
    tx: Tx,
    record: {
      accountId: string;
      key: string;
      requestHash: string;
      redemptionId: string;
      response: string;
      createdAt: string;
    },
  ): Promise<void> {
    await tx.run(
      `INSERT INTO "idempotency_records" ("accountId", "key", "requestHash", "redemptionId", "response", "createdAt")
       VALUES (?, ?, ?, ?, ?, ?)`,
      [record.accountId, record.key, record.requestHash, record.redemptionId, record.response, record.createdAt],
    );
  }

  // ---- one redemption -----------------------------------------------------------------------

  /** The redemption, outside a transaction, or as the caller's transaction sees it. */
  async find(id: string, tx: SqlRunner = this.db): Promise<RedemptionEntity | undefined> {
    const [row] = await tx.all<RedemptionEntity>(`SELECT ${REDEMPTION_COLUMNS} FROM "redemptions" WHERE "id" = ?`, [
      id,
    ]);
    return row;
  }

  /** Its lines in basket order (their ids are UUIDv7, made in that order). */
  lines(id: string, tx: SqlRunner = this.db): Promise<PricedLine[]> {
    return tx.all<PricedLine>(`SELECT ${LINE_COLUMNS} FROM "redemption_lines" WHERE "redemptionId" = ? ORDER BY "id"`, [
      id,
    ]);
  }

  async markVoided(
    tx: Tx,
    id: string,
    voiding: Pick<RedemptionEntity, 'voidLedgerEntryId' | 'voidReason' | 'voidedBy' | 'voidedAt'>,
  ): Promise<void> {
    const voided = await tx.all<RedemptionEntity>(
      `UPDATE "redemptions" SET "status" = 'voided', "voidLedgerEntryId" = ?, "voidReason" = ?, "voidedBy" = ?,
         "voidedAt" = ? WHERE "id" = ? RETURNING ${REDEMPTION_COLUMNS}`,
      [voiding.voidLedgerEntryId, voiding.voidReason, voiding.voidedBy, voiding.voidedAt, id],
    );
    for (const redemption of voided) tx.changed('redemptions', redemption);
  }

  async staffView(id: string): Promise<RedemptionStaffRow | undefined> {
    const [row] = await this.db.all<RedemptionStaffRow>(
      `SELECT r."memberId", m."name" AS "memberName", r."voidReason", r."voidedBy", r."voidedAt"
       FROM "redemptions" r JOIN "members" m ON m."id" = r."memberId" WHERE r."id" = ?`,
      [id],
    );
    return row;
  }

  /** The id of the redemption with this receipt number: exact first (the unique index), then ignoring case. */
  async idByReceiptNo(receiptNo: string): Promise<string | undefined> {
    const [exact] = await this.db.all<{ id: string }>(`SELECT "id" FROM "redemptions" WHERE "receiptNo" = ?`, [
      receiptNo,
    ]);
    if (exact) return exact.id;
    const [anyCase] = await this.db.all<{ id: string }>(
      `SELECT "id" FROM "redemptions" WHERE UPPER("receiptNo") = UPPER(?) LIMIT 1`,
      [receiptNo],
    );
    return anyCase?.id;
  }

  // ---- search -------------------------------------------------------------------------------

  /** One page of matches, newest first, and the number of all matches. */
  async search(filter: RedemptionSearch): Promise<{ total: number; rows: RedemptionSummaryRow[] }> {
    // An open end is left out rather than compared with a sentinel: PostgreSQL orders text by locale.
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.start !== undefined) {
      conditions.push(`r."createdAt" >= ?`);
      params.push(filter.start);
    }
    if (filter.end !== undefined) {
      conditions.push(`r."createdAt" < ?`);
      params.push(filter.end);
    }
    if (filter.memberId) {
      conditions.push(`r."memberId" = ?`);
      params.push(filter.memberId);
    }
    if (filter.status) {
      conditions.push(`r."status" = ?`);
      params.push(filter.status);
    }
    if (filter.receiptNo) {
      const part = filter.receiptNo.replace(/[\\%_]/g, (c) => `\\${c}`);
      conditions.push(`UPPER(r."receiptNo") LIKE UPPER(?) ESCAPE '\\'`);
      params.push(`%${part}%`);
    }
    if (filter.productId !== undefined) {
      conditions.push(
        `EXISTS (SELECT 1 FROM "redemption_lines" pl WHERE pl."redemptionId" = r."id" AND pl."productId" = ?)`,
      );
      params.push(filter.productId);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [count] = await this.db.all<{ total: number }>(
      `SELECT COUNT(*) AS "total" FROM "redemptions" r ${where}`,
      params,
    );
    const rows = await this.db.all<RedemptionSummaryRow>(
      `SELECT r."id", r."receiptNo", r."createdAt", r."memberId", m."name" AS "memberName", r."accountId",
         r."totalPoints", r."status",
         (SELECT COUNT(*) FROM "redemption_lines" cl WHERE cl."redemptionId" = r."id") AS "lineCount"
       FROM "redemptions" r JOIN "members" m ON m."id" = r."memberId"
       ${where}
       ORDER BY r."createdAt" DESC, r."id" DESC LIMIT ? OFFSET ?`,
      [...params, filter.limit, filter.offset],
    );
    return { total: count?.total ?? 0, rows };
  }
}
