import { renderAsync } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import type { LayoutLine, TextLine } from '../receipt/layout';
import { displayWidth } from '../receipt/text-width';
import { RESVG_NO_FONTS, SvgCanvas, preloadGlyphs } from '../render/glyphs';
import { COLUMN_PX, drawLine, lineHeight } from '../render/svg';
import type { DecodedJob, PrintedJob, PrintedLine } from './decode';

/** A readable record of one job, for the console and the <n>.txt file. */
export function transcript(job: DecodedJob, n: number): string {
  const facts = [`${job.raw.length} bytes`, `${job.cuts} cut${job.cuts === 1 ? '' : 's'}`];
  if (job.rasterImages > 0) facts.push(`${job.rasterImages} raster image${job.rasterImages === 1 ? '' : 's'}`);
  if (job.cuts === 0) facts.push('NOT CUT: the job stopped early');
  const width = Math.max(32, ...job.lines.map(displayWidth));
  const body = job.lines.map((line, i) => `${job.bold[i] ? '*' : '|'} ${line}`);
  return [`=== job ${n} · ${facts.join(' · ')} ===`, ...body, '='.repeat(width + 2), ''].join('\n');
}

/** What the paper would look like: text in the printer's grid, QR codes and raster images drawn. */
export async function printedJobPng(printed: PrintedJob): Promise<Buffer> {
  const columns = paperColumns(printed.printed);
  const width = columns * COLUMN_PX;
  const items = printed.printed.map((line) => toDrawable(line, columns));
  preloadGlyphs(items.flatMap((item) => (item.kind === 'text' ? [item] : [])));
  const height = 16 + items.reduce((h, item) => h + (item.kind === 'image' ? item.height : lineHeight(item)), 0) + 32;
  const canvas = new SvgCanvas(width, height);
  let y = 16;
  for (const item of items) {
    if (item.kind === 'image') {
      const x = item.align === 1 ? Math.floor((width - item.width) / 2) : item.align === 2 ? width - item.width : 0;
      canvas.raw(`<image x="${x}" y="${y}" width="${item.width}" height="${item.height}" href="${item.dataUri}"/>`);
      y += item.height;
    } else y += drawLine(canvas, item, y);
  }
  const rendered = await renderAsync(canvas.toSvg(), { background: '#fff', font: RESVG_NO_FONTS });
  return rendered.asPng();
}

/** 58 mm paper unless something printed is wider than 32 columns / 384 dots. */
function paperColumns(lines: PrintedLine[]): 32 | 48 {
  const wide = lines.some((l) =>
    l.kind === 'text'
      ? l.runs.reduce((w, r) => w + displayWidth(r.text) * r.size, 0) > 32
      : l.kind === 'image' && l.widthBytes * 8 > 384,
  );
  return wide ? 48 : 32;
}

type Drawable = LayoutLine | { kind: 'image'; width: number; height: number; dataUri: string; align: number };

function toDrawable(line: PrintedLine, columns: number): Drawable {
  if (line.kind === 'qr') return { kind: 'qr', data: line.data, cellSize: line.cellSize };
  if (line.kind === 'image')
    return {
      kind: 'image',
      width: line.widthBytes * 8,
      height: line.height,
      dataUri: bitsToDataUri(line),
      align: line.align,
    };
  return textLine(line, columns);
}

/** Leading spaces (at their own size) become the indent; the rest is drawn at the largest size used. */
function textLine(line: Extract<PrintedLine, { kind: 'text' }>, columns: number): TextLine {
  let indent = 0;
  let text = '';
  for (const run of line.runs) {
    if (text === '') {
      const lead = run.text.length - run.text.trimStart().length;
      indent += lead * run.size;
      text = run.text.slice(lead);
    } else text += run.text;
  }
  text = text.trimEnd();
  const inked = line.runs.filter((r) => r.text.trim() !== '');
  const size = inked.some((r) => r.size > 1) ? 2 : 1;
  const bold = inked.some((r) => r.bold);
  const room = Math.max(0, columns - indent - displayWidth(text) * size);
  if (line.align === 1) indent += Math.floor(room / 2);
  if (line.align === 2) indent += room;
  return { kind: 'text', indent, text, size, bold, align: 'left' };
}

function bitsToDataUri(line: Extract<PrintedLine, { kind: 'image' }>): string {
  const width = Math.max(1, line.widthBytes * 8);
  const height = Math.max(1, line.height);
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const byte = line.bits[y * line.widthBytes + (x >> 3)] ?? 0;
      const ink = (byte >> (7 - (x & 7))) & 1;
      const i = (y * width + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = ink ? 0 : 255;
      png.data[i + 3] = 255;
    }
  }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}
