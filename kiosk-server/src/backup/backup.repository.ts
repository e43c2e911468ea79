import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { SqlRunner } from '../database/sql-runner';
import type { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import type { BackupCounts } from './backup-file';

/**
 * Read-only: what a backup says about itself and what a restore checks. Its queries read other
 * features' tables (ledger, members, accounts, cards, redemptions, settings, TypeORM's migrations),
 * on the live store (redemptions since the last backup) or on a backup's copy (`new
 * BackupRepository(copy)`, a file no server runs on).
 */
@Injectable()
export class BackupRepository {
  constructor(@Inject(Database) private readonly db: SqlRunner) {}

  async counts(): Promise<BackupCounts> {
    const [row] = await this.db.all<BackupCounts>(
      `SELECT (SELECT COUNT(*) FROM "ledger_entries") AS "entries",
              (SELECT COUNT(*) FROM "members") AS "members",
              (SELECT COUNT(*) FROM "accounts") AS "accounts",
              (SELECT COALESCE(SUM("balance"), 0) FROM "accounts") AS "balanceSum",
              (SELECT COUNT(*) FROM "redemptions") AS "redemptions"`,
    );
    return row!;
  }

  /** The kiosk id kept in the settings (absent when KIOSK_ID always named the kiosk). */
  async storedKioskId(): Promise<string | undefined> {
    const [row] = await this.db.all<{ value: string }>(`SELECT "value" FROM "settings" WHERE "key" = 'kioskId'`);
    const value = row ? (JSON.parse(row.value) as unknown) : undefined;
    return typeof value === 'string' ? value : undefined;
  }

  /** The kiosk that wrote the newest ledger entry: names a kiosk whose id always came from KIOSK_ID. */
  async latestLedgerKioskId(): Promise<string | undefined> {
    const [row] = await this.db.all<{ kioskId: string }>(
      `SELECT "kioskId" AS "kioskId" FROM "ledger_entries" ORDER BY "createdAt" DESC LIMIT 1`,
    );
    return row?.kioskId;
  }

  /** TypeORM's record of the migrations applied, oldest first: the schema version. */
  async migrations(): Promise<string[]> {
    const rows = await this.db.all<{ name: string }>(`SELECT "name" FROM "migrations" ORDER BY "id"`);
    return rows.map((row) => row.name);
  }

  /** Which signing keys the cards in use were signed with. */
  async activeCardKeyIds(): Promise<string[]> {
    const rows = await this.db.all<{ keyId: string }>(
      `SELECT DISTINCT "keyId" AS "keyId" FROM "cards" WHERE "status" = 'active' ORDER BY "keyId"`,
    );
    return rows.map((row) => row.keyId);
  }

  /** Every ledger entry, chain by chain, in sequence. */
  ledgerChains(): Promise<LedgerEntryEntity[]> {
    return this.db.all<LedgerEntryEntity>(
      `SELECT "id", "accountId", "delta", "balanceAfter", "kind", "reason", "actor", "kioskId", "seq", "refId",
              "createdAt", "prevHash", "hash"
         FROM "ledger_entries" ORDER BY "kioskId", "seq"`,
    );
  }

  balances(): Promise<{ id: string; balance: number }[]> {
    return this.db.all<{ id: string; balance: number }>(`SELECT "id", "balance" FROM "accounts" ORDER BY "id"`);
  }

  /** Redemptions made after a moment (ISO-8601 text, as they are stored); served by the time index. */
  async redemptionsSince(at: string): Promise<number> {
    const [row] = await this.db.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "redemptions" WHERE "createdAt" > ?`, [
      at,
    ]);
    return Number(row?.n ?? 0);
  }
}
