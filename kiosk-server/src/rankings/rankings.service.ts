import { Injectable } from '@nestjs/common';
import { maskName, renderRankingPdf } from '@kiosk/hardware';
import { SettingsService } from '../settings/settings.service';
import type { RankingBasis } from './dto/ranking.dto';
import { type EarningRow, type RankedMemberRow, RankingsRepository } from './rankings.repository';

export interface RankingRow {
  rank: number;
  displayName: string;
  points: number;
}

export interface RankingMonth {
  year: number;
  /** 1–12. */
  month: number;
}

/** The most rows a printed notice lists. */
const NOTICE_ROWS = 500;

/** `YYYY-MM`, or the month of `at`. */
export function parseMonth(text: string | undefined, at = new Date()): RankingMonth {
  if (!text) return { year: at.getFullYear(), month: at.getMonth() + 1 };
  const [year, month] = text.split('-').map(Number) as [number, number];
  return { year, month };
}

/**
 * The public honour board (光荣榜 / 积分公示): points earned in a month, names masked.
 * By household, every account is one row (a household account, or a person on their own).
 * By member, an award counts for the person it names: the only member of the account, or the
 * member checked in at an event; an award to a shared household account that names nobody
 * counts for the household only, never guessed onto one of its members.
 */
@Injectable()
export class RankingsService {
  constructor(
    private readonly repository: RankingsRepository,
    private readonly settings: SettingsService,
  ) {}

  async month(by: RankingBasis, limit: number, month: RankingMonth): Promise<RankingRow[]> {
    const { from, to } = monthBounds(month);
    const earnings = await this.repository.earnings(from, to);
    if (earnings.length === 0) return [];
    const members = await this.repository.membersOfEarners(from, to);
    const tally = by === 'household' ? byHousehold(earnings, members) : byMember(earnings, members);
    return rank(tally).slice(0, limit);
  }

  /** The A4 notice of a month's ranking, every row that earned points. */
  async notice(by: RankingBasis, month: RankingMonth, printedAt = new Date()): Promise<Buffer> {
    const rows = await this.month(by, NOTICE_ROWS, month);
    return renderRankingPdf({ storeName: this.settings.current.storeName, ...month, by, rows, printedAt });
  }
}

/** The local calendar month as the instants [from, to), comparable with stored ISO timestamps. */
export function monthBounds({ year, month }: RankingMonth): { from: string; to: string } {
  return { from: new Date(year, month - 1, 1).toISOString(), to: new Date(year, month, 1).toISOString() };
}

export function byMember(earnings: EarningRow[], members: RankedMemberRow[]): Map<string, Tally> {
  const byId = new Map(members.map((m) => [m.id, m]));
  const onAccount = membersByAccount(members);
  const tally = new Map<string, Tally>();
  for (const earning of earnings) {
    const ofAccount = onAccount.get(earning.accountId) ?? [];
    const member = earning.memberId ? byId.get(earning.memberId) : ofAccount.length === 1 ? ofAccount[0] : undefined;
    if (!member) continue;
    const row = tally.get(member.id) ?? { key: member.id, displayName: maskName(member.name), points: 0 };
    row.points += earning.points;
    tally.set(member.id, row);
  }
  return tally;
}

export function byHousehold(earnings: EarningRow[], members: RankedMemberRow[]): Map<string, Tally> {
  const onAccount = membersByAccount(members);
  const tally = new Map<string, Tally>();
  for (const earning of earnings) {
    let row = tally.get(earning.accountId);
    if (!row) {
      // Named after its first member, as people know the household: 王*明家.
      const first = onAccount.get(earning.accountId)?.[0];
      const name = first ? maskName(first.name) : '—';
      const household = earning.accountKind === 'household';
      row = { key: earning.accountId, displayName: household ? `${name}家` : name, points: 0 };
      tally.set(earning.accountId, row);
    }
    row.points += earning.points;
  }
  return tally;
}

/** Each account's members in the order given (oldest first), built once: a district has a million. */
function membersByAccount(members: RankedMemberRow[]): Map<string, RankedMemberRow[]> {
  const onAccount = new Map<string, RankedMemberRow[]>();
  for (const member of members) {
    const list = onAccount.get(member.accountId);
    if (list) list.push(member);
    else onAccount.set(member.accountId, [member]);
  }
  return onAccount;
}

export interface Tally {
  key: string;
  displayName: string;
  points: number;
}

/** Most points first; equal points share a rank, as on a paper notice board (1, 2, 2, 4). */
function rank(tally: Map<string, Tally>): RankingRow[] {
  return rankTallies(tally).map(({ rank, displayName, points }) => ({ rank, displayName, points }));
}

/** `rank` with each row's tally key (member or account id), for callers that label rows further. */
export function rankTallies(tally: Map<string, Tally>): (RankingRow & { key: string })[] {
  const sorted = [...tally.values()]
    .filter((row) => row.points > 0)
    .sort((a, b) => b.points - a.points || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows: (RankingRow & { key: string })[] = [];
  sorted.forEach((row, index) => {
    const previous = rows[index - 1];
    const place = previous && previous.points === row.points ? previous.rank : index + 1;
    rows.push({ rank: place, displayName: row.displayName, points: row.points, key: row.key });
  });
  return rows;
}
