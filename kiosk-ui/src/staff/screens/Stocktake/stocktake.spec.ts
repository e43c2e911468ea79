import { describe, expect, it } from 'vitest';
import { type BookStock, countsToSave, differences, nextUncounted, totals, unchangedCount } from './stocktake';

const products: BookStock[] = [
  { id: 1, name: '大米', stock: 20 },
  { id: 2, name: '食用油', stock: 8 },
  { id: 3, name: '鸡蛋', stock: 0 },
  { id: 4, name: '毛巾', stock: 15 },
];

describe('stocktake differences', () => {
  it('lists only counted products that differ from the books, with the sign of the difference', () => {
    const counts = new Map([
      [1, 18],
      [2, 8],
      [3, 4],
    ]);
    expect(differences(products, counts)).toEqual([
      { productId: 1, name: '大米', stock: 20, counted: 18, delta: -2 },
      { productId: 3, name: '鸡蛋', stock: 0, counted: 4, delta: 4 },
    ]);
    expect(unchangedCount(products, counts)).toBe(1);
  });

  it('treats an uncounted product as unknown, not as zero', () => {
    expect(differences(products, new Map())).toEqual([]);
    expect(differences(products, new Map([[4, 0]]))).toEqual([
      { productId: 4, name: '毛巾', stock: 15, counted: 0, delta: -15 },
    ]);
  });

  it('sums the units found above and below the books', () => {
    const diffs = differences(
      products,
      new Map([
        [1, 18],
        [3, 4],
        [4, 10],
      ]),
    );
    expect(totals(diffs)).toEqual({ more: 4, less: 7 });
  });

  it('saves every counted product still listed, matching ones too, and nothing uncounted', () => {
    const counts = new Map([
      [2, 8],
      [1, 18],
      [99, 5],
    ]);
    expect(countsToSave(products, counts)).toEqual([
      { productId: 1, counted: 18 },
      { productId: 2, counted: 8 },
    ]);
  });

  it('moves on to the next product not counted yet, wrapping round, and stops when all are', () => {
    const counts = new Map([
      [2, 8],
      [3, 0],
    ]);
    expect(nextUncounted(products, counts, 1)).toBe(4);
    expect(nextUncounted(products, counts, 4)).toBe(1);
    expect(nextUncounted(products, counts, null)).toBe(1);
    const all = new Map(products.map((p) => [p.id, p.stock]));
    expect(nextUncounted(products, all, 1)).toBeNull();
  });
});
