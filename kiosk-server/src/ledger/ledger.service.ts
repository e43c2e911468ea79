import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { SettingsService } from '../settings/settings.service';
import { AccountEntity } from './account.entity';
import { LedgerEntryEntity, type LedgerKind } from './ledger-entry.entity';
import { GENESIS_HASH, hashLedgerEntry } from './ledger-hash';
import { sqlAll, sqlRun } from '../database/sql';

export interface LedgerPosting {
  accountId: string;
  delta: number;
  kind: LedgerKind;
  reason: string;
  actor: string;
  refId?: string | null;
  /** Only the seed back-dates entries; everything else happens now. */
  at?: Date;
}

export interface LedgerVerification {
  ok: boolean;
  entries: number;
  firstBadEntryId?: string;
  problem?: string;
}

/**
 * The only code that changes a balance: it appends a hash-chained entry and moves the cached
 * balance in the caller's transaction, so both commit or neither does.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  async post(manager: EntityManager, posting: LedgerPosting): Promise<LedgerEntryEntity> {
    if (!Number.isInteger(posting.delta) || posting.delta === 0) {
      throw DomainError.validation('A ledger entry moves a whole, non-zero number of points.');
    }
    const balanceAfter = await moveBalance(manager, posting.accountId, posting.delta);
    const kioskId = this.settings.kioskId;
    const [last] = await sqlAll<{ seq: number; hash: string }>(
      manager,
      `SELECT "seq", "hash" FROM "ledger_entries" WHERE "kioskId" = ? ORDER BY "seq" DESC LIMIT 1`,
      [kioskId],
    );
    const unsigned: Omit<LedgerEntryEntity, 'hash'> = {
      id: uuidv7(),
      accountId: posting.accountId,
      delta: posting.delta,
      balanceAfter,
      kind: posting.kind,
      reason: posting.reason,
      actor: posting.actor,
      kioskId,
      seq: (last?.seq ?? 0) + 1,
      refId: posting.refId ?? null,
      createdAt: (posting.at ?? new Date()).toISOString(),
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const entry: LedgerEntryEntity = { ...unsigned, hash: hashLedgerEntry(unsigned) };
    await insertEntry(manager, entry);
    return entry;
  }

  async account(accountId: string): Promise<AccountEntity> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: accountId });
    if (!account) throw DomainError.notFound('ACCOUNT_NOT_FOUND', 'No such account.');
    return account;
  }

  async passbook(accountId: string): Promise<{ account: AccountEntity; entries: LedgerEntryEntity[] }> {
    const account = await this.account(accountId);
    const entries = await this.dataSource
      .getRepository(LedgerEntryEntity)
      .find({ where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { account, entries };
  }

  /**
   * Recomputes every kiosk's hash chain and every account's balance. A changed entry breaks its
   * own hash, a removed one breaks the next entry's link or the sequence, and a removed last
   * entry leaves its account's balance unequal to the sum of the ledger.
   */
  async verify(): Promise<LedgerVerification> {
    const entries = await this.dataSource
      .getRepository(LedgerEntryEntity)
      .find({ order: { kioskId: 'ASC', seq: 'ASC' } });
    const sums = new Map<string, number>();
    let previous: LedgerEntryEntity | undefined;
    for (const entry of entries) {
      const first = !previous || previous.kioskId !== entry.kioskId;
      const expectedSeq = first ? 1 : previous!.seq + 1;
      const expectedPrev = first ? GENESIS_HASH : previous!.hash;
      const bad = (problem: string): LedgerVerification => ({
        ok: false,
        entries: entries.length,
        firstBadEntryId: entry.id,
        problem,
      });
      if (entry.seq !== expectedSeq) return bad(`sequence gap before ${entry.kioskId}#${entry.seq}`);
      if (entry.prevHash !== expectedPrev) return bad(`broken link at ${entry.kioskId}#${entry.seq}`);
      if (hashLedgerEntry(entry) !== entry.hash) return bad(`altered entry ${entry.kioskId}#${entry.seq}`);
      sums.set(entry.accountId, (sums.get(entry.accountId) ?? 0) + entry.delta);
      previous = entry;
    }
    const accounts = await this.dataSource.getRepository(AccountEntity).find();
    for (const account of accounts) {
      if ((sums.get(account.id) ?? 0) !== account.balance) {
        return {
          ok: false,
          entries: entries.length,
          problem: `account ${account.id} balance ${account.balance} differs from its ledger sum ${sums.get(account.id) ?? 0}`,
        };
      }
    }
    return { ok: true, entries: entries.length };
  }
}

/** The guarded balance change and its result in one statement; a refusal reads why. */
async function moveBalance(manager: EntityManager, accountId: string, delta: number): Promise<number> {
  const [moved] = await sqlAll<{ balance: number }>(
    manager,
    `UPDATE "accounts" SET "balance" = "balance" + ? WHERE "id" = ? AND "balance" + ? >= 0 RETURNING "balance"`,
    [delta, accountId, delta],
  );
  if (moved) return moved.balance;
  const [account] = await sqlAll<{ balance: number }>(manager, `SELECT "balance" FROM "accounts" WHERE "id" = ?`, [
    accountId,
  ]);
  if (!account) throw DomainError.notFound('ACCOUNT_NOT_FOUND', 'No such account.');
  throw DomainError.conflict(
    'INSUFFICIENT_POINTS',
    `The balance of ${account.balance} points does not cover ${-delta} points.`,
  );
}

function insertEntry(manager: EntityManager, entry: LedgerEntryEntity): Promise<number> {
  return sqlRun(
    manager,
    `INSERT INTO "ledger_entries" ("id", "accountId", "delta", "balanceAfter", "kind", "reason", "actor", "kioskId",
       "seq", "refId", "createdAt", "prevHash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
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
    ],
  );
}
