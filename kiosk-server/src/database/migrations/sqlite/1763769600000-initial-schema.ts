import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763769600000 implements MigrationInterface {
  name = 'InitialSchema1763769600000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
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
      // Append-only: the database itself refuses to change or remove a ledger entry.
      `CREATE TRIGGER "ledger_entries_no_update" BEFORE UPDATE ON "ledger_entries"
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END`,
      `CREATE TRIGGER "ledger_entries_no_delete" BEFORE DELETE ON "ledger_entries"
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END`,
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
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "name" text NOT NULL,
        "category" text NOT NULL,
        "pricePoints" integer NOT NULL CHECK ("pricePoints" > 0),
        "stock" integer NOT NULL CHECK ("stock" >= 0),
        "imageUrl" text,
        "monthlyLimit" integer CHECK ("monthlyLimit" IS NULL OR "monthlyLimit" > 0),
        "lowStockThreshold" integer NOT NULL DEFAULT 5,
        "active" boolean NOT NULL DEFAULT 1,
        "createdAt" text NOT NULL,
        "updatedAt" text NOT NULL)`,
      `CREATE TABLE "stock_movements" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "productId" integer NOT NULL REFERENCES "products"("id"),
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
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "redemptionId" text NOT NULL REFERENCES "redemptions"("id"),
        "productId" integer NOT NULL REFERENCES "products"("id"),
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
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "username" text NOT NULL UNIQUE,
        "displayName" text NOT NULL,
        "role" text NOT NULL CHECK ("role" IN ('volunteer','admin')),
        "pinHash" text NOT NULL,
        "failedAttempts" integer NOT NULL DEFAULT 0,
        "lockedUntil" text,
        "active" boolean NOT NULL DEFAULT 1,
        "createdAt" text NOT NULL)`,
      `CREATE TABLE "activities" (
        "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
        "name" text NOT NULL UNIQUE,
        "defaultPoints" integer NOT NULL,
        "active" boolean NOT NULL DEFAULT 1)`,
      `CREATE TABLE "settings" ("key" text PRIMARY KEY NOT NULL, "value" text NOT NULL)`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const tables = [
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
  }
}
