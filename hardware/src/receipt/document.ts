/**
 * The printer-independent receipt document. One document is rendered by several
 * renderers (plain text, ESC/POS bytes, PNG picture), so what the resident gets on
 * paper, what staff see on screen and what tests compare are the same thing.
 */

export type Align = 'left' | 'center' | 'right';

export type ReceiptBlock =
  /** size 2 = double width and double height. */
  | { type: 'text'; text: string; align?: Align; bold?: boolean; size?: 1 | 2 }
  /**
   * width is in print columns and the widths should add up to at most the paper columns.
   * Every cell except the last keeps its rightmost column blank, so neighbouring cells never touch;
   * text longer than its cell wraps onto further rows of the same cell.
   */
  | { type: 'columns'; cells: { text: string; width: number; align?: Align }[]; bold?: boolean }
  | { type: 'rule'; char?: '-' | '=' }
  /** cellSize is the printed size of one QR module in printer dots (1–8). */
  | { type: 'qr'; data: string; cellSize?: number }
  | { type: 'feed'; lines: number };

/** Renderers end every job with a feed and a cut, so documents never contain them. */
export interface ReceiptDocument {
  blocks: ReceiptBlock[];
}

/** Characters per line with the standard 12×24 font: 58 mm paper (384 dots) | 80 mm paper (576 dots). */
export type PaperColumns = 32 | 48;

/** Width of the paper's printable area in dots (one column of font A is 12 dots wide). */
export function paperDots(columns: PaperColumns): number {
  return columns * 12;
}
