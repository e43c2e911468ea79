import { Injectable } from '@nestjs/common';
import { maskName } from '@kiosk/hardware';
import { DataSource } from 'typeorm';
import { CardEntity } from '../cards/card.entity';
import { CardsService } from '../cards/cards.service';
import { DomainError } from '../common/domain-error';
import { toLedgerEntryResponse } from '../ledger/dto/ledger-entry.mapper';
import { AccountEntity } from '../ledger/account.entity';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import {
  LOOKUP_ENTRIES,
  MEMBER_LIST_DEFAULT,
  type MemberAccountResponse,
  type MemberDetail,
  type MemberListItem,
  type MemberLookupResponse,
} from './dto/member-admin.dto';
import { MemberEntity } from './member.entity';

interface MemberRow {
  id: string;
  name: string;
  household: string | null;
  accountId: string;
  accountKind: string;
  accountName: string;
  balance: number;
  cardNo: string | null;
}

export function toMemberAccount(account: AccountEntity): MemberAccountResponse {
  return { id: account.id, kind: account.kind, name: account.name, balance: account.balance };
}

/** What staff look up about members: the search list, one member's page, a scanned card's passbook. */
@Injectable()
export class MemberDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: CardsService,
  ) {}

  /** Newest first; `q` is a case-insensitive part of a name, a household label or any card number. */
  async list(q = '', limit = MEMBER_LIST_DEFAULT): Promise<MemberListItem[]> {
    const query = this.dataSource
      .createQueryBuilder(MemberEntity, 'member')
      .innerJoin(AccountEntity, 'account', 'account.id = member.accountId')
      .leftJoin(CardEntity, 'card', `card.memberId = member.id AND card.status = 'active'`)
      .select([
        'member.id AS id',
        'member.name AS name',
        'member.household AS household',
        'account.id AS accountId',
        'account.kind AS accountKind',
        'account.name AS accountName',
        'account.balance AS balance',
        'card.cardNo AS cardNo',
      ])
      .orderBy('member.createdAt', 'DESC')
      .addOrderBy('member.id', 'DESC')
      .limit(limit);
    const needle = q.trim().toLowerCase();
    if (needle) {
      // instr() instead of LIKE: a typed % or _ is a character, not a wildcard.
      query.where(
        `(instr(lower(member.name), :needle) > 0
          OR instr(lower(coalesce(member.household, '')), :needle) > 0
          OR EXISTS (SELECT 1 FROM cards c WHERE c.memberId = member.id AND instr(c.cardNo, :needle) > 0))`,
        { needle },
      );
    }
    const rows = await query.getRawMany<MemberRow>();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      displayName: maskName(row.name),
      household: row.household,
      account: { id: row.accountId, kind: row.accountKind, name: row.accountName, balance: Number(row.balance) },
      cardNo: row.cardNo,
    }));
  }

  async detail(memberId: string): Promise<MemberDetail> {
    const member = await this.dataSource.getRepository(MemberEntity).findOneBy({ id: memberId });
    if (!member) throw DomainError.notFound('MEMBER_NOT_FOUND', 'No such member.');
    const account = await this.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: member.accountId });
    const household = await this.dataSource
      .getRepository(MemberEntity)
      .find({ where: { accountId: account.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const cards = await this.cards.history(member.id);
    return {
      member: {
        id: member.id,
        name: member.name,
        displayName: maskName(member.name),
        household: member.household,
        createdAt: member.createdAt,
      },
      account: toMemberAccount(account),
      householdMembers: household.map((m) => ({ id: m.id, name: m.name, displayName: maskName(m.name) })),
      cards: cards.map((card) => ({
        cardNo: card.cardNo,
        status: card.status,
        issuedAt: card.issuedAt,
        revokedAt: card.revokedAt,
      })),
    };
  }

  /** A volunteer helping a resident: the scanned card's member (masked) and the newest passbook entries. */
  async lookup(qr: string): Promise<MemberLookupResponse> {
    const { member } = await this.cards.scan(qr);
    const account = await this.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: member.accountId });
    const entries = await this.dataSource.getRepository(LedgerEntryEntity).find({
      where: { accountId: account.id },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: LOOKUP_ENTRIES,
    });
    const shown = toMemberAccount(account);
    return {
      member: { id: member.id, displayName: maskName(member.name) },
      // A person's own account is named after the person: masked like the member.
      account: account.kind === 'person' ? { ...shown, name: maskName(shown.name) } : shown,
      entries: entries.map(toLedgerEntryResponse),
    };
  }
}
