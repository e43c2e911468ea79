import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import { SettingsService } from '../settings/settings.service';
import type { AccountEntity } from './account.entity';
import type { LedgerEntryEntity, LedgerKind } from './ledger-entry.entity';
import { checkLedger, GENESIS_HASH, hashLedgerEntry, type LedgerVerification } from './ledger-hash';
import { LedgerRepository, type PassbookEntry } from './ledger.repository';

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

/**
 * The only code that changes a balance: it appends a hash-chained entry and moves the cached
 * balance in the caller's transaction, so both commit or neither does.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly repository: LedgerRepository,
    private readonly settings: SettingsService,
    private readonly writes: WriteQueue,
  ) {}

  /** Three statements: the guarded balance move, the chain's last link, the new entry. */
  async post(tx: Tx, posting: LedgerPosting): Promise<LedgerEntryEntity> {
    if (!Number.isInteger(posting.delta) || posting.delta === 0) {
      throw DomainError.validation('A ledger entry moves a whole, non-zero number of points.');
    }
    const balanceAfter = await this.repository.moveBalance(tx, posting.accountId, posting.delta);
    if (balanceAfter === undefined) throw await this.refusal(tx, posting);
    const kioskId = this.settings.kioskId;
    const last = await this.repository.lastOfChain(tx, kioskId);
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
    await this.repository.insertEntry(tx, entry);
    return entry;
  }

  async account(accountId: string): Promise<AccountEntity> {
    const account = await this.repository.account(accountId);
    if (!account) throw DomainError.notFound('ACCOUNT_NOT_FOUND', 'No such account.');
    return account;
  }

  /**
   * An account and its entries: every one, oldest first, or the newest `limit`, newest first.
   * Entries from release 0.1 keep their refIds as they were (`activity:<number>`); the passbook
   * shows refIds as stored and never resolves them.
   */
  async passbook(accountId: string, limit?: number): Promise<{ account: AccountEntity; entries: PassbookEntry[] }> {
    // On SQLite reads share the connection with the write queue's open batch, so even one
    // statement can see a redemption land half-way; in the queue no write runs while it reads.
    const passbook = await this.writes.run((tx) => this.repository.passbook(tx, accountId, limit));
    if (!passbook) throw DomainError.notFound('ACCOUNT_NOT_FOUND', 'No such account.');
    return passbook;
  }

  /**
   * Every kiosk's hash chain and every account's balance, recomputed (see `checkLedger`).
   * Entries and balances are read in the write queue, so no redemption commits between the two
   * reads (which would look like a balance that differs from its ledger); the check holds writes
   * back for as long as the reads take.
   */
  async verify(): Promise<LedgerVerification> {
    const { entries, accounts } = await this.writes.run(async (tx) => ({
      entries: await this.repository.chains(tx),
      accounts: await this.repository.accounts(tx),
    }));
    return checkLedger(entries, accounts);
  }

  /** Why a guarded balance move was refused: no such account, or too few points. */
  private async refusal(tx: Tx, posting: LedgerPosting): Promise<DomainError> {
    const account = await this.repository.account(posting.accountId, tx);
    if (!account) return DomainError.notFound('ACCOUNT_NOT_FOUND', 'No such account.');
    return DomainError.conflict(
      'INSUFFICIENT_POINTS',
      `The balance of ${account.balance} points does not cover ${-posting.delta} points.`,
      { balance: account.balance, required: -posting.delta },
    );
  }
}
