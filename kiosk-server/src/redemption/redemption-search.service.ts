import { Injectable } from '@nestjs/common';
import { maskName } from '@kiosk/hardware';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { localDayRange } from '../common/time';
import { MemberEntity } from '../members/member.entity';
import { PrintJobEntity } from '../printing/print-job.entity';
import type {
  RedemptionMemberResponse,
  RedemptionPageResponse,
  RedemptionResponse,
  RedemptionSummaryResponse,
} from './dto/redemption.dto';
import { RedemptionEntity, type RedemptionStatus } from './redemption.entity';
import { RedemptionService } from './redemption.service';

export interface RedemptionFilter {
  from?: string;
  to?: string;
  memberId?: string;
  productId?: number;
  receiptNo?: string;
  status?: RedemptionStatus;
  limit: number;
  offset: number;
}

function toMember(member: Pick<MemberEntity, 'id' | 'name'>): RedemptionMemberResponse {
  return { id: member.id, displayName: maskName(member.name), name: member.name };
}

/** What staff look up: redemptions by day, member, product or receipt number, and each one in full. */
@Injectable()
export class RedemptionSearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redemptions: RedemptionService,
  ) {}

  /** Newest first, one page, with the number of all matches. */
  async search(filter: RedemptionFilter): Promise<RedemptionPageResponse> {
    const { start, end } = localDayRange(filter.from, filter.to);
    const where = (query: SelectQueryBuilder<RedemptionEntity>) => {
      query.where('r.createdAt >= :start AND r.createdAt < :end', { start, end });
      if (filter.memberId) query.andWhere('r.memberId = :memberId', { memberId: filter.memberId });
      if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
      if (filter.receiptNo) {
        const part = filter.receiptNo.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
        query.andWhere(`UPPER(r.receiptNo) LIKE UPPER(:receipt) ESCAPE '\\'`, { receipt: `%${part}%` });
      }
      if (filter.productId !== undefined) {
        query.andWhere(
          'EXISTS (SELECT 1 FROM redemption_lines pl WHERE pl.redemptionId = r.id AND pl.productId = :productId)',
          { productId: filter.productId },
        );
      }
      return query;
    };
    const repository = this.dataSource.getRepository(RedemptionEntity);
    const total = await where(repository.createQueryBuilder('r')).getCount();
    const rows = await where(repository.createQueryBuilder('r'))
      .innerJoin(MemberEntity, 'm', 'm.id = r.memberId')
      .select([
        'r.id AS id',
        'r.receiptNo AS receiptNo',
        'r.createdAt AS createdAt',
        'r.memberId AS memberId',
        'm.name AS memberName',
        'r.accountId AS accountId',
        'r.totalPoints AS totalPoints',
        'r.status AS status',
        '(SELECT COUNT(*) FROM redemption_lines cl WHERE cl.redemptionId = r.id) AS lineCount',
      ])
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(filter.limit)
      .offset(filter.offset)
      .getRawMany<{
        id: string;
        receiptNo: string;
        createdAt: string;
        memberId: string;
        memberName: string;
        accountId: string;
        totalPoints: number;
        status: string;
        lineCount: number;
      }>();
    const items: RedemptionSummaryResponse[] = rows.map((row) => ({
      id: row.id,
      receiptNo: row.receiptNo,
      createdAt: row.createdAt,
      member: toMember({ id: row.memberId, name: row.memberName }),
      accountId: row.accountId,
      totalPoints: Number(row.totalPoints),
      status: row.status,
      lineCount: Number(row.lineCount),
    }));
    return { total, items };
  }

  /** A redemption with what staff need besides the receipt: who, whether and why it was voided, its prints. */
  async detail(id: string): Promise<RedemptionResponse> {
    const redemption = await this.redemptions.find(id);
    const stored = await this.dataSource.getRepository(RedemptionEntity).findOneByOrFail({ id });
    const member = await this.dataSource.getRepository(MemberEntity).findOneByOrFail({ id: stored.memberId });
    const jobs = await this.dataSource
      .getRepository(PrintJobEntity)
      .find({ where: { redemptionId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return {
      ...redemption,
      member: toMember(member),
      voidReason: stored.voidReason,
      voidedBy: stored.voidedBy,
      voidedAt: stored.voidedAt,
      printJobs: jobs.map((job) => ({
        id: job.id,
        kind: job.kind,
        status: job.status,
        attempts: job.attempts,
        lastError: job.lastError,
        createdAt: job.createdAt,
        printedAt: job.printedAt,
      })),
    };
  }

  /** The text of a receipt's QR code is its receipt number. */
  async byReceiptNo(receiptNo: string): Promise<RedemptionResponse> {
    const text = receiptNo.trim();
    // Exact first (the unique index); then ignoring case, for a number typed by hand.
    const found =
      (await this.dataSource
        .getRepository(RedemptionEntity)
        .findOne({ where: { receiptNo: text }, select: { id: true } })) ??
      (await this.dataSource
        .getRepository(RedemptionEntity)
        .createQueryBuilder('r')
        .select('r.id')
        .where('UPPER(r.receiptNo) = UPPER(:text)', { text })
        .getOne());
    if (!found)
      throw DomainError.notFound('REDEMPTION_NOT_FOUND', `No redemption with receipt ${receiptNo.slice(0, 40)}.`);
    return this.detail(found.id);
  }
}
