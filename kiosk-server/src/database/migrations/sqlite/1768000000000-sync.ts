import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SYNC_TABLE_NAMES, SYNC_TABLES } from '../sync-tables';

/**
 * Sync between kiosks and the hub. Besides the sync tables: a merged balance or stock may go below
 * zero when two counters that could not see each other spent the same points or sold the last
 * item (the hub flags it as an overdraft), so those two checks leave the tables. Every local
 * spend still refuses to go below zero (the services check it). SQLite cannot drop a check, so
 * both tables are rebuilt beside the old ones, as in the ids migration.
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
    for (const table of ['accounts', 'products']) {
      await runner.query(`DROP TABLE "${table}"`);
      await runner.query(`ALTER TABLE "${table}_new" RENAME TO "${table}"`);
    }
    await runner.query(
      `CREATE UNIQUE INDEX "IDX_products_barcode" ON "products" ("barcode") WHERE "barcode" IS NOT NULL`,
    );
    for (const sql of SYNC_TABLES) await runner.query(sql);
    const problems: unknown[] = await runner.query(`PRAGMA foreign_key_check`);
    if (problems.length > 0) throw new Error(`upgrade left broken references: ${JSON.stringify(problems)}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of SYNC_TABLE_NAMES) await runner.query(`DROP TABLE "${table}"`);
  }
}
