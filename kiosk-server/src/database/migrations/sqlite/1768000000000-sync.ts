import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SYNC_TABLE_NAMES, SYNC_TABLES } from '../sync-tables';

/**
 * Sync between kiosks and the hub. Besides the sync tables: a merged balance or stock may go below
 * zero when two counters that could not see each other spent the same points or sold the last
 * item (the hub flags it as an overdraft), so those checks leave the tables: the account's
 * balance, the product's stock, and a ledger entry's balance after it (an award to an overdrawn
 * account leaves it below zero still). Every local spend still refuses to go below zero (the
 * services check it). SQLite cannot drop a check, so the tables are rebuilt beside the old ones,
 * as in the ids migration; the ledger's rows are copied as they are, so its chain still verifies.
 */
export class Sync1768000000000 implements MigrationInterface {
  name = 'Sync1768000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`PRAGMA defer_foreign_keys = ON`);
    await runner.query(`CREATE TABLE "accounts_new" (
      "id" text PRIMARY KEY NOT NULL,
      "kind" text NOT NULL CHECK ("kind" IN ('person','household')),
      "name" text NOT NULL,
      "balance" integer NOT NULL,
      "createdAt" text NOT NULL)`);
    await runner.query(
      `INSERT INTO "accounts_new" SELECT "id", "kind", "name", "balance", "createdAt" FROM "accounts"`,
    );
    await runner.query(`CREATE TABLE "products_new" (
      "id" text PRIMARY KEY NOT NULL,
      "name" text NOT NULL,
      "category" text NOT NULL,
      "pricePoints" integer NOT NULL CHECK ("pricePoints" > 0),
      "stock" integer NOT NULL,
      "imageUrl" text,
      "monthlyLimit" integer CHECK ("monthlyLimit" IS NULL OR "monthlyLimit" > 0),
      "lowStockThreshold" integer NOT NULL DEFAULT 5,
      "active" boolean NOT NULL DEFAULT TRUE,
      "barcode" text,
      "createdAt" text NOT NULL,
      "updatedAt" text NOT NULL)`);
    await runner.query(
      `INSERT INTO "products_new" SELECT "id", "name", "category", "pricePoints", "stock", "imageUrl", "monthlyLimit",
        "lowStockThreshold", "active", "barcode", "createdAt", "updatedAt" FROM "products"`,
    );
    await runner.query(`CREATE TABLE "ledger_entries_new" (
      "id" text PRIMARY KEY NOT NULL,
      "accountId" text NOT NULL REFERENCES "accounts"("id"),
      "delta" integer NOT NULL,
      "balanceAfter" integer NOT NULL,
      "kind" text NOT NULL CHECK ("kind" IN ('award','redeem','void','adjust')),
      "reason" text NOT NULL,
      "actor" text NOT NULL,
      "kioskId" text NOT NULL,
      "seq" integer NOT NULL CHECK ("seq" >= 1),
      "refId" text,
      "createdAt" text NOT NULL,
      "prevHash" text NOT NULL,
      "hash" text NOT NULL)`);
    await runner.query(
      `INSERT INTO "ledger_entries_new" SELECT "id", "accountId", "delta", "balanceAfter", "kind", "reason", "actor",
        "kioskId", "seq", "refId", "createdAt", "prevHash", "hash" FROM "ledger_entries"`,
    );
    for (const table of ['ledger_entries', 'accounts', 'products']) {
      await runner.query(`DROP TABLE "${table}"`);
      await runner.query(`ALTER TABLE "${table}_new" RENAME TO "${table}"`);
    }
    const restored = [
      `CREATE UNIQUE INDEX "IDX_products_barcode" ON "products" ("barcode") WHERE "barcode" IS NOT NULL`,
      `CREATE UNIQUE INDEX "IDX_ledger_kiosk_seq" ON "ledger_entries" ("kioskId", "seq")`,
      `CREATE INDEX "IDX_ledger_account_time" ON "ledger_entries" ("accountId", "createdAt")`,
      `CREATE TRIGGER "ledger_entries_no_update" BEFORE UPDATE ON "ledger_entries"
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END`,
      `CREATE TRIGGER "ledger_entries_no_delete" BEFORE DELETE ON "ledger_entries"
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END`,
    ];
    for (const sql of restored) await runner.query(sql);
    for (const sql of SYNC_TABLES) await runner.query(sql);
    const problems: unknown[] = await runner.query(`PRAGMA foreign_key_check`);
    if (problems.length > 0) throw new Error(`upgrade left broken references: ${JSON.stringify(problems)}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of SYNC_TABLE_NAMES) await runner.query(`DROP TABLE "${table}"`);
  }
}
