import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatLocal, localDayRange } from '../common/time';
import { MemberEntity } from '../members/member.entity';
import { RedemptionEntity, RedemptionLineEntity } from '../redemption/redemption.entity';
import { toCsv } from './csv';

const HEADER = [
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
      HEADER,
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
}
