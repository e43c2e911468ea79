import { Injectable } from '@nestjs/common';
import { localDayRange, monthRange } from '../common/time';
import type { Period, SummaryResponse } from './dto/report.dto';
import { ReportsRepository } from './reports.repository';

const TOP_PRODUCTS = 5;

/** The period as [from, to) instants: the kiosk's local day, or its local calendar month. */
export function periodRange(period: Period, at = new Date()): { from: string; to: string } {
  if (period === 'month') return monthRange(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const today = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const { start, end } = localDayRange(today, today);
  return { from: start, to: end };
}

/** Figures for the admin's report, read from the ledger (points) and the redemption tables (goods). */
@Injectable()
export class ReportsService {
  constructor(private readonly repository: ReportsRepository) {}

  async summary(period: Period, at = new Date()): Promise<SummaryResponse> {
    const { from, to } = periodRange(period, at);
    const ledger = await this.repository.ledgerFigures(from, to);
    return {
      period,
      from,
      to,
      redemptions: ledger.redemptions,
      voids: ledger.voids,
      pointsSpent: ledger.pointsSpent,
      pointsReturned: ledger.pointsReturned,
      pointsAwarded: ledger.pointsAwarded,
      pointsDeducted: ledger.pointsDeducted,
      // What went out of the store in the period: voided redemptions came back, so they do not count.
      topProducts: await this.repository.topProducts(from, to, TOP_PRODUCTS),
      stock: await this.repository.stockValue(),
    };
  }
}
