import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../support/api';
import {
  createProduct,
  expectError,
  findInconsistencies,
  fundedResident,
  openStore,
  passbook,
  productByName,
  redeem,
  staffToken,
  type Store,
  verify,
  type Redemption,
  type Resident,
} from './helpers';

let store: Store;

beforeAll(async () => {
  store = await openStore();
});

afterAll(async () => {
  await store?.close();
});

function tally(answers: ApiResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const label =
      answer.status < 300 ? String(answer.status) : `${answer.status} ${(answer.body as { code?: string })?.code}`;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

describe('racing for the points of one account', () => {
  it('200 concurrent redemptions on a balance that covers exactly 37: 37 succeed, 163 get INSUFFICIENT_POINTS', async () => {
    const N = 37;
    const price = 20;
    const rest = 15; // above the minimum to redeem (10), below one more item
    const product = await createProduct(store.admin, { pricePoints: price, stock: 10_000 });
    const household = `抢兑户${Date.now()}`;
    const first = await fundedResident(store, N * price + rest, household);
    const second = await fundedResident(store, 0, household);
    // a third member of the household: a second scan of `first`'s card would end its session
    const third = await fundedResident(store, 0, household);
    const sessions = [first.api, second.api, third.api];
    const before = await verify(store.admin);

    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        redeem(sessions[i % sessions.length]!, [{ productId: product.id, quantity: 1 }]),
      ),
    );
    expect(tally(answers)).toEqual({ '201': N, '409 INSUFFICIENT_POINTS': 200 - N });
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expectError(answer, 409, 'INSUFFICIENT_POINTS');
      // Every refusal came after the last success: it saw what was left, and the price of one.
      expect((answer.body as { details?: unknown }).details).toEqual({ balance: rest, required: price });
    }

    // Every success saw its own balance: no two read the same one (no lost update), none below zero.
    const after = (answers.filter((a) => a.status === 201) as ApiResponse<Redemption>[]).map(
      (a) => a.body.balanceAfter,
    );
    expect([...after].sort((a, b) => b - a)).toEqual(Array.from({ length: N }, (_, i) => rest + (N - 1 - i) * price));
    expect(Math.min(...after)).toBeGreaterThanOrEqual(0);

    const book = await passbook(store.admin, first.accountId);
    expect(book.account.balance).toBe(rest);
    expect(book.entries.reduce((sum, entry) => sum + entry.delta, 0)).toBe(book.account.balance);
    expect(book.entries.filter((entry) => entry.kind === 'redeem')).toHaveLength(N);
    expect(book.entries.every((entry) => entry.balanceAfter >= 0)).toBe(true);
    expect((await productByName(store.api, product.name)).stock).toBe(10_000 - N);

    const audit = await verify(store.admin);
    expect(audit.ok).toBe(true);
    expect(audit.entries).toBe(before.entries + N);
  });

  it('redemptions racing with awards: the balance ends at exactly awards minus what was redeemed', async () => {
    const product = await createProduct(store.admin, { pricePoints: 9, stock: 10_000 });
    const resident = await fundedResident(store, 100);
    const requests: Promise<ApiResponse>[] = [];
    for (let i = 0; i < 60; i++) {
      requests.push(redeem(resident.api, [{ productId: product.id, quantity: 1 }]));
      if (i % 3 === 0)
        requests.push(
          store.admin.post('/api/points/awards', { accountId: resident.accountId, points: 5, reason: '志愿服务' }),
        );
    }
    const answers = await Promise.all(requests);
    for (const answer of answers) {
      expect([200, 201, 409], answer.text).toContain(answer.status);
    }
    const redeemed = answers.filter(
      (a) => (a.body as Redemption)?.totalPoints !== undefined && a.status === 201,
    ).length;
    const book = await passbook(store.admin, resident.accountId);
    expect(book.account.balance).toBe(100 + 20 * 5 - redeemed * 9);
    expect(book.account.balance).toBeGreaterThanOrEqual(0);
    expect(book.entries.reduce((sum, entry) => sum + entry.delta, 0)).toBe(book.account.balance);
    expect((await verify(store.admin)).ok).toBe(true);
  });
});

describe('racing for the stock of one product', () => {
  let residents: Resident[];

  beforeAll(async () => {
    residents = [];
    for (let i = 0; i < 40; i++) residents.push(await fundedResident(store, 60));
  });

  it('13 on the shelf, 80 concurrent single-unit requests from 40 accounts: exactly 13 sold, stock 0', async () => {
    const M = 13;
    const product = await createProduct(store.admin, { pricePoints: 3, stock: M });
    const before = await verify(store.admin);
    const answers = await Promise.all(
      [...residents, ...residents].map((resident) => redeem(resident.api, [{ productId: product.id, quantity: 1 }])),
    );
    expect(tally(answers)).toEqual({ '201': M, '409 OUT_OF_STOCK': 80 - M });
    expect((await productByName(store.api, product.name)).stock).toBe(0);

    const moves = await store.db.all<{ delta: number; stockAfter: number; reason: string }>(
      'SELECT delta, stockAfter, reason FROM stock_movements WHERE productId = ? ORDER BY id',
      product.id,
    );
    expect(moves.reduce((sum, move) => sum + move.delta, 0)).toBe(0);
    expect(moves.filter((move) => move.reason === 'redemption')).toHaveLength(M);
    expect(moves.every((move) => move.stockAfter >= 0)).toBe(true);
    expect(moves.map((move) => move.stockAfter)).toEqual(Array.from({ length: M + 1 }, (_, i) => M - i));

    const audit = await verify(store.admin);
    expect(audit.ok).toBe(true);
    expect(audit.entries).toBe(before.entries + M);
  });

  it('mixed quantities: sold + left = what was on the shelf, and every refusal asked for more than was left', async () => {
    const M = 25;
    const product = await createProduct(store.admin, { pricePoints: 2, stock: M });
    const wants = residents.map((_, i) => 1 + ((i * 7) % 4));
    const answers = await Promise.all(
      residents.map((resident, i) => redeem(resident.api, [{ productId: product.id, quantity: wants[i]! }])),
    );
    const left = (await productByName(store.api, product.name)).stock;
    const sold = answers.reduce((sum, answer, i) => sum + (answer.status === 201 ? wants[i]! : 0), 0);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(sold + left).toBe(M);
    answers.forEach((answer, i) => {
      if (answer.status !== 201) {
        expectError(answer, 409, 'OUT_OF_STOCK');
        expect(wants[i]!).toBeGreaterThan(left);
        const details = (answer.body as { details?: { productId: string; available: number } }).details;
        expect(details?.productId).toBe(product.id);
        expect(details!.available).toBeLessThan(wants[i]!);
        expect(details!.available).toBeGreaterThanOrEqual(left);
      }
    });
  });

  it('restocks racing with redemptions: stock = before + restocked - sold, and matches its movements', async () => {
    const product = await createProduct(store.admin, { pricePoints: 2, stock: 5 });
    const volunteer = store.api.as(await staffToken(store.api, 'volunteer'));
    const requests: Promise<ApiResponse>[] = residents.map((resident) =>
      redeem(resident.api, [{ productId: product.id, quantity: 1 }]),
    );
    for (let i = 0; i < 10; i++) {
      requests.splice(
        i * 4,
        0,
        volunteer.post('/api/inventory/restocks', { productId: product.id, quantity: 2, note: '补货' }),
      );
    }
    const answers = await Promise.all(requests);
    const restocked = answers.filter((a) => a.status === 201 && (a.body as { delta?: number }).delta === 2).length;
    const sold = answers.filter((a) => a.status === 201 && (a.body as Redemption).totalPoints !== undefined).length;
    expect(restocked).toBe(10);
    const stock = (await productByName(store.api, product.name)).stock;
    expect(stock).toBe(5 + 2 * restocked - sold);
    const row = await store.db.get<{ sum: number }>(
      'SELECT SUM(delta) AS sum FROM stock_movements WHERE productId = ?',
      product.id,
    );
    expect(row!.sum).toBe(stock);
  });
});

describe('racing to void', () => {
  it('20 concurrent voids of one redemption: exactly one returns the points, the rest get ALREADY_VOIDED', async () => {
    const resident = await fundedResident(store, 50);
    const product = await createProduct(store.admin, { pricePoints: 10, stock: 10 });
    const done = await redeem(resident.api, [{ productId: product.id, quantity: 2 }]);
    expect(done.status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.admin.post(`/api/redemptions/${done.body.id}/void`, { reason: '并发撤销' }),
      ),
    );
    expect(tally(answers)).toEqual({ '200': 1, '409 ALREADY_VOIDED': 19 });
    const book = await passbook(store.admin, resident.accountId);
    expect(book.account.balance).toBe(50);
    expect(book.entries.filter((entry) => entry.kind === 'void')).toHaveLength(1);
    expect((await productByName(store.api, product.name)).stock).toBe(10);
  });
});

describe('reading while others write', () => {
  it('GET /api/audit/verify never reports a problem while redemptions are being committed', async () => {
    const product = await createProduct(store.admin, { pricePoints: 1, stock: 10_000 });
    const residents: Resident[] = [];
    for (let i = 0; i < 4; i++) residents.push(await fundedResident(store, 500));
    const writes: Promise<ApiResponse>[] = [];
    const reads: Promise<ApiResponse>[] = [];
    for (let i = 0; i < 160; i++) {
      writes.push(redeem(residents[i % residents.length]!.api, [{ productId: product.id, quantity: 1 }]));
      if (i % 4 === 0) reads.push(store.admin.get('/api/audit/verify'));
    }
    const written = await Promise.all(writes);
    expect(tally(written)).toEqual({ '201': 160 });
    const verdicts = (await Promise.all(reads)).map((answer) => answer.body as { ok: boolean; problem?: string });
    expect(verdicts.filter((verdict) => !verdict.ok)).toEqual([]);
  });

  it('a passbook read during redemptions always shows entries that add up to the balance it shows', async () => {
    const product = await createProduct(store.admin, { pricePoints: 1, stock: 10_000 });
    const resident = await fundedResident(store, 500);
    const writes: Promise<ApiResponse>[] = [];
    const reads: Promise<ApiResponse>[] = [];
    for (let i = 0; i < 120; i++) {
      writes.push(redeem(resident.api, [{ productId: product.id, quantity: 1 }]));
      if (i % 3 === 0) reads.push(store.admin.get(`/api/accounts/${resident.accountId}/ledger`));
    }
    await Promise.all(writes);
    const books = (await Promise.all(reads)).map(
      (answer) => answer.body as { account: { balance: number }; entries: { delta: number }[] },
    );
    const torn = books.filter(
      (book) => book.entries.reduce((sum, entry) => sum + entry.delta, 0) !== book.account.balance,
    );
    expect(torn.map((book) => ({ balance: book.account.balance, entries: book.entries.length }))).toEqual([]);
  });
});

describe('after the races', () => {
  it('the ledger verifies and every stored invariant holds', async () => {
    expect(await verify(store.admin)).toMatchObject({ ok: true });
    expect(await findInconsistencies(store.db)).toEqual([]);
  });
});
