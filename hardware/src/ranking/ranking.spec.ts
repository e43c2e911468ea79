import { PNG } from 'pngjs';
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  paginate,
  rankingPagesSvg,
  rankingTitle,
  renderRankingPdf,
  renderRankingPng,
  ROWS_ON_FULL_PAGE,
  ROWS_ON_LAST_PAGE,
  type RankingNotice,
  type RankingNoticeRow,
} from './ranking';

const NAMES = ['王*明', '李*华', '欧**明', '张*', '赵*红家', '刘*伟', '陈*', '杨*兰家'];

function rows(count: number): RankingNoticeRow[] {
  return Array.from({ length: count }, (_, i) => ({
    rank: i + 1,
    displayName: `${NAMES[i % NAMES.length]}${i >= NAMES.length ? String(i) : ''}`,
    points: 500 - i,
  }));
}

function notice(count: number, by: RankingNotice['by'] = 'member'): RankingNotice {
  return {
    storeName: '幸福社区积分超市',
    year: 2026,
    month: 11,
    by,
    rows: rows(count),
    printedAt: new Date(2026, 11, 1),
  };
}

/** The PDF's page objects, counted as a PDF reader would find them. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

/** The object a `startxref` points at must be the cross-reference table, or a reader cannot open the file. */
function expectWellFormed(pdf: Buffer): void {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const offset = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  expect(text.slice(offset, offset + 4)).toBe('xref');
  expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
}

/** Decodes a PDF literal string `( … )` holding UTF-16BE text, as the document information uses. */
function pdfInfoString(pdf: Buffer, key: string): string {
  const text = pdf.toString('latin1');
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(text)?.[1];
  const start = text.indexOf(`\n${ref} 0 obj\n(`) + `\n${ref} 0 obj\n(`.length;
  const bytes: number[] = [];
  for (let i = start; text[i] !== ')'; i++) {
    let c = text.charCodeAt(i);
    if (text[i] === '\\') {
      i++;
      const escaped: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
      c = escaped[text[i]!] ?? text.charCodeAt(i);
    }
    bytes.push(c);
  }
  expect(bytes.slice(0, 2)).toEqual([0xfe, 0xff]);
  return Buffer.from(bytes.slice(2)).swap16().toString('utf16le');
}

/** Every text run of an SVG page: its label and how many glyphs are drawn in it. */
function textRuns(svg: string): { label: string; glyphs: number }[] {
  return [...svg.matchAll(/<g aria-label="([^"]*)">(.*?)<\/g>/g)].map((m) => ({
    label: m[1]!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))),
    glyphs: (m[2]!.match(/<use /g) ?? []).length,
  }));
}

/** The text of each page, as a PDF reader extracts it (poppler's pdftotext). */
function pdfText(pdf: Buffer): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  return text.split('\f').filter((page) => page.trim() !== '');
}

/** How many filled shapes each page of the PDF draws. */
function pdfFills(pdf: Buffer): number[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
    .map((m) => inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1'))
    .filter((content) => !content.includes('\0') && !content.includes('begincmap')) // not the embedded fonts
    .map((content) => content.match(/^f$/gm)?.length ?? 0);
}

describe('ranking notice PDF', () => {
  it.each([
    [0, 1],
    [1, 1],
    [ROWS_ON_LAST_PAGE, 1],
    [ROWS_ON_LAST_PAGE + 1, 2],
    [ROWS_ON_FULL_PAGE + ROWS_ON_LAST_PAGE, 2],
    [ROWS_ON_FULL_PAGE + ROWS_ON_LAST_PAGE + 1, 3],
    [100, 5],
  ])('puts %i rows on %i A4 page(s) and is a well-formed PDF', async (count, pages) => {
    const pdf = await renderRankingPdf(notice(count));
    expectWellFormed(pdf);
    expect(pageCount(pdf)).toBe(pages);
    expect(rankingPagesSvg(notice(count))).toHaveLength(pages);
  });

  it('carries the title "{store} {YYYY年M月} 积分公示" in its document information', async () => {
    const pdf = await renderRankingPdf(notice(3));
    expect(pdfInfoString(pdf, 'Title')).toBe('幸福社区积分超市 2026年11月 积分公示');
    expect(rankingTitle({ storeName: '和平里', year: 2027, month: 1 })).toBe('和平里 2027年1月 积分公示');
  });

  it('draws its text as text in the embedded font subset, so it can be searched and copied', async () => {
    const n = notice(30);
    const pdf = await renderRankingPdf(n);
    const pages = pdfText(pdf);
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(page).toContain('幸福社区积分超市 2026年11月 积分公示');
    const words = pages.join('\n').split(/\s+/);
    for (const row of n.rows) expect(words.filter((word) => word === row.displayName)).toHaveLength(1);
    expect(pages[1]).toContain('公示期：2026年12月1日 至 2026年12月7日');
    expect(pages[0]).toMatch(/第\s*1\s*页\s*\/\s*共\s*2\s*页/); // pdftotext drops the spaces of the layout
    // Both weights are embedded, as subsets (a full Noto Sans SC file is over 10 MB).
    const fonts = pdf.toString('latin1').match(/\/FontName \/[A-Z]{6}\+[^\s/]+/g) ?? [];
    expect(fonts).toHaveLength(2);
    expect(pdf.length).toBeLessThan(100_000);
  });

  it('draws only the rules as filled shapes: no glyph outlines', async () => {
    const n = notice(30);
    const rules = rankingPagesSvg(n).map((svg) => (svg.match(/<rect x=/g) ?? []).length);
    expect(pdfFills(await renderRankingPdf(n))).toEqual(rules);
  });
});

describe('ranking notice pages', () => {
  it('show the title, then every row in order as rank, masked name and points, each row exactly once', () => {
    const n = notice(45);
    const runs = rankingPagesSvg(n).map(textRuns);
    for (const page of runs) expect(page[0]!.label).toBe('幸福社区积分超市 2026年11月 积分公示');
    const body = runs.flatMap((page) => page.map((run) => run.label));
    const table = n.rows.map((row) => [String(row.rank), row.displayName, String(row.points)]);
    const found = table.map((cells) => body.findIndex((label, i) => cells.every((cell, k) => body[i + k] === cell)));
    expect(found.every((index) => index >= 0)).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
    for (const row of n.rows) expect(body.filter((label) => label === row.displayName)).toHaveLength(1);
  });

  it('draw every character of every name (one glyph per character), not just label it', () => {
    for (const run of rankingPagesSvg(notice(12)).flatMap(textRuns)) {
      expect(run.glyphs, run.label).toBe(Array.from(run.label).filter((c) => c !== ' ').length);
    }
  });

  it('end with the notice period, an objection line and the signature line; every page says which page it is', () => {
    const pages = rankingPagesSvg(notice(ROWS_ON_FULL_PAGE + 5)).map((svg) => textRuns(svg).map((run) => run.label));
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('公示期：2026年12月1日 至 2026年12月7日');
    expect(pages[1]).toContain('监督小组签字：');
    expect(pages[0]).not.toContain('监督小组签字：');
    expect(pages[0]).toContain('第 1 页 / 共 2 页');
    expect(pages[1]).toContain('第 2 页 / 共 2 页');
    expect(pages[0]).toContain('幸福社区积分超市 · 打印日期：2026年12月1日');
  });

  it('name the basis: by member or by household, and say so when nobody earned points', () => {
    const household = textRuns(rankingPagesSvg(notice(2, 'household'))[0]!).map((run) => run.label);
    expect(household).toContain('户');
    expect(household.some((label) => label.startsWith('按户统计'))).toBe(true);
    const member = textRuns(rankingPagesSvg(notice(2, 'member'))[0]!).map((run) => run.label);
    expect(member).toContain('姓名');
    const empty = textRuns(rankingPagesSvg(notice(0))[0]!).map((run) => run.label);
    expect(empty).toContain('本月暂无获得积分的记录');
  });

  it('render to an A4-shaped picture with ink in the table', async () => {
    const png = PNG.sync.read(await renderRankingPng(notice(5), 0, 1));
    expect([png.width, png.height]).toEqual([595, 842]);
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 100) dark++;
    expect(dark).toBeGreaterThan(2000);
  });
});

describe('paginate', () => {
  it('fills full pages and keeps at least one row for the last page, with its closing block', () => {
    const sizes = (n: number) => paginate(Array.from({ length: n })).map((page) => page.length);
    expect(sizes(0)).toEqual([0]);
    expect(sizes(ROWS_ON_LAST_PAGE)).toEqual([ROWS_ON_LAST_PAGE]);
    expect(sizes(ROWS_ON_LAST_PAGE + 1)).toEqual([ROWS_ON_LAST_PAGE, 1]);
    expect(sizes(3 * ROWS_ON_FULL_PAGE)).toEqual([ROWS_ON_FULL_PAGE, ROWS_ON_FULL_PAGE, ROWS_ON_FULL_PAGE - 1, 1]);
    for (let n = 0; n < 120; n++) {
      const pages = sizes(n);
      expect(pages.reduce((a, b) => a + b, 0)).toBe(n);
      expect(pages.at(-1)!).toBeLessThanOrEqual(ROWS_ON_LAST_PAGE);
      expect(pages.slice(0, -1).every((size) => size <= ROWS_ON_FULL_PAGE && size > 0)).toBe(true);
    }
  });
});

describe('district notice (rows of several stores)', () => {
  it('adds a store column when the rows name their store, and none otherwise', async () => {
    const stores = ['幸福社区积分超市', '和平社区积分超市'];
    const district: RankingNotice = {
      ...notice(4),
      storeName: '全区',
      rows: rows(4).map((row, i) => ({ ...row, store: stores[i % 2]! })),
    };
    const [page] = pdfText(await renderRankingPdf(district));
    expect(page).toContain('全区 2026年11月 积分公示');
    expect(page).toContain('门店');
    for (const row of district.rows) {
      expect(page).toMatch(new RegExp(`${row.displayName.replace(/\*/g, '\\*')}\\s+${row.store}\\s+${row.points}`));
    }
    expect(textRuns(rankingPagesSvg(district)[0]!).map((run) => run.label)).toContain(stores[1]);
    expect(pdfText(await renderRankingPdf(notice(4)))[0]).not.toContain('门店');
  });
});
