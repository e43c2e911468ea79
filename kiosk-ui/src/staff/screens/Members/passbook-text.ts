import type { LedgerEntry } from '../../api';

/**
 * What a passbook line says after its kind (兑换, 撤销兑换…). The ledger's reason repeats the kind
 * in Chinese ("兑换 鸡蛋 10 个×1"), written once and hashed into the chain, so it is left as it is
 * and the repeated word is dropped here: "兑换 鸡蛋 10 个 ×1", "Redeemed 鸡蛋 10 个 ×1".
 */
export function entryDetail(entry: Pick<LedgerEntry, 'kind' | 'reason'>): string {
  const repeated = entry.kind === 'redeem' ? /^兑换\s*/ : entry.kind === 'void' ? /^撤销兑换\s*/ : null;
  const detail = repeated ? entry.reason.replace(repeated, '') : entry.reason;
  // "10 个×1" reads as one word; the quantity stands apart.
  return entry.kind === 'redeem' ? detail.replace(/(\S)×(\d+)/g, '$1 ×$2') : detail;
}
