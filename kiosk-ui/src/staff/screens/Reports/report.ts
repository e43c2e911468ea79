import type { ReportPeriod, ReportSummary } from '../../api';

export type ExportKind = 'redemptions' | 'awards' | 'stock';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local calendar day as the export routes take it: YYYY-MM-DD. */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The days an export covers for the period shown: today, or this month up to today (both inclusive). */
export function exportRange(period: ReportPeriod, now: Date): { from: string; to: string } {
  const today = localDay(now);
  return { from: period === 'today' ? today : `${today.slice(0, 8)}01`, to: today };
}

/** The route and the file name of an export; stock is as of now, the others cover the period's days. */
export function exportRequest(kind: ExportKind, period: ReportPeriod, now: Date): { path: string; filename: string } {
  if (kind === 'stock') return { path: '/api/exports/stock.csv', filename: `stock-${localDay(now)}.csv` };
  const { from, to } = exportRange(period, now);
  const query = new URLSearchParams({ from, to });
  return {
    path: `/api/exports/${kind}.csv?${query.toString()}`,
    filename: from === to ? `${kind}-${from}.csv` : `${kind}-${from}_${to}.csv`,
  };
}

/** Points that came into residents' accounts and went out of them in the period, and the difference. */
export function pointsFlow(summary: ReportSummary): { inflow: number; outflow: number; net: number } {
  const inflow = summary.pointsAwarded + summary.pointsReturned;
  const outflow = summary.pointsSpent + summary.pointsDeducted;
  return { inflow, outflow, net: inflow - outflow };
}

/** Widths (0–100, in percent) of two bars drawn against the larger of the two. */
export function barWidths(a: number, b: number): [number, number] {
  const top = Math.max(a, b);
  if (top <= 0) return [0, 0];
  return [Math.round((a / top) * 100), Math.round((b / top) * 100)];
}
