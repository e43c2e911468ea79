import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type ApiResponse } from '../support/api';
import {
  createProduct,
  expectError,
  findInconsistencies,
  fundedResident,
  newKey,
  openStore,
  passbook,
  redeem,
  scan,
  type Store,
  verify,
  type Product,
  type Redemption,
} from './helpers';

let store: Store;
let product: Product;

beforeAll(async () => {
  store = await openStore();
  product = await createProduct(store.admin, { pricePoints: 4, stock: 5000 });
});

afterAll(async () => {
  await store?.close();
});

async function redeemEntriesFor(accountId: string): Promise<number> {
  return (await passbook(store.admin, accountId)).entries.filter((entry) => entry.kind === 'redeem').length;
}

describe('sequential replays of one Idempotency-Key', () => {
  it('answer byte for byte the first response, marked Idempotent-Replayed, and deduct nothing more', async () => {
    const resident = await fundedResident(store, 100);
    const key = newKey();
    const items = [{ productId: product.id, quantity: 3 }];
    const first = await redeem(resident.api, items, key);
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    for (let i = 0; i < 5; i++) {
      const replay = await redeem(resident.api, items, key);
      expect(replay.status).toBe(201);
      expect(replay.text).toBe(first.text);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
    }
    const book = await passbook(store.admin, resident.accountId);
    expect(book.account.balance).toBe(100 - 12);
    expect(book.entries.filter((entry) => entry.kind === 'redeem')).toHaveLength(1);
  });

  it('replay the same basket listed in another order, and from a second scan of the same card', async () => {
    const resident = await fundedResident(store, 100);
    const other = await createProduct(store.admin, { pricePoints: 1, stock: 100 });
    const key = newKey();
    const first = await redeem(
      resident.api,
      [
        { productId: product.id, quantity: 1 },
        { productId: other.id, quantity: 2 },
      ],
      key,
    );
    expect(first.status, first.text).toBe(201);
    const reordered = await redeem(
      resident.api,
      [
        { productId: other.id, quantity: 2 },
        { productId: product.id, quantity: 1 },
      ],
      key,
    );
    expect(reordered.status).toBe(201);
    expect(reordered.text).toBe(first.text);

    const rescanned = await scan(store.api, resident.qr);
    const fromNewSession = await redeem(
      rescanned.api,
      [
        { productId: product.id, quantity: 1 },
        { productId: other.id, quantity: 2 },
      ],
      key,
    );
    expect(fromNewSession.status).toBe(201);
    expect(fromNewSession.text).toBe(first.text);
    expect(await redeemEntriesFor(resident.accountId)).toBe(1);
  });

  it('replay the original answer after the points were spent elsewhere and after the redemption was voided', async () => {
    const resident = await fundedResident(store, 20);
    const key = newKey();
    const items = [{ productId: product.id, quantity: 1 }];
    const first = await redeem(resident.api, items, key);
    expect(first.status).toBe(201);
    expect((await redeem(resident.api, [{ productId: product.id, quantity: 4 }])).status).toBe(201);
    // The balance (0) is now below the minimum to redeem, yet a retry is still only a replay.
    const replay = await redeem(resident.api, items, key);
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);

    expect((await store.admin.post(`/api/redemptions/${first.body.id}/void`, { reason: '测试撤销' })).status).toBe(200);
    const afterVoid = await redeem(resident.api, items, key);
    expect(afterVoid.status).toBe(201);
    expect(afterVoid.text).toBe(first.text);
    const book = await passbook(store.admin, resident.accountId);
    expect(book.entries.map((entry) => entry.kind)).toEqual(['award', 'redeem', 'redeem', 'void']);
    expect(book.account.balance).toBe(4);
  });

  it('survive a restart of the kiosk: the stored answer is replayed, not redone', async () => {
    const resident = await fundedResident(store, 50);
    const key = newKey();
    const items = [{ productId: product.id, quantity: 2 }];
    const first = await redeem(resident.api, items, key);
    expect(first.status).toBe(201);

    await store.close();
    store = await openStore({ dataDir: store.kiosk.dataDir });
    const rescanned = await scan(store.api, resident.qr);
    const replay = await redeem(rescanned.api, items, key);
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await redeemEntriesFor(resident.accountId)).toBe(1);
  });

  it('are refused with 422 IDEMPOTENCY_KEY_REUSED for another basket, changing nothing', async () => {
    const resident = await fundedResident(store, 50);
    const key = newKey();
    expect((await redeem(resident.api, [{ productId: product.id, quantity: 1 }], key)).status).toBe(201);
    const entries = (await verify(store.admin)).entries;
    expectError(
      await redeem(resident.api, [{ productId: product.id, quantity: 2 }], key),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect((await verify(store.admin)).entries).toBe(entries);
    expect((await passbook(store.admin, resident.accountId)).account.balance).toBe(46);
  });

  it('are per account: the same key on another account is its own redemption and reveals nothing of the first', async () => {
    const alice = await fundedResident(store, 50);
    const bob = await fundedResident(store, 50);
    const key = newKey();
    const items = [{ productId: product.id, quantity: 1 }];
    const forAlice = await redeem(alice.api, items, key);
    const forBob = await redeem(bob.api, items, key);
    expect(forAlice.status).toBe(201);
    expect(forBob.status).toBe(201);
    expect(forBob.headers.get('idempotent-replayed')).toBeNull();
    expect(forBob.body.id).not.toBe(forAlice.body.id);
    expect(forBob.body.accountId).toBe(bob.accountId);
    expect(await redeemEntriesFor(alice.accountId)).toBe(1);
    expect(await redeemEntriesFor(bob.accountId)).toBe(1);
  });

  it('do not burn a key on a refused request: after a restock the same key goes through once', async () => {
    const resident = await fundedResident(store, 50);
    const scarce = await createProduct(store.admin, { pricePoints: 2, stock: 1 });
    const key = newKey();
    const items = [{ productId: scarce.id, quantity: 2 }];
    const refused = await redeem(resident.api, items, key);
    expectError(refused, 409, 'OUT_OF_STOCK');
    expect((refused.body as { details?: unknown }).details).toEqual({ productId: scarce.id, available: 1 });
    const restock = await store.admin.post('/api/inventory/restocks', {
      productId: scarce.id,
      quantity: 5,
      note: '补货',
    });
    expect(restock.status, restock.text).toBe(201);
    const done = await redeem(resident.api, items, key);
    expect(done.status, done.text).toBe(201);
    expect(done.headers.get('idempotent-replayed')).toBeNull();
    const again = await redeem(resident.api, items, key);
    expect(again.text).toBe(done.text);
    expect(await redeemEntriesFor(resident.accountId)).toBe(1);
  });
});

describe('concurrent requests with one Idempotency-Key', () => {
  it('50 at once: exactly one ledger entry; each answer is the identical 201 or 409 IDEMPOTENCY_KEY_IN_USE', async () => {
    const household = `并发户${Date.now()}`;
    const resident = await fundedResident(store, 200, household);
    // A second card of the same household: the key belongs to the account, not to the session.
    const partner = await fundedResident(store, 0, household);
    expect(partner.accountId).toBe(resident.accountId);
    const key = newKey();
    const items = [{ productId: product.id, quantity: 5 }];
    const before = await verify(store.admin);

    const clients: Api[] = [resident.api, partner.api];
    const answers: ApiResponse<Redemption>[] = await Promise.all(
      Array.from({ length: 50 }, (_, i) => redeem(clients[i % 2]!, items, key)),
    );

    const created = answers.filter((answer) => answer.status === 201);
    const inUse = answers.filter((answer) => answer.status === 409);
    expect(created.length + inUse.length, answers.map((a) => `${a.status} ${a.text}`).join('\n')).toBe(50);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const answer of inUse) expectError(answer, 409, 'IDEMPOTENCY_KEY_IN_USE');
    const texts = new Set(created.map((answer) => answer.text));
    expect(texts.size).toBe(1);
    expect(created.filter((answer) => answer.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);

    const after = await verify(store.admin);
    expect(after.ok).toBe(true);
    expect(after.entries).toBe(before.entries + 1);
    const book = await passbook(store.admin, resident.accountId);
    expect(book.entries.filter((entry) => entry.kind === 'redeem')).toHaveLength(1);
    expect(book.account.balance).toBe(200 - 20);

    // Once the dust settles, a retry is a plain replay.
    const late = await redeem(resident.api, items, key);
    expect(late.status).toBe(201);
    expect(late.text).toBe([...texts][0]);
  });

  it('leaves the store consistent', async () => {
    expect(await findInconsistencies(store.db)).toEqual([]);
  });
});
