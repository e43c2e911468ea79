import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { EarningRow, RankedMemberRow } from '../rankings/rankings.repository';
import { parseChanges } from '../sync/journal';

/** An earning row of the ranking, with the store its account belongs to. */
export type StoreEarningRow = EarningRow & { store: string };

export interface RedeemedProductRow {
  productId: string;
  productName: string;
  quantity: number;
  points: number;
}

export interface VoidRow {
  receiptNo: string;
  points: number;
  reason: string | null;
  createdAt: string;
  voidedAt: string | null;
}

/** Ledger entries of a quarter by kind and, for awards, by the activity they name (null: none). */
export interface EntryGroupRow {
  kind: string;
  activityId: string | null;
  activityName: string | null;
  count: number;
  points: number;
}

export interface ReceivedMovement {
  productId: string;
  delta: number;
}

/** How far a journal row's time may stand from the time of the movement it carries (same write). */
const JOURNAL_SLACK_MS = 24 * 60 * 60 * 1000;

/** The kinds of stock movement that bring goods into a store: a new product's stock, a delivery. */
const RECEIVING = new Set(['initial', 'restock']);

/** The origins (kiosk ids) that ever synced as a kiosk of the store. */
const STORE_ORIGINS = `SELECT o."origin" FROM "hub_origins" o JOIN "hub_kiosks" k ON k."kioskId" = o."kioskId"
  WHERE k."store" = ?`;

/**
 * Read-only queries of the hub's district reports. An account's store is `hub_account_stores`; a
 * redemption's or stock movement's store is the store of the kiosk it was made at.
 */
@Injectable()
export class DistrictRepository {
  constructor(private readonly db: Database) {}

  /** The stores the hub has kiosks for. */
  async stores(): Promise<string[]> {
    const rows = await this.db.all<{ store: string }>(`SELECT DISTINCT "store" FROM "hub_kiosks" ORDER BY "store"`);
    return rows.map((row) => row.store);
  }

  async hasStore(store: string): Promise<boolean> {
    const rows = await this.db.all<{ store: string }>(`SELECT "store" FROM "hub_kiosks" WHERE "store" = ? LIMIT 1`, [
      store,
    ]);
    return rows.length > 0;
  }

  /** Award entries in [from, to) per account and named member, of one store or (null) of all. */
  earnings(from: string, to: string, store: string | null): Promise<StoreEarningRow[]> {
    return this.db.all<StoreEarningRow>(
      `SELECT e."accountId" AS "accountId", a."kind" AS "accountKind", c."memberId" AS "memberId",
              s."store" AS "store", SUM(e."delta") AS "points"
         FROM "ledger_entries" e
         JOIN "hub_account_stores" s ON s."accountId" = e."accountId"
         JOIN "accounts" a ON a."id" = e."accountId"
         LEFT JOIN "event_check_ins" c ON c."ledgerEntryId" = e."id"
        WHERE e."kind" = 'award' AND e."createdAt" >= ? AND e."createdAt" < ?${store === null ? '' : ` AND s."store" = ?`}
        GROUP BY e."accountId", a."kind", c."memberId", s."store"`,
      store === null ? [from, to] : [from, to, store],
    );
  }

  /**
   * The members of every account (of the store, or of all) that earned awards in [from, to), and
   * every member a check-in in it names; oldest first, so a household's first member comes first.
   * A UNION of two lookups, as in the kiosk's ranking: an OR of the two stops PostgreSQL joining.
   */
  membersOfEarners(from: string, to: string, store: string | null): Promise<RankedMemberRow[]> {
    const ofStore =
      store === null ? '' : `JOIN "hub_account_stores" s ON s."accountId" = e."accountId" AND s."store" = ?`;
    const params = store === null ? [from, to] : [store, from, to];
    return this.db.all<RankedMemberRow>(
      `SELECT m."id" AS "id", m."accountId" AS "accountId", m."name" AS "name", m."createdAt" AS "createdAt"
         FROM "members" m
        WHERE m."accountId" IN (
                SELECT e."accountId" FROM "ledger_entries" e ${ofStore}
                 WHERE e."kind" = 'award' AND e."createdAt" >= ? AND e."createdAt" < ?)
       UNION
       SELECT m."id" AS "id", m."accountId" AS "accountId", m."name" AS "name", m."createdAt" AS "createdAt"
         FROM "event_check_ins" c
         JOIN "ledger_entries" e ON e."id" = c."ledgerEntryId"
         ${ofStore}
         JOIN "members" m ON m."id" = c."memberId"
        WHERE e."kind" = 'award' AND e."createdAt" >= ? AND e."createdAt" < ?
       ORDER BY "createdAt" ASC, "id" ASC`,
      [...params, ...params],
    );
  }

  /** Goods of the completed redemptions made at the store's kiosks in [from, to), per product. */
  redeemedProducts(store: string, from: string, to: string): Promise<RedeemedProductRow[]> {
    return this.db.all<RedeemedProductRow>(
      `SELECT l."productId" AS "productId", MAX(l."productName") AS "productName",
              SUM(l."quantity") AS "quantity", SUM(l."lineTotal") AS "points"
         FROM "redemptions" r
         JOIN "redemption_lines" l ON l."redemptionId" = r."id"
        WHERE r."createdAt" >= ? AND r."createdAt" < ? AND r."status" = 'completed'
          AND r."kioskId" IN (${STORE_ORIGINS})
        GROUP BY l."productId"
        ORDER BY MAX(l."productName"), l."productId"`,
      [from, to, store],
    );
  }

  /** Redemptions made at the store's kiosks in [from, to) that were voided since. */
  voids(store: string, from: string, to: string): Promise<VoidRow[]> {
    return this.db.all<VoidRow>(
      `SELECT r."receiptNo" AS "receiptNo", r."totalPoints" AS "points", r."voidReason" AS "reason",
              r."createdAt" AS "createdAt", r."voidedAt" AS "voidedAt"
         FROM "redemptions" r
        WHERE r."createdAt" >= ? AND r."createdAt" < ? AND r."status" = 'voided'
          AND r."kioskId" IN (${STORE_ORIGINS})
        ORDER BY r."createdAt", r."receiptNo"`,
      [from, to, store],
    );
  }

  /**
   * The ledger entries of the store's accounts in [from, to), by kind and activity: an award at an
   * event names it through `event:<id>`, an award for an activity through `activity:<id>`.
   */
  entryGroups(store: string, from: string, to: string): Promise<EntryGroupRow[]> {
    return this.db.all<EntryGroupRow>(
      `SELECT x."kind" AS "kind", x."activityId" AS "activityId", MAX(act."name") AS "activityName",
              COUNT(*) AS "count", SUM(x."delta") AS "points"
         FROM (SELECT e."kind" AS "kind", e."delta" AS "delta",
                      CASE WHEN e."kind" <> 'award' THEN NULL
                           WHEN e."refId" LIKE 'event:%'
                             THEN (SELECT ev."activityId" FROM "award_events" ev WHERE ev."id" = SUBSTR(e."refId", 7))
                           WHEN e."refId" LIKE 'activity:%' THEN SUBSTR(e."refId", 10)
                      END AS "activityId"
                 FROM "hub_account_stores" s
                 JOIN "ledger_entries" e ON e."accountId" = s."accountId"
                WHERE s."store" = ? AND e."createdAt" >= ? AND e."createdAt" < ?) x
         LEFT JOIN "activities" act ON act."id" = x."activityId"
        GROUP BY x."kind", x."activityId"
        ORDER BY x."kind", MAX(act."name"), x."activityId"`,
      [store, from, to],
    );
  }

  /**
   * Goods received in [from, to) at the store's kiosks. A stock movement does not say where it was
   * made, but the journal row that brought it to the hub does: the rows the store's kiosks pushed
   * around the period are read (by the store and time index) and their movements taken.
   */
  async receivedMovements(store: string, from: string, to: string): Promise<ReceivedMovement[]> {
    const rows = await this.db.all<{ changes: string }>(
      `SELECT j."changes" AS "changes" FROM "sync_journal" j
        WHERE j."store" = ? AND j."createdAt" >= ? AND j."createdAt" < ?
          AND j."changes" LIKE '%"stock_movements"%' AND j."origin" IN (${STORE_ORIGINS})`,
      [
        store,
        new Date(Date.parse(from) - JOURNAL_SLACK_MS).toISOString(),
        new Date(Date.parse(to) + JOURNAL_SLACK_MS).toISOString(),
        store,
      ],
    );
    const movements: ReceivedMovement[] = [];
    for (const row of rows) {
      for (const change of parseChanges(row)) {
        if (change.table !== 'stock_movements') continue;
        const movement = change.row as { productId: string; delta: number; reason: string; createdAt: string };
        if (!RECEIVING.has(movement.reason) || movement.createdAt < from || movement.createdAt >= to) continue;
        movements.push({ productId: movement.productId, delta: Number(movement.delta) });
      }
    }
    return movements;
  }

  /** Current product names by id. */
  async productNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.all<{ id: string; name: string }>(
      `SELECT "id", "name" FROM "products" WHERE "id" IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
