import type { Catalogue } from '../../../i18n/i18n.svelte';
import type { Message } from '../../../i18n/types';

const zhCN = {
  'reprint.enter': '输入小票号最后几位数字',
  'reprint.full': '小票号：{no}',
  'reprint.find': '查找小票',
  'reprint.finding': '正在查找…',
  'reprint.orScan': '也可以把小票上的二维码对准摄像头，或用扫码枪扫一下',
  'reprint.notFound': '找不到小票 {no}，请核对小票号。',
  'reprint.notReceipt': '这是积分卡，不是小票。请扫小票上的二维码。',
  'reprint.receipt': '小票 {no}',
  'reprint.time': '兑换时间',
  'reprint.member': '居民',
  'reprint.total': '合计',
  'reprint.voided': '这张小票已撤销',
  'reprint.printedBefore': '已打印过 {n} 次',
  'reprint.print': '补打小票',
  'reprint.printAgain': '再补打一张',
  'reprint.queued': '已交给打印机，请稍候…',
  'reprint.printing': '正在打印…',
  'reprint.printed': '补打好了，请把小票交给居民',
  'reprint.failed': '没有打出来：{error}。请检查打印机的纸和电源，再试一次。',
  'reprint.failedNoReason': '没有打出来。请检查打印机的纸和电源，再试一次。',
  'reprint.disabled': '这台机器没有接打印机，不能打印小票。',
  'reprint.pick': '输入小票号或扫码后，这里会显示小票内容',
  'reprint.silentPrinter': '这台打印机不回报状态：显示“补打好了”只表示已发给打印机。请看一眼小票有没有出来。',
} as const;

const en: Record<keyof typeof zhCN, Message> = {
  'reprint.enter': 'Type the last digits of the receipt number',
  'reprint.full': 'Receipt number: {no}',
  'reprint.find': 'Find receipt',
  'reprint.finding': 'Looking…',
  'reprint.orScan': 'Or hold the receipt’s QR code up to the camera, or scan it with the handheld scanner',
  'reprint.notFound': 'No receipt {no}. Please check the number.',
  'reprint.notReceipt': 'This is a points card, not a receipt. Please scan the QR code on the receipt.',
  'reprint.receipt': 'Receipt {no}',
  'reprint.time': 'Time',
  'reprint.member': 'Resident',
  'reprint.total': 'Total',
  'reprint.voided': 'This receipt was voided',
  'reprint.printedBefore': (p) => `Printed ${p.n} ${Number(p.n) === 1 ? 'time' : 'times'} before`,
  'reprint.print': 'Reprint receipt',
  'reprint.printAgain': 'Print another copy',
  'reprint.queued': 'Sent to the printer, please wait…',
  'reprint.printing': 'Printing…',
  'reprint.printed': 'Printed: please give the receipt to the resident',
  'reprint.failed': 'It did not print: {error}. Check the paper and power, then try again.',
  'reprint.failedNoReason': 'It did not print. Check the paper and power, then try again.',
  'reprint.disabled': 'No printer is connected to this kiosk.',
  'reprint.pick': 'The receipt shows here once found',
  'reprint.silentPrinter':
    'This printer does not report back: “Printed” only means the receipt was sent. Please check that it came out.',
};

export const messages: Catalogue<keyof typeof zhCN> = { 'zh-CN': zhCN, en };
