import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../support/api';
import type { DemoCard } from '../support/kiosk';
import {
  catalog,
  createProduct,
  expectRefused,
  findInconsistencies,
  fundedResident,
  getBytes,
  ISO_TIME,
  newKey,
  openStore,
  parseCsv,
  passbook,
  productByName,
  redeem,
  scan,
  staffToken,
  type Store,
  UUID,
  verify,
  type Product,
  type Redemption,
} from './helpers';

/** Well-formed ids that name no product. */
const UNKNOWN_ID = '01890000-0000-7000-8000-00000000d0d0';
const OTHER_UNKNOWN_ID = '01890000-0000-7000-8000-00000000d0d1';

let store: Store;
let cards: DemoCard[];
let eggs: Product;
let soap: Product;
let oil: Product;

beforeAll(async () => {
  store = await openStore();
  cards = store.kiosk.cards();
  eggs = await productByName(store.api, '鸡蛋 10 个');
  soap = await productByName(store.api, '香皂');
  oil = await productByName(store.api, '食用油 5L');
});

afterAll(async () => {
  await store?.close();
});

/** The numbers behind a refusal (`details` of the error body). */
function detailsOf(response: ApiResponse): unknown {
  return (response.body as { details?: unknown }).details;
}

describe('a redemption that succeeds', () => {
  it('answers 201 with the receipt, deducts the points once and takes the goods out of stock', async () => {
    const resident = await fundedResident(store, 100);
    const before = await catalog(store.api);
    const response = await redeem(resident.api, [
      { productId: eggs.id, quantity: 2 },
      { productId: soap.id, quantity: 1 },
    ]);
    expect(response.status, response.text).toBe(201);
    const body = response.body;
    expect(body.id).toMatch(UUID);
    expect(body.receiptNo).toMatch(/^TEST01-\d{6}$/);
    expect(body.accountId).toBe(resident.accountId);
    expect(body.totalPoints).toBe(2 * eggs.pricePoints + soap.pricePoints);
    expect(body.balanceBefore).toBe(100);
    expect(body.balanceAfter).toBe(100 - body.totalPoints);
    expect(body.status).toBe('completed');
    expect(body.createdAt).toMatch(ISO_TIME);
    expect(body.print).toEqual({ status: 'disabled', jobId: null });
    expect(body.lines).toEqual([
      {
        productId: eggs.id,
        name: eggs.name,
        quantity: 2,
        pricePoints: eggs.pricePoints,
        lineTotal: 2 * eggs.pricePoints,
      },
      { productId: soap.id, name: soap.name, quantity: 1, pricePoints: soap.pricePoints, lineTotal: soap.pricePoints },
    ]);

    const current = await resident.api.get<{ account: { balance: number } }>('/api/sessions/current');
    expect(current.body.account.balance).toBe(body.balanceAfter);

    const after = await catalog(store.api);
    const stockOf = (list: Product[], id: string) => list.find((p) => p.id === id)!.stock;
    expect(stockOf(after, eggs.id)).toBe(stockOf(before, eggs.id) - 2);
    expect(stockOf(after, soap.id)).toBe(stockOf(before, soap.id) - 1);

    const again = await resident.api.get<Redemption>(`/api/redemptions/${body.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(body);
  });

  it('writes one redeem entry to the passbook with a running balance that equals the account balance', async () => {
    const resident = await fundedResident(store, 40);
    const response = await redeem(resident.api, [{ productId: soap.id, quantity: 3 }]);
    expect(response.status, response.text).toBe(201);

    const book = await passbook(store.admin, resident.accountId);
    expect(book.account.balance).toBe(40 - 3 * soap.pricePoints);
    expect(book.entries.map((entry) => [entry.kind, entry.delta])).toEqual([
      ['award', 40],
      ['redeem', -3 * soap.pricePoints],
    ]);
    const last = book.entries.at(-1)!;
    expect(last.balanceAfter).toBe(response.body.balanceAfter);
    expect(last.reason).toContain(soap.name);
    expect(last.actor).toBe(`member:${resident.memberId}`);
    expect(last.kioskId).toBe('TEST01');
    expect(last.hash).toMatch(/^[0-9a-f]{64}$/);
    let running = 0;
    for (const entry of book.entries) {
      running += entry.delta;
      expect(entry.balanceAfter).toBe(running);
    }
    expect(running).toBe(book.account.balance);
    const audit = await verify(store.admin);
    expect(audit.ok).toBe(true);
  });

  it('exports the redemption to CSV with a UTF-8 byte-order mark, a Chinese header and one row per line', async () => {
    const resident = await fundedResident(store, 60);
    const response = await redeem(resident.api, [
      { productId: eggs.id, quantity: 1 },
      { productId: soap.id, quantity: 2 },
    ]);
    expect(response.status, response.text).toBe(201);
    const csv = await getBytes(store.kiosk.url, '/api/exports/redemptions.csv', store.adminToken);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = text.slice(0, -2).split('\r\n');
    expect(rows[0]).toBe('小票号,兑换时间,会员,户,卡号,商品,数量,单价(积分),小计(积分),合计(积分),状态,终端');
    for (const row of rows) {
      expect(row).not.toMatch(/[\r\n]/);
      expect(row.split(',')).toHaveLength(12);
    }
    const mine = rows.filter((row) => row.startsWith(`${response.body.receiptNo},`)).map((row) => row.split(','));
    expect(mine).toHaveLength(2);
    expect(mine.map((fields) => fields.slice(4))).toEqual([
      [
        resident.cardNo,
        eggs.name,
        '1',
        String(eggs.pricePoints),
        String(eggs.pricePoints),
        String(response.body.totalPoints),
        '已兑换',
        'TEST01',
      ],
      [
        resident.cardNo,
        soap.name,
        '2',
        String(soap.pricePoints),
        String(2 * soap.pricePoints),
        String(response.body.totalPoints),
        '已兑换',
        'TEST01',
      ],
    ]);
    expect(mine[0]![1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });
});

describe('the redemption export', () => {
  it('quotes commas and quotes, and defuses names that a spreadsheet would run as a formula', async () => {
    const member = await store.admin.post<{ member: { accountId: string }; card: { qr: string } }>('/api/members', {
      name: '=HYPERLINK("x"),张',
    });
    expect(member.status, member.text).toBe(201);
    const awarded = await store.admin.post('/api/points/awards', {
      accountId: member.body.member.accountId,
      points: 50,
      reason: '测试',
    });
    expect(awarded.status).toBe(201);
    const resident = await scan(store.api, member.body.card.qr);
    const done = await redeem(resident.api, [{ productId: soap.id, quantity: 1 }]);
    expect(done.status).toBe(201);
    const csv = await getBytes(store.kiosk.url, '/api/exports/redemptions.csv', store.adminToken);
    const rows = parseCsv(csv.bytes.subarray(3).toString('utf8'));
    expect(rows.every((row) => row.length === 12)).toBe(true);
    const mine = rows.find((row) => row[0] === done.body.receiptNo)!;
    expect(mine[2]).toBe(`'=HYPERLINK("x"),张`);
  });

  it('filters by local day: today is in from=today&to=today, not in to=yesterday nor from=tomorrow', async () => {
    const resident = await fundedResident(store, 30);
    const done = await redeem(resident.api, [{ productId: soap.id, quantity: 1 }]);
    expect(done.status).toBe(201);
    const day = (offset: number) => {
      const d = new Date();
      d.setDate(d.getDate() + offset);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const exported = async (query: string) =>
      (await getBytes(store.kiosk.url, `/api/exports/redemptions.csv?${query}`, store.adminToken)).bytes.toString(
        'utf8',
      );
    expect(await exported(`from=${day(0)}&to=${day(0)}`)).toContain(done.body.receiptNo);
    expect(await exported(`to=${day(-1)}`)).not.toContain(done.body.receiptNo);
    expect(await exported(`from=${day(1)}`)).not.toContain(done.body.receiptNo);
    // (The content type of this error is checked in fuzz.test.ts; here only status and code.)
    const refused = await store.admin.get(`/api/exports/redemptions.csv?from=${day(2)}&to=${day(0)}`);
    expect([refused.status, JSON.parse(refused.text).code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses from one day after to (400), like any from after to, instead of an empty export', async () => {
    const refused = await store.admin.get('/api/exports/redemptions.csv?from=2026-11-02&to=2026-11-01');
    expect(refused.status, refused.text).toBe(400);
    expect(JSON.parse(refused.text).code).toBe('VALIDATION_FAILED');
  });
});

describe('stock changes by staff', () => {
  it('a stocktake is all or nothing: one unknown product and no count is applied', async () => {
    const product = await createProduct(store.admin, { pricePoints: 2, stock: 10 });
    await expectRefused(
      store,
      () =>
        store.admin.post('/api/inventory/stocktakes', {
          counts: [
            { productId: product.id, counted: 3 },
            { productId: UNKNOWN_ID, counted: 1 },
          ],
          note: '盘点',
        }),
      404,
      'PRODUCT_NOT_FOUND',
    );
    expect((await productByName(store.api, product.name)).stock).toBe(10);
  });

  it('PATCH stock records an adjustment so that stock still equals the sum of its movements', async () => {
    const product = await createProduct(store.admin, { pricePoints: 2, stock: 10 });
    const patched = await store.admin.patch<Product>(`/api/products/${product.id}`, { stock: 4 });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.stock).toBe(4);
    const row = await store.db.get<{ sum: number }>(
      'SELECT SUM(delta) AS sum FROM stock_movements WHERE productId = ?',
      product.id,
    );
    expect(row!.sum).toBe(4);
  });
});

describe('a redemption that is refused changes nothing', () => {
  it('INSUFFICIENT_POINTS (409) when the balance does not cover the total, with the balance and the total', async () => {
    const resident = await fundedResident(store, 20);
    const oilRefused = await expectRefused(
      store,
      () => redeem(resident.api, [{ productId: oil.id, quantity: 1 }]),
      409,
      'INSUFFICIENT_POINTS',
    );
    expect(detailsOf(oilRefused)).toEqual({ balance: 20, required: oil.pricePoints });
    const soapRefused = await expectRefused(
      store,
      () => redeem(resident.api, [{ productId: soap.id, quantity: 7 }]),
      409,
      'INSUFFICIENT_POINTS',
    );
    expect(detailsOf(soapRefused)).toEqual({ balance: 20, required: 7 * soap.pricePoints });
  });

  it('BELOW_MINIMUM_BALANCE (409) for 何奶奶 with 5 points, even for a 3-point item', async () => {
    const card = cards.find((c) => c.name === '何奶奶')!;
    expect(card.balance).toBe(5);
    const resident = await scan(store.api, card.qr);
    expect(resident.balance).toBe(5);
    const refused = await expectRefused(
      store,
      () => redeem(resident.api, [{ productId: soap.id, quantity: 1 }]),
      409,
      'BELOW_MINIMUM_BALANCE',
    );
    expect(detailsOf(refused)).toEqual({ balance: 5, minimum: 10 });
  });

  it('OUT_OF_STOCK (409) when asking for more than is on the shelf, and for an empty shelf', async () => {
    const resident = await fundedResident(store, 200);
    const soy = await productByName(store.api, '酱油 500ml');
    expect(soy.stock).toBe(3);
    const tooMany = await expectRefused(
      store,
      () => redeem(resident.api, [{ productId: soy.id, quantity: 4 }]),
      409,
      'OUT_OF_STOCK',
    );
    expect(detailsOf(tooMany)).toEqual({ productId: soy.id, available: 3 });
    const empty = await createProduct(store.admin, { pricePoints: 2, stock: 0 });
    const none = await expectRefused(
      store,
      () => redeem(resident.api, [{ productId: empty.id, quantity: 1 }]),
      409,
      'OUT_OF_STOCK',
    );
    expect(detailsOf(none)).toEqual({ productId: empty.id, available: 0 });
    // A good line next to an impossible one: the whole basket is refused.
    const mixed = await expectRefused(
      store,
      () =>
        redeem(resident.api, [
          { productId: soap.id, quantity: 1 },
          { productId: soy.id, quantity: 4 },
        ]),
      409,
      'OUT_OF_STOCK',
    );
    expect(detailsOf(mixed)).toEqual({ productId: soy.id, available: 3 });
  });

  it('LIMIT_EXCEEDED (409) past the monthly limit, within one basket and across baskets', async () => {
    const resident = await fundedResident(store, 200);
    expect(oil.monthlyLimit).toBe(1);
    const inOneBasket = await expectRefused(
      store,
      () => redeem(resident.api, [{ productId: oil.id, quantity: 2 }]),
      409,
      'LIMIT_EXCEEDED',
    );
    expect(detailsOf(inOneBasket)).toEqual({ productId: oil.id, limit: 1, alreadyThisMonth: 0 });
    expect((await redeem(resident.api, [{ productId: oil.id, quantity: 1 }])).status).toBe(201);
    const acrossBaskets = await expectRefused(
      store,
      () => redeem(resident.api, [{ productId: oil.id, quantity: 1 }]),
      409,
      'LIMIT_EXCEEDED',
    );
    expect(detailsOf(acrossBaskets)).toEqual({ productId: oil.id, limit: 1, alreadyThisMonth: 1 });

    expect(eggs.monthlyLimit).toBe(4);
    expect((await redeem(resident.api, [{ productId: eggs.id, quantity: 3 }])).status).toBe(201);
    const eggsRefused = await expectRefused(
      store,
      () => redeem(resident.api, [{ productId: eggs.id, quantity: 2 }]),
      409,
      'LIMIT_EXCEEDED',
    );
    expect(detailsOf(eggsRefused)).toEqual({ productId: eggs.id, limit: 4, alreadyThisMonth: 3 });
    expect((await redeem(resident.api, [{ productId: eggs.id, quantity: 1 }])).status).toBe(201);
  });

  it('the monthly limit counts the whole household account, whichever card is shown', async () => {
    const household = `测试户${Date.now()}`;
    const first = await fundedResident(store, 200, household);
    const second = await fundedResident(store, 0, household);
    expect(second.accountId).toBe(first.accountId);
    expect((await redeem(first.api, [{ productId: oil.id, quantity: 1 }])).status).toBe(201);
    await expectRefused(store, () => redeem(second.api, [{ productId: oil.id, quantity: 1 }]), 409, 'LIMIT_EXCEEDED');
  });

  it('PRODUCT_UNAVAILABLE (409) for a product taken off the shelf with PATCH active:false', async () => {
    const resident = await fundedResident(store, 50);
    const product = await createProduct(store.admin, { pricePoints: 2, stock: 10 });
    const patched = await store.admin.patch<Product>(`/api/products/${product.id}`, { active: false });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.active).toBe(false);
    expect((await catalog(store.api)).some((p) => p.id === product.id)).toBe(false);
    await expectRefused(
      store,
      () => redeem(resident.api, [{ productId: product.id, quantity: 1 }]),
      409,
      'PRODUCT_UNAVAILABLE',
    );
  });

  it('PRODUCT_NOT_FOUND (404) for a well-formed product id that does not exist; 400 for a malformed one', async () => {
    const resident = await fundedResident(store, 50);
    await expectRefused(
      store,
      () => redeem(resident.api, [{ productId: UNKNOWN_ID, quantity: 1 }]),
      404,
      'PRODUCT_NOT_FOUND',
    );
    await expectRefused(
      store,
      () =>
        redeem(resident.api, [
          { productId: soap.id, quantity: 1 },
          { productId: OTHER_UNKNOWN_ID, quantity: 1 },
        ]),
      404,
      'PRODUCT_NOT_FOUND',
    );
    for (const productId of [999_999, soap.id.slice(0, -1), `${soap.id}0`, ` ${soap.id}`]) {
      await expectRefused(
        store,
        () =>
          resident.api.post(
            '/api/redemptions',
            { items: [{ productId, quantity: 1 }] },
            { 'idempotency-key': newKey() },
          ),
        400,
        'VALIDATION_FAILED',
      );
    }
  });

  it('VALIDATION_FAILED (400) for bad quantities, too many or duplicate lines, unknown fields and bad bodies', async () => {
    const resident = await fundedResident(store, 500);
    const lines21 = Array.from({ length: 21 }, (_, i) => ({
      productId: `01890000-0000-7000-8000-0000000010${String(i).padStart(2, '0')}`,
      quantity: 1,
    }));
    const bodies: unknown[] = [
      { items: [{ productId: soap.id, quantity: 0 }] },
      { items: [{ productId: soap.id, quantity: 100 }] },
      { items: [{ productId: soap.id, quantity: 1.5 }] },
      { items: [{ productId: soap.id, quantity: -1 }] },
      { items: [{ productId: soap.id, quantity: '1' }] },
      { items: [{ productId: soap.id }] },
      { items: [{ productId: 0, quantity: 1 }] },
      { items: [{ productId: 'soap', quantity: 1 }] },
      { items: lines21 },
      {
        items: [
          { productId: soap.id, quantity: 1 },
          { productId: soap.id, quantity: 2 },
        ],
      },
      { items: [{ productId: soap.id, quantity: 1 }], coupon: 'FREE' },
      { items: [{ productId: soap.id, quantity: 1, price: 0 }] },
      { items: [] },
      { items: {} },
      { items: [null] },
      { items: [[soap.id, 1]] },
      {},
      [],
    ];
    for (const body of bodies) {
      await expectRefused(
        store,
        () => resident.api.post('/api/redemptions', body, { 'idempotency-key': newKey() }),
        400,
        'VALIDATION_FAILED',
      );
    }
    for (const raw of ['{"items": [', '{items: []}', 'not json', '{"items":[{"productId":1,"quantity":1}]}}']) {
      await expectRefused(
        store,
        () => resident.api.request('POST', '/api/redemptions', raw, { 'idempotency-key': newKey() }),
        400,
        'VALIDATION_FAILED',
      );
    }
  });

  it('IDEMPOTENCY_KEY_REQUIRED (400) without the header; VALIDATION_FAILED for a malformed key', async () => {
    const resident = await fundedResident(store, 50);
    const items = [{ productId: soap.id, quantity: 1 }];
    await expectRefused(store, () => resident.api.post('/api/redemptions', { items }), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    for (const key of ['short7c', 'x'.repeat(101), 'has space inside', 'tab\there-ok?']) {
      await expectRefused(store, () => redeem(resident.api, items, key), 400, 'VALIDATION_FAILED');
    }
  });

  it('IDEMPOTENCY_KEY_REUSED (422) for the same key with another basket', async () => {
    const resident = await fundedResident(store, 50);
    const key = newKey();
    expect((await redeem(resident.api, [{ productId: soap.id, quantity: 1 }], key)).status).toBe(201);
    await expectRefused(
      store,
      () => redeem(resident.api, [{ productId: soap.id, quantity: 2 }], key),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
    await expectRefused(
      store,
      () =>
        redeem(
          resident.api,
          [
            { productId: soap.id, quantity: 1 },
            { productId: eggs.id, quantity: 1 },
          ],
          key,
        ),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  it('413 PAYLOAD_TOO_LARGE for a body over 64 KB, as a JSON error', async () => {
    const resident = await fundedResident(store, 50);
    const body = JSON.stringify({ items: [{ productId: soap.id, quantity: 1 }], padding: 'x'.repeat(70 * 1024) });
    await expectRefused(
      store,
      () => resident.api.request('POST', '/api/redemptions', body, { 'idempotency-key': newKey() }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('401 SESSION_REQUIRED without a resident session: no token, a bad token, a staff token', async () => {
    const items = [{ productId: soap.id, quantity: 1 }];
    await expectRefused(store, () => redeem(store.api, items), 401, 'SESSION_REQUIRED');
    await expectRefused(store, () => redeem(store.api.as('not-a-real-token'), items), 401, 'SESSION_REQUIRED');
    await expectRefused(store, () => redeem(store.admin, items), 401, 'SESSION_REQUIRED');
  });
});

describe('voiding a redemption', () => {
  it('returns the points and the goods, keeps the original ledger entry and adds a reversing one', async () => {
    const resident = await fundedResident(store, 100);
    const product = await createProduct(store.admin, { pricePoints: 7, stock: 10, monthlyLimit: 2 });
    const done = await redeem(resident.api, [
      { productId: product.id, quantity: 2 },
      { productId: soap.id, quantity: 1 },
    ]);
    expect(done.status, done.text).toBe(201);
    const soapAfterRedeem = (await productByName(store.api, soap.name)).stock;
    const redeemEntry = (await passbook(store.admin, resident.accountId)).entries.at(-1)!;

    const voided = await store.admin.post<{
      id: string;
      status: string;
      pointsReturned: number;
      balanceAfter: number;
      ledgerEntryId: string;
    }>(`/api/redemptions/${done.body.id}/void`, { reason: '误兑换，会员退回商品' });
    expect(voided.status, voided.text).toBe(200);
    expect(voided.body).toEqual({
      id: done.body.id,
      status: 'voided',
      pointsReturned: done.body.totalPoints,
      balanceAfter: 100,
      ledgerEntryId: expect.stringMatching(UUID),
    });

    const book = await passbook(store.admin, resident.accountId);
    expect(book.account.balance).toBe(100);
    expect(book.entries.map((entry) => [entry.kind, entry.delta])).toEqual([
      ['award', 100],
      ['redeem', -done.body.totalPoints],
      ['void', done.body.totalPoints],
    ]);
    expect(book.entries[1]).toEqual(redeemEntry);
    expect(book.entries[2]!.id).toBe(voided.body.ledgerEntryId);
    expect(book.entries[2]!.reason).toContain('误兑换，会员退回商品');
    expect(book.entries[2]!.actor).toBe('staff:admin');

    const products = await catalog(store.api);
    expect(products.find((p) => p.id === product.id)!.stock).toBe(10);
    expect(products.find((p) => p.id === soap.id)!.stock).toBe(soapAfterRedeem + 1);

    const shown = await resident.api.get<Redemption>(`/api/redemptions/${done.body.id}`);
    expect(shown.body.status).toBe('voided');
    // A voided redemption no longer counts toward the monthly limit.
    expect((await redeem(resident.api, [{ productId: product.id, quantity: 2 }])).status).toBe(201);

    expect((await verify(store.admin)).ok).toBe(true);
    expect(await findInconsistencies(store.db)).toEqual([]);
  });

  it('requires a reason, and a second void is refused with 409 ALREADY_VOIDED', async () => {
    const resident = await fundedResident(store, 30);
    const done = await redeem(resident.api, [{ productId: soap.id, quantity: 1 }]);
    expect(done.status).toBe(201);
    const path = `/api/redemptions/${done.body.id}/void`;
    for (const body of [
      {},
      { reason: '' },
      { reason: '   ' },
      { reason: 'x' },
      { reason: 42 },
      { reason: 'y'.repeat(201) },
    ]) {
      await expectRefused(store, () => store.admin.post(path, body), 400, 'VALIDATION_FAILED');
    }
    expect((await store.admin.post(path, { reason: '重复扫码' })).status).toBe(200);
    await expectRefused(store, () => store.admin.post(path, { reason: '重复扫码' }), 409, 'ALREADY_VOIDED');
    const book = await passbook(store.admin, resident.accountId);
    expect(book.entries.filter((entry) => entry.kind === 'void')).toHaveLength(1);
    expect(book.account.balance).toBe(30);
  });

  it('is refused for an unknown redemption (404), a malformed id (400), a volunteer (403) and a resident (401)', async () => {
    const resident = await fundedResident(store, 30);
    const done = await redeem(resident.api, [{ productId: soap.id, quantity: 1 }]);
    const reason = { reason: '测试撤销' };
    await expectRefused(
      store,
      () => store.admin.post('/api/redemptions/01890000-0000-7000-8000-000000000000/void', reason),
      404,
      'REDEMPTION_NOT_FOUND',
    );
    await expectRefused(
      store,
      () => store.admin.post('/api/redemptions/not-a-uuid/void', reason),
      400,
      'VALIDATION_FAILED',
    );
    const volunteer = store.api.as(await staffToken(store.api, 'volunteer'));
    await expectRefused(store, () => volunteer.post(`/api/redemptions/${done.body.id}/void`, reason), 403, 'FORBIDDEN');
    await expectRefused(
      store,
      () => resident.api.post(`/api/redemptions/${done.body.id}/void`, reason),
      401,
      'STAFF_SESSION_REQUIRED',
    );
  });
});

describe('the ledger says which kiosk wrote each entry', () => {
  it('every entry, the seeded demo history included, carries this kiosk id (KIOSK_ID=TEST01)', async () => {
    const kiosks = await store.db.all<{ kioskId: string; entries: number }>(
      'SELECT kioskId, COUNT(*) AS entries FROM ledger_entries GROUP BY kioskId ORDER BY kioskId',
    );
    expect(kiosks.map((row) => row.kioskId)).toEqual(['TEST01']);
    const demo = cards.find((card) => card.balance > 10)!;
    const session = await scan(store.api, demo.qr);
    const book = await passbook(store.admin, session.accountId);
    expect(book.entries.length).toBeGreaterThan(0);
    expect(
      book.entries
        .filter((entry) => entry.kioskId !== 'TEST01')
        .map((entry) => `${entry.kioskId || '(empty)'}#${entry.seq}`),
    ).toEqual([]);
  });
});

describe('after all of the above', () => {
  it('the ledger verifies and every stored invariant holds', async () => {
    expect(await verify(store.admin)).toMatchObject({ ok: true });
    expect(await findInconsistencies(store.db)).toEqual([]);
  });
});
