import type { PaperColumns, ReceiptDocument } from '../receipt/document';
import { layoutDocument, type LayoutLine } from '../receipt/layout';
import { displayWidth } from '../receipt/text-width';

/**
 * Plain-text rendering for golden tests and the on-screen preview. Double-size text shows at
 * normal size, aligned as on paper; a QR code shows as a centred `[QR: <data>]` line.
 */
export function renderText(doc: ReceiptDocument, columns: PaperColumns): string {
  return layoutDocument(doc, columns)
    .map((line) => textOf(line, columns))
    .join('\n')
    .concat('\n');
}

function textOf(line: LayoutLine, columns: number): string {
  if (line.kind === 'qr') {
    const label = `[QR: ${line.data}]`;
    return ' '.repeat(Math.max(0, Math.floor((columns - displayWidth(label)) / 2))) + label;
  }
  if (line.text === '' || line.size === 1) return line.text === '' ? '' : ' '.repeat(line.indent) + line.text;
  // Double-size text is shown at normal size, aligned the way it is aligned on paper.
  const room = Math.max(0, columns - displayWidth(line.text));
  const indent = line.align === 'center' ? Math.floor(room / 2) : line.align === 'right' ? room : 0;
  return ' '.repeat(indent) + line.text;
}
