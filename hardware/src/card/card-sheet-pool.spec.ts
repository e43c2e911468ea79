import { describe, expect, it, vi } from 'vitest';

/** How many card drawings were on libuv's thread pool at once. */
const drawing = vi.hoisted(() => ({ now: 0, most: 0, calls: 0 }));

vi.mock('@resvg/resvg-js', async (importOriginal) => {
  const original = await importOriginal<typeof import('@resvg/resvg-js')>();
  return {
    ...original,
    renderAsync: async (...args: Parameters<typeof original.renderAsync>) => {
      drawing.now += 1;
      drawing.calls += 1;
      drawing.most = Math.max(drawing.most, drawing.now);
      try {
        return await original.renderAsync(...args);
      } finally {
        drawing.now -= 1;
      }
    },
  };
});

const { renderCardSheetPdf } = await import('./card');

describe('renderCardSheetPdf', () => {
  it('draws one card at a time, leaving the rest of the thread pool to the database and the disk', async () => {
    const faces = Array.from({ length: 12 }, (_, i) => ({
      qr: `CARD-${i}`,
      cardNo: `1000${i}`,
      memberName: '王小明',
      communityName: '测试社区',
      showName: false,
    }));
    const pdf = await renderCardSheetPdf(faces);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(drawing.calls).toBe(12);
    expect(drawing.most).toBe(1);
  });
});
