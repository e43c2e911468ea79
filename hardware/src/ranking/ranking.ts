import { renderAsync } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import { printableText } from '../receipt/text-width';
import { FONT_FILES, RESVG_NO_FONTS, SvgCanvas, escapeXml, preloadGlyphs, textWidthPx } from '../render/glyphs';

/**
 * The monthly public ranking (积分公示) as an A4 notice for the board: title, a table of rank,
 * masked name and points earned that month, the notice period and room for the supervisors'
 * signature. Laid out once as drawing operations, drawn as SVG (previews, tests) and as PDF.
 * In the SVG, as on the member cards, text is drawn from glyph outlines of the bundled font, so the
 * notice looks the same on every machine; the PDF draws it as text in that font (see renderRankingPdf).
 */

export type RankingBy = 'member' | 'household';

export interface RankingNoticeRow {
  rank: number;
  /** Already masked (王*明, 王*明家): the notice hangs in public. */
  displayName: string;
  points: number;
  /** The store of the row, on a notice of several stores (the district's); a column when given. */
  store?: string;
}

export interface RankingNotice {
  storeName: string;
  year: number;
  /** 1–12. */
  month: number;
  by: RankingBy;
  rows: RankingNoticeRow[];
  printedAt: Date;
  /** How many days the notice stays up for objections (公示期), counting the day it is printed. */
  noticeDays?: number;
}

/** A4 in PDF points (1/72 inch). */
export const A4_PT = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const RED = '#c8102e';
const GREY = '#555';
const RULE_GREY = '#bbb';
const TABLE_TOP = 150;
const HEADER_HEIGHT = 30;
const ROW_HEIGHT = 26;
/** The block under the table on the last page: notice period and signatures. */
const CLOSING_HEIGHT = 130;
const TABLE_BOTTOM = A4_PT.height - MARGIN - CLOSING_HEIGHT;
/** Rows on the last page, above the closing block. */
export const ROWS_ON_LAST_PAGE = Math.floor((TABLE_BOTTOM - TABLE_TOP - HEADER_HEIGHT) / ROW_HEIGHT);
/** Rows on a page that continues on the next one: down to the footer. */
export const ROWS_ON_FULL_PAGE = Math.floor((A4_PT.height - MARGIN - 16 - TABLE_TOP - HEADER_HEIGHT) / ROW_HEIGHT);

const COLUMNS = {
  rankCentre: MARGIN + 44,
  nameLeft: MARGIN + 130,
  pointsRight: A4_PT.width - MARGIN - 24,
  storeLeft: MARGIN + 220,
};
/** Room of the store column, up to the points column's header. */
const STORE_WIDTH = 150;

interface TextOp {
  kind: 'text';
  text: string;
  x: number;
  baseline: number;
  size: number;
  bold?: boolean;
  fill?: string;
  align?: 'left' | 'centre' | 'right';
}

interface RuleOp {
  kind: 'rule';
  x: number;
  y: number;
  width: number;
  thickness: number;
  colour: string;
}

type Op = TextOp | RuleOp;

export function rankingTitle(notice: Pick<RankingNotice, 'storeName' | 'year' | 'month'>): string {
  return `${printableText(notice.storeName)} ${notice.year}年${notice.month}月 积分公示`;
}

function chineseDate(at: Date): string {
  return `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日`;
}

/** The operations of every page, in drawing order. */
export function layoutRanking(notice: RankingNotice): Op[][] {
  const chunks = paginate(notice.rows);
  return chunks.map((rows, page) => {
    const ops: Op[] = [];
    heading(ops, notice);
    table(ops, rows, notice.by, notice.rows.length === 0);
    if (notice.rows.some((row) => row.store !== undefined)) storeColumn(ops, rows);
    if (page === chunks.length - 1) closing(ops, notice);
    footer(ops, notice, page, chunks.length);
    return ops;
  });
}

/** How many A4 pages a notice of this many rows takes. */
export function rankingPageCount(rows: number): number {
  return paginate(Array.from({ length: rows })).length;
}

/** Full pages while more rows remain than the last page holds; the last page keeps at least one row. */
export function paginate<T>(rows: T[]): T[][] {
  const chunks: T[][] = [];
  let start = 0;
  while (rows.length - start > ROWS_ON_LAST_PAGE) {
    const take = Math.min(ROWS_ON_FULL_PAGE, rows.length - start - 1);
    chunks.push(rows.slice(start, start + take));
    start += take;
  }
  chunks.push(rows.slice(start));
  return chunks;
}

function heading(ops: Op[], notice: RankingNotice): void {
  const title = rankingTitle(notice);
  const width = A4_PT.width - 2 * MARGIN;
  const size = Math.min(24, Math.floor((width / textWidthPx(title, 1)) * 10) / 10);
  ops.push({ kind: 'text', text: title, x: A4_PT.width / 2, baseline: 92, size, bold: true, align: 'centre' });
  const basis = notice.by === 'household' ? '按户统计' : '按个人统计';
  ops.push({
    kind: 'text',
    text: `${basis}本月获得的积分，姓名已隐去部分字`,
    x: A4_PT.width / 2,
    baseline: 120,
    size: 12,
    fill: GREY,
    align: 'centre',
  });
  ops.push({ kind: 'rule', x: MARGIN, y: 134, width, thickness: 2, colour: RED });
}

function table(ops: Op[], rows: RankingNoticeRow[], by: RankingBy, empty: boolean): void {
  const width = A4_PT.width - 2 * MARGIN;
  const headerBaseline = TABLE_TOP + 20;
  ops.push({
    kind: 'text',
    text: '名次',
    x: COLUMNS.rankCentre,
    baseline: headerBaseline,
    size: 13,
    bold: true,
    align: 'centre',
  });
  ops.push({
    kind: 'text',
    text: by === 'household' ? '户' : '姓名',
    x: COLUMNS.nameLeft,
    baseline: headerBaseline,
    size: 13,
    bold: true,
  });
  ops.push({
    kind: 'text',
    text: '本月获得积分',
    x: COLUMNS.pointsRight,
    baseline: headerBaseline,
    size: 13,
    bold: true,
    align: 'right',
  });
  const top = TABLE_TOP + HEADER_HEIGHT;
  ops.push({ kind: 'rule', x: MARGIN, y: top - 1, width, thickness: 1, colour: '#000' });
  if (empty) {
    ops.push({
      kind: 'text',
      text: '本月暂无获得积分的记录',
      x: A4_PT.width / 2,
      baseline: top + ROW_HEIGHT - 8,
      size: 14,
      fill: GREY,
      align: 'centre',
    });
  }
  rows.forEach((row, i) => {
    const baseline = top + (i + 1) * ROW_HEIGHT - 8;
    // The first three places stand out, as on a paper honour board.
    const podium = row.rank <= 3;
    const fill = podium ? RED : '#000';
    ops.push({
      kind: 'text',
      text: String(row.rank),
      x: COLUMNS.rankCentre,
      baseline,
      size: 14,
      bold: podium,
      fill,
      align: 'centre',
    });
    ops.push({
      kind: 'text',
      text: printableText(row.displayName),
      x: COLUMNS.nameLeft,
      baseline,
      size: 14,
      bold: podium,
    });
    ops.push({
      kind: 'text',
      text: String(row.points),
      x: COLUMNS.pointsRight,
      baseline,
      size: 14,
      bold: podium,
      align: 'right',
    });
    ops.push({ kind: 'rule', x: MARGIN, y: top + (i + 1) * ROW_HEIGHT, width, thickness: 0.5, colour: RULE_GREY });
  });
}

/** The store of each row, shrunk to fit the column when the name is long. */
function storeColumn(ops: Op[], rows: RankingNoticeRow[]): void {
  const top = TABLE_TOP + HEADER_HEIGHT;
  ops.push({ kind: 'text', text: '门店', x: COLUMNS.storeLeft, baseline: TABLE_TOP + 20, size: 13, bold: true });
  rows.forEach((row, i) => {
    const text = printableText(row.store ?? '');
    const size = Math.min(14, Math.floor((STORE_WIDTH / Math.max(1, textWidthPx(text, 1))) * 10) / 10);
    ops.push({ kind: 'text', text, x: COLUMNS.storeLeft, baseline: top + (i + 1) * ROW_HEIGHT - 8, size });
  });
}

/** The notice period (公示期) and the lines the supervision committee signs. */
function closing(ops: Op[], notice: RankingNotice): void {
  const top = TABLE_BOTTOM + 18;
  const days = notice.noticeDays ?? 7;
  const last = new Date(notice.printedAt);
  last.setDate(last.getDate() + days - 1);
  ops.push({
    kind: 'text',
    text: `公示期：${chineseDate(notice.printedAt)} 至 ${chineseDate(last)}`,
    x: MARGIN,
    baseline: top + 16,
    size: 13,
  });
  ops.push({
    kind: 'text',
    text: '如有异议，请在公示期内向社区积分评议监督小组反映。',
    x: MARGIN,
    baseline: top + 40,
    size: 11,
    fill: GREY,
  });
  const signBaseline = top + 88;
  ops.push({ kind: 'text', text: '监督小组签字：', x: MARGIN, baseline: signBaseline, size: 13 });
  ops.push({ kind: 'rule', x: MARGIN + 92, y: signBaseline + 4, width: 170, thickness: 0.75, colour: '#000' });
  const dateLeft = A4_PT.width - MARGIN - 190;
  ops.push({ kind: 'text', text: '日期：', x: dateLeft, baseline: signBaseline, size: 13 });
  ops.push({ kind: 'rule', x: dateLeft + 40, y: signBaseline + 4, width: 150, thickness: 0.75, colour: '#000' });
}

function footer(ops: Op[], notice: RankingNotice, page: number, pageCount: number): void {
  const baseline = A4_PT.height - 34;
  ops.push({
    kind: 'text',
    text: `${printableText(notice.storeName)} · 打印日期：${chineseDate(notice.printedAt)}`,
    x: MARGIN,
    baseline,
    size: 10,
    fill: GREY,
  });
  ops.push({
    kind: 'text',
    text: `第 ${page + 1} 页 / 共 ${pageCount} 页`,
    x: A4_PT.width - MARGIN,
    baseline,
    size: 10,
    fill: GREY,
    align: 'right',
  });
}

function leftOf(op: TextOp): number {
  const width = textWidthPx(op.text, op.size);
  if (op.align === 'centre') return op.x - width / 2;
  if (op.align === 'right') return op.x - width;
  return op.x;
}

function preload(pages: Op[][]): void {
  preloadGlyphs(pages.flat().flatMap((op) => (op.kind === 'text' ? [{ text: op.text, bold: op.bold ?? false }] : [])));
}

/** One SVG per page, in PDF points; each text run is a group labelled with its text. */
export function rankingPagesSvg(notice: RankingNotice): string[] {
  const pages = layoutRanking(notice);
  preload(pages);
  return pages.map((ops) => {
    const canvas = new SvgCanvas(A4_PT.width, A4_PT.height);
    for (const op of ops) {
      if (op.kind === 'rule') {
        canvas.raw(
          `<rect x="${op.x}" y="${op.y - op.thickness / 2}" width="${op.width}" height="${op.thickness}" fill="${op.colour}"/>`,
        );
        continue;
      }
      canvas.raw(`<g aria-label="${escapeXml(op.text)}">`);
      canvas.text(op.text, { x: leftOf(op), baseline: op.baseline, fontPx: op.size, bold: op.bold, fill: op.fill });
      canvas.raw('</g>');
    }
    return canvas.toSvg();
  });
}

/** A picture of one page for people (preview, support), `zoom` pixels per point. */
export async function renderRankingPng(notice: RankingNotice, page = 0, zoom = 2): Promise<Buffer> {
  const svg = rankingPagesSvg(notice)[page];
  if (svg === undefined) throw new RangeError(`The notice has no page ${page + 1}.`);
  const rendered = await renderAsync(svg, {
    background: '#fff',
    font: RESVG_NO_FONTS,
    fitTo: { mode: 'zoom', value: zoom },
  });
  return rendered.asPng();
}

/** The names the embedded fonts go by inside the PDF. */
const PDF_FONTS = { regular: 'NotoSansSC', bold: 'NotoSansSC-Bold' } as const;

/**
 * The A4 notice as a PDF whose text is text: drawn in the bundled Noto Sans SC, which pdfkit embeds
 * as a subset of the characters used, so the notice prints sharp, can be searched and copied, and
 * is what PDF viewers and archives expect. The layout is the SVG's.
 */
export async function renderRankingPdf(notice: RankingNotice): Promise<Buffer> {
  const pages = layoutRanking(notice);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: rankingTitle(notice),
      Author: printableText(notice.storeName),
      Subject: notice.by === 'household' ? '按户积分公示' : '按个人积分公示',
      CreationDate: notice.printedAt,
    },
  });
  doc.registerFont(PDF_FONTS.regular, FONT_FILES.regular);
  doc.registerFont(PDF_FONTS.bold, FONT_FILES.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  for (const ops of pages) {
    doc.addPage();
    for (const op of ops) {
      if (op.kind === 'rule') doc.rect(op.x, op.y - op.thickness / 2, op.width, op.thickness).fill(op.colour);
      else drawPdfText(doc, op);
    }
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

/** One text run at its place; centred and right-aligned runs by the font's own advance widths. */
function drawPdfText(doc: PDFKit.PDFDocument, op: TextOp): void {
  if (op.text.trim() === '') return;
  doc.font(op.bold ? PDF_FONTS.bold : PDF_FONTS.regular).fontSize(op.size);
  const width = doc.widthOfString(op.text);
  const left = op.align === 'centre' ? op.x - width / 2 : op.align === 'right' ? op.x - width : op.x;
  doc.fillColor(op.fill ?? '#000').text(op.text, left, op.baseline, { lineBreak: false, baseline: 'alphabetic' });
}
