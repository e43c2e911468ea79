import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole schema on PostgreSQL, as SQLite has it after its own migrations (same tables,
 * columns, keys, uniqueness and checks; `schema.spec` compares the two). Times are ISO-8601 text
 * on both engines, so they sort, compare and hash the same everywhere.
 */
export class InitialSchema1767000000000 implements MigrationInterface {
  name = 'InitialSchema1767000000000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
      `CREATE TABLE "accounts" (
        "id" text PRIMARY KEY NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('person','household')),
        "name" text NOT NULL,
        "balance" integer NOT NULL CHECK ("balance" >= 0),
        "createdAt" text NOT NULL)`,
      `CREATE TABLE "ledger_entries" (
        "id" text PRIMARY KEY NOT NULL,
        "accountId" text NOT NULL REFERENCES "accounts"("id"),
        "delta" integer NOT NULL,
        "balanceAfter" integer NOT NULL CHECK ("balanceAfter" >= 0),
        "kind" text NOT NULL CHECK ("kind" IN ('award','redeem','void','adjust')),
        "reason" text NOT NULL,
        "actor" text NOT NULL,
        "kioskId" text NOT NULL,
        "seq" integer NOT NULL CHECK ("seq" >= 1),
        "refId" text,
        "createdAt" text NOT NULL,
        "prevHash" text NOT NULL,
        "hash" text NOT NULL)`,
      `CREATE UNIQUE INDEX "IDX_ledger_kiosk_seq" ON "ledger_entries" ("kioskId", "seq")`,
      `CREATE INDEX "IDX_ledger_account_time" ON "ledger_entries" ("accountId", "createdAt")`,
      `CREATE TRIGGER "ledger_entries_append_only" BEFORE UPDATE OR DELETE ON "ledger_entries"
        FOR EACH ROW EXECUTE FUNCTION "refuse_change"()`,
      `CREATE TRIGGER "ledger_entries_no_truncate" BEFORE TRUNCATE ON "ledger_entries"
        FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"()`,
      `CREATE TABLE "members" (
        "id" text PRIMARY KEY NOT NULL,
        "accountId" text NOT NULL REFERENCES "accounts"("id"),
        "name" text NOT NULL,
        "household" text,
        "createdAt" text NOT NULL)`,
      `CREATE INDEX "IDX_members_account" ON "members" ("accountId")`,
      `CREATE TABLE "cards" (
        "cardNo" text PRIMARY KEY NOT NULL,
        "memberId" text NOT NULL REFERENCES "members"("id"),
        "status" text NOT NULL CHECK ("status" IN ('active','revoked')),
        "keyId" text NOT NULL,
        "issuedAt" text NOT NULL,
        "revokedAt" text)`,
      `CREATE INDEX "IDX_cards_member" ON "cards" ("memberId")`,
      `CREATE TABLE "products" (
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
        "updatedAt" text NOT NULL)`,
      `CREATE UNIQUE INDEX "IDX_products_barcode" ON "products" ("barcode") WHERE "barcode" IS NOT NULL`,
      `CREATE TABLE "stock_movements" (
        "id" text PRIMARY KEY NOT NULL,
        "productId" text NOT NULL REFERENCES "products"("id"),
        "delta" integer NOT NULL,
        "stockAfter" integer NOT NULL CHECK ("stockAfter" >= 0),
        "reason" text NOT NULL,
        "note" text,
        "actor" text NOT NULL,
        "refId" text,
        "createdAt" text NOT NULL)`,
      `CREATE INDEX "IDX_stock_movements_product" ON "stock_movements" ("productId")`,
      `CREATE TABLE "redemptions" (
        "id" text PRIMARY KEY NOT NULL,
        "receiptNo" text NOT NULL UNIQUE,
        "accountId" text NOT NULL REFERENCES "accounts"("id"),
        "memberId" text NOT NULL REFERENCES "members"("id"),
        "cardNo" text NOT NULL,
        "totalPoints" integer NOT NULL CHECK ("totalPoints" > 0),
        "balanceBefore" integer NOT NULL,
        "balanceAfter" integer NOT NULL CHECK ("balanceAfter" >= 0),
        "status" text NOT NULL CHECK ("status" IN ('completed','voided')),
        "ledgerEntryId" text NOT NULL REFERENCES "ledger_entries"("id"),
        "voidLedgerEntryId" text REFERENCES "ledger_entries"("id"),
        "voidReason" text,
        "voidedBy" text,
        "voidedAt" text,
        "kioskId" text NOT NULL,
        "createdAt" text NOT NULL)`,
      `CREATE INDEX "IDX_redemptions_account_time" ON "redemptions" ("accountId", "createdAt")`,
      `CREATE INDEX "IDX_redemptions_time" ON "redemptions" ("createdAt")`,
      `CREATE TABLE "redemption_lines" (
        "id" text PRIMARY KEY NOT NULL,
        "redemptionId" text NOT NULL REFERENCES "redemptions"("id"),
        "productId" text NOT NULL REFERENCES "products"("id"),
        "productName" text NOT NULL,
        "pricePoints" integer NOT NULL,
        "quantity" integer NOT NULL CHECK ("quantity" BETWEEN 1 AND 99),
        "lineTotal" integer NOT NULL)`,
      `CREATE INDEX "IDX_redemption_lines_redemption" ON "redemption_lines" ("redemptionId")`,
      `CREATE INDEX "IDX_redemption_lines_product" ON "redemption_lines" ("productId")`,
      `CREATE TABLE "idempotency_records" (
        "accountId" text NOT NULL,
        "key" text NOT NULL,
        "requestHash" text NOT NULL,
        "redemptionId" text NOT NULL REFERENCES "redemptions"("id"),
        "response" text NOT NULL,
        "createdAt" text NOT NULL,
        PRIMARY KEY ("accountId", "key"))`,
      `CREATE TABLE "print_jobs" (
        "id" text PRIMARY KEY NOT NULL,
        "redemptionId" text REFERENCES "redemptions"("id"),
        "kind" text NOT NULL CHECK ("kind" IN ('receipt','reprint','test')),
        "status" text NOT NULL CHECK ("status" IN ('queued','printing','printed','failed')),
        "attempts" integer NOT NULL DEFAULT 0,
        "lastError" text,
        "createdAt" text NOT NULL,
        "printedAt" text)`,
      `CREATE INDEX "IDX_print_jobs_status" ON "print_jobs" ("status")`,
      `CREATE INDEX "IDX_print_jobs_redemption" ON "print_jobs" ("redemptionId")`,
      `CREATE TABLE "staff" (
        "id" text PRIMARY KEY NOT NULL,
        "username" text NOT NULL UNIQUE,
        "displayName" text NOT NULL,
        "role" text NOT NULL CHECK ("role" IN ('volunteer','admin')),
        "pinHash" text NOT NULL,
        "failedAttempts" integer NOT NULL DEFAULT 0,
        "lockedUntil" text,
        "active" boolean NOT NULL DEFAULT TRUE,
        "createdAt" text NOT NULL)`,
      `CREATE TABLE "activities" (
        "id" text PRIMARY KEY NOT NULL,
        "name" text NOT NULL UNIQUE,
        "defaultPoints" integer NOT NULL,
        "active" boolean NOT NULL DEFAULT TRUE)`,
      `CREATE TABLE "settings" ("key" text PRIMARY KEY NOT NULL, "value" text NOT NULL)`,
      `CREATE TABLE "admin_changes" (
        "id" text PRIMARY KEY NOT NULL,
        "actor" text NOT NULL,
        "action" text NOT NULL,
        "entity" text NOT NULL,
        "entityId" text NOT NULL,
        "before" text,
        "after" text,
        "createdAt" text NOT NULL)`,
      `CREATE INDEX "IDX_admin_changes_time" ON "admin_changes" ("createdAt")`,
      `CREATE INDEX "IDX_admin_changes_entity" ON "admin_changes" ("entity", "entityId")`,
      `CREATE TRIGGER "admin_changes_append_only" BEFORE UPDATE OR DELETE ON "admin_changes"
        FOR EACH ROW EXECUTE FUNCTION "refuse_change"()`,
      `CREATE TRIGGER "admin_changes_no_truncate" BEFORE TRUNCATE ON "admin_changes"
        FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"()`,
      `CREATE TABLE "award_events" (
        "id" text PRIMARY KEY NOT NULL,
        "activityId" text NOT NULL REFERENCES "activities"("id"),
        "name" text NOT NULL,
        "points" integer NOT NULL CHECK ("points" > 0),
        "createdBy" text NOT NULL,
        "createdAt" text NOT NULL,
        "closedAt" text)`,
      `CREATE TABLE "event_check_ins" (
        "id" text PRIMARY KEY NOT NULL,
        "eventId" text NOT NULL REFERENCES "award_events"("id"),
        "memberId" text NOT NULL REFERENCES "members"("id"),
        "ledgerEntryId" text NOT NULL REFERENCES "ledger_entries"("id"),
        "createdAt" text NOT NULL)`,
      `CREATE UNIQUE INDEX "IDX_event_check_ins_event_member" ON "event_check_ins" ("eventId", "memberId")`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const tables = [
      'event_check_ins',
      'award_events',
      'admin_changes',
      'settings',
      'activities',
      'staff',
      'print_jobs',
      'idempotency_records',
      'redemption_lines',
      'redemptions',
      'stock_movements',
      'products',
      'cards',
      'members',
      'ledger_entries',
      'accounts',
    ];
    for (const table of tables) await runner.query(`DROP TABLE "${table}"`);
    await runner.query(`DROP FUNCTION "refuse_change"()`);
  }
}
