import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { AccountKind } from '../ledger/account.entity';
import type { LedgerKind } from '../ledger/ledger-entry.entity';
import type { RedemptionStatus } from '../redemption/redemption.entity';

/** Instants [start, end); a bound left out is open. */
export interface TimeRange {
  start?: string;
  end?: string;
}

export interface RedemptionLineRow {
  receiptNo: string;
  createdAt: string;
  memberName: string;
  household: string | null;
  cardNo: string;
  productName: string;
  quantity: number;
  pricePoints: number;
  lineTotal: number;
  totalPoints: number;
  status: RedemptionStatus;
  kioskId: string;
}

export interface AwardEntryRow {
  createdAt: string;
  accountName: string;
  accountKind: AccountKind;
  delta: number;
  kind: LedgerKind;
  reason: string;
  actor: string;
  /** The staff member's display name when the actor is a staff member of this kiosk. */
  actorName: string | null;
  /** The member the entry is for: the one who checked in, or the only member of the account. */
  memberName: string | null;
  cardNo: string | null;
  kioskId: string;
  seq: number;
}

export interface StockRow {
  name: string;
  category: string;
  barcode: string | null;
  pricePoints: number;
  stock: number;
  lowStockThreshold: number;
  active: boolean;
}

/**
 * `AND`-ed bounds on a time column. An open end is left out of the SQL rather than compared with a
 * sentinel such as '\uffff', whose place in the sort order depends on PostgreSQL's collation.
 */
function within(column: string, range: TimeRange): { sql: string; params: string[] } {
  const sql: string[] = [];
  const params: string[] = [];
  if (range.start !== undefined) {
    sql.push(`${column} >= ?`);
    params.push(range.start);
  }
  if (range.end !== undefined) {
    sql.push(`${column} < ?`);
    params.push(range.end);
  }
  return { sql: sql.map((condition) => ` AND ${condition}`).join(''), params };
}

/** Read-only export queries; they read the redemption, member, card, ledger, account, check-in, staff and product tables. */
@Injectable()
export class ExportsRepository {
  constructor(private readonly db: Database) {}

  /** Every line of the redemptions made in the range, oldest first. */
  redemptionLines(range: TimeRange): Promise<RedemptionLineRow[]> {
    const time = within('r."createdAt"', range);
    return this.db.all<RedemptionLineRow>(
      `SELECT r."receiptNo" AS "receiptNo", r."createdAt" AS "createdAt", m."name" AS "memberName",
              m."household" AS "household", r."cardNo" AS "cardNo", l."productName" AS "productName",
              l."quantity" AS "quantity", l."pricePoints" AS "pricePoints", l."lineTotal" AS "lineTotal",
              r."totalPoints" AS "totalPoints", r."status" AS "status", r."kioskId" AS "kioskId"
         FROM "redemption_lines" l
         JOIN "redemptions" r ON r."id" = l."redemptionId"
         JOIN "members" m ON m."id" = r."memberId"
        WHERE TRUE${time.sql}
        ORDER BY r."createdAt" ASC, l."id" ASC`,
      time.params,
    );
  }

  /**
   * Every award and adjustment entry of the ledger in the range, oldest first, with the member it
   * names (an event check-in's member, else the only member of a one-person account; none for a
   * household award) and that member's newest card, and the staff member's display name.
   */
  awardEntries(range: TimeRange): Promise<AwardEntryRow[]> {
    const time = within('e."createdAt"', range);
    return this.db.all<AwardEntryRow>(
      `SELECT e."createdAt" AS "createdAt", a."name" AS "accountName", a."kind" AS "accountKind",
              e."delta" AS "delta", e."kind" AS "kind", e."reason" AS "reason", e."actor" AS "actor",
              s."displayName" AS "actorName", m."name" AS "memberName",
              (SELECT c."cardNo" FROM "cards" c WHERE c."memberId" = m."id"
                ORDER BY c."issuedAt" DESC, c."cardNo" DESC LIMIT 1) AS "cardNo",
              e."kioskId" AS "kioskId", e."seq" AS "seq"
         FROM "ledger_entries" e
         JOIN "accounts" a ON a."id" = e."accountId"
         LEFT JOIN "event_check_ins" ci ON ci."ledgerEntryId" = e."id"
         LEFT JOIN "members" m ON m."id" = COALESCE(ci."memberId",
              (SELECT CASE WHEN COUNT(*) = 1 THEN MIN(o."id") END
                 FROM "members" o WHERE o."accountId" = e."accountId"))
         LEFT JOIN "staff" s ON e."actor" = 'staff:' || s."username"
        WHERE e."kind" IN ('award', 'adjust')${time.sql}
        ORDER BY e."createdAt" ASC, e."id" ASC`,
      time.params,
    );
  }

  /** Every product, on the shelf or not, in the catalogue's order. */
  async products(): Promise<StockRow[]> {
    const rows = await this.db.all<Omit<StockRow, 'active'> & { active: boolean | number }>(
      `SELECT p."name" AS "name", p."category" AS "category", p."barcode" AS "barcode",
              p."pricePoints" AS "pricePoints", p."stock" AS "stock",
              p."lowStockThreshold" AS "lowStockThreshold", p."active" AS "active"
         FROM "products" p
        ORDER BY p."category" ASC, p."id" ASC`,
    );
    // SQLite stores booleans as 0/1, PostgreSQL answers true/false.
    return rows.map((row) => ({ ...row, active: Boolean(row.active) }));
  }
}
