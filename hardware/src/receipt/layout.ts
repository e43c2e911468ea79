import type { Align, PaperColumns, ReceiptBlock, ReceiptDocument } from './document';
import { displayWidth, pad, printableText, wrap } from './text-width';

/**
 * A document laid out into printed lines. All renderers start from this, so the text preview,
 * the ESC/POS bytes and the PNG picture break lines and align columns identically.
 */
export interface TextLine {
  kind: 'text';
  /** Leading blank columns (always in normal-size columns, also before double-size text). */
  indent: number;
  /** Printable text without trailing spaces; may be empty (a blank line). */
  text: string;
  size: 1 | 2;
  bold: boolean;
  align: Align;
}

export interface QrLine {
  kind: 'qr';
  data: string;
  cellSize: number;
}

export type LayoutLine = TextLine | QrLine;

export const DEFAULT_QR_CELL = 6;

export function layoutDocument(doc: ReceiptDocument, columns: PaperColumns): LayoutLine[] {
  return doc.blocks.flatMap((block) => layoutBlock(block, columns));
}

function layoutBlock(block: ReceiptBlock, columns: number): LayoutLine[] {
  switch (block.type) {
    case 'text':
      return layoutText(block.text, columns, block.align ?? 'left', block.size ?? 1, block.bold ?? false);
    case 'columns':
      return layoutColumns(block.cells, columns, block.bold ?? false);
    case 'rule':
      return [plain((block.char ?? '-').repeat(columns))];
    case 'qr':
      return [{ kind: 'qr', data: block.data, cellSize: clampInt(block.cellSize ?? DEFAULT_QR_CELL, 1, 8) }];
    case 'feed':
      return Array.from({ length: clampInt(block.lines, 0, 20) }, () => plain(''));
  }
}

function plain(text: string, bold = false): TextLine {
  return { kind: 'text', indent: 0, text, size: 1, bold, align: 'left' };
}

function layoutText(text: string, columns: number, align: Align, size: 1 | 2, bold: boolean): TextLine[] {
  const capacity = Math.floor(columns / size);
  // Explicit line breaks in the source (a multi-line header or footer) are kept.
  const pieces = text.split(/\r?\n/).map(printableText);
  return pieces.flatMap((piece) =>
    wrapBalanced(piece, capacity, align).map((line): TextLine => {
      const printed = displayWidth(line) * size;
      const room = Math.max(0, columns - printed);
      const indent = align === 'left' ? 0 : align === 'center' ? Math.floor(room / 2) : room;
      return { kind: 'text', indent, text: line, size, bold, align };
    }),
  );
}

/**
 * Centred text that needs several lines is split into lines of similar length
 * (幸福里社区 / 积分超市, not 幸福里社区积分超 / 市), which reads better for titles.
 */
function wrapBalanced(text: string, capacity: number, align: Align): string[] {
  const lines = wrap(text, capacity);
  if (align !== 'center' || lines.length < 2) return lines;
  for (let width = Math.ceil(displayWidth(text) / lines.length); width < capacity; width++) {
    const balanced = wrap(text, width);
    if (balanced.length === lines.length) return balanced;
  }
  return lines;
}

interface Cell {
  text: string;
  width: number;
  align?: Align;
}

function layoutColumns(cells: Cell[], columns: number, bold: boolean): TextLine[] {
  const widths = fitWidths(
    cells.map((c) => c.width),
    columns,
  );
  const wrapped = cells.map((cell, i) => {
    const isLast = i === cells.length - 1;
    const room = Math.max(1, widths[i] - (isLast ? 0 : 1));
    return wrap(printableText(cell.text), room).map(
      (line) => pad(line, room, cell.align ?? 'left') + (isLast ? '' : ' '),
    );
  });
  const rows = Math.max(1, ...wrapped.map((w) => w.length));
  const lines: TextLine[] = [];
  for (let row = 0; row < rows; row++) {
    // A cell that ran out of lines keeps its width with blanks, so later cells stay in their columns.
    const text = wrapped.map((cellLines, i) => cellLines[row] ?? ' '.repeat(widths[i])).join('');
    lines.push(plain(text.trimEnd(), bold));
  }
  return lines;
}

/** Shrinks the widest cells until the row fits the paper; a document should not need it, but a receipt must still print. */
function fitWidths(requested: number[], columns: number): number[] {
  const widths = requested.map((w) => clampInt(w, 1, columns));
  let excess = widths.reduce((a, b) => a + b, 0) - columns;
  while (excess > 0) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest] <= 1) break;
    widths[widest] -= 1;
    excess--;
  }
  return widths;
}

function clampInt(n: number, min: number, max: number): number {
  if (!Number.isFinite(n)) return min;
  return Math.min(max, Math.max(min, Math.round(n)));
}
