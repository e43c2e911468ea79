import type { Catalogue } from '../../../i18n/i18n.svelte';
import type { Params } from '../../../i18n/types';

const units = (p: Params) => `${p.n} ${Number(p.n) === 1 ? 'unit' : 'units'}`;

const zhCN = {
  'receive.pickFirst': '请点选收到的商品',
  'receive.orScan': '也可以用扫码枪扫商品上的条码',
  'receive.goods': '商品',
  'receive.stockNow': '现在库存 {n} 件',
  'receive.quantity': '收到多少件',
  'receive.note': '备注（可不填）',
  'receive.submit': '确认入库',
  'receive.working': '正在入库…',
  'receive.done': '已入库：{name} +{n} 件',
  'receive.doneStock': '库存 {before} → {after} 件',
  'receive.scanned': '扫到了：{name}',
  'receive.unknownBarcode': '没有条码是 {code} 的商品。请点选商品，或请管理员在商品里登记这个条码。',
  'receive.notProduct': '这是积分卡，不是商品条码。',
  'receive.noteDelivery': '街道配送',
  'receive.noteDonation': '爱心捐赠',
  'receive.notePurchase': '采购',
  'receive.noteReturn': '退回货架',
  'receive.confirmLarge': '确认入库 {n} 件？（{words}件）',
  'receive.confirmStock': '{name}：库存 {before} → {after} 件',
  'receive.confirmYes': '是，入库 {n} 件',
} as const;

const en: Record<keyof typeof zhCN, string | ((p: Params) => string)> = {
  'receive.pickFirst': 'Tap the goods that arrived',
  'receive.orScan': 'Or scan the barcode on the goods',
  'receive.goods': 'Goods',
  'receive.stockNow': (p) => `${units(p)} in stock now`,
  'receive.quantity': 'How many arrived',
  'receive.note': 'Note (optional)',
  'receive.submit': 'Add to stock',
  'receive.working': 'Adding…',
  'receive.done': 'Added: {name} +{n}',
  'receive.doneStock': 'Stock {before} → {after}',
  'receive.scanned': 'Scanned: {name}',
  'receive.unknownBarcode':
    'No product has the barcode {code}. Tap the product, or ask an admin to record this barcode.',
  'receive.notProduct': 'This is a points card, not a product barcode.',
  'receive.noteDelivery': 'District delivery',
  'receive.noteDonation': 'Donation',
  'receive.notePurchase': 'Purchase',
  'receive.noteReturn': 'Back to the shelf',
  'receive.confirmLarge': (p) =>
    `Add ${units(p)} to stock? (${String(p.words)} ${Number(p.n) === 1 ? 'unit' : 'units'})`,
  'receive.confirmStock': '{name}: stock {before} → {after}',
  'receive.confirmYes': (p) => `Yes, add ${units(p)}`,
};

export const messages: Catalogue<keyof typeof zhCN> = { 'zh-CN': zhCN, en };
