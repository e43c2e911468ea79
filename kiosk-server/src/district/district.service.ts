import { Injectable } from '@nestjs/common';
import { renderRankingPdf, renderSettlementPdf, type SettlementSheet } from '@kiosk/hardware';
import { DomainError } from '../common/domain-error';
import { toCsv } from '../exports/csv';
import type { RankingBasis } from '../rankings/dto/ranking.dto';
import { byHousehold, byMember, monthBounds, type RankingMonth, rankTallies } from '../rankings/rankings.service';
import type { DistrictRankingRowResponse, SettlementEntryLineResponse, SettlementResponse } from './dto/district.dto';
import { DistrictRepository } from './district.repository';

export interface Quarter {
  year: number;
  /** 1–4. */
  quarter: number;
}

/** What the district's notice and the pickers call the whole district. */
export const DISTRICT_NAME = '全区';

/** The most rows a printed notice lists (as the kiosk's own notice). */
const NOTICE_ROWS = 500;

/** `YYYY-Qn`, or the quarter of `at`. */
export function parseQuarter(text: string | undefined, at = new Date()): Quarter {
  if (!text) return { year: at.getFullYear(), quarter: Math.floor(at.getMonth() / 3) + 1 };
  const [year, quarter] = text.split('-Q').map(Number) as [number, number];
  return { year, quarter };
}

export function quarterName({ year, quarter }: Quarter): string {
  return `${year}-Q${quarter}`;
}

/** The local calendar quarter as the instants [from, to), like the ranking's months. */
export function quarterBounds({ year, quarter }: Quarter): { from: string; to: string } {
  return {
    from: new Date(year, (quarter - 1) * 3, 1).toISOString(),
    to: new Date(year, quarter * 3, 1).toISOString(),
  };
}

/** Names of entry kinds on paper; an award without an activity is a plain award. */
const KIND_LABELS: Record<string, string> = {
  award: '其他奖励',
  adjust: '扣减与调整',
  redeem: '兑换',
  void: '作废退回',
};

export function entryLabel(line: Pick<SettlementEntryLineResponse, 'kind' | 'activityName'>): string {
  return line.activityName ?? KIND_LABELS[line.kind] ?? line.kind;
}

/**
 * The hub's month and quarter end: the district's ranking (公示) with the kiosk's ranking rules,
 * per store or across the district, and a store's quarterly settlement (季度结算) of goods and points.
 */
@Injectable()
export class DistrictService {
  constructor(private readonly repository: DistrictRepository) {}

  /** A store name typed into a script must not give an empty report that looks like a quiet quarter. */
  private async knownStore(store: string): Promise<void> {
    if (!(await this.repository.hasStore(store))) {
      throw DomainError.notFound('STORE_NOT_FOUND', `The hub has no kiosk of a store named ${store}.`);
    }
  }

  async stores(): Promise<{ store: string }[]> {
    return (await this.repository.stores()).sort(byText((store) => store)).map((store) => ({ store }));
  }

  /** One store's ranking, or (store null) the district's, each row naming the store of its account. */
  async ranking(
    by: RankingBasis,
    limit: number,
    month: RankingMonth,
    store: string | null,
  ): Promise<DistrictRankingRowResponse[]> {
    if (store !== null) await this.knownStore(store);
    const { from, to } = monthBounds(month);
    const earnings = await this.repository.earnings(from, to, store);
    if (earnings.length === 0) return [];
    const members = await this.repository.membersOfEarners(from, to, store);
    const storeOfAccount = new Map(earnings.map((earning) => [earning.accountId, earning.store]));
    const accountOfMember = new Map(members.map((member) => [member.id, member.accountId]));
    const tally = by === 'household' ? byHousehold(earnings, members) : byMember(earnings, members);
    return rankTallies(tally)
      .slice(0, limit)
      .map(({ key, ...row }) => ({
        ...row,
        store: storeOfAccount.get(by === 'household' ? key : (accountOfMember.get(key) ?? '')) ?? '',
      }));
  }

  /** The A4 notice: titled with the store, or 全区 with a store column. */
  async rankingPdf(
    by: RankingBasis,
    month: RankingMonth,
    store: string | null,
    printedAt = new Date(),
  ): Promise<Buffer> {
    const rows = await this.ranking(by, NOTICE_ROWS, month, store);
    return renderRankingPdf({
      storeName: store ?? DISTRICT_NAME,
      ...month,
      by,
      rows: store === null ? rows : rows.map(({ store: _store, ...row }) => row),
      printedAt,
    });
  }

  async settlement(store: string, quarter: Quarter): Promise<SettlementResponse> {
    await this.knownStore(store);
    const { from, to } = quarterBounds(quarter);
    const [redeemed, voids, groups, movements] = await Promise.all([
      this.repository.redeemedProducts(store, from, to),
      this.repository.voids(store, from, to),
      this.repository.entryGroups(store, from, to),
      this.repository.receivedMovements(store, from, to),
    ]);
    const receivedBy = new Map<string, number>();
    for (const movement of movements) {
      receivedBy.set(movement.productId, (receivedBy.get(movement.productId) ?? 0) + movement.delta);
    }
    const names = await this.repository.productNames([...receivedBy.keys()]);
    const received = [...receivedBy]
      .map(([productId, quantity]) => ({ productId, productName: names.get(productId) ?? productId, quantity }))
      .sort(byText((row) => row.productName));
    const lines = groups.map((group) => ({
      kind: group.kind,
      activityId: group.activityId,
      activityName: group.activityName,
      count: Number(group.count),
      points: Number(group.points),
    }));
    // Redemptions and their voids are the goods tables above; every other kind is listed here.
    const awards = lines.filter((line) => line.kind === 'award');
    const otherEntries = lines.filter((line) => !['award', 'redeem', 'void'].includes(line.kind));
    const sum = <T>(rows: T[], value: (row: T) => number) => rows.reduce((total, row) => total + value(row), 0);
    return {
      store,
      quarter: quarterName(quarter),
      from,
      to,
      redeemed: redeemed
        .map((row) => ({ ...row, quantity: Number(row.quantity), points: Number(row.points) }))
        .sort(byText((row) => row.productName)),
      voids: voids.map((row) => ({ ...row, points: Number(row.points) })),
      received,
      awards,
      otherEntries,
      totals: {
        redeemedQuantity: sum(redeemed, (row) => Number(row.quantity)),
        redeemedPoints: sum(redeemed, (row) => Number(row.points)),
        voidCount: voids.length,
        voidPoints: sum(voids, (row) => Number(row.points)),
        receivedQuantity: sum(received, (row) => row.quantity),
        awardCount: sum(awards, (row) => row.count),
        awardedPoints: sum(awards, (row) => row.points),
        otherPoints: sum(otherEntries, (row) => row.points),
      },
    };
  }

  /** UTF-8 with BOM and CRLF, one section per table, each with its title and header row. */
  async settlementCsv(store: string, quarter: Quarter): Promise<string> {
    const sheet = await this.settlement(store, quarter);
    const { totals } = sheet;
    const sections: [string[], (string | number | null)[][]][] = [
      [
        ['积分超市季度结算单'],
        [
          ['门店', sheet.store],
          ['季度', sheet.quarter],
          ['起', sheet.from],
          ['止', sheet.to],
        ],
      ],
      [['兑换商品'], [['商品', '数量', '积分'], ...sheet.redeemed.map((r) => [r.productName, r.quantity, r.points])]],
      [
        ['作废兑换'],
        [
          ['小票号', '积分', '原因', '兑换时间', '作废时间'],
          ...sheet.voids.map((v) => [v.receiptNo, v.points, v.reason, v.createdAt, v.voidedAt]),
        ],
      ],
      [['入库商品'], [['商品', '数量'], ...sheet.received.map((r) => [r.productName, r.quantity])]],
      [
        ['积分发放'],
        [
          ['项目', '笔数', '积分'],
          ...[...sheet.awards, ...sheet.otherEntries].map((l) => [entryLabel(l), l.count, l.points]),
        ],
      ],
      [
        ['合计'],
        [
          ['项目', '数值'],
          ['兑换商品数量', totals.redeemedQuantity],
          ['兑换积分', totals.redeemedPoints],
          ['作废笔数', totals.voidCount],
          ['作废积分', totals.voidPoints],
          ['入库数量', totals.receivedQuantity],
          ['奖励笔数', totals.awardCount],
          ['奖励积分', totals.awardedPoints],
          ['扣减与调整积分', totals.otherPoints],
        ],
      ],
    ];
    // toCsv starts each text with the byte-order mark: the file keeps only the first.
    return sections
      .map(([title, rows], i) => (i === 0 ? toCsv(title, rows) : toCsv(title, rows).slice(1)))
      .join('\r\n');
  }

  async settlementPdf(store: string, quarter: Quarter, printedAt = new Date()): Promise<Buffer> {
    return renderSettlementPdf(toSheet(await this.settlement(store, quarter), quarter, printedAt));
  }
}

/** In code point order: the engines' collations differ, the sheets must not. */
function byText<T>(key: (row: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

function toSheet(settlement: SettlementResponse, quarter: Quarter, printedAt: Date): SettlementSheet {
  const { totals } = settlement;
  return {
    storeName: settlement.store,
    ...quarter,
    printedAt,
    redeemed: settlement.redeemed.map((r) => ({ name: r.productName, quantity: r.quantity, points: r.points })),
    voids: settlement.voids.map((v) => ({ receiptNo: v.receiptNo, points: v.points, reason: v.reason ?? '' })),
    received: settlement.received.map((r) => ({ name: r.productName, quantity: r.quantity })),
    entries: [...settlement.awards, ...settlement.otherEntries].map((l) => ({
      label: entryLabel(l),
      count: l.count,
      points: l.points,
    })),
    totals: [
      { label: '兑换商品数量', value: totals.redeemedQuantity },
      { label: '兑换积分', value: totals.redeemedPoints },
      { label: '作废笔数', value: totals.voidCount },
      { label: '作废积分', value: totals.voidPoints },
      { label: '入库数量', value: totals.receivedQuantity },
      { label: '奖励笔数', value: totals.awardCount },
      { label: '奖励积分', value: totals.awardedPoints },
      { label: '扣减与调整积分', value: totals.otherPoints },
    ],
  };
}
