import { Injectable } from '@nestjs/common';
import { maskName } from '@kiosk/hardware';
import { DomainError } from '../common/domain-error';
import { localDayRange } from '../common/time';
import { PrintQueue } from '../printing/print-queue.service';
import type {
  RedemptionMemberResponse,
  RedemptionPageResponse,
  RedemptionResponse,
  RedemptionSummaryResponse,
} from './dto/redemption.dto';
import type { RedemptionStatus } from './redemption.entity';
import { RedemptionRepository } from './redemption.repository';
import { RedemptionService } from './redemption.service';

export interface RedemptionFilter {
  from?: string;
  to?: string;
  memberId?: string;
  productId?: string;
  receiptNo?: string;
  status?: RedemptionStatus;
  limit: number;
  offset: number;
}

function toMember(member: { id: string; name: string }): RedemptionMemberResponse {
  return { id: member.id, displayName: maskName(member.name), name: member.name };
}

/** What staff look up: redemptions by day, member, product or receipt number, and each one in full. */
@Injectable()
export class RedemptionSearchService {
  constructor(
    private readonly repository: RedemptionRepository,
    private readonly redemptions: RedemptionService,
    private readonly printQueue: PrintQueue,
  ) {}

  /** Newest first, one page, with the number of all matches. */
  async search(filter: RedemptionFilter): Promise<RedemptionPageResponse> {
    const { start, end } = localDayRange(filter.from, filter.to);
    const { total, rows } = await this.repository.search({
      start: filter.from ? start : undefined,
      end: filter.to ? end : undefined,
      memberId: filter.memberId,
      productId: filter.productId,
      receiptNo: filter.receiptNo?.trim() || undefined,
      status: filter.status,
      limit: filter.limit,
      offset: filter.offset,
    });
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
    const staff = await this.repository.staffView(id);
    if (!staff) throw DomainError.notFound('REDEMPTION_NOT_FOUND', 'No such redemption.');
    const jobs = await this.printQueue.jobsOf(id);
    return {
      ...redemption,
      member: toMember({ id: staff.memberId, name: staff.memberName }),
      voidReason: staff.voidReason,
      voidedBy: staff.voidedBy,
      voidedAt: staff.voidedAt,
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
    const id = await this.repository.idByReceiptNo(receiptNo.trim());
    if (!id)
      throw DomainError.notFound('REDEMPTION_NOT_FOUND', `No redemption with receipt ${receiptNo.slice(0, 40)}.`);
    return this.detail(id);
  }
}
