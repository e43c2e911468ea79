import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../qr';
import { decodeQrFromPng, pngSize } from '../test-support/qr-decode';
import { CARD_HEIGHT_PX, CARD_WIDTH_PX, cardLayout, renderCardPng, renderCardSheetPdf, type CardFace } from './card';

/** About the length of a signed card text (card number + Ed25519 signature). */
const card: CardFace = {
  qr: 'PSK1.C000123.tQ3v0mWlK6b2Zr1Y4xq8PjH0a7nN5sVb9cE2dF6gH1iJ3kL5mN7oP9qR1sT3uV5wX7yZ9aB1cD3eF5gH7iJ9kA',
  cardNo: 'C000123',
  memberName: '王小明',
  communityName: '幸福里社区',
  showName: false,
};

describe('member card picture', () => {
  it('has ID-1 proportions at 300 dpi', async () => {
    const size = pngSize(await renderCardPng(card));
    expect(size).toEqual({ width: CARD_WIDTH_PX, height: CARD_HEIGHT_PX });
    expect(size.width / size.height).toBeCloseTo(85.6 / 54, 2);
  });

  it('carries a QR code that scans back to the card text', async () => {
    expect(decodeQrFromPng(await renderCardPng(card))).toBe(card.qr);
  });

  it('draws every module of the QR matrix where the layout says, at least 6 px each', async () => {
    const image = PNG.sync.read(await renderCardPng(card));
    const m = qrMatrix(card.qr);
    const { qr } = cardLayout(card);
    expect(qr.module).toBeGreaterThanOrEqual(6);
    for (let row = 0; row < m.size; row++) {
      for (let col = 0; col < m.size; col++) {
        const x = qr.x + col * qr.module + Math.floor(qr.module / 2);
        const y = qr.y + row * qr.module + Math.floor(qr.module / 2);
        const dark = image.data[(y * image.width + x) * 4]! < 128;
        expect(dark).toBe(m.dark(row, col));
      }
    }
  });

  it('prints the masked name unless showName: two names with the same mask give the same card', async () => {
    const a = await renderCardPng({ ...card, memberName: '王小明' });
    const b = await renderCardPng({ ...card, memberName: '王大明' });
    const shown = await renderCardPng({ ...card, memberName: '王小明', showName: true });
    expect(a.equals(b)).toBe(true);
    expect(a.equals(shown)).toBe(false);
  });
});

describe('card sheet PDF', () => {
  const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
  const cards = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ ...card, cardNo: `C${String(i).padStart(6, '0')}` }));

  it.each([
    [1, 1],
    [10, 1],
    [11, 2],
    [21, 3],
  ])('puts %i cards on %i A4 page(s)', async (n, expected) => {
    const pdf = await renderCardSheetPdf(cards(n));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages(pdf)).toBe(expected);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
  });
});
