import type { PaperColumns, ReceiptBlock, ReceiptDocument } from './document';
import { maskName } from './mask-name';
import { displayWidth } from './text-width';

export interface RedemptionReceipt {
  storeName: string;
  kioskId: string;
  receiptNo: string;
  createdAt: Date;
  /** Full name; the receipt shows it masked. */
  memberName: string;
  lines: { name: string; quantity: number; pricePoints: number; lineTotal: number }[];
  totalPoints: number;
  balanceBefore: number;
  balanceAfter: number;
  header?: string;
  footer?: string;
  /** A reprint: marked 补打 / COPY prominently. */
  copy?: boolean;
}

const COPY_MARK = '** 补打 COPY **';
/** Labels of the info rows (小票号 is the longest: 6 columns) plus a gap. */
const LABEL_WIDTH = 8;

export function buildRedemptionReceipt(r: RedemptionReceipt, columns: PaperColumns): ReceiptDocument {
  const blocks: ReceiptBlock[] = [{ type: 'text', text: r.storeName, align: 'center', size: 2, bold: true }];
  if (r.copy) blocks.push({ type: 'text', text: COPY_MARK, align: 'center', size: 2, bold: true });
  if (r.header) blocks.push({ type: 'text', text: r.header, align: 'center' });
  blocks.push(
    { type: 'rule', char: '=' },
    infoRow('小票号', r.receiptNo, columns),
    infoRow('时间', formatLocalTime(r.createdAt), columns),
    infoRow('终端', r.kioskId, columns),
    infoRow('会员', maskName(r.memberName), columns),
    { type: 'rule' },
    ...itemRows(r.lines, columns),
    { type: 'rule' },
    amountRow('合计', r.totalPoints, columns, true),
    amountRow('兑换前余额', r.balanceBefore, columns),
    amountRow('兑换后余额', r.balanceAfter, columns),
    { type: 'rule', char: '=' },
    { type: 'qr', data: r.receiptNo, cellSize: 6 },
    { type: 'text', text: r.receiptNo, align: 'center' },
  );
  if (r.copy) blocks.push({ type: 'text', text: COPY_MARK, align: 'center', bold: true });
  if (r.footer) blocks.push({ type: 'feed', lines: 1 }, { type: 'text', text: r.footer, align: 'center' });
  return { blocks };
}

function infoRow(label: string, value: string, columns: number): ReceiptBlock {
  return {
    type: 'columns',
    cells: [
      { text: label, width: LABEL_WIDTH },
      { text: value, width: columns - LABEL_WIDTH },
    ],
  };
}

function amountRow(label: string, points: number, columns: number, bold = false): ReceiptBlock {
  const value = `${points} 积分`;
  const valueWidth = Math.max(displayWidth(value), 12);
  return {
    type: 'columns',
    bold,
    cells: [
      { text: label, width: columns - valueWidth },
      { text: value, width: valueWidth, align: 'right' },
    ],
  };
}

/**
 * Item table: name | quantity x points | line total. The two number columns are sized to the widest
 * number on this receipt, and the name column takes the rest, so long names wrap inside their column.
 */
function itemRows(lines: RedemptionReceipt['lines'], columns: number): ReceiptBlock[] {
  const header = { name: '商品', each: '数量x单价', total: '小计' };
  const rows = lines.map((l) => ({ name: l.name, each: `${l.quantity}x${l.pricePoints}`, total: String(l.lineTotal) }));
  const widest = (pick: (row: typeof header) => string, min: number) =>
    Math.max(min, ...[header, ...rows].map((row) => displayWidth(pick(row))));
  const totalWidth = widest((row) => row.total, columns >= 48 ? 8 : 6);
  const eachWidth = widest((row) => row.each, columns >= 48 ? 11 : 9) + 1; // + the gap before the total
  const nameWidth = columns - eachWidth - totalWidth;
  const row = (cells: typeof header, bold = false): ReceiptBlock => ({
    type: 'columns',
    bold,
    cells: [
      { text: cells.name, width: nameWidth },
      { text: cells.each, width: eachWidth, align: 'right' },
      { text: cells.total, width: totalWidth, align: 'right' },
    ],
  });
  return [row(header, true), ...rows.map((r) => row(r))];
}

/** YYYY-MM-DD HH:mm in the kiosk's local time: the resident compares it with the clock on the wall. */
export function formatLocalTime(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A page that shows at a glance whether Chinese, ASCII, column widths, bold, large text, QR and the cutter work. */
export function buildTestPage(storeName: string, columns: PaperColumns): ReceiptDocument {
  const ruler = '1234567890'.repeat(5).slice(0, columns);
  return {
    blocks: [
      { type: 'text', text: storeName, align: 'center', size: 2, bold: true },
      { type: 'text', text: '打印机测试页 PRINTER TEST', align: 'center', bold: true },
      { type: 'rule', char: '=' },
      { type: 'text', text: `纸宽 ${columns === 32 ? '58' : '80'}mm，每行 ${columns} 列` },
      { type: 'text', text: ruler },
      { type: 'text', text: '中文：积分超市欢迎您！' },
      { type: 'text', text: '食用油 洗衣液 大米 鸡蛋 纸巾' },
      { type: 'text', text: 'ASCII: ABC xyz 0123456789' },
      { type: 'text', text: '!"#%&\'()*+,-./:;<=>?@[]_{}' },
      { type: 'text', text: '符号：￥12 “引号” 《书名》' },
      { type: 'rule' },
      {
        type: 'columns',
        cells: [
          { text: '左对齐 left', width: columns / 2 },
          { text: '右对齐 right', width: columns / 2, align: 'right' },
        ],
      },
      { type: 'text', text: '居中 center', align: 'center' },
      { type: 'text', text: '粗体 BOLD', bold: true },
      { type: 'text', text: '大字 BIG', align: 'center', size: 2 },
      { type: 'rule' },
      { type: 'qr', data: 'PRINTER TEST 打印测试 OK', cellSize: 5 },
      { type: 'text', text: '扫码应得：PRINTER TEST 打印测试 OK', align: 'center' },
    ],
  };
}
