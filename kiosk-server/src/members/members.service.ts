import { Injectable } from '@nestjs/common';
import { maskName } from '@kiosk/hardware';
import { AuditTrailService, changedFields } from '../audit/audit-trail.service';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { CardsService, type IssuedCard } from '../cards/cards.service';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import type { AccountEntity } from '../ledger/account.entity';
import { LedgerRepository } from '../ledger/ledger.repository';
import { LedgerService } from '../ledger/ledger.service';
import { SessionStore } from '../sessions/session.store';
import type { MemberSummary } from './dto/member.dto';
import type { MemberEntity } from './member.entity';
import { MemberRepository } from './member.repository';

export interface RegisteredMember {
  member: MemberEntity;
  account: AccountEntity;
  card: IssuedCard;
}

/** Where a member moves: an existing household account, or a household by its label. */
export interface MoveTarget {
  accountId?: string;
  newHousehold?: string;
  transferBalance?: boolean;
}

export function toMemberSummary(member: MemberEntity): MemberSummary {
  return {
    id: member.id,
    name: member.name,
    displayName: maskName(member.name),
    household: member.household,
    accountId: member.accountId,
  };
}

/** How an account is named in a message: a household by its label, a person's account without the full name. */
function accountLabel(account: AccountEntity): string {
  return account.kind === 'household' ? `household ${account.name}` : `the own account of ${maskName(account.name)}`;
}

/** Registering members, renaming them, moving them between households and reissuing their cards. */
@Injectable()
export class MembersService {
  constructor(
    private readonly writes: WriteQueue,
    private readonly repository: MemberRepository,
    private readonly accounts: LedgerRepository,
    private readonly cards: CardsService,
    private readonly ledger: LedgerService,
    private readonly trail: AuditTrailService,
    private readonly sessions: SessionStore,
  ) {}

  register(name: string, household: string | undefined, actor: string, cardNo?: string): Promise<RegisteredMember> {
    return this.writes.run(async (tx) => {
      const registered = await this.registerIn(tx, name.trim(), household?.trim(), cardNo);
      await this.trail.record(tx, {
        actor,
        action: 'member.register',
        entity: 'member',
        entityId: registered.member.id,
        after: {
          name: registered.member.name,
          household: registered.member.household,
          accountId: registered.account.id,
          cardNo: registered.card.cardNo,
        },
      });
      return registered;
    });
  }

  async reissueCard(memberId: string, actor: string): Promise<IssuedCard> {
    const issued = await this.writes.run(async (tx) => {
      const member = await this.memberIn(tx, memberId);
      const previous = await this.cards.activeCardOf(tx, member.id);
      const card = await this.cards.issue(tx, member.id);
      await this.trail.record(tx, {
        actor,
        action: 'card.reissue',
        entity: 'card',
        entityId: card.cardNo,
        before: { cardNo: previous?.cardNo ?? null },
        after: { cardNo: card.cardNo, memberId: member.id },
      });
      return card;
    });
    this.sessions.endResidents((session) => session.memberId === memberId && session.cardNo !== issued.cardNo);
    return issued;
  }

  /** Renames a member; a person's own account carries the person's name, so it follows. */
  update(memberId: string, changes: { name?: string }, actor: string): Promise<void> {
    return this.writes.run(async (tx) => {
      const member = await this.memberIn(tx, memberId);
      const name = changes.name?.trim() ?? member.name;
      const diff = changedFields({ name: member.name }, { name });
      if (!diff) return;
      await this.repository.rename(tx, member.id, name);
      const account = await this.accountIn(tx, member.accountId);
      if (account.kind === 'person') await this.accounts.renameAccount(tx, account.id, name);
      await this.trail.record(tx, {
        actor,
        action: 'member.update',
        entity: 'member',
        entityId: member.id,
        ...diff,
      });
    });
  }

  /**
   * Moves a member to another household account. Points belong to the account: they stay with the
   * members left behind; only when nobody is left may the balance move along (transferBalance),
   * as two adjust entries in the same transaction, so no points are stranded or created.
   */
  async move(memberId: string, target: MoveTarget, actor: string): Promise<void> {
    if (Boolean(target.accountId) === Boolean(target.newHousehold?.trim())) {
      throw DomainError.validation('Give exactly one of accountId or newHousehold.');
    }
    await this.writes.run(async (tx) => {
      const member = await this.memberIn(tx, memberId);
      const source = await this.accountIn(tx, member.accountId);
      const destination = await this.destinationIn(tx, target);
      if (destination.account.id === source.id) {
        throw DomainError.conflict(
          'SAME_ACCOUNT',
          `${maskName(member.name)} already belongs to ${accountLabel(source)}.`,
        );
      }
      const membersOnSource = await this.repository.countOnAccount(tx, source.id);
      const stranded = membersOnSource === 1 && source.balance > 0 ? source.balance : 0;
      if (stranded > 0 && !target.transferBalance) {
        throw DomainError.conflict(
          'ACCOUNT_NOT_EMPTY',
          `${maskName(member.name)} is the last member of ${accountLabel(source)}, which still holds ${stranded} points: move them along (transferBalance) or spend them first.`,
        );
      }
      if (!destination.saved) await this.accounts.insertAccount(tx, destination.account);
      if (stranded > 0) await this.transferIn(tx, member, source, destination.account, stranded, actor);
      await this.repository.moveTo(tx, member.id, destination.account.id, destination.account.name);
      await this.trail.record(tx, {
        actor,
        action: 'member.move',
        entity: 'member',
        entityId: member.id,
        before: { accountId: source.id, household: member.household, accountName: source.name },
        after: {
          accountId: destination.account.id,
          household: destination.account.name,
          accountName: destination.account.name,
          transferredPoints: stranded,
        },
      });
    });
    // An open kiosk session would otherwise keep spending from the old account.
    this.sessions.endResidents((session) => session.memberId === memberId);
  }

  private async transferIn(
    tx: Tx,
    member: MemberEntity,
    source: AccountEntity,
    destination: AccountEntity,
    points: number,
    actor: string,
  ): Promise<void> {
    const who = maskName(member.name);
    await this.ledger.post(tx, {
      accountId: source.id,
      delta: -points,
      kind: 'adjust',
      reason: `迁户转出：${who} 转入 ${destination.name}`,
      actor,
      refId: `member:${member.id}`,
    });
    await this.ledger.post(tx, {
      accountId: destination.id,
      delta: points,
      kind: 'adjust',
      reason: `迁户转入：${who} 来自 ${source.kind === 'household' ? source.name : '个人账户'}`,
      actor,
      refId: `member:${member.id}`,
    });
  }

  /** The account to move to; a household label with no account yet gives a new, unsaved one. */
  private async destinationIn(tx: Tx, target: MoveTarget): Promise<{ account: AccountEntity; saved: boolean }> {
    if (target.accountId) {
      const account = await this.accounts.account(target.accountId, tx);
      if (!account) throw DomainError.notFound('ACCOUNT_NOT_FOUND', 'No such account.');
      if (account.kind !== 'household') {
        throw DomainError.conflict(
          'NOT_A_HOUSEHOLD',
          `${accountLabel(account)} belongs to one person; choose a household or give a new household label.`,
        );
      }
      return { account, saved: true };
    }
    const label = target.newHousehold!.trim();
    const existing = await this.accounts.householdByLabel(tx, label);
    if (existing) return { account: existing, saved: true };
    return { account: newAccount('household', label), saved: false };
  }

  private async memberIn(tx: Tx, memberId: string): Promise<MemberEntity> {
    const member = await this.repository.find(memberId, tx);
    if (!member) throw DomainError.notFound('MEMBER_NOT_FOUND', 'No such member.');
    return member;
  }

  /** A member's own account: the foreign key guarantees it exists. */
  private async accountIn(tx: Tx, accountId: string): Promise<AccountEntity> {
    const account = await this.accounts.account(accountId, tx);
    if (!account) throw new Error(`account ${accountId} is missing`);
    return account;
  }

  private async registerIn(
    tx: Tx,
    name: string,
    household: string | undefined,
    cardNo: string | undefined,
  ): Promise<RegisteredMember> {
    const now = new Date().toISOString();
    let account = household ? await this.accounts.householdByLabel(tx, household) : undefined;
    if (!account) {
      account = newAccount(household ? 'household' : 'person', household ?? name, now);
      await this.accounts.insertAccount(tx, account);
    }
    const member: MemberEntity = {
      id: uuidv7(),
      accountId: account.id,
      name,
      household: household ?? null,
      createdAt: now,
    };
    await this.repository.insert(tx, member);
    const card = await this.cards.issue(tx, member.id, cardNo);
    return { member, account, card };
  }
}

function newAccount(kind: AccountEntity['kind'], name: string, now = new Date().toISOString()): AccountEntity {
  return { id: uuidv7(), kind, name, balance: 0, createdAt: now };
}
