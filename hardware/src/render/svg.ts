import { Resvg } from '@resvg/resvg-js';
import type { LayoutLine, TextLine } from '../receipt/layout';
import { displayWidth } from '../receipt/text-width';
import { qrMatrix, qrSvgPath } from '../qr';

/**
 * Draws laid-out receipt lines as SVG on the printer's dot grid: one column is 12 px, a normal line
 * 32 px. Every character is placed at its own column, so columns line up whatever font is found.
 */
export const COLUMN_PX = 12;
export const LINE_PX = 32;
const FONT_PX = 24;
export const FONT_FAMILY = "'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', monospace";

export interface SvgPicture {
  svg: string;
  width: number;
  height: number;
}

export function linesToSvg(lines: LayoutLine[], width: number, margin: { top: number; bottom: number }): SvgPicture {
  let y = margin.top;
  const parts: string[] = [];
  for (const line of lines) {
    if (line.kind === 'text') {
      parts.push(textSvg(line, y));
      y += LINE_PX * line.size;
    } else {
      const qr = qrMatrix(line.data);
      const side = qr.size * line.cellSize;
      const quiet = 2 * line.cellSize;
      parts.push(qrSvgPath(qr, Math.floor((width - side) / 2), y + quiet, line.cellSize));
      y += side + 2 * quiet;
    }
  }
  const height = Math.max(1, y + margin.bottom);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#fff"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}

function textSvg(line: TextLine, top: number): string {
  const cell = COLUMN_PX * line.size;
  const xs: number[] = [];
  let glyphs = '';
  let col = 0;
  for (const ch of line.text) {
    if (ch !== ' ') {
      xs.push(line.indent * COLUMN_PX + col * cell);
      glyphs += escapeXml(ch);
    }
    col += displayWidth(ch);
  }
  if (glyphs === '') return '';
  // Noto's ascent is 0.88 em: centre the 24 px glyph box in the 32 px line.
  const baseline = top + line.size * ((LINE_PX - FONT_PX) / 2 + 0.88 * FONT_PX);
  const weight = line.bold ? ' font-weight="bold"' : '';
  return `<text x="${xs.join(' ')}" y="${baseline.toFixed(1)}" font-family="${FONT_FAMILY}" font-size="${FONT_PX * line.size}"${weight}>${glyphs}</text>`;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const RESVG_FONTS = { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' };

/** Synchronous render to RGBA pixels (the ESC/POS renderer is synchronous). */
export function svgToPixels(picture: SvgPicture): { width: number; height: number; rgba: Buffer } {
  const rendered = new Resvg(picture.svg, { background: '#fff', font: RESVG_FONTS, fitTo: { mode: 'original' } }).render();
  return { width: rendered.width, height: rendered.height, rgba: rendered.pixels };
}
