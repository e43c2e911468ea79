import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatLocal, localDayRange } from '../common/time';
import { ProductEntity } from '../catalog/product.entity';
import { AccountEntity } from '../ledger/account.entity';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { MemberEntity } from '../members/member.entity';
import { RedemptionEntity, RedemptionLineEntity } from '../redemption/redemption.entity';
import { toCsv } from './csv';

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

const AWARD_HEADER = ['时间', '账户', '账户类型', '积分', '类别', '事由', '经办人', '终端', '流水号'];

const STOCK_HEADER = ['商品', '分类', '条码', '单价(积分)', '库存', '预警线', '库存价值(积分)', '状态'];

@Injectable()
export class ExportsService {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per redemption line within [from, to] local days. */
  async redemptionsCsv(from?: string, to?: string): Promise<string> {
    const { start, end } = localDayRange(from, to);
    const rows = await this.dataSource
      .createQueryBuilder(RedemptionLineEntity, 'line')
      .innerJoin(RedemptionEntity, 'r', 'r.id = line.redemptionId')
      .innerJoin(MemberEntity, 'm', 'm.id = r.memberId')
      .select([
        'r.receiptNo AS receiptNo',
        'r.createdAt AS createdAt',
        'm.name AS memberName',
        'm.household AS household',
        'r.cardNo AS cardNo',
        'line.productName AS productName',
        'line.quantity AS quantity',
        'line.pricePoints AS pricePoints',
        'line.lineTotal AS lineTotal',
        'r.totalPoints AS totalPoints',
        'r.status AS status',
        'r.kioskId AS kioskId',
      ])
      .where('r.createdAt >= :start AND r.createdAt < :end', { start, end })
      .orderBy('r.createdAt', 'ASC')
      .addOrderBy('line.id', 'ASC')
      .getRawMany<Record<string, string | number | null>>();
    return toCsv(
      REDEMPTION_HEADER,
      rows.map((row) => [
        row.receiptNo!,
        formatLocal(String(row.createdAt)),
        row.memberName!,
        row.household ?? '',
        row.cardNo!,
        row.productName!,
        row.quantity!,
        row.pricePoints!,
        row.lineTotal!,
        row.totalPoints!,
        row.status === 'voided' ? '已撤销' : '已兑换',
        row.kioskId!,
      ]),
    );
  }

  /** One row per award or admin adjustment (deduction) in the ledger within [from, to] local days. */
  async awardsCsv(from?: string, to?: string): Promise<string> {
    const { start, end } = localDayRange(from, to);
    const rows = await this.dataSource
      .createQueryBuilder(LedgerEntryEntity, 'e')
      .innerJoin(AccountEntity, 'a', 'a.id = e.accountId')
      .select([
        'e.createdAt AS createdAt',
        'a.name AS accountName',
        'a.kind AS accountKind',
        'e.delta AS delta',
        'e.kind AS kind',
        'e.reason AS reason',
        'e.actor AS actor',
        'e.kioskId AS kioskId',
        'e.seq AS seq',
      ])
      .where(`e.kind IN ('award', 'adjust') AND e.createdAt >= :start AND e.createdAt < :end`, { start, end })
      .orderBy('e.createdAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getRawMany<{
        createdAt: string;
        accountName: string;
        accountKind: string;
        delta: number;
        kind: string;
        reason: string;
        actor: string;
        kioskId: string;
        seq: number;
      }>();
    return toCsv(
      AWARD_HEADER,
      rows.map((row) => [
        formatLocal(row.createdAt),
        row.accountName,
        row.accountKind === 'household' ? '家庭' : '个人',
        Number(row.delta),
        Number(row.delta) > 0 ? '发放' : '扣减',
        row.reason,
        row.actor,
        row.kioskId,
        Number(row.seq),
      ]),
    );
  }

  /** One row per product, on the shelf or not, with what its stock is worth. */
  async stockCsv(): Promise<string> {
    const products = await this.dataSource.getRepository(ProductEntity).find({ order: { category: 'ASC', id: 'ASC' } });
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
