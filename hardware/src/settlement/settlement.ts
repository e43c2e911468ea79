import PDFDocument from 'pdfkit';
import { printableText } from '../receipt/text-width';
import { FONT_FILES } from '../render/glyphs';

/**
 * A store's quarterly settlement (季度结算单) as an A4 sheet the street office signs and files:
 * the goods redeemed and received, the voids, the points awarded, the totals and a signature block.
 * Text is set as text in the bundled Noto Sans SC (pdfkit embeds the subset used), so the filed
 * PDF can be searched and copied, and looks the same on every machine.
 */

export interface SettlementSheet {
  storeName: string;
  year: number;
  /** 1–4. */
  quarter: number;
  printedAt: Date;
  redeemed: { name: string; quantity: number; points: number }[];
  voids: { receiptNo: string; points: number; reason: string }[];
  received: { name: string; quantity: number }[];
  /** Awards per activity, then deductions and other entries. */
  entries: { label: string; count: number; points: number }[];
  totals: { label: string; value: number }[];
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const ROW_HEIGHT = 18;
const FOOTER_SPACE = 30;
/** Room the signature block takes; it is never split over two pages. */
const SIGNATURE_HEIGHT = 100;
const BOTTOM = A4.height - MARGIN - FOOTER_SPACE;
const GREY = '#555';
const RULE_GREY = '#bbb';

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
}

type Cell = string | number;

export function settlementTitle(sheet: Pick<SettlementSheet, 'storeName' | 'year' | 'quarter'>): string {
  return `${printableText(sheet.storeName)} ${sheet.year}年第${sheet.quarter}季度 积分超市结算单`;
}

function chineseDate(at: Date): string {
  return `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日`;
}

/** The first and last day of the quarter, as people write them. */
function period(sheet: Pick<SettlementSheet, 'year' | 'quarter'>): string {
  const first = new Date(sheet.year, (sheet.quarter - 1) * 3, 1);
  const last = new Date(sheet.year, sheet.quarter * 3, 0);
  return `${chineseDate(first)} 至 ${chineseDate(last)}`;
}

/** Lays the sheet out top to bottom, opening a page when the next row would not fit. */
class Writer {
  y = MARGIN;

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  font(bold: boolean, size: number): void {
    this.doc.font(bold ? 'bold' : 'regular').fontSize(size);
  }

  /** Text at a size that fits its width (a long product or store name shrinks rather than overflow). */
  cell(text: string, x: number, width: number, align: 'left' | 'right' | 'center', size: number, bold = false): void {
    this.font(bold, size);
    let fitted = size;
    while (fitted > 6 && this.doc.widthOfString(text) > width) this.font(bold, (fitted -= 0.5));
    this.doc.text(text, x, this.y + (ROW_HEIGHT - fitted) / 2 - 1, { width, align, lineBreak: false });
  }

  rule(thickness: number, colour: string): void {
    this.doc.rect(MARGIN, this.y - thickness / 2, CONTENT_WIDTH, thickness).fill(colour);
    this.doc.fillColor('#000');
  }

  ensure(height: number): boolean {
    if (this.y + height <= BOTTOM) return false;
    this.doc.addPage();
    this.y = MARGIN;
    return true;
  }

  section(title: string, columns: Column[], rows: Cell[][]): void {
    // The heading stays with the table's header and first row.
    this.ensure(24 + ROW_HEIGHT * 2);
    this.y += 4;
    this.cell(title, MARGIN, CONTENT_WIDTH, 'left', 13, true);
    this.y += ROW_HEIGHT + 2;
    this.header(columns);
    if (rows.length === 0) {
      this.doc.fillColor(GREY);
      this.cell('（无）', MARGIN, CONTENT_WIDTH, 'center', 10.5);
      this.doc.fillColor('#000');
      this.y += ROW_HEIGHT;
    }
    for (const row of rows) {
      if (this.ensure(ROW_HEIGHT)) this.header(columns);
      let x = MARGIN;
      row.forEach((value, i) => {
        const column = columns[i]!;
        this.cell(
          typeof value === 'number' ? String(value) : printableText(value),
          x + 4,
          column.width - 8,
          column.align,
          10.5,
        );
        x += column.width;
      });
      this.y += ROW_HEIGHT;
      this.rule(0.5, RULE_GREY);
    }
    this.y += 6;
  }

  private header(columns: Column[]): void {
    let x = MARGIN;
    for (const column of columns) {
      this.cell(column.title, x + 4, column.width - 8, column.align, 10.5, true);
      x += column.width;
    }
    this.y += ROW_HEIGHT;
    this.rule(1, '#000');
  }
}

/** Column widths as shares of the content width. */
function columns(...spec: [string, number, 'left' | 'right'][]): Column[] {
  return spec.map(([title, share, align]) => ({ title, width: CONTENT_WIDTH * share, align }));
}

/** The settlement sheet as an A4 PDF, pages numbered "第 n 页 / 共 N 页". */
export async function renderSettlementPdf(sheet: SettlementSheet): Promise<Buffer> {
  const title = settlementTitle(sheet);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    info: {
      Title: title,
      Author: printableText(sheet.storeName),
      Subject: '积分超市季度结算单',
      CreationDate: sheet.printedAt,
    },
  });
  doc.registerFont('regular', FONT_FILES.regular);
  doc.registerFont('bold', FONT_FILES.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const out = new Writer(doc);
  out.cell(title, MARGIN, CONTENT_WIDTH, 'center', 18, true);
  out.y += 28;
  doc.fillColor(GREY);
  out.cell(
    `结算期间：${period(sheet)}　　打印日期：${chineseDate(sheet.printedAt)}`,
    MARGIN,
    CONTENT_WIDTH,
    'center',
    10.5,
  );
  doc.fillColor('#000');
  out.y += ROW_HEIGHT + 4;
  out.rule(2, '#c8102e');
  out.y += 4;

  out.section(
    '一、兑换商品（不含作废）',
    columns(['商品', 0.6, 'left'], ['数量', 0.2, 'right'], ['积分', 0.2, 'right']),
    sheet.redeemed.map((row) => [row.name, row.quantity, row.points]),
  );
  out.section(
    '二、作废兑换',
    columns(['小票号', 0.3, 'left'], ['积分', 0.15, 'right'], ['原因', 0.55, 'left']),
    sheet.voids.map((row) => [row.receiptNo, row.points, row.reason]),
  );
  out.section(
    '三、入库商品',
    columns(['商品', 0.8, 'left'], ['数量', 0.2, 'right']),
    sheet.received.map((row) => [row.name, row.quantity]),
  );
  out.section(
    '四、积分发放（按活动）及扣减',
    columns(['项目', 0.6, 'left'], ['笔数', 0.2, 'right'], ['积分', 0.2, 'right']),
    sheet.entries.map((row) => [row.label, row.count, row.points]),
  );
  out.section(
    '五、合计',
    columns(['项目', 0.6, 'left'], ['数值', 0.4, 'right']),
    sheet.totals.map((row) => [row.label, row.value]),
  );

  signatures(out, doc);
  footers(doc, sheet);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

/** The lines the store's clerk, the reviewer and the street office sign (and stamp) and date. */
function signatures(out: Writer, doc: PDFKit.PDFDocument): void {
  out.ensure(SIGNATURE_HEIGHT);
  out.y += 20;
  const half = CONTENT_WIDTH / 2;
  const line = (label: string, x: number, labelWidth: number) => {
    out.cell(label, x, labelWidth, 'left', 12);
    doc.rect(x + labelWidth, out.y + ROW_HEIGHT - 2, half - labelWidth - 24, 0.75).fill('#000');
  };
  line('经办人：', MARGIN, 60);
  line('审核人：', MARGIN + half, 60);
  out.y += ROW_HEIGHT + 24;
  line('街道办（盖章）：', MARGIN, 110);
  line('日期：', MARGIN + half, 48);
  out.y += ROW_HEIGHT;
}

function footers(doc: PDFKit.PDFDocument, sheet: SettlementSheet): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('regular').fontSize(9).fillColor(GREY);
    const y = A4.height - MARGIN + 10;
    doc.text(settlementTitle(sheet), MARGIN, y, { width: CONTENT_WIDTH, align: 'left', lineBreak: false });
    doc.text(`第 ${i + 1} 页 / 共 ${range.count} 页`, MARGIN, y, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
  }
}
