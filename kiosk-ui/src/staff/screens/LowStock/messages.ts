import type { Catalogue } from '../../../i18n/i18n.svelte';
import type { Message } from '../../../i18n/types';

const zhCN = {
  'lowStock.title': '这些商品快兑完了（库存不高于提醒数量）',
  'lowStock.none': '没有库存不足的商品。',
  'lowStock.stock': '还剩 {n} 件',
  'lowStock.soldOut': '已兑完',
  'lowStock.threshold': '提醒数量 {n} 件',
  'lowStock.receive': '收货入库',
  'lowStock.receiveThis': '给 {name} 收货入库',
  'lowStock.refresh': '刷新',
} as const;

const en: Record<keyof typeof zhCN, Message> = {
  'lowStock.title': 'Running out (stock at or below the alert level)',
  'lowStock.none': 'Nothing is running low.',
  'lowStock.stock': '{n} left',
  'lowStock.soldOut': 'Sold out',
  'lowStock.threshold': 'Alert at {n}',
  'lowStock.receive': 'Receive goods',
  'lowStock.receiveThis': 'Receive goods: {name}',
  'lowStock.refresh': 'Refresh',
};

export const messages: Catalogue<keyof typeof zhCN> = { 'zh-CN': zhCN, en };
