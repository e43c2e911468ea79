import { Injectable } from '@nestjs/common';
import { maskName } from '@kiosk/hardware';
import { DataSource } from 'typeorm';
import { monthRange } from '../common/time';
import { AccountEntity } from '../ledger/account.entity';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { MemberEntity } from '../members/member.entity';

export interface RankingRow {
  rank: number;
  displayName: string;
  points: number;
}

/** The public honour board (光荣榜): points earned this month, names masked. */
@Injectable()
export class RankingsService {
  constructor(private readonly dataSource: DataSource) {}

  async month(limit: number, at = new Date()): Promise<RankingRow[]> {
    const { from, to } = monthRange(at);
    const rows = await this.dataSource
      .createQueryBuilder(LedgerEntryEntity, 'entry')
      .innerJoin(AccountEntity, 'account', 'account.id = entry.accountId')
      .select(['entry.accountId AS accountId', 'account.kind AS kind', 'SUM(entry.delta) AS points'])
      .where(`entry.kind = 'award' AND entry.createdAt >= :from AND entry.createdAt < :to`, { from, to })
      .groupBy('entry.accountId')
      .addGroupBy('account.kind')
      .orderBy('points', 'DESC')
      .addOrderBy('entry.accountId', 'ASC')
      .limit(limit)
      .getRawMany<{ accountId: string; kind: string; points: number }>();
    const ranking: RankingRow[] = [];
    let previous: number | undefined;
    for (const [index, row] of rows.entries()) {
      const first = await this.dataSource
        .getRepository(MemberEntity)
        .findOne({ where: { accountId: row.accountId }, order: { createdAt: 'ASC' } });
      const name = first ? maskName(first.name) : '—';
      const points = Number(row.points);
      // Equal points share a rank, as on a paper notice board.
      const rank = previous === points ? ranking[index - 1]!.rank : index + 1;
      ranking.push({ rank, displayName: row.kind === 'household' ? `${name}家` : name, points });
      previous = points;
    }
    return ranking;
  }
}
