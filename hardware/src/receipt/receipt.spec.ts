import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderText } from '../render/text';
import { SAMPLE } from '../test-support/sample-receipt';
import { buildRedemptionReceipt, buildTestPage } from './builders';
import type { PaperColumns } from './document';
import { maskName } from './mask-name';
import { displayWidth, printableText, wrap } from './text-width';

const GOLDEN_DIR = path.join(__dirname, '__golden__');

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

describe('maskName', () => {
  it.each([
    ['王小明', '王*明'],
    ['王明', '王*'],
    ['欧阳小明', '欧**明'],
    ['Alice', 'A***e'],
    ['王', '王*'],
    ['', ''],
    ['  王小明 ', '王*明'],
    ['𠮷野家人', '𠮷**人'],
  ])('%j → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('displayWidth', () => {
  it('counts ASCII as one column and Chinese, fullwidth and Chinese punctuation as two', () => {
    expect(displayWidth('abc 123')).toBe(7);
    expect(displayWidth('王小明')).toBe(6);
    expect(displayWidth('积分：12')).toBe(8);
    expect(displayWidth('￥')).toBe(2);
    expect(displayWidth('“”')).toBe(4); // drawn from the Hanzi font in Chinese mode
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('e\u0301')).toBe(1); // a combining mark takes no column
  });
});

describe('printableText', () => {
  it('maps ¥ to the fullwidth ￥ and drops emoji and control characters', () => {
    expect(printableText('¥12 好👍\u0007吃\u200d')).toBe('￥12 好吃');
    expect(printableText('a\tb\nc')).toBe('a b c');
    expect(printableText('★签到')).toBe('★签到'); // GBK has ★, so it stays
  });
});

describe('wrap', () => {
  it('never splits a character and keeps every line within the width', () => {
    expect(wrap('金龙鱼花生油', 5)).toEqual(['金龙', '鱼花', '生油']);
    expect(wrap('Tissue paper 10 rolls', 14)).toEqual(['Tissue paper', '10 rolls']);
    expect(wrap('扫码应得：PRINTER TEST', 16)).toEqual(['扫码应得：', 'PRINTER TEST']);
  });
});

describe('document layout', () => {
  it('wraps double-size text at half the columns, balances centred lines, and keeps rows inside the paper', () => {
    const text = renderText(
      {
        blocks: [
          { type: 'text', text: '幸福里社区积分超市', size: 2, align: 'center' },
          { type: 'rule', char: '=' },
          {
            type: 'columns',
            cells: [
              { text: 'left', width: 30 },
              { text: 'right', width: 30, align: 'right' },
            ],
          },
          { type: 'feed', lines: 2 },
          { type: 'text', text: 'end', align: 'right' },
        ],
      },
      32,
    );
    expect(text).toBe(
      [
        '           幸福里社区',
        '            积分超市',
        '='.repeat(32),
        'left' + ' '.repeat(23) + 'right',
        '',
        '',
        ' '.repeat(29) + 'end',
        '',
      ].join('\n'),
    );
  });
});

describe('redemption receipt', () => {
  it.each<[PaperColumns, string]>([
    [32, 'redemption-58mm.txt'],
    [48, 'redemption-80mm.txt'],
  ])('matches the golden text for %i columns', (columns, file) => {
    golden(file, renderText(buildRedemptionReceipt(SAMPLE, columns), columns));
  });

  it('matches the golden text of a reprint (copy) on 58 mm paper', () => {
    golden(
      'redemption-copy-58mm.txt',
      renderText(buildRedemptionReceipt({ ...SAMPLE, copy: true, header: undefined, footer: undefined }, 32), 32),
    );
  });

  it('marks a copy twice and an original never', () => {
    const copy = renderText(buildRedemptionReceipt({ ...SAMPLE, copy: true }, 32), 32);
    const original = renderText(buildRedemptionReceipt(SAMPLE, 32), 32);
    expect(copy.match(/\*\* 补打 COPY \*\*/g)).toHaveLength(2);
    expect(original).not.toContain('补打');
  });

  it('shows local time as YYYY-MM-DD HH:mm and the masked member name only', () => {
    const text = renderText(buildRedemptionReceipt({ ...SAMPLE, createdAt: new Date(2027, 0, 3, 7, 4) }, 48), 48);
    expect(text).toContain('2027-01-03 07:04');
    expect(text).toContain('欧**明');
    expect(text).not.toContain('欧阳小明');
  });

  it('keeps item columns aligned and every name complete for any names and numbers', () => {
    const name = fc
      .array(fc.constantFrom('花', '生', '油', '（', '）', 'a', 'B', '7', ' ', '·', '￥', 'kg'), {
        minLength: 1,
        maxLength: 40,
      })
      .map((parts) => parts.join('').trim())
      .filter((s) => s !== '');
    const line = fc.record({
      name,
      quantity: fc.integer({ min: 1, max: 999 }),
      pricePoints: fc.integer({ min: 0, max: 99999 }),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.constantFrom<PaperColumns>(32, 48),
        (items, columns) => {
          const receipt = {
            ...SAMPLE,
            lines: items.map((l) => ({ ...l, lineTotal: l.quantity * l.pricePoints })),
          };
          const lines = renderText(buildRedemptionReceipt(receipt, columns), columns).split('\n');
          for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(columns);
          const table = itemTable(lines);
          const rowStarts = table.filter((l) => / \d+x\d+ +\d+$/.test(l));
          expect(rowStarts).toHaveLength(items.length);
          // The line total ends in the last column and the quantity column ends at one fixed column.
          const eachEnds = rowStarts.map((l) => displayWidth(l.replace(/ +\d+$/, '')));
          expect(new Set(eachEnds).size).toBe(1);
          for (const l of rowStarts) expect(displayWidth(l)).toBe(columns);
          // Reading the name column back gives every name (wrapping only drops spaces at the breaks).
          const names = table
            .join('\n')
            .replace(/ +\d+x\d+ +\d+/g, '')
            .replace(/[ \n]/g, '');
          expect(names).toBe(items.map((l) => printableText(l.name).replace(/ /g, '')).join(''));
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** The lines between the item header and the rule under the items. */
function itemTable(lines: string[]): string[] {
  const start = lines.findIndex((l) => l.startsWith('商品'));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('---'));
  return lines.slice(start + 1, end);
}

describe('test page', () => {
  it.each<PaperColumns>([32, 48])('fits %i columns and carries Chinese, ASCII and a QR code', (columns) => {
    const text = renderText(buildTestPage('幸福里社区积分超市', columns), columns);
    for (const l of text.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(columns);
    expect(text).toContain('1234567890'.repeat(5).slice(0, columns));
    expect(text).toContain('积分超市欢迎您');
    expect(text).toContain('ASCII: ABC xyz 0123456789');
    expect(text).toContain('[QR: PRINTER TEST 打印测试 OK]');
  });
});
