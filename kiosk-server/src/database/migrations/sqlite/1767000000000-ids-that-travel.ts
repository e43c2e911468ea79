import type { MigrationInterface, QueryRunner } from 'typeorm';
import { uuidv7 } from '../../../common/ids';

/**
 * Release 0.1 numbered products, activities, staff, redemption lines and stock movements with
 * SQLite's autoincrement integers, which collide as soon as two kiosks meet at the hub. Each row
 * gets a UUIDv7 made from its own time and in the order of its old number, so lists keep their
 * order; every reference follows. Event check-ins gain an id of their own.
 *
 * SQLite cannot change a column's type, so each table is rebuilt beside the old one and renamed.
 * Foreign keys stay on and are checked at commit (`defer_foreign_keys`): the upgrade either
 * leaves a consistent database or nothing. Ledger entries are not touched: the chain still verifies.
 */
export class IdsThatTravel1767000000000 implements MigrationInterface {
  name = 'IdsThatTravel1767000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`PRAGMA defer_foreign_keys = ON`);
    const products = await newIds(runner, 'products', 'createdAt');
    const activities = await newIds(runner, 'activities', null);
    const staff = await newIds(runner, 'staff', 'createdAt');
    const movements = await newIds(runner, 'stock_movements', 'createdAt');
    const lines = await newIds(runner, 'redemption_lines', null);

    await runner.query(`CREATE TABLE "products_new" (
      "id" text PRIMARY KEY NOT NULL,
      "name" text NOT NULL,
      "category" text NOT NULL,
      "pricePoints" integer NOT NULL CHECK ("pricePoints" > 0),
      "stock" integer NOT NULL CHECK ("stock" >= 0),
      "imageUrl" text,
      "monthlyLimit" integer CHECK ("monthlyLimit" IS NULL OR "monthlyLimit" > 0),
      "lowStockThreshold" integer NOT NULL DEFAULT 5,
      "active" boolean NOT NULL DEFAULT TRUE,
      "barcode" text,
      "createdAt" text NOT NULL,
      "updatedAt" text NOT NULL)`);
    await copy(runner, 'products', 'products_new', products, {});

    await runner.query(`CREATE TABLE "activities_new" (
      "id" text PRIMARY KEY NOT NULL,
      "name" text NOT NULL UNIQUE,
      "defaultPoints" integer NOT NULL,
      "active" boolean NOT NULL DEFAULT TRUE)`);
    await copy(runner, 'activities', 'activities_new', activities, {});

    await runner.query(`CREATE TABLE "staff_new" (
      "id" text PRIMARY KEY NOT NULL,
      "username" text NOT NULL UNIQUE,
      "displayName" text NOT NULL,
      "role" text NOT NULL CHECK ("role" IN ('volunteer','admin')),
      "pinHash" text NOT NULL,
      "failedAttempts" integer NOT NULL DEFAULT 0,
      "lockedUntil" text,
      "active" boolean NOT NULL DEFAULT TRUE,
      "createdAt" text NOT NULL)`);
    await copy(runner, 'staff', 'staff_new', staff, {});

    await runner.query(`CREATE TABLE "stock_movements_new" (
      "id" text PRIMARY KEY NOT NULL,
      "productId" text NOT NULL REFERENCES "products_new"("id"),
      "delta" integer NOT NULL,
      "stockAfter" integer NOT NULL CHECK ("stockAfter" >= 0),
      "reason" text NOT NULL,
      "note" text,
      "actor" text NOT NULL,
      "refId" text,
      "createdAt" text NOT NULL)`);
    await copy(runner, 'stock_movements', 'stock_movements_new', movements, { productId: products });

    await runner.query(`CREATE TABLE "redemption_lines_new" (
      "id" text PRIMARY KEY NOT NULL,
      "redemptionId" text NOT NULL REFERENCES "redemptions"("id"),
      "productId" text NOT NULL REFERENCES "products_new"("id"),
      "productName" text NOT NULL,
      "pricePoints" integer NOT NULL,
      "quantity" integer NOT NULL CHECK ("quantity" BETWEEN 1 AND 99),
      "lineTotal" integer NOT NULL)`);
    await copy(runner, 'redemption_lines', 'redemption_lines_new', lines, { productId: products });

    await runner.query(`CREATE TABLE "award_events_new" (
      "id" text PRIMARY KEY NOT NULL,
      "activityId" text NOT NULL REFERENCES "activities_new"("id"),
      "name" text NOT NULL,
      "points" integer NOT NULL CHECK ("points" > 0),
      "createdBy" text NOT NULL,
      "createdAt" text NOT NULL,
      "closedAt" text)`);
    await copy(runner, 'award_events', 'award_events_new', null, { activityId: activities });

    await runner.query(`CREATE TABLE "event_check_ins_new" (
      "id" text PRIMARY KEY NOT NULL,
      "eventId" text NOT NULL REFERENCES "award_events_new"("id"),
      "memberId" text NOT NULL REFERENCES "members"("id"),
      "ledgerEntryId" text NOT NULL REFERENCES "ledger_entries"("id"),
      "createdAt" text NOT NULL)`);
    const checkIns: Record<string, unknown>[] = await runner.query(
      `SELECT * FROM "event_check_ins" ORDER BY "createdAt", "eventId", "memberId"`,
    );
    for (const row of checkIns) {
      await runner.query(
        `INSERT INTO "event_check_ins_new" ("id", "eventId", "memberId", "ledgerEntryId", "createdAt") VALUES (?, ?, ?, ?, ?)`,
        [uuidv7(Date.parse(String(row.createdAt))), row.eventId, row.memberId, row.ledgerEntryId, row.createdAt],
      );
    }

    // children first, then their parents; then the new tables take the old names (and the
    // references among them follow the renames)
    for (const table of [
      'event_check_ins',
      'award_events',
      'redemption_lines',
      'stock_movements',
      'products',
      'activities',
      'staff',
    ]) {
      await runner.query(`DROP TABLE "${table}"`);
      await runner.query(`ALTER TABLE "${table}_new" RENAME TO "${table}"`);
    }
    const indexes = [
      `CREATE UNIQUE INDEX "IDX_products_barcode" ON "products" ("barcode") WHERE "barcode" IS NOT NULL`,
      `CREATE INDEX "IDX_stock_movements_product" ON "stock_movements" ("productId")`,
      `CREATE INDEX "IDX_redemption_lines_redemption" ON "redemption_lines" ("redemptionId")`,
      `CREATE INDEX "IDX_redemption_lines_product" ON "redemption_lines" ("productId")`,
      `CREATE UNIQUE INDEX "IDX_event_check_ins_event_member" ON "event_check_ins" ("eventId", "memberId")`,
    ];
    for (const sql of indexes) await runner.query(sql);
    const problems: unknown[] = await runner.query(`PRAGMA foreign_key_check`);
    if (problems.length > 0) throw new Error(`upgrade left broken references: ${JSON.stringify(problems)}`);
  }

  async down(): Promise<void> {
    throw new Error('Ids that travel cannot be turned back into local numbers; restore a backup instead.');
  }
}

/** Old integer id → new UUIDv7, in the order of the old ids (each made from the row's time where it has one). */
async function newIds(runner: QueryRunner, table: string, timeColumn: string | null): Promise<Map<number, string>> {
  const time = timeColumn ? `, "${timeColumn}" AS "time"` : '';
  const rows: { id: number; time?: string }[] = await runner.query(`SELECT "id"${time} FROM "${table}" ORDER BY "id"`);
  let last = 0;
  const ids = new Map<number, string>();
  for (const row of rows) {
    // never earlier than the previous row's id, so the new ids sort as the old numbers did
    last = Math.max(last, row.time ? Date.parse(row.time) : Date.now());
    ids.set(row.id, uuidv7(last));
  }
  return ids;
}

/** Copies every row, replacing its own id (when `ids` is given) and the references listed. */
async function copy(
  runner: QueryRunner,
  from: string,
  to: string,
  ids: Map<number, string> | null,
  references: Record<string, Map<number, string>>,
): Promise<void> {
  const rows: Record<string, unknown>[] = await runner.query(`SELECT * FROM "${from}" ORDER BY "id"`);
  for (const row of rows) {
    if (ids) row.id = ids.get(row.id as number);
    for (const [column, map] of Object.entries(references)) {
      const mapped = map.get(row[column] as number);
      if (mapped === undefined)
        throw new Error(`${from} ${String(row.id)}: ${column} ${String(row[column])} not found`);
      row[column] = mapped;
    }
    const columns = Object.keys(row);
    await runner.query(
      `INSERT INTO "${to}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      columns.map((c) => row[c]),
    );
  }
}
