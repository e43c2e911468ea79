import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SYNC_TABLE_NAMES, SYNC_TABLES } from '../sync-tables';

/** Sync between kiosks and the hub; see the SQLite migration of the same name for why the checks go. */
export class Sync1768000000000 implements MigrationInterface {
  name = 'Sync1768000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "accounts_balance_check"`);
    await runner.query(`ALTER TABLE "products" DROP CONSTRAINT "products_stock_check"`);
    await runner.query(`ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_balanceAfter_check"`);
    for (const sql of SYNC_TABLES) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of SYNC_TABLE_NAMES) await runner.query(`DROP TABLE "${table}"`);
    await runner.query(
      `ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_balanceAfter_check" CHECK ("balanceAfter" >= 0)`,
    );
    await runner.query(`ALTER TABLE "products" ADD CONSTRAINT "products_stock_check" CHECK ("stock" >= 0)`);
    await runner.query(`ALTER TABLE "accounts" ADD CONSTRAINT "accounts_balance_check" CHECK ("balance" >= 0)`);
  }
}
