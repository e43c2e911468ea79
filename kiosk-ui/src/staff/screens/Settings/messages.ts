import type { Catalogue } from '../../../i18n/i18n.svelte';
import type { Message } from '../../../i18n/types';

const zhCN = {
  'settings.title': '兑换规则和店铺设置',
  'settings.store': '店铺',
  'settings.redeem': '兑换',
  'settings.receipt': '小票和积分卡',
  'settings.storeName': '店名',
  'settings.storeNameHint': '显示在首页和小票上，最多 {n} 个字',
  'settings.minRedeemBalance': '最低兑换积分（分）',
  'settings.minRedeemHint': '余额不到这个数就不能兑换；填 0 表示不限',
  'settings.residentIdleSeconds': '居民操作超时（秒）',
  'settings.idleHint': '多久没人操作就回到首页，{min} 到 {max} 秒',
  'settings.offlineAllowance': '断网时每人可兑换积分（分）',
  'settings.offlineAllowanceHint':
    '本店有几台兑换机、又连不上区中心时，每人在这台机器上最多兑换这么多分；填 0 表示断网时不能兑换',
  'settings.largeQuantity': '收货多于几件要再确认（件）',
  'settings.largeQuantityHint': '一次入库超过这个数，会把数字写成汉字再问一次，防止多按了几个 9',
  'settings.receiptHeader': '小票抬头',
  'settings.receiptHeaderHint': '印在小票最上面，可以不填，最多 {n} 个字',
  'settings.receiptFooter': '小票结尾',
  'settings.receiptFooterHint': '印在小票最下面，可以不填，最多 {n} 个字',
  'settings.showNameOnCard': '积分卡上印居民全名（关掉就印成“张*明”这样）',
  'settings.allSaved': '显示的就是现在使用的设置。',
  'settings.unsaved': '有 {n} 项改动还没保存。',
  'settings.savedAt': '{time} 已保存。',
  'settings.save': '保存设置',
  'settings.saving': '正在保存…',
  'settings.undo': '放弃改动',
} as const;

const en: Record<keyof typeof zhCN, Message> = {
  'settings.title': 'Redemption rules and store settings',
  'settings.store': 'Store',
  'settings.redeem': 'Redeeming',
  'settings.receipt': 'Receipt and card',
  'settings.storeName': 'Store name',
  'settings.storeNameHint': 'Shown on the start screen and receipts; at most {n} characters',
  'settings.minRedeemBalance': 'Minimum balance to redeem (points)',
  'settings.minRedeemHint': 'Below this balance nobody can redeem; 0 means no minimum',
  'settings.residentIdleSeconds': 'Resident idle timeout (seconds)',
  'settings.idleHint': 'Back to the start screen after this long untouched; {min} to {max}',
  'settings.offlineAllowance': 'Points per person while offline',
  'settings.offlineAllowanceHint':
    'When the store has several counters and this one cannot reach the district hub, each person may redeem at most this many points here; 0: no redeeming while offline',
  'settings.largeQuantity': 'Ask again when receiving more than (pieces)',
  'settings.largeQuantityHint':
    'Receive goods asks once more, with the number in words, before booking a larger delivery (a slip of the keypad)',
  'settings.receiptHeader': 'Receipt header',
  'settings.receiptHeaderHint': 'Printed at the top of receipts; optional, at most {n} characters',
  'settings.receiptFooter': 'Receipt footer',
  'settings.receiptFooterHint': 'Printed at the bottom of receipts; optional, at most {n} characters',
  'settings.showNameOnCard': 'Print the full name on member cards (off: masked, like 张*明)',
  'settings.allSaved': 'These are the settings in use now.',
  'settings.unsaved': (p) => `${p.n} ${Number(p.n) === 1 ? 'change is' : 'changes are'} not saved yet.`,
  'settings.savedAt': 'Saved at {time}.',
  'settings.save': 'Save settings',
  'settings.saving': 'Saving…',
  'settings.undo': 'Discard changes',
};

export const messages: Catalogue<keyof typeof zhCN> = { 'zh-CN': zhCN, en };
