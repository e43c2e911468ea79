import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { SqlRunner, Tx } from '../database/sql-runner';
import type { AccountEntity, AccountKind } from './account.entity';
import type { LedgerEntryEntity } from './ledger-entry.entity';

const ENTRY_COLUMNS = `"id", "accountId", "delta", "balanceAfter", "kind", "reason", "actor", "kioskId", "seq", "refId",
  "createdAt", "prevHash", "hash"`;
const ACCOUNT_COLUMNS = `"id", "kind", "name", "balance", "createdAt"`;
/** The entry columns of `e`, where a query joins entries with their account. */
const ENTRY_COLUMNS_OF_E = ENTRY_COLUMNS.replace(/"(\w+)"/g, 'e."$1"');

/** A passbook line: the entry and, where this kiosk's staff made it, their display name. */
export type PassbookEntry = LedgerEntryEntity & { actorName: string | null };

interface PassbookRow extends PassbookEntry {
  accountKind: AccountKind;
  accountName: string;
  accountBalance: number;
  accountCreatedAt: string;
}

/** The points tables: accounts (the cached balances) and the append-only, hash-chained ledger. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly db: Database) {}

  /**
   * Moves a balance and gives the new balance in the same statement; undefined when refused (no
   * such account, or a deduction the balance does not cover). An award is never refused, even on
   * an account that a merge left below zero (it may stay below zero after it).
   */
  async moveBalance(tx: Tx, accountId: string, delta: number): Promise<number | undefined> {
    const [moved] = await tx.all<{ balance: number }>(
      `UPDATE "accounts" SET "balance" = "balance" + ? WHERE "id" = ? AND (? > 0 OR "balance" + ? >= 0)
       RETURNING "balance"`,
      [delta, accountId, delta, delta],
    );
    return moved?.balance;
  }

  /** The newest entry of a kiosk's chain: what the next entry numbers and links from. */
  async lastOfChain(tx: Tx, kioskId: string): Promise<{ seq: number; hash: string } | undefined> {
    const [last] = await tx.all<{ seq: number; hash: string }>(
      `SELECT "seq", "hash" FROM "ledger_entries" WHERE "kioskId" = ? ORDER BY "seq" DESC LIMIT 1`,
      [kioskId],
    );
    return last;
  }

  async insertEntry(tx: Tx, entry: LedgerEntryEntity): Promise<void> {
    await tx.run(`INSERT INTO "ledger_entries" (${ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      entry.id,
      entry.accountId,
      entry.delta,
      entry.balanceAfter,
      entry.kind,
      entry.reason,
      entry.actor,
      entry.kioskId,
      entry.seq,
      entry.refId,
      entry.createdAt,
      entry.prevHash,
      entry.hash,
    ]);
    tx.changed('ledger_entries', entry);
  }

  /** An account as it is now; pass the write's `tx` to read inside it. */
  async account(id: string, runner: SqlRunner = this.db): Promise<AccountEntity | undefined> {
    const [account] = await runner.all<AccountEntity>(`SELECT ${ACCOUNT_COLUMNS} FROM "accounts" WHERE "id" = ?`, [id]);
    return account;
  }

  async householdByLabel(tx: Tx, label: string): Promise<AccountEntity | undefined> {
    const [account] = await tx.all<AccountEntity>(
      `SELECT ${ACCOUNT_COLUMNS} FROM "accounts" WHERE "kind" = ? AND "name" = ? ORDER BY "createdAt", "id" LIMIT 1`,
      ['household' satisfies AccountKind, label],
    );
    return account;
  }

  async insertAccount(tx: Tx, account: AccountEntity): Promise<void> {
    await tx.run(`INSERT INTO "accounts" (${ACCOUNT_COLUMNS}) VALUES (?, ?, ?, ?, ?)`, [
      account.id,
      account.kind,
      account.name,
      account.balance,
      account.createdAt,
    ]);
    tx.changed('accounts', account);
  }

  async renameAccount(tx: Tx, id: string, name: string): Promise<void> {
    const renamed = await tx.all<AccountEntity>(
      `UPDATE "accounts" SET "name" = ? WHERE "id" = ? RETURNING ${ACCOUNT_COLUMNS}`,
      [name, id],
    );
    for (const account of renamed) tx.changed('accounts', account);
  }

  /**
   * An account with its entries (all, oldest first; or the newest `limit`, newest first), in one
   * statement; the caller passes the write queue's `tx` so that no commit lands while it reads.
   */
  async passbook(
    tx: Tx,
    accountId: string,
    limit?: number,
  ): Promise<{ account: AccountEntity; entries: PassbookEntry[] } | undefined> {
    const order = limit === undefined ? `e."createdAt", e."id"` : `e."createdAt" DESC, e."id" DESC LIMIT ?`;
    const rows = await tx.all<PassbookRow>(
      `SELECT a."kind" AS "accountKind", a."name" AS "accountName", a."balance" AS "accountBalance",
         a."createdAt" AS "accountCreatedAt", ${ENTRY_COLUMNS_OF_E}, s."displayName" AS "actorName"
       FROM "accounts" a LEFT JOIN "ledger_entries" e ON e."accountId" = a."id"
       LEFT JOIN "staff" s ON e."actor" = 'staff:' || s."username"
       WHERE a."id" = ? ORDER BY ${order}`,
      limit === undefined ? [accountId] : [accountId, limit],
    );
    const [first] = rows;
    if (!first) return undefined;
    const account: AccountEntity = {
      id: accountId,
      kind: first.accountKind,
      name: first.accountName,
      balance: first.accountBalance,
      createdAt: first.accountCreatedAt,
    };
    const entries = rows
      .filter((row) => row.id !== null)
      .map(({ accountKind: _k, accountName: _n, accountBalance: _b, accountCreatedAt: _c, ...entry }) => entry);
    return { account, entries };
  }

  /** Whether anyone of this name ever posted an entry (the demo seed posts as `system:seed`). */
  async hasEntriesBy(actor: string): Promise<boolean> {
    const rows = await this.db.all<{ one: number }>(
      `SELECT 1 AS "one" FROM "ledger_entries" WHERE "actor" = ? LIMIT 1`,
      [actor],
    );
    return rows.length > 0;
  }

  /** Every entry, each kiosk's chain in order. */
  chains(runner: SqlRunner = this.db): Promise<LedgerEntryEntity[]> {
    return runner.all<LedgerEntryEntity>(`SELECT ${ENTRY_COLUMNS} FROM "ledger_entries" ORDER BY "kioskId", "seq"`);
  }

  accounts(runner: SqlRunner = this.db): Promise<AccountEntity[]> {
    return runner.all<AccountEntity>(`SELECT ${ACCOUNT_COLUMNS} FROM "accounts" ORDER BY "id"`);
  }
}
