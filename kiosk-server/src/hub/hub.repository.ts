import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { SqlRunner, Tx } from '../database/sql-runner';
import { JOURNAL_GENESIS, type JournalRow, type OriginDigest } from '../sync/journal';
import { groups } from '../sync/replica.repository';
import type { HubKioskEntity, OverdraftEntity } from './hub-kiosk.entity';

const KIOSK_COLUMNS = `"kioskId", "store", "name", "codeHash", "codeExpiresAt", "keyId", "publicKey", "origin", "cardKey",
  "enrolledAt", "lastSyncAt", "pulledTo", "acknowledgedSeq", "head", "chainProblem", "revokedAt", "revokedReason", "createdAt"`;
const OVERDRAFT_COLUMNS = `"id", "accountId", "store", "amount", "entries", "kiosks", "openedAt", "resolvedAt", "resolution",
  "resolutionReason", "resolvedBy"`;

/** The values of an entity in the order of a column list. */
function inOrder(columns: string, entity: object): unknown[] {
  const values = entity as Record<string, unknown>;
  return [...columns.matchAll(/"(\w+)"/g)].map(([, name]) => values[name!]);
}

export type PulledJournalRow = JournalRow & { hubSeq: number };

/**
 * The hub's tables (kiosks, nonces, overdrafts). It also reads the sync journal by store and by
 * the hub's change sequence, which only the hub stamps.
 */
@Injectable()
export class HubRepository {
  constructor(private readonly db: Database) {}

  async insertKiosk(tx: Tx, kiosk: HubKioskEntity): Promise<void> {
    const values = inOrder(KIOSK_COLUMNS, kiosk);
    await tx.run(`INSERT INTO "hub_kiosks" (${KIOSK_COLUMNS}) VALUES (${values.map(() => '?').join(', ')})`, values);
  }

  async kiosk(kioskId: string, runner: SqlRunner = this.db): Promise<HubKioskEntity | undefined> {
    const [row] = await runner.all<HubKioskEntity>(`SELECT ${KIOSK_COLUMNS} FROM "hub_kiosks" WHERE "kioskId" = ?`, [
      kioskId,
    ]);
    return row;
  }

  async kioskByKey(keyId: string, runner: SqlRunner = this.db): Promise<HubKioskEntity | undefined> {
    const [row] = await runner.all<HubKioskEntity>(`SELECT ${KIOSK_COLUMNS} FROM "hub_kiosks" WHERE "keyId" = ?`, [
      keyId,
    ]);
    return row;
  }

  async kioskByCode(tx: Tx, codeHash: string): Promise<HubKioskEntity | undefined> {
    const [row] = await tx.all<HubKioskEntity>(`SELECT ${KIOSK_COLUMNS} FROM "hub_kiosks" WHERE "codeHash" = ?`, [
      codeHash,
    ]);
    return row;
  }

  /** The kiosk that synced (or syncs) as this origin. */
  async kioskByOrigin(tx: Tx, origin: string): Promise<HubKioskEntity | undefined> {
    const [row] = await tx.all<HubKioskEntity>(
      `SELECT ${KIOSK_COLUMNS.replace(/"(\w+)"/g, 'k."$1"')} FROM "hub_origins" o
       JOIN "hub_kiosks" k ON k."kioskId" = o."kioskId" WHERE o."origin" = ?`,
      [origin],
    );
    return row;
  }

  /**
   * From now on the kiosk's rows carry this origin, from sequence 1 (its earlier origins' rows stay
   * as they are, and reach it again through the pull).
   */
  async bindOrigin(tx: Tx, kioskId: string, origin: string, at: string): Promise<void> {
    await tx.run(`INSERT INTO "hub_origins" ("origin", "kioskId", "boundAt") VALUES (?, ?, ?)`, [origin, kioskId, at]);
    await tx.run(`UPDATE "hub_kiosks" SET "origin" = ?, "acknowledgedSeq" = 0, "head" = ? WHERE "kioskId" = ?`, [
      origin,
      JOURNAL_GENESIS,
      kioskId,
    ]);
  }

  async kioskNamed(tx: Tx, store: string, name: string): Promise<HubKioskEntity | undefined> {
    const [row] = await tx.all<HubKioskEntity>(
      `SELECT ${KIOSK_COLUMNS} FROM "hub_kiosks" WHERE "store" = ? AND "name" = ?`,
      [store, name],
    );
    return row;
  }

  kiosks(): Promise<HubKioskEntity[]> {
    return this.db.all<HubKioskEntity>(`SELECT ${KIOSK_COLUMNS} FROM "hub_kiosks" ORDER BY "store", "name"`);
  }

  async enrol(
    tx: Tx,
    kioskId: string,
    binding: Pick<HubKioskEntity, 'keyId' | 'publicKey' | 'cardKey'> & { origin: string; enrolledAt: string },
  ): Promise<void> {
    await tx.run(
      `UPDATE "hub_kiosks" SET "keyId" = ?, "publicKey" = ?, "cardKey" = ?, "enrolledAt" = ? WHERE "kioskId" = ?`,
      [binding.keyId, binding.publicKey, binding.cardKey, binding.enrolledAt, kioskId],
    );
    await this.bindOrigin(tx, kioskId, binding.origin, binding.enrolledAt);
  }

  async revoke(tx: Tx, kioskId: string, reason: string, at: string): Promise<void> {
    await tx.run(`UPDATE "hub_kiosks" SET "revokedAt" = ?, "revokedReason" = ? WHERE "kioskId" = ?`, [
      at,
      reason,
      kioskId,
    ]);
  }

  async acknowledge(
    tx: Tx,
    kioskId: string,
    seq: number,
    head: string,
    problem: string | null,
    at: string,
  ): Promise<void> {
    await tx.run(
      `UPDATE "hub_kiosks" SET "acknowledgedSeq" = ?, "head" = ?, "chainProblem" = ?, "lastSyncAt" = ? WHERE "kioskId" = ?`,
      [seq, head, problem, at, kioskId],
    );
  }

  /** Where a kiosk's last pull ended; one statement outside the write queue, as `useNonce`. */
  async pulled(kioskId: string, to: number, at: string): Promise<void> {
    await this.db.run(`UPDATE "hub_kiosks" SET "pulledTo" = ?, "lastSyncAt" = ? WHERE "kioskId" = ?`, [
      to,
      at,
      kioskId,
    ]);
  }

  /** Card keys of a store's enrolled kiosks that are not revoked, but for one of them. */
  async cardKeys(store: string, exceptKioskId: string): Promise<string[]> {
    const rows = await this.db.all<{ cardKey: string }>(
      `SELECT "cardKey" FROM "hub_kiosks"
       WHERE "store" = ? AND "kioskId" <> ? AND "cardKey" IS NOT NULL AND "revokedAt" IS NULL ORDER BY "kioskId"`,
      [store, exceptKioskId],
    );
    return rows.map((row) => row.cardKey);
  }

  async spendingPoints(store: string): Promise<number> {
    const [row] = await this.db.all<{ n: number }>(
      `SELECT COUNT(*) AS "n" FROM "hub_kiosks" WHERE "store" = ? AND "enrolledAt" IS NOT NULL AND "revokedAt" IS NULL`,
      [store],
    );
    return Number(row?.n ?? 0);
  }

  /**
   * False when this nonce was seen before (a replayed request). One statement on its own, outside
   * the write queue: a kiosk's request must not wait behind other kiosks' pushes to be let in.
   */
  async useNonce(keyId: string, nonce: string, at: string): Promise<boolean> {
    const inserted = await this.db.run(
      `INSERT INTO "hub_nonces" ("keyId", "nonce", "seenAt") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
      [keyId, nonce, at],
    );
    return inserted === 1;
  }

  async forgetNonces(before: string): Promise<void> {
    await this.db.run(`DELETE FROM "hub_nonces" WHERE "seenAt" < ?`, [before]);
  }

  async nextHubSeq(tx: SqlRunner): Promise<number> {
    const [row] = await tx.all<{ last: number | null }>(`SELECT MAX("hubSeq") AS "last" FROM "sync_journal"`);
    return Number(row?.last ?? 0) + 1;
  }

  /** A store's journal after a cursor, the asking kiosk's own rows left out. */
  pull(store: string, exceptOrigin: string, after: number, limit: number): Promise<PulledJournalRow[]> {
    return this.db.all<PulledJournalRow>(
      `SELECT "origin", "seq", "hlc", "changes", "createdAt", "prevHash", "hash", "hubSeq" FROM "sync_journal"
       WHERE "store" = ? AND "hubSeq" > ? AND "origin" <> ? ORDER BY "hubSeq" LIMIT ?`,
      [store, after, exceptOrigin, limit],
    );
  }

  /** A store's journal rows after a cursor from other origins that mention a text (an account id). */
  mentioning(store: string, after: number, exceptOrigin: string, text: string): Promise<JournalRow[]> {
    return this.db.all<JournalRow>(
      `SELECT "origin", "seq", "hlc", "changes", "createdAt", "prevHash", "hash" FROM "sync_journal"
       WHERE "store" = ? AND "hubSeq" > ? AND "origin" <> ? AND "changes" LIKE ? ORDER BY "hubSeq"`,
      [store, after, exceptOrigin, `%${text}%`],
    );
  }

  /** Remembers which store an account (first pushed by a kiosk of it) belongs to. */
  async setAccountStore(tx: Tx, accountId: string, store: string): Promise<void> {
    await tx.run(`INSERT INTO "hub_account_stores" ("accountId", "store") VALUES (?, ?) ON CONFLICT DO NOTHING`, [
      accountId,
      store,
    ]);
  }

  async storeOfAccount(runner: SqlRunner, accountId: string): Promise<string | undefined> {
    const [row] = await runner.all<{ store: string }>(
      `SELECT "store" FROM "hub_account_stores" WHERE "accountId" = ?`,
      [accountId],
    );
    return row?.store;
  }

  async overdraft(tx: Tx, id: string): Promise<OverdraftEntity | undefined> {
    const [row] = await tx.all<OverdraftEntity>(`SELECT ${OVERDRAFT_COLUMNS} FROM "hub_overdrafts" WHERE "id" = ?`, [
      id,
    ]);
    return row;
  }

  /** The last change sequence of a store's journal (the end of a pull). */
  async storeEnd(store: string): Promise<number> {
    const [row] = await this.db.all<{ last: number | null }>(
      `SELECT MAX("hubSeq") AS "last" FROM "sync_journal" WHERE "store" = ?`,
      [store],
    );
    return Number(row?.last ?? 0);
  }

  /** Per origin, what of a store's journal up to a cursor the hub holds. */
  storeDigest(store: string, cursor: number): Promise<OriginDigest[]> {
    return this.db.all<OriginDigest>(
      `SELECT j."origin" AS "origin", c."count" AS "count", j."seq" AS "lastSeq", j."hash" AS "head"
       FROM (SELECT "origin", COUNT(*) AS "count", MAX("seq") AS "lastSeq" FROM "sync_journal"
             WHERE "store" = ? AND "hubSeq" <= ? GROUP BY "origin") c
       JOIN "sync_journal" j ON j."origin" = c."origin" AND j."seq" = c."lastSeq"
       ORDER BY j."origin"`,
      [store, cursor],
    );
  }

  /** Of these accounts, those below zero or with an open overdraft. */
  async overdraftCandidates(tx: Tx, accountIds: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    for (const group of groups(accountIds)) {
      const rows = await tx.all<{ id: string }>(
        `SELECT a."id" AS "id" FROM "accounts" a
         WHERE a."id" IN (${group.map(() => '?').join(', ')})
           AND (a."balance" < 0 OR EXISTS (
             SELECT 1 FROM "hub_overdrafts" o WHERE o."accountId" = a."id" AND o."resolvedAt" IS NULL))`,
        group,
      );
      found.push(...rows.map((row) => row.id));
    }
    return found;
  }

  async openOverdraft(tx: Tx, accountId: string): Promise<OverdraftEntity | undefined> {
    const [row] = await tx.all<OverdraftEntity>(
      `SELECT ${OVERDRAFT_COLUMNS} FROM "hub_overdrafts" WHERE "accountId" = ? AND "resolvedAt" IS NULL`,
      [accountId],
    );
    return row;
  }

  async saveOverdraft(tx: Tx, overdraft: OverdraftEntity): Promise<void> {
    const values = inOrder(OVERDRAFT_COLUMNS, overdraft);
    await tx.run(
      `INSERT INTO "hub_overdrafts" (${OVERDRAFT_COLUMNS}) VALUES (${values.map(() => '?').join(', ')})
       ON CONFLICT ("id") DO UPDATE SET "amount" = excluded."amount", "entries" = excluded."entries",
         "kiosks" = excluded."kiosks", "resolvedAt" = excluded."resolvedAt", "resolution" = excluded."resolution",
         "resolutionReason" = excluded."resolutionReason", "resolvedBy" = excluded."resolvedBy"`,
      values,
    );
  }

  /** Every overdraft with its account's name and balance now, newest first; only one when `id` is given. */
  overdrafts(id?: string): Promise<(OverdraftEntity & { accountName: string; balance: number })[]> {
    return this.db.all(
      `SELECT ${OVERDRAFT_COLUMNS.replace(/"(\w+)"/g, 'o."$1"')}, a."name" AS "accountName", a."balance" AS "balance"
       FROM "hub_overdrafts" o JOIN "accounts" a ON a."id" = o."accountId"
       ${id === undefined ? '' : 'WHERE o."id" = ?'} ORDER BY o."openedAt" DESC`,
      id === undefined ? [] : [id],
    );
  }
}
