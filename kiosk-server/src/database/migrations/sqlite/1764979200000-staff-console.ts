import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff console: the admin audit trail, award events with their check-ins, product barcodes. */
export class StaffConsole1764979200000 implements MigrationInterface {
  name = 'StaffConsole1764979200000';

  async up(runner: QueryRunner): Promise<void> {
    const statements = [
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
      // The supervision committee reads this trail: like the ledger, it is never rewritten.
      `CREATE TRIGGER "admin_changes_no_update" BEFORE UPDATE ON "admin_changes"
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`,
      `CREATE TRIGGER "admin_changes_no_delete" BEFORE DELETE ON "admin_changes"
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`,
      `CREATE TABLE "award_events" (
        "id" text PRIMARY KEY NOT NULL,
        "activityId" integer NOT NULL REFERENCES "activities"("id"),
        "name" text NOT NULL,
        "points" integer NOT NULL CHECK ("points" > 0),
        "createdBy" text NOT NULL,
        "createdAt" text NOT NULL,
        "closedAt" text)`,
      `CREATE TABLE "event_check_ins" (
        "eventId" text NOT NULL REFERENCES "award_events"("id"),
        "memberId" text NOT NULL REFERENCES "members"("id"),
        "ledgerEntryId" text NOT NULL REFERENCES "ledger_entries"("id"),
        "createdAt" text NOT NULL,
        PRIMARY KEY ("eventId", "memberId"))`,
      `ALTER TABLE "products" ADD COLUMN "barcode" text`,
      `CREATE UNIQUE INDEX "IDX_products_barcode" ON "products" ("barcode") WHERE "barcode" IS NOT NULL`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "IDX_products_barcode"`);
    await runner.query(`ALTER TABLE "products" DROP COLUMN "barcode"`);
    for (const table of ['event_check_ins', 'award_events', 'admin_changes']) {
      await runner.query(`DROP TABLE "${table}"`);
    }
  }
}
