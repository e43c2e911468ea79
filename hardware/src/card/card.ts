import { renderAsync } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import { qrMatrix, qrSvgPath } from '../qr';
import { maskName } from '../receipt/mask-name';
import { printableText } from '../receipt/text-width';
import { RESVG_NO_FONTS, SvgCanvas, preloadGlyphs, textWidthPx } from '../render/glyphs';

export interface CardFace {
  /** The signed text the kiosk scans. */
  qr: string;
  cardNo: string;
  memberName: string;
  communityName: string;
  /** false: the name is printed masked (王*明), for cards handed out through others. */
  showName: boolean;
  /** A staff card (username in place of the card number) looks different from a resident's. */
  kind?: 'member' | 'staff';
}

/** The words and colour of each kind of card. */
const CARD_KINDS = {
  member: { title: '积分卡', number: '卡号', band: '#c8102e', footer: '凭此卡在积分超市兑换商品' },
  staff: { title: '工作人员', number: '用户名', band: '#1f4e79', footer: '刷卡后输入密码进入工作人员模式' },
} as const;

/** ID-1 card (85.6 × 54 mm) at 300 dpi. */
export const CARD_WIDTH_PX = 1011;
export const CARD_HEIGHT_PX = 638;
const MM_PER_INCH = 25.4;
const PT_PER_INCH = 72;
const CARD_W_MM = 85.6;
const CARD_H_MM = 54;

const BAND_PX = 150;
/** The QR sits in a white square this large (about 37 mm), with a quiet zone of 3 modules. */
const QR_BOX_PX = 440;
const QR_QUIET_MODULES = 3;

export interface CardLayout {
  /** Top-left of the first module, module size in px and modules per side (for checking the drawn code). */
  qr: { x: number; y: number; module: number; size: number };
}

/** Where the QR is drawn on a card for this data: the picture and its tests agree on it. */
export function cardLayout(card: Pick<CardFace, 'qr'>): CardLayout {
  const size = qrMatrix(card.qr).size;
  const module = Math.floor(QR_BOX_PX / (size + 2 * QR_QUIET_MODULES));
  const side = module * size;
  const top = BAND_PX + (CARD_HEIGHT_PX - BAND_PX - QR_BOX_PX) / 2;
  return {
    qr: { x: Math.round(36 + (QR_BOX_PX - side) / 2), y: Math.round(top + (QR_BOX_PX - side) / 2), module, size },
  };
}

export async function renderCardPng(card: CardFace): Promise<Buffer> {
  const rendered = await renderAsync(cardSvg(card), { background: '#fff', font: RESVG_NO_FONTS });
  return rendered.asPng();
}

function cardSvg(card: CardFace): string {
  const kind = CARD_KINDS[card.kind ?? 'member'];
  const name = printableText(card.showName ? card.memberName : maskName(card.memberName));
  const community = printableText(card.communityName);
  const cardNo = printableText(card.cardNo);
  preloadGlyphs([
    { text: kind.title, bold: true },
    { text: community, bold: true },
    { text: `${kind.number}姓名${kind.footer}` },
    { text: cardNo + name, bold: true },
  ]);
  const canvas = new SvgCanvas(CARD_WIDTH_PX, CARD_HEIGHT_PX);
  canvas.raw(`<rect width="${CARD_WIDTH_PX}" height="${BAND_PX}" fill="${kind.band}"/>`);
  canvas.text(kind.title, { x: 48, baseline: 104, fontPx: fitFont(kind.title, 84, 300), bold: true, fill: '#fff' });
  // The community name fills the band right of the title, shrinking when it is long.
  const communityPx = fitFont(community, 44, CARD_WIDTH_PX - 340 - 48);
  canvas.text(community, {
    x: CARD_WIDTH_PX - 48 - textWidthPx(community, communityPx),
    baseline: 92,
    fontPx: communityPx,
    bold: true,
    fill: '#fff',
  });

  const layout = cardLayout(card);
  canvas.raw(qrSvgPath(qrMatrix(card.qr), layout.qr.x, layout.qr.y, layout.qr.module));

  const left = 36 + QR_BOX_PX + 40;
  const room = CARD_WIDTH_PX - left - 40;
  canvas.text(kind.number, { x: left, baseline: 236, fontPx: 34, fill: '#666' });
  canvas.text(cardNo, { x: left, baseline: 300, fontPx: fitFont(cardNo, 56, room), bold: true });
  canvas.text('姓名', { x: left, baseline: 386, fontPx: 34, fill: '#666' });
  canvas.text(name, { x: left, baseline: 456, fontPx: fitFont(name, 64, room), bold: true });
  canvas.raw(`<rect x="${left}" y="520" width="${room}" height="3" fill="${kind.band}"/>`);
  canvas.text(kind.footer, {
    x: left,
    baseline: 574,
    fontPx: fitFont(kind.footer, 30, room),
    fill: '#444',
  });
  return canvas.toSvg();
}

/** The largest font size up to `preferred` at which the text fits in `width` px. */
function fitFont(text: string, preferred: number, width: number): number {
  const at1 = textWidthPx(text, 1);
  return at1 === 0 ? preferred : Math.min(preferred, Math.floor(width / at1));
}

/**
 * An A4 sheet of cards for an office printer: 2 × 5 cards, edge to edge so each cut line is shared,
 * with cut marks in the margins; as many pages as needed. Cards are embedded as 300 dpi pictures,
 * so the PDF needs no Chinese font.
 */
export async function renderCardSheetPdf(cards: CardFace[]): Promise<Buffer> {
  // one card after another: each drawing takes a thread of libuv's pool, which the caller's
  // database and file system share (all at once, a sheet of hundreds of cards filled the pool)
  const pngs: Buffer[] = [];
  for (const card of cards) pngs.push(await renderCardPng(card));
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: '积分卡 member cards' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const perPage = SHEET.columns * SHEET.rows;
  for (let start = 0; start < Math.max(1, pngs.length); start += perPage) {
    doc.addPage();
    pngs.slice(start, start + perPage).forEach((png, i) => {
      const { x, y } = cardOrigin(i);
      doc.image(png, x, y, { width: SHEET.cardW, height: SHEET.cardH });
    });
    drawCutMarks(doc);
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

const mm = (v: number) => (v / MM_PER_INCH) * PT_PER_INCH;
const A4 = { w: mm(210), h: mm(297) };
const SHEET = {
  columns: 2,
  rows: 5,
  cardW: mm(CARD_W_MM),
  cardH: mm(CARD_H_MM),
  get left() {
    return (A4.w - this.columns * this.cardW) / 2;
  },
  get top() {
    return (A4.h - this.rows * this.cardH) / 2;
  },
};

function cardOrigin(i: number): { x: number; y: number } {
  return {
    x: SHEET.left + (i % SHEET.columns) * SHEET.cardW,
    y: SHEET.top + Math.floor(i / SHEET.columns) * SHEET.cardH,
  };
}

/** Short lines in the margins continuing every cut line, kept 2 mm clear of the cards. */
function drawCutMarks(doc: PDFKit.PDFDocument): void {
  const gap = mm(2);
  const length = mm(6);
  const right = SHEET.left + SHEET.columns * SHEET.cardW;
  const bottom = SHEET.top + SHEET.rows * SHEET.cardH;
  doc.save().lineWidth(0.5).strokeColor('#000');
  for (let c = 0; c <= SHEET.columns; c++) {
    const x = SHEET.left + c * SHEET.cardW;
    doc
      .moveTo(x, SHEET.top - gap - length)
      .lineTo(x, SHEET.top - gap)
      .stroke();
    doc
      .moveTo(x, bottom + gap)
      .lineTo(x, bottom + gap + length)
      .stroke();
  }
  for (let r = 0; r <= SHEET.rows; r++) {
    const y = SHEET.top + r * SHEET.cardH;
    doc
      .moveTo(SHEET.left - gap - length, y)
      .lineTo(SHEET.left - gap, y)
      .stroke();
    doc
      .moveTo(right + gap, y)
      .lineTo(right + gap + length, y)
      .stroke();
  }
  doc.restore();
}
