import { renderAsync } from '@resvg/resvg-js';
import { paperDots, type PaperColumns, type ReceiptDocument } from '../receipt/document';
import { layoutDocument } from '../receipt/layout';
import { RESVG_NO_FONTS } from './glyphs';
import { linesToSvg } from './svg';

/** A picture of the receipt for people (preview, virtual printer, support): 384 or 576 px wide, one pixel per printer dot. */
export async function renderPng(doc: ReceiptDocument, columns: PaperColumns): Promise<Buffer> {
  const svg = linesToSvg(layoutDocument(doc, columns), paperDots(columns), { top: 16, bottom: 32 });
  const rendered = await renderAsync(svg, { background: '#fff', font: RESVG_NO_FONTS, fitTo: { mode: 'original' } });
  return rendered.asPng();
}
