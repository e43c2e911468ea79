import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildRedemptionReceipt } from '../receipt/builders';
import type { PaperColumns } from '../receipt/document';
import { decodeQrFromPng, pngSize } from '../test-support/qr-decode';
import { SAMPLE } from '../test-support/sample-receipt';
import { renderPng } from './png';

/** Share of dark pixels in a band of rows. */
function ink(png: Buffer, fromRow: number, toRow: number): number {
  const image = PNG.sync.read(png);
  let dark = 0;
  for (let y = fromRow; y < toRow; y++) {
    for (let x = 0; x < image.width; x++) if (image.data[(y * image.width + x) * 4]! < 128) dark++;
  }
  return dark / ((toRow - fromRow) * image.width);
}

describe('receipt picture', () => {
  it.each<[PaperColumns, number]>([
    [32, 384],
    [48, 576],
  ])('is %i columns = %i px wide and its QR code scans as the receipt number', async (columns, width) => {
    const png = await renderPng(buildRedemptionReceipt(SAMPLE, columns), columns);
    expect(pngSize(png).width).toBe(width);
    expect(decodeQrFromPng(png)).toBe(SAMPLE.receiptNo);
  });

  it('draws Chinese glyphs (a line of Chinese text carries ink) and grows with the content', async () => {
    const one = await renderPng({ blocks: [{ type: 'text', text: '积分超市兑换' }] }, 32);
    const two = await renderPng(
      {
        blocks: [
          { type: 'text', text: '积分超市兑换' },
          { type: 'text', text: '食用油' },
        ],
      },
      32,
    );
    expect(ink(one, 16, 48)).toBeGreaterThan(0.03);
    expect(pngSize(two).height - pngSize(one).height).toBe(32);
  });

  it('leaves a blank line blank', async () => {
    const png = await renderPng(
      {
        blocks: [
          { type: 'feed', lines: 1 },
          { type: 'text', text: '积分' },
        ],
      },
      32,
    );
    expect(ink(png, 16, 48)).toBe(0);
    expect(ink(png, 48, 80)).toBeGreaterThan(0);
  });
});
