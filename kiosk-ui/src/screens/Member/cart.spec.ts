import { describe, expect, it } from 'vitest';
import {
  addBlocker,
  addOne,
  type CartLine,
  type CartProduct,
  cartTotal,
  checkoutBlocker,
  itemCount,
  MAX_LINES,
  MAX_QUANTITY,
  reconcile,
  removeOne,
  shortfall,
  without,
} from './cart';

/** A product id as the server makes them (UUIDv7 text), numbered for reading. */
const idOf = (n: number) => `019ac2f0-5c1e-7a3b-9f00-${String(n).padStart(12, '0')}`;

const product = (n: number, pricePoints: number, extra: Partial<CartProduct> = {}): CartProduct => ({
  id: idOf(n),
  name: `商品${n}`,
  pricePoints,
  stock: 10,
  monthlyLimit: null,
  active: true,
  ...extra,
});

const oil = product(1, 30, { monthlyLimit: 1 });
const eggs = product(2, 5, { monthlyLimit: 4 });
const soy = product(3, 8, { stock: 2 });
const soap = product(4, 3);
const catalogue = new Map([oil, eggs, soy, soap].map((p) => [p.id, p]));

function fill(items: [CartProduct, number][], balance = 1000): CartLine[] {
  let lines: CartLine[] = [];
  for (const [p, n] of items) for (let i = 0; i < n; i++) lines = addOne(lines, p, catalogue, { balance }).lines;
  return lines;
}

describe('cart totals', () => {
  it('adds up price × quantity over all lines', () => {
    const lines = fill([
      [oil, 1],
      [eggs, 3],
      [soap, 2],
    ]);
    expect(cartTotal(lines, catalogue)).toBe(30 + 15 + 6);
    expect(itemCount(lines)).toBe(6);
  });

  it('is zero for an empty cart', () => {
    expect(cartTotal([], catalogue)).toBe(0);
  });
});

describe('plus and minus', () => {
  it('puts a new product on its own line, then raises its quantity', () => {
    let lines = addOne([], eggs, catalogue, { balance: 100 }).lines;
    expect(lines).toEqual([{ productId: eggs.id, quantity: 1 }]);
    lines = addOne(lines, eggs, catalogue, { balance: 100 }).lines;
    expect(lines).toEqual([{ productId: eggs.id, quantity: 2 }]);
  });

  it('lowers the quantity and removes the line at zero', () => {
    let lines = fill([[eggs, 2]]);
    lines = removeOne(lines, eggs.id);
    expect(lines).toEqual([{ productId: eggs.id, quantity: 1 }]);
    expect(removeOne(lines, eggs.id)).toEqual([]);
  });

  it('leaves other lines alone when one changes', () => {
    const lines = removeOne(
      fill([
        [eggs, 1],
        [soap, 2],
      ]),
      soap.id,
    );
    expect(lines).toEqual([
      { productId: eggs.id, quantity: 1 },
      { productId: soap.id, quantity: 1 },
    ]);
  });
});

describe('what may be added', () => {
  it('refuses what the balance cannot cover and tells how many points are missing', () => {
    expect(addBlocker([], oil, catalogue, { balance: 12 })).toBe('points');
    expect(shortfall(oil, 12, 0)).toBe(18);
    const lines = fill([[eggs, 2]], 13);
    expect(addBlocker(lines, eggs, catalogue, { balance: 13 })).toBe('points');
    expect(shortfall(eggs, 13, cartTotal(lines, catalogue))).toBe(2);
    expect(shortfall(soap, 13, cartTotal(lines, catalogue))).toBe(0);
  });

  it('refuses a sold-out product', () => {
    expect(addBlocker([], product(9, 1, { stock: 0 }), catalogue, { balance: 100 })).toBe('soldOut');
  });

  it('refuses more than the stock', () => {
    const lines = fill([[soy, 2]]);
    expect(addBlocker(lines, soy, catalogue, { balance: 100 })).toBe('stock');
    expect(addOne(lines, soy, catalogue, { balance: 100 })).toEqual({ lines, blocker: 'stock' });
  });

  it('refuses more than the monthly limit', () => {
    const lines = fill([[oil, 1]]);
    expect(addBlocker(lines, oil, catalogue, { balance: 100 })).toBe('limit');
    expect(addBlocker(fill([[eggs, 4]]), eggs, catalogue, { balance: 100 })).toBe('limit');
  });

  it('refuses a product whose monthly allowance the server said is used up', () => {
    expect(addBlocker([], eggs, catalogue, { balance: 100, monthlyLeft: new Map([[eggs.id, 0]]) })).toBe(
      'limitReached',
    );
    const lines = fill([[eggs, 1]]);
    expect(addBlocker(lines, eggs, catalogue, { balance: 100, monthlyLeft: new Map([[eggs.id, 1]]) })).toBe(
      'limitReached',
    );
    expect(addBlocker([], eggs, catalogue, { balance: 100, monthlyLeft: new Map([[eggs.id, 1]]) })).toBeNull();
  });

  it('refuses a paused product', () => {
    expect(addBlocker([], product(9, 1, { active: false }), catalogue, { balance: 100 })).toBe('unavailable');
  });

  it('refuses a new line past the server’s line limit, but still raises an existing one', () => {
    const many = new Map<string, CartProduct>();
    let lines: CartLine[] = [];
    for (let n = 100; n < 100 + MAX_LINES; n++) {
      const next = product(n, 1);
      many.set(next.id, next);
      lines = addOne(lines, next, many, { balance: 1000 }).lines;
    }
    const extra = product(999, 1);
    many.set(extra.id, extra);
    expect(addBlocker(lines, extra, many, { balance: 1000 })).toBe('lines');
    expect(addBlocker(lines, many.get(idOf(100))!, many, { balance: 1000 })).toBeNull();
  });

  it('refuses more of one product than the server takes on one line', () => {
    const rice = product(5, 1, { stock: 1000 });
    const many = new Map([[rice.id, rice]]);
    let lines: CartLine[] = [];
    for (let i = 0; i < MAX_QUANTITY; i++) lines = addOne(lines, rice, many, { balance: 10_000 }).lines;
    expect(lines).toEqual([{ productId: rice.id, quantity: MAX_QUANTITY }]);
    expect(addBlocker(lines, rice, many, { balance: 10_000 })).toBe('quantity');
  });

  it('refuses everything while the balance is under the store minimum', () => {
    expect(addBlocker([], soap, catalogue, { balance: 5, minRedeemBalance: 10 })).toBe('belowMinimum');
    expect(addBlocker([], soap, catalogue, { balance: 10, minRedeemBalance: 10 })).toBeNull();
    expect(addBlocker([], soap, catalogue, { balance: 5, minRedeemBalance: null })).toBeNull();
  });

  it('allows an affordable product in stock', () => {
    expect(addBlocker([], soap, catalogue, { balance: 3 })).toBeNull();
  });
});

describe('checkout', () => {
  it('needs something in the cart', () => {
    expect(checkoutBlocker([], catalogue, 100, 10)).toBe('empty');
  });

  it('needs the store minimum balance when it is known, and says so even before anything is chosen', () => {
    const lines = fill([[soap, 1]]);
    expect(checkoutBlocker(lines, catalogue, 5, 10)).toBe('belowMinimum');
    expect(checkoutBlocker([], catalogue, 5, 10)).toBe('belowMinimum');
    expect(checkoutBlocker(lines, catalogue, 5, null)).toBeNull();
  });

  it('needs the balance to cover the total', () => {
    const lines = fill([[oil, 1]]);
    expect(checkoutBlocker(lines, catalogue, 29, 10)).toBe('points');
    expect(checkoutBlocker(lines, catalogue, 30, 10)).toBeNull();
  });
});

describe('reconcile with a fresh catalogue', () => {
  it('removes sold-out lines and lowers quantities above the stock, reporting each change', () => {
    const lines = fill([
      [eggs, 3],
      [soy, 2],
      [soap, 1],
    ]);
    const fresh = new Map(catalogue);
    fresh.set(eggs.id, { ...eggs, stock: 0 });
    fresh.set(soy.id, { ...soy, stock: 1 });
    const result = reconcile(lines, fresh);
    expect(result.lines).toEqual([
      { productId: soy.id, quantity: 1 },
      { productId: soap.id, quantity: 1 },
    ]);
    expect(result.changes).toEqual([
      { productId: eggs.id, name: '商品2', from: 3, to: 0 },
      { productId: soy.id, name: '商品3', from: 2, to: 1 },
    ]);
  });

  it('removes products that left the catalogue or were paused', () => {
    const lines = fill([
      [eggs, 1],
      [soap, 1],
    ]);
    const fresh = new Map([[soap.id, { ...soap, active: false }]]);
    expect(reconcile(lines, fresh).lines).toEqual([]);
  });

  it('changes nothing when everything is still there', () => {
    const lines = fill([[eggs, 2]]);
    expect(reconcile(lines, catalogue)).toEqual({ lines, changes: [] });
  });

  it('drops chosen products from the cart', () => {
    const lines = fill([
      [eggs, 2],
      [soap, 1],
    ]);
    expect(without(lines, new Set([eggs.id]))).toEqual([{ productId: soap.id, quantity: 1 }]);
  });
});
