import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { SqlRunner } from '../database/sql-runner';
import type { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import type { BackupCounts } from './backup-file';

/**
 * What a backup says about itself and what a restore checks. Its queries read other features'
 * tables (ledger, members, accounts, cards, redemptions, settings, sync state, TypeORM's
 * migrations), on the live store (redemptions since the last backup) or on a backup's copy (`new
 * BackupRepository(copy)`, a file no server runs on). Its one write is `takeNewOrigin`, on the copy.
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

  /**
   * A copy of a kiosk that syncs with a hub goes on under a new kiosk id (`<id>-R<n>`): the hub may
   * hold rows the kiosk made after this backup under the same chain numbers, and a restored kiosk
   * writing those numbers again would fork its chain. Its rows from after the backup come back
   * through the pull (cursor reset), and its ledger chain goes on under the new id. Undefined for
   * a kiosk that never enrolled.
   */
  async takeNewOrigin(): Promise<string | undefined> {
    const rows = await this.db.all<{ key: string; value: string }>(`SELECT "key", "value" FROM "sync_state"`);
    const state = new Map(rows.map((row) => [row.key, row.value]));
    const origin = state.get('origin');
    if (!state.has('kioskId') || !origin) return undefined;
    const match = /^(.{1,27})-R(\d{1,3})$/.exec(origin);
    const next = match ? `${match[1]}-R${Number(match[2]) + 1}` : `${origin.slice(0, 28)}-R1`;
    const setting = `INSERT INTO "settings" ("key", "value") VALUES (?, ?)
      ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`;
    await this.db.run(setting, ['kioskId', JSON.stringify(next)]);
    await this.db.run(setting, ['kioskIdAfterRestore', 'true']);
    await this.db.run(`DELETE FROM "sync_state" WHERE "key" IN ('acknowledgedSeq', 'pullCursor', 'lastPullAt')`);
    return next;
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
