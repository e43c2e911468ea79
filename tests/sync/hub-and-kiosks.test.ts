import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import {
  createKiosk,
  type Hub,
  kioskOf,
  ledgerIdsOf,
  startHub,
  startStoreKiosk,
  type StoreKiosk,
} from '../support/district';
import { ROOT, startKiosk, tempDataDir } from '../support/kiosk';
import { Db } from '../support/sqlite';

/**
 * The district as it runs in real life: a hub and kiosks as separate processes (started as
 * `npm start` does), talking over HTTP only. Two kiosks share a store; a third is another store's.
 */

type DeviceKeyModule = typeof import('../../kiosk-server/dist/sync/request-signature');
const { DeviceKey } = createRequire(__filename)(
  join(ROOT, 'kiosk-server/dist/sync/request-signature.js'),
) as DeviceKeyModule;

const STORE = '幸福社区积分超市';
const OTHER_STORE = '和平社区积分超市';

let hub: Hub;
let a1: StoreKiosk;
let a2: StoreKiosk;
let c1: StoreKiosk;
const started: { stop: () => Promise<void> }[] = [];

interface Registered {
  memberId: string;
  accountId: string;
  qr: string;
}

async function register(kiosk: StoreKiosk, name: string, points: number): Promise<Registered> {
  const member = await kiosk.admin.post<{ member: { id: string }; account: { id: string }; card: { qr: string } }>(
    '/api/members',
    { name },
  );
  expect(member.status, member.text).toBe(201);
  if (points > 0) {
    const award = await kiosk.admin.post('/api/points/awards', {
      accountId: member.body.account.id,
      points,
      reason: '志愿服务',
    });
    expect(award.status, award.text).toBe(201);
  }
  return { memberId: member.body.member.id, accountId: member.body.account.id, qr: member.body.card.qr };
}

async function addProduct(kiosk: StoreKiosk, name: string, pricePoints: number, stock: number): Promise<string> {
  const product = await kiosk.admin.post<{ id: string }>('/api/products', {
    name,
    category: '日用',
    pricePoints,
    stock,
  });
  expect(product.status, product.text).toBe(201);
  return product.body.id;
}

let keys = 0;
async function redeem(kiosk: StoreKiosk, qr: string, productId: string, quantity: number) {
  const { api } = await new Api(kiosk.server.url).resident(qr);
  return api.post<{ balanceAfter: number; code?: string; details?: Record<string, number> }>(
    '/api/redemptions',
    { items: [{ productId, quantity }] },
    { 'Idempotency-Key': `sync-test-${++keys}-${Date.now()}` },
  );
}

async function balanceAt(api: Api, accountId: string): Promise<number> {
  const passbook = await api.get<{ account: { balance: number } }>(`/api/accounts/${accountId}/ledger`);
  expect(passbook.status, passbook.text).toBe(200);
  return passbook.body.account.balance;
}

async function stockAt(kiosk: StoreKiosk, productId: string): Promise<number | undefined> {
  const catalog = await new Api(kiosk.server.url).get<{ id: string; stock: number }[]>('/api/catalog');
  return catalog.body.find((product) => product.id === productId)?.stock;
}

async function verified(api: Api): Promise<void> {
  const audit = await api.get<{ ok: boolean }>('/api/audit/verify');
  expect(audit.body, audit.text).toMatchObject({ ok: true });
}

async function synced(...kiosks: StoreKiosk[]): Promise<void> {
  for (const kiosk of kiosks) {
    const round = await kiosk.sync();
    expect(round.status, JSON.stringify(round.body)).toBe(200);
  }
}

async function restartHub(): Promise<void> {
  hub = await startHub(hub.server.dataDir, Number(new URL(hub.server.url).port));
  started.push(hub.server);
}

beforeAll(async () => {
  hub = await startHub();
  started.push(hub.server);
  [a1, a2, c1] = await Promise.all([
    startStoreKiosk(hub, { store: STORE, name: '1号柜台', id: 'SA1' }),
    startStoreKiosk(hub, { store: STORE, name: '2号柜台', id: 'SA2' }),
    startStoreKiosk(hub, { store: OTHER_STORE, name: '1号柜台', id: 'SC1' }),
  ]);
  started.push(a1.server, a2.server, c1.server);
});

afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
});

describe('a hub and three kiosks (two in one store) as processes, over HTTP', () => {
  it('the hub says role hub and seeds no store; a kiosk with HUB_URL seeds nothing either', async () => {
    const health = await new Api(hub.server.url).get<{ role: string }>('/api/health');
    expect(health.body.role).toBe('hub');
    expect((await new Api(a1.server.url).get<{ role: string }>('/api/health')).body.role).toBe('kiosk');
    expect((await new Api(hub.server.url).get<unknown[]>('/api/catalog')).body).toEqual([]);
    expect((await new Api(a1.server.url).get<unknown[]>('/api/catalog')).body).toEqual([]);
    expect((await a1.admin.get<unknown[]>('/api/members')).body).toEqual([]);
  });

  it('each kiosk enrols at its first round and the hub lists it enrolled, with its own id and an intact chain', async () => {
    const before = await a1.admin.get<{ enrolled: boolean; hubUrl: string }>('/api/sync/status');
    expect(before.body).toMatchObject({ enrolled: false, hubUrl: hub.server.url });
    await synced(a1, a2, c1);
    const status = await a1.admin.get('/api/sync/status');
    expect(status.body).toMatchObject({
      enrolled: true,
      store: STORE,
      kioskId: a1.kioskId,
      lastError: null,
      pending: 0,
    });
    const kiosks = await hub.admin.get<Record<string, unknown>[]>('/api/hub/kiosks');
    expect(kiosks.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kioskId: a1.kioskId,
          store: STORE,
          enrolled: true,
          origin: 'SA1',
          chain: 'ok',
          revoked: false,
        }),
        expect.objectContaining({ kioskId: c1.kioskId, store: OTHER_STORE, enrolled: true, origin: 'SC1' }),
      ]),
    );
  });

  let resident: Registered;
  let soap: string;

  it("a member registered at counter A scans at counter B with the same balance, and B's redemption reaches A, the hub and the stock", async () => {
    resident = await register(a1, '王小明', 30);
    soap = await addProduct(a1, '香皂', 5, 10);
    await synced(a1, a2);
    const scan = await new Api(a2.server.url).resident(resident.qr);
    expect(scan.balance).toBe(30);
    expect(await stockAt(a2, soap)).toBe(10);

    const redeemed = await redeem(a2, resident.qr, soap, 2);
    expect(redeemed.status, redeemed.text).toBe(201);
    expect(redeemed.body.balanceAfter).toBe(20);
    await synced(a2, a1);
    expect(await balanceAt(a1.admin, resident.accountId)).toBe(20);
    expect(await balanceAt(hub.admin, resident.accountId)).toBe(20);
    expect(await stockAt(a1, soap)).toBe(8);
    for (const api of [a1.admin, a2.admin, hub.admin]) await verified(api);
  });

  it('a card reissued at A is CARD_REVOKED at B after a sync, and the new card scans at B', async () => {
    const reissued = await a1.admin.post<{ qr: string }>(`/api/members/${resident.memberId}/cards`);
    expect(reissued.status, reissued.text).toBe(201);
    await synced(a1, a2);
    const old = await new Api(a2.server.url).post<{ code: string }>('/api/sessions', { qr: resident.qr });
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('CARD_REVOKED');
    expect((await new Api(a2.server.url).resident(reissued.body.qr)).balance).toBe(20);
    resident = { ...resident, qr: reissued.body.qr };
  });

  it("a kiosk of another store holds none of this store's residents and refuses their cards", async () => {
    await synced(c1);
    expect((await c1.admin.get<unknown[]>('/api/members')).body).toEqual([]);
    expect((await new Api(c1.server.url).get<unknown[]>('/api/catalog')).body).toEqual([]);
    const scan = await new Api(c1.server.url).post<{ code: string }>('/api/sessions', { qr: resident.qr });
    expect(scan.status).toBe(401);
    expect(scan.body.code).toBe('CARD_INVALID');
  });

  it('with the hub away the counter keeps working and sync says HUB_UNREACHABLE; once the hub is back one round catches up', async () => {
    await hub.server.stop();
    const redeemed = await redeem(a2, resident.qr, soap, 1);
    expect(redeemed.status, redeemed.text).toBe(201);
    const round = await a2.sync();
    expect(round.status).toBe(503);
    expect(round.body.code).toBe('HUB_UNREACHABLE');
    const status = await a2.admin.get<{ lastError: { code: string }; pending: number }>('/api/sync/status');
    expect(status.body.lastError.code).toBe('HUB_UNREACHABLE');
    expect(status.body.pending).toBeGreaterThanOrEqual(1);

    await restartHub();
    await synced(a2, a1);
    expect((await a2.admin.get<{ pending: number; lastError: unknown }>('/api/sync/status')).body).toMatchObject({
      pending: 0,
      lastError: null,
    });
    expect(await balanceAt(a1.admin, resident.accountId)).toBe(15);
    expect(await balanceAt(hub.admin, resident.accountId)).toBe(15);
    expect(await stockAt(a1, soap)).toBe(7);
  });

  it('kill -9 of a kiosk in the middle of a round loses and doubles nothing', async () => {
    for (let i = 0; i < 150; i++) {
      await a1.admin.post('/api/points/awards', { accountId: resident.accountId, points: 1, reason: '河道巡查' });
    }
    const round = a1.sync().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await a1.server.kill();
    await round;
    const server = await startKiosk({
      dataDir: a1.server.dataDir,
      env: { KIOSK_ID: 'SA1', HUB_URL: hub.server.url, HUB_KEY: a1.code, SYNC_INTERVAL_SECONDS: '0' },
    });
    started.push(server);
    a1 = await kioskOf(server, a1.kioskId, a1.code);
    await synced(a1, a2);
    const atKiosk = await ledgerIdsOf(a1.server.dataDir, 'SA1');
    expect(await ledgerIdsOf(hub.server.dataDir, 'SA1')).toEqual(atKiosk);
    expect(await ledgerIdsOf(a2.server.dataDir, 'SA1')).toEqual(atKiosk);
    expect(await balanceAt(hub.admin, resident.accountId)).toBe(165);
    expect(await balanceAt(a2.admin, resident.accountId)).toBe(165);
    for (const api of [a1.admin, a2.admin, hub.admin]) await verified(api);
  });

  it('kill -9 of the hub in the middle of a round loses and doubles nothing', async () => {
    for (let i = 0; i < 150; i++) {
      await a2.admin.post('/api/points/awards', { accountId: resident.accountId, points: 2, reason: '文明劝导' });
    }
    const round = a2.sync();
    await new Promise((resolve) => setTimeout(resolve, 40));
    await hub.server.kill();
    const interrupted = await round;
    expect([200, 409, 502, 503]).toContain(interrupted.status);
    await restartHub();
    await synced(a2, a1);
    const atKiosk = await ledgerIdsOf(a2.server.dataDir, 'SA2');
    expect(await ledgerIdsOf(hub.server.dataDir, 'SA2')).toEqual(atKiosk);
    expect(await ledgerIdsOf(a1.server.dataDir, 'SA2')).toEqual(atKiosk);
    expect(await balanceAt(hub.admin, resident.accountId)).toBe(465);
    expect(await balanceAt(a1.admin, resident.accountId)).toBe(465);
    for (const api of [a1.admin, a2.admin, hub.admin]) await verified(api);
  });

  it('sync requests without a valid signature, with a stale time, altered or replayed are refused', async () => {
    const pull = `${hub.server.url}/api/hub/sync/pull`;
    const body = JSON.stringify({ after: 0 });
    const send = (headers: Record<string, string>, text = body) =>
      fetch(pull, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });
    const codeOf = async (response: Response) => ((await response.json()) as { code: string }).code;

    const unsigned = await send({});
    expect(unsigned.status).toBe(401);
    expect(await codeOf(unsigned)).toBe('SIGNATURE_INVALID');

    const key = DeviceKey.loadOrCreate(a2.server.dataDir);
    const headers = key.headers('POST', '/api/hub/sync/pull', body);
    const good = await send(headers);
    expect(good.status).toBe(200);
    expect(((await good.json()) as { store: string }).store).toBe(STORE);
    expect((await send(headers)).status).toBe(401); // the same nonce again: a replay

    const stale = key.headers('POST', '/api/hub/sync/pull', body, Date.now() - 10 * 60_000);
    expect((await send(stale)).status).toBe(401);
    const altered = key.headers('POST', '/api/hub/sync/pull', body);
    expect((await send(altered, JSON.stringify({ after: 1 }))).status).toBe(401);
    // a key the hub never enrolled
    const stranger = DeviceKey.loadOrCreate(tempDataDir('stranger-'));
    expect((await send(stranger.headers('POST', '/api/hub/sync/pull', body))).status).toBe(401);
  });

  it('history a kiosk already synced cannot be rewritten: a re-sent row that differs breaks its chain at the hub', async () => {
    await register(c1, '李四', 5);
    await synced(c1);
    const db = await Db.open(join(c1.server.dataDir, 'kiosk.sqlite'));
    try {
      // someone with the file rewrites an entry's reason and makes the kiosk send everything again
      await db.exec(
        `UPDATE "sync_journal" SET "changes" = replace("changes", '志愿服务', '篡改') WHERE "origin" = 'SC1'`,
      );
      await db.exec(`UPDATE "sync_state" SET "value" = '0' WHERE "key" = 'acknowledgedSeq'`);
    } finally {
      await db.close();
    }
    const round = await c1.sync();
    expect(round.status).toBe(409);
    expect(round.body.code).toBe('CHAIN_BROKEN');
    const kiosks = await hub.admin.get<{ kioskId: string; chain: string; chainProblem: string }[]>('/api/hub/kiosks');
    const marked = kiosks.body.find((kiosk) => kiosk.kioskId === c1.kioskId)!;
    expect(marked.chain).toBe('broken');
    expect(marked.chainProblem).toMatch(/differs/);
    expect((await c1.sync()).body.code).toBe('CHAIN_BROKEN');
  });

  it('a revoked kiosk is refused, and a used enrolment code is refused', async () => {
    const revoked = await hub.admin.post(`/api/hub/kiosks/${c1.kioskId}/revoke`, { reason: '设备丢失' });
    expect(revoked.status, revoked.text).toBe(200);
    const round = await c1.sync();
    expect(round.status).toBe(409);
    expect(round.body.code).toBe('KIOSK_REVOKED');

    const copy = await startStoreKiosk(hub, { store: STORE, name: '', id: 'SX1', code: a1.code });
    started.push(copy.server);
    const refused = await copy.sync();
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ENROLMENT_CODE_USED');
  });
});

describe('two counters that cannot see each other', () => {
  let b1: StoreKiosk;
  let b2: StoreKiosk;

  beforeAll(async () => {
    // a view of the store is fresh for one second only: then the offline allowance (20) applies
    const env = { SYNC_FRESH_SECONDS: '1' };
    [b1, b2] = await Promise.all([
      startStoreKiosk(hub, { store: '光明社区积分超市', name: '1号柜台', id: 'SB1', env }),
      startStoreKiosk(hub, { store: '光明社区积分超市', name: '2号柜台', id: 'SB2', env }),
    ]);
    started.push(b1.server, b2.server);
    await synced(b1, b2);
  });

  it('spend at most the offline allowance each; the overdraft is bounded, flagged at the hub with its entries and kiosks', async () => {
    const person = await register(b1, '张阿姨', 30);
    const neighbour = await register(b1, '刘叔叔', 30);
    const oil = await addProduct(b1, '食用油', 10, 40);
    await synced(b1, b2, b1);
    await new Promise((resolve) => setTimeout(resolve, 1200));

    expect((await redeem(b1, person.qr, oil, 2)).status).toBe(201);
    const over = await redeem(b1, person.qr, oil, 1);
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({
      code: 'OFFLINE_ALLOWANCE',
      details: { allowance: 20, spentOffline: 20, required: 10 },
    });
    expect((await redeem(b2, person.qr, oil, 2)).status).toBe(201);
    expect((await redeem(b1, neighbour.qr, oil, 2)).status).toBe(201);
    expect((await redeem(b2, neighbour.qr, oil, 2)).status).toBe(201);

    await synced(b1, b2, b1);
    for (const api of [b1.admin, b2.admin, hub.admin]) expect(await balanceAt(api, person.accountId)).toBe(-10);
    const overdrafts = await hub.admin.get<Record<string, unknown>[]>('/api/hub/overdrafts');
    const flagged = overdrafts.body.find((overdraft) => overdraft.accountId === person.accountId);
    expect(flagged).toMatchObject({ amount: 10, balance: -10, resolved: false, store: '光明社区积分超市' });
    expect((flagged!.kiosks as string[]).sort()).toEqual(['SB1', 'SB2']);
    expect(flagged!.entries).toHaveLength(2);
    // the bound: allowance × (spending points − 1)
    expect(flagged!.amount as number).toBeLessThanOrEqual(20 * (2 - 1));

    // the account cannot spend while below zero; an award that leaves it below zero is taken and
    // keeps the overdraft open, one that covers it closes it
    expect((await redeem(b1, person.qr, oil, 1)).status).toBe(409);
    const small = await b2.admin.post('/api/points/awards', {
      accountId: person.accountId,
      points: 5,
      reason: '门前三包',
    });
    expect(small.status, small.text).toBe(201);
    await synced(b2);
    expect(await balanceAt(hub.admin, person.accountId)).toBe(-5);
    const stillOpen = await hub.admin.get<Record<string, unknown>[]>('/api/hub/overdrafts');
    expect(stillOpen.body.find((overdraft) => overdraft.accountId === person.accountId)).toMatchObject({
      resolved: false,
      amount: 10,
      balance: -5,
    });
    await b2.admin.post('/api/points/awards', { accountId: person.accountId, points: 10, reason: '门前三包' });
    await synced(b2);
    const covered = await hub.admin.get<Record<string, unknown>[]>('/api/hub/overdrafts');
    expect(covered.body.find((overdraft) => overdraft.accountId === person.accountId)).toMatchObject({
      resolved: true,
      resolution: 'covered',
    });
  });

  it("a district admin writes an overdraft off: the hub books the points back and the store's kiosks receive the entry", async () => {
    const open = (
      await hub.admin.get<{ id: string; accountId: string; resolved: boolean }[]>('/api/hub/overdrafts')
    ).body.find((overdraft) => !overdraft.resolved)!;
    expect(await balanceAt(hub.admin, open.accountId)).toBe(-10);
    const resolved = await hub.admin.post<{ resolved: boolean; resolution: string }>(
      `/api/hub/overdrafts/${open.id}/resolve`,
      { mode: 'write-off', reason: '断网期间两台机器重复兑换，经社区核实' },
    );
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.body).toMatchObject({ resolved: true, resolution: 'write-off', resolvedBy: 'staff:admin' });
    const again = await hub.admin.post<{ code: string }>(`/api/hub/overdrafts/${open.id}/resolve`, {
      mode: 'deduct',
      reason: '再来一次',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_RESOLVED');
    expect(await balanceAt(hub.admin, open.accountId)).toBe(0);

    await synced(b1, b2);
    for (const api of [b1.admin, b2.admin, hub.admin]) {
      const passbook = await api.get<{ account: { balance: number }; entries: { kioskId: string; delta: number }[] }>(
        `/api/accounts/${open.accountId}/ledger`,
      );
      expect(passbook.body.account.balance).toBe(0);
      expect(passbook.body.entries.filter((entry) => entry.kioskId === 'hub')).toEqual([
        expect.objectContaining({ delta: 10 }),
      ]);
      await verified(api);
    }
    const log = await hub.admin.get<{ action: string }[]>('/api/audit/changes?limit=5');
    expect(JSON.stringify(log.body)).toContain('overdraft.resolve');
  });
});

describe('counters that sync by themselves', () => {
  it('push soon after a write, and a card issued moments ago at counter A scans at counter B at once', async () => {
    // an hour between rounds: only the round after a write and the one for an unknown card happen
    const env = { SYNC_INTERVAL_SECONDS: '3600' };
    const [e1, e2] = await Promise.all([
      startStoreKiosk(hub, { store: '友谊社区积分超市', name: '1号柜台', id: 'SE1', env }),
      startStoreKiosk(hub, { store: '友谊社区积分超市', name: '2号柜台', id: 'SE2', env }),
    ]);
    started.push(e1.server, e2.server);
    const status = async (kiosk: StoreKiosk) =>
      (
        await kiosk.admin.get<{ enrolled: boolean; pending: number; running: boolean; store: string }>(
          '/api/sync/status',
        )
      ).body;
    for (const kiosk of [e1, e2])
      await expect.poll(async () => (await status(kiosk)).enrolled, { timeout: 15_000 }).toBe(true);
    // the hub named the store: the kiosk takes its name for receipts and the start screen
    for (const kiosk of [e1, e2]) {
      const storeName = async () =>
        (await new Api(kiosk.server.url).get<{ storeName: string }>('/api/kiosk')).body.storeName;
      await expect.poll(storeName, { timeout: 5000 }).toBe('友谊社区积分超市');
    }
    // Taking the name is a write, and its round follows: wait until both are done, so that B's next
    // round is the one the scan starts (a round of B's own in between could pull the member
    // without the award, and the card would then be known, with a balance not yet arrived).
    for (const kiosk of [e1, e2]) {
      await expect
        .poll(async () => ((s) => s.pending === 0 && !s.running)(await status(kiosk)), { timeout: 15_000 })
        .toBe(true);
    }

    const person = await register(e1, '孙奶奶', 25);
    await expect.poll(async () => (await status(e1)).pending, { timeout: 15_000 }).toBe(0);
    const scan = await new Api(e2.server.url).resident(person.qr);
    expect(scan.balance).toBe(25);
  });
});

describe('enrolling at the console', () => {
  it('a kiosk started with HUB_URL only waits for its code; the admin enters it and the kiosk enrols once', async () => {
    const kiosk = await startStoreKiosk(hub, {
      store: '东风社区积分超市',
      name: '1号柜台',
      id: 'SF1',
      codeAtConsole: true,
    });
    started.push(kiosk.server);
    const before = await kiosk.admin.get<{ enrolled: boolean; hubUrl: string }>('/api/sync/status');
    expect(before.body).toMatchObject({ enrolled: false, hubUrl: hub.server.url });
    const missing = await kiosk.sync();
    expect(missing.status).toBe(409);
    expect(missing.body.code).toBe('ENROLMENT_CODE_MISSING');

    const wrong = await kiosk.admin.request<{ code: string }>('PUT', '/api/sync/hub', {
      enrolmentCode: 'AAAA-BBBB-CCCC',
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('ENROLMENT_CODE_INVALID');
    const entered = await kiosk.admin.request<{ store: string }>('PUT', '/api/sync/hub', { enrolmentCode: kiosk.code });
    expect(entered.status, entered.text).toBe(200);
    expect(entered.body.store).toBe('东风社区积分超市');
    expect((await kiosk.admin.get('/api/sync/status')).body).toMatchObject({ enrolled: true, name: '1号柜台' });
    const again = await kiosk.admin.request<{ code: string }>('PUT', '/api/sync/hub', { enrolmentCode: kiosk.code });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_ENROLLED');
  });

  it('a kiosk holding the demo store cannot join a hub', async () => {
    const demo = await startKiosk({ env: { KIOSK_ID: 'DEMO1' } });
    started.push(demo);
    const admin = await new Api(demo.url).staff('admin');
    const { code } = await createKiosk(hub, '东风社区积分超市', '演示机');
    const refused = await admin.request<{ code: string }>('PUT', '/api/sync/hub', {
      hubUrl: hub.server.url,
      enrolmentCode: code,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('DEMO_DATA_PRESENT');
    expect((await admin.get('/api/sync/status')).body).toMatchObject({ enrolled: false, hubUrl: null });
  });
});

it('a hub created kiosk code is one-time and names its store', async () => {
  const created = await createKiosk(hub, STORE, '3号柜台');
  expect(created.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  const again = await hub.admin.post<{ code: string }>('/api/hub/kiosks', { store: STORE, name: '3号柜台' });
  expect(again.status).toBe(409);
  expect(again.body.code).toBe('KIOSK_NAME_TAKEN');
  const asKiosk = await a1.admin.post<{ code: string }>('/api/hub/kiosks', { store: STORE, name: 'x' });
  expect(asKiosk.status).toBe(404);
  expect(asKiosk.body.code).toBe('NOT_A_HUB');
});
