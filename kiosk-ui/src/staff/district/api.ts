import { client, type Schemas, timeout } from '../../api/client';
import { type RankingBasis, staffAuth, staffCall, staffDownload } from '../api';

export type Settlement = Schemas['SettlementResponse'];
export type SettlementLine = Schemas['SettlementEntryLineResponse'];

/** Query text of a report: only the values given. */
function query(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  return params.toString();
}

/** The hub's month and quarter end: the district ranking (公示) and a store's settlement (季度结算). */
export const districtApi = {
  stores: () => staffCall(() => client.GET('/api/hub/stores', { headers: staffAuth(), signal: timeout() })),

  /** One store's ranking, or the district's when `store` is left out. */
  ranking: (month: string, by: RankingBasis, store?: string) =>
    staffCall(() =>
      client.GET('/api/hub/ranking', {
        params: { query: { month, by, limit: 500, ...(store ? { store } : {}) } },
        headers: staffAuth(),
        signal: timeout(),
      }),
    ),

  rankingPdf: (month: string, by: RankingBasis, store: string | undefined, filename: string) =>
    staffDownload(`/api/hub/ranking.pdf?${query({ month, by, store })}`, filename),

  settlement: (store: string, quarter: string) =>
    staffCall(() =>
      client.GET('/api/hub/settlement', {
        params: { query: { store, quarter } },
        headers: staffAuth(),
        signal: timeout(),
      }),
    ),

  settlementFile: (store: string, quarter: string, kind: 'csv' | 'pdf', filename: string) =>
    staffDownload(`/api/hub/settlement.${kind}?${query({ store, quarter })}`, filename),
};
