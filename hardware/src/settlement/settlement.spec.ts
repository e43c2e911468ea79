import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderSettlementPdf, settlementTitle, type SettlementSheet } from './settlement';

function sheet(products: number): SettlementSheet {
  return {
    storeName: '幸福社区积分超市',
    year: 2026,
    quarter: 4,
    printedAt: new Date(2027, 0, 5),
    redeemed: Array.from({ length: products }, (_, i) => ({
      name: `商品${i + 1}号`,
      quantity: i + 1,
      points: 10 * (i + 1),
    })),
    voids: [{ receiptNo: 'SA1-000003', points: 30, reason: '顾客退回' }],
    received: [{ name: '洗衣液', quantity: 20 }],
    entries: [
      { label: '志愿服务', count: 3, points: 30 },
      { label: '扣减与调整', count: 1, points: -5 },
    ],
    totals: [
      { label: '兑换积分', value: 120 },
      { label: '奖励积分', value: 30 },
    ],
  };
}

/** The text of each page, as a PDF reader extracts it (poppler's pdftotext). */
function pages(pdf: Buffer): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  return text.split('\f').filter((page) => page.trim() !== '');
}

describe('settlement sheet PDF', () => {
  it('names store, year and quarter in its title', () => {
    expect(settlementTitle({ storeName: '和平里', year: 2027, quarter: 1 })).toBe(
      '和平里 2027年第1季度 积分超市结算单',
    );
  });

  it('fits a small quarter on one A4 page with the tables, totals and the signature block as text', async () => {
    const pdf = await renderSettlementPdf(sheet(3));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const [page, ...more] = pages(pdf);
    expect(more).toEqual([]);
    expect(page).toContain('幸福社区积分超市 2026年第4季度 积分超市结算单');
    expect(page).toContain('结算期间：2026年10月1日 至 2026年12月31日');
    expect(page).toMatch(/商品3号\s+3\s+30\n/);
    expect(page).toMatch(/SA1-000003\s+30\s+顾客退回/);
    expect(page).toMatch(/扣减与调整\s+1\s+-5\n/);
    expect(page).toMatch(/奖励积分\s+30\n/);
    for (const word of ['经办人', '审核人', '街道办（盖章）', '日期']) expect(page).toContain(word);
    expect(page).toMatch(/第\s*1\s*页\s*\/\s*共\s*1\s*页/);
    // the font is embedded as a subset, not the 10 MB file
    expect(pdf.toString('latin1').match(/\/FontName \/[A-Z]{6}\+/g)?.length).toBeGreaterThanOrEqual(1);
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('numbers the pages of a long quarter, repeats the table header and keeps the signatures on the last page', async () => {
    const texts = pages(await renderSettlementPdf(sheet(90)));
    expect(texts.length).toBeGreaterThan(2);
    texts.forEach((text, i) =>
      expect(text).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*/\\s*共\\s*${texts.length}\\s*页`)),
    );
    expect(texts[1]).toMatch(/商品\s+数量\s+积分/);
    for (let i = 1; i <= 90; i++) expect(texts.join('\n')).toMatch(new RegExp(`商品${i}号\\s+${i}\\s+${10 * i}\\n`));
    expect(texts.at(-1)).toContain('街道办（盖章）');
    expect(texts.slice(0, -1).join('')).not.toContain('街道办（盖章）');
  });
});
