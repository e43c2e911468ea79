import { Injectable } from '@nestjs/common';
import { maskName } from '@kiosk/hardware';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { CardsService, type IssuedCard } from '../cards/cards.service';
import { WriteQueue } from '../database/write-queue';
import { AccountEntity } from '../ledger/account.entity';
import type { MemberSummary } from './dto/member.dto';
import { MemberEntity } from './member.entity';

export interface RegisteredMember {
  member: MemberEntity;
  account: AccountEntity;
  card: IssuedCard;
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

@Injectable()
export class MembersService {
  constructor(
    private readonly writes: WriteQueue,
    private readonly cards: CardsService,
  ) {}

  register(name: string, household?: string, cardNo?: string): Promise<RegisteredMember> {
    return this.writes.run((manager) => this.registerIn(manager, name.trim(), household?.trim(), cardNo));
  }

  async reissueCard(memberId: string): Promise<IssuedCard> {
    return this.writes.run(async (manager) => {
      const member = await manager.findOneBy(MemberEntity, { id: memberId });
      if (!member) throw DomainError.notFound('MEMBER_NOT_FOUND', 'No such member.');
      return this.cards.issue(manager, member.id);
    });
  }

  private async registerIn(
    manager: EntityManager,
    name: string,
    household: string | undefined,
    cardNo: string | undefined,
  ): Promise<RegisteredMember> {
    const now = new Date().toISOString();
    let account = household ? await manager.findOneBy(AccountEntity, { kind: 'household', name: household }) : null;
    if (!account) {
      account = manager.create(AccountEntity, {
        id: uuidv7(),
        kind: household ? 'household' : 'person',
        name: household ?? name,
        balance: 0,
        createdAt: now,
      });
      await manager.insert(AccountEntity, account);
    }
    const member = manager.create(MemberEntity, {
      id: uuidv7(),
      accountId: account.id,
      name,
      household: household ?? null,
      createdAt: now,
    });
    await manager.insert(MemberEntity, member);
    const card = await this.cards.issue(manager, member.id, cardNo);
    return { member, account, card };
  }
}
