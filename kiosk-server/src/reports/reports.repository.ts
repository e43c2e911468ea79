import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';

/** Points moved in a period, by kind, as the ledger holds them. */
export interface LedgerFiguresRow {
  redemptions: number;
  voids: number;
  pointsSpent: number;
  pointsReturned: number;
  pointsAwarded: number;
  pointsDeducted: number;
}

export interface TopProductRow {
  productId: string;
  name: string;
  quantity: number;
  points: number;
}

export interface StockValueRow {
  products: number;
  units: number;
  valuePoints: number;
}

/** Read-only report queries; they read the ledger, redemption and product tables of other features. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: Database) {}

  async ledgerFigures(from: string, to: string): Promise<LedgerFiguresRow> {
    const [row] = await this.db.all<LedgerFiguresRow>(
      `SELECT COALESCE(SUM(CASE WHEN e."kind" = 'redeem' THEN 1 ELSE 0 END), 0) AS "redemptions",
              COALESCE(SUM(CASE WHEN e."kind" = 'void' THEN 1 ELSE 0 END), 0) AS "voids",
              COALESCE(SUM(CASE WHEN e."kind" = 'redeem' THEN -e."delta" ELSE 0 END), 0) AS "pointsSpent",
              COALESCE(SUM(CASE WHEN e."kind" = 'void' THEN e."delta" ELSE 0 END), 0) AS "pointsReturned",
              COALESCE(SUM(CASE WHEN e."kind" IN ('award', 'adjust') AND e."delta" > 0 THEN e."delta" ELSE 0 END), 0)
                AS "pointsAwarded",
              COALESCE(SUM(CASE WHEN e."kind" IN ('award', 'adjust') AND e."delta" < 0 THEN -e."delta" ELSE 0 END), 0)
                AS "pointsDeducted"
         FROM "ledger_entries" e
        WHERE e."createdAt" >= ? AND e."createdAt" < ?`,
      [from, to],
    );
    return row!;
  }

  /** Units of each product in completed redemptions made in [from, to): most first. */
  topProducts(from: string, to: string, limit: number): Promise<TopProductRow[]> {
    return this.db.all<TopProductRow>(
      `SELECT l."productId" AS "productId", p."name" AS "name",
              SUM(l."quantity") AS "quantity", SUM(l."lineTotal") AS "points"
         FROM "redemption_lines" l
         JOIN "redemptions" r ON r."id" = l."redemptionId"
         JOIN "products" p ON p."id" = l."productId"
        WHERE r."status" = 'completed' AND r."createdAt" >= ? AND r."createdAt" < ?
        GROUP BY l."productId", p."name"
        ORDER BY SUM(l."quantity") DESC, SUM(l."lineTotal") DESC, l."productId" ASC
        LIMIT ?`,
      [from, to, limit],
    );
  }

  /** Active products, the units on their shelves and those units' worth in points. */
  async stockValue(): Promise<StockValueRow> {
    const [row] = await this.db.all<StockValueRow>(
      `SELECT COUNT(*) AS "products",
              COALESCE(SUM(p."stock"), 0) AS "units",
              COALESCE(SUM(p."stock" * p."pricePoints"), 0) AS "valuePoints"
         FROM "products" p
        WHERE p."active" = TRUE`,
    );
    return row!;
  }
}
