import { Injectable } from '@nestjs/common';
import { maskName } from '@kiosk/hardware';
import { CardsService } from '../cards/cards.service';
import { DomainError } from '../common/domain-error';
import { toLedgerEntryResponse } from '../ledger/dto/ledger-entry.mapper';
import type { AccountEntity } from '../ledger/account.entity';
import { LedgerService } from '../ledger/ledger.service';
import {
  LOOKUP_ENTRIES,
  MEMBER_LIST_DEFAULT,
  type MemberAccountResponse,
  type MemberDetail,
  type MemberListItem,
  type MemberLookupResponse,
} from './dto/member-admin.dto';
import { MemberRepository } from './member.repository';

export function toMemberAccount(account: AccountEntity): MemberAccountResponse {
  return { id: account.id, kind: account.kind, name: account.name, balance: account.balance };
}

/** What staff look up about members: the search list, one member's page, a scanned card's passbook. */
@Injectable()
export class MemberDirectory {
  constructor(
    private readonly repository: MemberRepository,
    private readonly ledger: LedgerService,
    private readonly cards: CardsService,
  ) {}

  /** Newest first; `q` is a case-insensitive part of a name, a household label or any card number. */
  async list(q = '', limit = MEMBER_LIST_DEFAULT, household?: string): Promise<MemberListItem[]> {
    // registration stores the label trimmed and NFC-normalised: compare it the same way
    const label = household?.trim().normalize('NFC');
    const rows = label
      ? await this.repository.inHousehold(label, limit)
      : await this.repository.list(q.trim().toLowerCase(), limit);
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
    const member = await this.repository.find(memberId);
    if (!member) throw DomainError.notFound('MEMBER_NOT_FOUND', 'No such member.');
    const account = await this.ledger.account(member.accountId);
    const household = await this.repository.onAccount(account.id);
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
    const { account, entries } = await this.ledger.passbook(member.accountId, LOOKUP_ENTRIES);
    const shown = toMemberAccount(account);
    return {
      member: { id: member.id, displayName: maskName(member.name) },
      // A person's own account is named after the person: masked like the member.
      account: account.kind === 'person' ? { ...shown, name: maskName(shown.name) } : shown,
      entries: entries.map(toLedgerEntryResponse),
    };
  }
}
