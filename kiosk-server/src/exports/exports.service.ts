import { Injectable } from '@nestjs/common';
import { formatLocal, localDayRange } from '../common/time';
import { toCsv } from './csv';
import { ExportsRepository, type TimeRange } from './exports.repository';

const REDEMPTION_HEADER = [
  '小票号',
  '兑换时间',
  '会员',
  '户',
  '卡号',
  '商品',
  '数量',
  '单价(积分)',
  '小计(积分)',
  '合计(积分)',
  '状态',
  '终端',
];

const AWARD_HEADER = [
  '时间',
  '账户',
  '账户类型',
  '会员',
  '卡号',
  '积分',
  '类别',
  '事由',
  '经办人',
  '经办人账号',
  '终端',
  '流水号',
];

const STOCK_HEADER = ['商品', '分类', '条码', '单价(积分)', '库存', '预警线', '库存价值(积分)', '状态'];

/** The local days [from, to] as instants; a day left out leaves that end open. */
function dayRange(from?: string, to?: string): TimeRange {
  const { start, end } = localDayRange(from, to);
  return { ...(from ? { start } : {}), ...(to ? { end } : {}) };
}

@Injectable()
export class ExportsService {
  constructor(private readonly repository: ExportsRepository) {}

  /** One row per redemption line within [from, to] local days. */
  async redemptionsCsv(from?: string, to?: string): Promise<string> {
    const rows = await this.repository.redemptionLines(dayRange(from, to));
    return toCsv(
      REDEMPTION_HEADER,
      rows.map((row) => [
        row.receiptNo,
        formatLocal(row.createdAt),
        row.memberName,
        row.household ?? '',
        row.cardNo,
        row.productName,
        row.quantity,
        row.pricePoints,
        row.lineTotal,
        row.totalPoints,
        row.status === 'voided' ? '已撤销' : '已兑换',
        row.kioskId,
      ]),
    );
  }

  /**
   * One row per award or admin adjustment (deduction) in the ledger within [from, to] local days,
   * naming the member (when the entry names one) and the staff member by name.
   */
  async awardsCsv(from?: string, to?: string): Promise<string> {
    const rows = await this.repository.awardEntries(dayRange(from, to));
    return toCsv(
      AWARD_HEADER,
      rows.map((row) => [
        formatLocal(row.createdAt),
        row.accountName,
        row.accountKind === 'household' ? '家庭' : '个人',
        row.memberName,
        row.cardNo,
        row.delta,
        row.delta > 0 ? '发放' : '扣减',
        row.reason,
        // the person's name for readers; the stored actor beside it, as the change log keeps it
        row.actorName ?? row.actor,
        row.actor,
        row.kioskId,
        row.seq,
      ]),
    );
  }

  /** One row per product, on the shelf or not, with what its stock is worth. */
  async stockCsv(): Promise<string> {
    const products = await this.repository.products();
    return toCsv(
      STOCK_HEADER,
      products.map((p) => [
        p.name,
        p.category,
        p.barcode,
        p.pricePoints,
        p.stock,
        p.lowStockThreshold,
        p.stock * p.pricePoints,
        p.active ? '在售' : '下架',
      ]),
    );
  }
}
