import { Resvg } from '@resvg/resvg-js';
import { qrMatrix, qrSvgPath } from '../qr';
import type { LayoutLine, TextLine } from '../receipt/layout';
import { RESVG_NO_FONTS, SvgCanvas, preloadGlyphs } from './glyphs';

/**
 * Draws laid-out receipt lines on the printer's dot grid: one column is 12 px (font A is 12×24
 * dots), a normal line 32 px. Every character sits at its own column, so columns line up exactly
 * as they do on paper.
 */
export const COLUMN_PX = 12;
export const LINE_PX = 32;
const FONT_PX = 24;

export function linesToSvg(lines: LayoutLine[], width: number, margin: { top: number; bottom: number }): string {
  const height = Math.max(1, margin.top + lines.reduce((h, line) => h + lineHeight(line), 0) + margin.bottom);
  const canvas = new SvgCanvas(width, height);
  preloadGlyphs(lines.flatMap((line) => (line.kind === 'text' ? [line] : [])));
  let y = margin.top;
  for (const line of lines) y += drawLine(canvas, line, y);
  return canvas.toSvg();
}

/** Draws one line with its top at `top`; returns its height. */
export function drawLine(canvas: SvgCanvas, line: LayoutLine, top: number): number {
  if (line.kind === 'text') drawTextLine(canvas, line, top);
  else {
    const qr = qrMatrix(line.data);
    const side = qr.size * line.cellSize;
    canvas.raw(qrSvgPath(qr, Math.floor((canvas.width - side) / 2), top + 2 * line.cellSize, line.cellSize));
  }
  return lineHeight(line);
}

/** A QR code gets two modules of white above and below, like the margin a printer feeds around it. */
export function lineHeight(line: LayoutLine): number {
  return line.kind === 'text' ? LINE_PX * line.size : (qrMatrix(line.data).size + 4) * line.cellSize;
}

function drawTextLine(canvas: SvgCanvas, line: TextLine, top: number): void {
  // Noto's ascent is 0.88 em: this centres the 24 px glyph box in the 32 px line.
  const baseline = top + line.size * ((LINE_PX - FONT_PX) / 2 + 0.88 * FONT_PX);
  canvas.text(line.text, {
    x: line.indent * COLUMN_PX,
    baseline,
    fontPx: FONT_PX * line.size,
    bold: line.bold,
    columnPx: COLUMN_PX * line.size,
  });
}

/** Synchronous render to RGBA pixels (the ESC/POS renderer is synchronous). */
export function svgToPixels(svg: string): { width: number; height: number; rgba: Buffer } {
  const rendered = new Resvg(svg, { background: '#fff', font: RESVG_NO_FONTS }).render();
  return { width: rendered.width, height: rendered.height, rgba: rendered.pixels };
}
