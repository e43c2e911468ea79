import type { Catalogue } from '../../../i18n/i18n.svelte';
import type { Message } from '../../../i18n/types';

const zhCN = {
  'help.prompt': '请居民出示积分卡',
  'help.promptHint': '把卡上的二维码对准摄像头，或用扫码枪扫一下',
  'help.looking': '正在读卡…',
  'help.notCard': '这不是积分卡。请扫居民积分卡上的二维码。',
  'help.member': '居民',
  'help.household': '家庭账户：{name}',
  'help.balance': '积分余额',
  'help.passbook': '积分存折（最近 {n} 笔）',
  'help.noEntries': '这个账户还没有积分记录。',
  'help.colTime': '时间',
  'help.colWhat': '事由',
  'help.colDelta': '收支',
  'help.colBalance': '余额',
  'help.kind.award': '得分',
  'help.kind.redeem': '兑换',
  'help.kind.void': '撤销兑换',
  'help.kind.adjust': '调整',
  'help.another': '扫另一张卡就换人',
  'help.clear': '清除',
} as const;

const en: Record<keyof typeof zhCN, Message> = {
  'help.prompt': 'Ask the resident for their points card',
  'help.promptHint': 'Hold the QR code up to the camera, or scan it with the handheld scanner',
  'help.looking': 'Reading the card…',
  'help.notCard': 'This is not a points card. Please scan the QR code on the resident’s card.',
  'help.member': 'Resident',
  'help.household': 'Household account: {name}',
  'help.balance': 'Points balance',
  'help.passbook': 'Passbook (latest {n} entries)',
  'help.noEntries': 'No entries in this account yet.',
  'help.colTime': 'Time',
  'help.colWhat': 'What for',
  'help.colDelta': 'In / out',
  'help.colBalance': 'Balance',
  'help.kind.award': 'Award',
  'help.kind.redeem': 'Redeemed',
  'help.kind.void': 'Void',
  'help.kind.adjust': 'Adjustment',
  'help.another': 'Scan another card to switch',
  'help.clear': 'Clear',
};

export const messages: Catalogue<keyof typeof zhCN> = { 'zh-CN': zhCN, en };
