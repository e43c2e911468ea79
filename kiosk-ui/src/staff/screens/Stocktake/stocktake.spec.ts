import { describe, expect, it } from 'vitest';
import { type BookStock, countsToSave, differences, nextUncounted, totals, unchangedCount } from './stocktake';

/** A product id as the server makes them (UUIDv7 text), numbered for reading. */
const idOf = (n: number) => `019ac2f0-5c1e-7a3b-9f00-${String(n).padStart(12, '0')}`;

const products: BookStock[] = [
  { id: idOf(1), name: '大米', stock: 20 },
  { id: idOf(2), name: '食用油', stock: 8 },
  { id: idOf(3), name: '鸡蛋', stock: 0 },
  { id: idOf(4), name: '毛巾', stock: 15 },
];

describe('stocktake differences', () => {
  it('lists only counted products that differ from the books, with the sign of the difference', () => {
    const counts = new Map([
      [idOf(1), 18],
      [idOf(2), 8],
      [idOf(3), 4],
    ]);
    expect(differences(products, counts)).toEqual([
      { productId: idOf(1), name: '大米', stock: 20, counted: 18, delta: -2 },
      { productId: idOf(3), name: '鸡蛋', stock: 0, counted: 4, delta: 4 },
    ]);
    expect(unchangedCount(products, counts)).toBe(1);
  });

  it('treats an uncounted product as unknown, not as zero', () => {
    expect(differences(products, new Map())).toEqual([]);
    expect(differences(products, new Map([[idOf(4), 0]]))).toEqual([
      { productId: idOf(4), name: '毛巾', stock: 15, counted: 0, delta: -15 },
    ]);
  });

  it('sums the units found above and below the books', () => {
    const diffs = differences(
      products,
      new Map([
        [idOf(1), 18],
        [idOf(3), 4],
        [idOf(4), 10],
      ]),
    );
    expect(totals(diffs)).toEqual({ more: 4, less: 7 });
  });

  it('saves every counted product still listed, matching ones too, and nothing uncounted', () => {
    const counts = new Map([
      [idOf(2), 8],
      [idOf(1), 18],
      [idOf(99), 5],
    ]);
    expect(countsToSave(products, counts)).toEqual([
      { productId: idOf(1), counted: 18 },
      { productId: idOf(2), counted: 8 },
    ]);
  });

  it('moves on to the next product not counted yet, wrapping round, and stops when all are', () => {
    const counts = new Map([
      [idOf(2), 8],
      [idOf(3), 0],
    ]);
    expect(nextUncounted(products, counts, idOf(1))).toBe(idOf(4));
    expect(nextUncounted(products, counts, idOf(4))).toBe(idOf(1));
    expect(nextUncounted(products, counts, null)).toBe(idOf(1));
    const all = new Map(products.map((p) => [p.id, p.stock]));
    expect(nextUncounted(products, all, idOf(1))).toBeNull();
  });
});
