import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { displayWidth } from '../receipt/text-width';

/**
 * Text for the pictures (receipt PNG, raster lines, member cards), drawn from cached glyph outlines.
 *
 * resvg converts every character of an SVG <text> to a path each time it parses the SVG, and with
 * the CFF outlines of Noto Sans CJK that costs over a millisecond per character: a receipt took
 * more than a second. Here each distinct character is converted once (all new ones in one parse),
 * kept as path data, and pictures reference it with <use>, which resvg draws in a few milliseconds.
 */

/**
 * The font comes with the project (npm package `@expo-google-fonts/noto-sans-sc`, SIL OFL), never
 * from the machine: a fresh Debian has no CJK font, and resvg then draws Chinese as nothing, so
 * cards, receipt pictures, raster printing and the ranking notice came out blank. Only the two
 * weights the pictures use are loaded (~10.5 MB each), and only while converting characters not
 * yet cached: measured at 5–15 ms per conversion, less than scanning the system fonts took.
 */
const requireFont = createRequire(__filename);
export const FONT_FILES = {
  regular: requireFont.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: requireFont.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
} as const;
export const FONT_FAMILY = 'Noto Sans SC';
/** Outlines are cached at this size and scaled when drawn. */
const BASE_PX = 24;
const MAX_CACHED = 20_000;

interface Outline {
  id: string;
  d: string;
  /** Horizontal extent of the ink at BASE_PX (from the path's points, control points included). */
  minX: number;
  maxX: number;
}

const outlines = new Map<string, Outline>();
let nextId = 0;

function glyphKey(ch: string, bold: boolean): string {
  return (bold ? 'b' : 'r') + ch;
}

/** Converts the characters not yet cached, in one resvg parse. */
function ensureGlyphs(keys: Iterable<string>): void {
  const missing = [...new Set(keys)].filter((k) => !outlines.has(k));
  if (missing.length === 0) return;
  if (outlines.size + missing.length > MAX_CACHED) outlines.clear();
  const texts = missing.map((key, i) => {
    const weight = key.startsWith('b') ? ' font-weight="bold"' : '';
    return `<text id="t${i}" x="0" y="0" font-family="'${FONT_FAMILY}'" font-size="${BASE_PX}"${weight}>${escapeXml(key.slice(1))}</text>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${texts.join('')}</svg>`;
  const flattened = new Resvg(svg, { font: RESVG_FONTS }).toString();
  const found = new Map<number, string>();
  for (const group of flattened.matchAll(/<g id="t(\d+)"[^>]*>([\s\S]*?)<\/g>/g)) {
    const paths = [...group[2]!.matchAll(/ d="([^"]*)"/g)].map((m) => m[1]!);
    found.set(Number(group[1]), paths.join(' '));
  }
  // A character without a glyph in any font simply draws nothing (no box).
  missing.forEach((key, i) => {
    const d = found.get(i) ?? '';
    outlines.set(key, { id: `g${nextId++}`, d, ...inkExtent(d) });
  });
}

/**
 * System fonts stay unloaded so every machine draws the same outlines (and scanning them cost
 * ~50 ms); a character the bundled font lacks draws nothing, as before.
 */
const RESVG_FONTS = {
  loadSystemFonts: false,
  fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
  defaultFontFamily: FONT_FAMILY,
};
/** Pictures contain outlines only, so rendering them needs no fonts (loading them costs ~50 ms). */
export const RESVG_NO_FONTS = { loadSystemFonts: false };

/** Converts the glyphs of many texts at once: one resvg parse instead of one per line. */
export function preloadGlyphs(texts: { text: string; bold?: boolean }[]): void {
  ensureGlyphs(
    texts.flatMap((t) =>
      Array.from(t.text)
        .filter((c) => c !== ' ')
        .map((c) => glyphKey(c, t.bold ?? false)),
    ),
  );
}

/**
 * The outline of one character (SVG path data at BASE_PX, baseline at y = 0), for drawing text
 * without a font elsewhere (the ranking PDF); '' for a space or a character no font has.
 */
export function glyphOutline(ch: string, bold = false): { d: string; basePx: number } {
  if (ch === ' ') return { d: '', basePx: BASE_PX };
  const key = glyphKey(ch, bold);
  ensureGlyphs([key]);
  return { d: outlines.get(key)?.d ?? '', basePx: BASE_PX };
}

/** resvg writes absolute coordinates (M/L/C/Q/Z with x y pairs), so every even number is an x. */
function inkExtent(d: string): { minX: number; maxX: number } {
  let minX = Infinity;
  let maxX = -Infinity;
  for (const [i, n] of (d.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? []).entries()) {
    if (i % 2 !== 0) continue;
    const x = Number(n);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
  }
  return minX <= maxX ? { minX, maxX } : { minX: 0, maxX: 0 };
}

/**
 * Where one character's outline goes in its cell (one column of `columnPx` for a half-width
 * character, at `fontPx`), as transform values for SVG and PDF. The bundled Noto Sans SC has proportional Latin letters, while
 * receipts and cards lay text out in columns like the printer's monospaced font: a half-width
 * character is centred in its column and narrowed when its ink is wider (m, W), so `KIOSK-01`
 * reads evenly instead of `KI OSK- 01`. Full-width characters keep the font's own placement.
 */
export function glyphPlacement(
  ch: string,
  bold: boolean,
  columnPx: number,
  fontPx: number,
): { dx: number; scaleX: number; scaleY: number } {
  const scale = fontPx / BASE_PX;
  const glyph = outlines.get(glyphKey(ch, bold));
  if (!glyph || displayWidth(ch) !== 1) return { dx: 0, scaleX: scale, scaleY: scale };
  const cell = columnPx / scale;
  const ink = glyph.maxX - glyph.minX;
  const squeeze = ink > cell * INK_SHARE ? (cell * INK_SHARE) / ink : 1;
  const shift = (cell - ink * squeeze) / 2 - glyph.minX * squeeze;
  return { dx: shift * scale, scaleX: squeeze * scale, scaleY: scale };
}
/** The most of a column a half-width character's ink may cover, leaving a gap between letters. */
const INK_SHARE = 0.88;

export interface TextOptions {
  x: number;
  baseline: number;
  fontPx: number;
  bold?: boolean;
  /** Width of one column (half an em by default): ASCII takes one column, other characters two. */
  columnPx?: number;
  fill?: string;
}

/** Collects drawing operations and the glyph outlines they use, and writes the final SVG. */
export class SvgCanvas {
  private readonly parts: string[] = [];
  /** Outlines used by this picture, by id (kept here so a later cache reset cannot remove them). */
  private readonly used = new Map<string, string>();

  constructor(
    readonly width: number,
    readonly height: number,
    background = '#fff',
  ) {
    this.parts.push(`<rect width="${width}" height="${height}" fill="${background}"/>`);
  }

  raw(svg: string): void {
    this.parts.push(svg);
  }

  /** Draws text with every character at its own column position; returns the width drawn. */
  text(text: string, o: TextOptions): number {
    const chars = Array.from(text);
    const bold = o.bold ?? false;
    ensureGlyphs(chars.filter((c) => c !== ' ').map((c) => glyphKey(c, bold)));
    const column = o.columnPx ?? o.fontPx / 2;
    const fill = o.fill ? ` fill="${o.fill}"` : '';
    let x = o.x;
    for (const ch of chars) {
      const glyph = ch === ' ' ? undefined : outlines.get(glyphKey(ch, bold));
      if (glyph && glyph.d !== '') {
        this.used.set(glyph.id, glyph.d);
        const p = glyphPlacement(ch, bold, column, o.fontPx);
        const scale = p.scaleX === p.scaleY ? round(p.scaleX) : `${round4(p.scaleX)} ${round(p.scaleY)}`;
        const at = `translate(${round(x + p.dx)} ${round(o.baseline)})${scale === '1' ? '' : ` scale(${scale})`}`;
        this.parts.push(`<use href="#${glyph.id}" transform="${at}"${fill}/>`);
      }
      x += displayWidth(ch) * column;
    }
    return x - o.x;
  }

  toSvg(): string {
    const defs = [...this.used].map(([id, d]) => `<path id="${id}" d="${d}"/>`);
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}">` +
      `<defs>${defs.join('')}</defs>${this.parts.join('')}</svg>`
    );
  }
}

/** Width of text drawn with SvgCanvas.text at the default column (half an em). */
export function textWidthPx(text: string, fontPx: number): number {
  return (displayWidth(text) * fontPx) / 2;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function round4(n: number): string {
  return String(Math.round(n * 10_000) / 10_000);
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
