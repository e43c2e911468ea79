import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProductEntity } from '../catalog/product.entity';
import { localDayRange, monthRange } from '../common/time';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { RedemptionEntity, RedemptionLineEntity } from '../redemption/redemption.entity';
import type { Period, StockValueResponse, SummaryResponse, TopProductResponse } from './dto/report.dto';

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
  constructor(private readonly dataSource: DataSource) {}

  async summary(period: Period, at = new Date()): Promise<SummaryResponse> {
    const { from, to } = periodRange(period, at);
    const ledger = await this.dataSource
      .createQueryBuilder(LedgerEntryEntity, 'e')
      .select([
        `COALESCE(SUM(CASE WHEN e.kind = 'redeem' THEN 1 ELSE 0 END), 0) AS redemptions`,
        `COALESCE(SUM(CASE WHEN e.kind = 'void' THEN 1 ELSE 0 END), 0) AS voids`,
        `COALESCE(SUM(CASE WHEN e.kind = 'redeem' THEN -e.delta ELSE 0 END), 0) AS pointsSpent`,
        `COALESCE(SUM(CASE WHEN e.kind = 'void' THEN e.delta ELSE 0 END), 0) AS pointsReturned`,
        `COALESCE(SUM(CASE WHEN e.kind IN ('award', 'adjust') AND e.delta > 0 THEN e.delta ELSE 0 END), 0) AS pointsAwarded`,
        `COALESCE(SUM(CASE WHEN e.kind IN ('award', 'adjust') AND e.delta < 0 THEN -e.delta ELSE 0 END), 0) AS pointsDeducted`,
      ])
      .where('e.createdAt >= :from AND e.createdAt < :to', { from, to })
      .getRawOne<Record<string, number>>();
    const figure = (name: string) => Number(ledger?.[name] ?? 0);
    return {
      period,
      from,
      to,
      redemptions: figure('redemptions'),
      voids: figure('voids'),
      pointsSpent: figure('pointsSpent'),
      pointsReturned: figure('pointsReturned'),
      pointsAwarded: figure('pointsAwarded'),
      pointsDeducted: figure('pointsDeducted'),
      topProducts: await this.topProducts(from, to),
      stock: await this.stockValue(),
    };
  }

  /** What went out of the store in the period: voided redemptions came back, so they do not count. */
  private async topProducts(from: string, to: string): Promise<TopProductResponse[]> {
    const rows = await this.dataSource
      .createQueryBuilder(RedemptionLineEntity, 'line')
      .innerJoin(RedemptionEntity, 'r', 'r.id = line.redemptionId')
      .innerJoin(ProductEntity, 'p', 'p.id = line.productId')
      .select([
        'line.productId AS productId',
        'p.name AS name',
        'SUM(line.quantity) AS quantity',
        'SUM(line.lineTotal) AS points',
      ])
      .where(`r.status = 'completed' AND r.createdAt >= :from AND r.createdAt < :to`, { from, to })
      .groupBy('line.productId')
      .addGroupBy('p.name')
      .orderBy('quantity', 'DESC')
      .addOrderBy('points', 'DESC')
      .addOrderBy('line.productId', 'ASC')
      .limit(TOP_PRODUCTS)
      .getRawMany<{ productId: number; name: string; quantity: number; points: number }>();
    return rows.map((row) => ({
      productId: Number(row.productId),
      name: row.name,
      quantity: Number(row.quantity),
      points: Number(row.points),
    }));
  }

  /** Stock on hand now, and what it is worth in points. */
  private async stockValue(): Promise<StockValueResponse> {
    const row = await this.dataSource
      .createQueryBuilder(ProductEntity, 'p')
      .select([
        'COUNT(*) AS products',
        'COALESCE(SUM(p.stock), 0) AS units',
        'COALESCE(SUM(p.stock * p.pricePoints), 0) AS valuePoints',
      ])
      .where('p.active = :active', { active: true })
      .getRawOne<Record<string, number>>();
    return {
      products: Number(row?.products ?? 0),
      units: Number(row?.units ?? 0),
      valuePoints: Number(row?.valuePoints ?? 0),
    };
  }
}
