import type { RedemptionReceipt } from '../receipt/builders';

/** A busy receipt: long Chinese names, a mixed name, many lines, seven-digit numbers. */
export const SAMPLE: RedemptionReceipt = {
  storeName: '幸福里社区积分超市',
  kioskId: 'KIOSK-01',
  receiptNo: 'R20261122-000123',
  createdAt: new Date(2026, 10, 22, 9, 5, 42),
  memberName: '欧阳小明',
  header: '凭积分兑换，不找零',
  footer: '感谢您为社区做出的贡献！\n欢迎下次光临',
  lines: [
    { name: '金龙鱼特级压榨一级花生油（5升桶装，每户每月限一桶）', quantity: 1, pricePoints: 120, lineTotal: 120 },
    { name: '立白洗衣液 2kg', quantity: 2, pricePoints: 30, lineTotal: 60 },
    { name: '维达抽纸 3层100抽×6包', quantity: 3, pricePoints: 12, lineTotal: 36 },
    { name: '东北五常大米 10kg', quantity: 1, pricePoints: 150, lineTotal: 150 },
    { name: '鸡蛋', quantity: 30, pricePoints: 1, lineTotal: 30 },
    { name: 'Slippers 拖鞋 (size 42)', quantity: 1, pricePoints: 10, lineTotal: 10 },
    { name: '社区定制帆布购物袋', quantity: 12, pricePoints: 99999, lineTotal: 1199988 },
    { name: '酱油', quantity: 1, pricePoints: 8, lineTotal: 8 },
  ],
  totalPoints: 1200402,
  balanceBefore: 2000000,
  balanceAfter: 799598,
};
