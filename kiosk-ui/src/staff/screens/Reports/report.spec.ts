import { describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../api';
import { barWidths, exportRange, exportRequest, pointsFlow } from './report';

describe('reports', () => {
  const now = new Date(2026, 10, 7, 9, 30);

  it('exports today, or this month from its first day up to today, as local days', () => {
    expect(exportRange('today', now)).toEqual({ from: '2026-11-07', to: '2026-11-07' });
    expect(exportRange('month', now)).toEqual({ from: '2026-11-01', to: '2026-11-07' });
  });

  it('names the files by what they hold', () => {
    expect(exportRequest('redemptions', 'today', now)).toEqual({
      path: '/api/exports/redemptions.csv?from=2026-11-07&to=2026-11-07',
      filename: 'redemptions-2026-11-07.csv',
    });
    expect(exportRequest('awards', 'month', now)).toEqual({
      path: '/api/exports/awards.csv?from=2026-11-01&to=2026-11-07',
      filename: 'awards-2026-11-01_2026-11-07.csv',
    });
    expect(exportRequest('stock', 'month', now)).toEqual({
      path: '/api/exports/stock.csv',
      filename: 'stock-2026-11-07.csv',
    });
  });

  it('adds awards and returns against spending and deductions', () => {
    const summary = { pointsAwarded: 40, pointsReturned: 5, pointsSpent: 30, pointsDeducted: 2 } as ReportSummary;
    expect(pointsFlow(summary)).toEqual({ inflow: 45, outflow: 32, net: 13 });
  });

  it('draws the bars against the larger figure', () => {
    expect(barWidths(50, 20)).toEqual([100, 40]);
    expect(barWidths(0, 0)).toEqual([0, 0]);
  });
});
