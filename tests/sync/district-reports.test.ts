import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { type Hub, startHub, startStoreKiosk, type StoreKiosk } from '../support/district';
import { ADMIN_PIN, ROOT, startKiosk, tempDataDir } from '../support/kiosk';
import { Db } from '../support/sqlite';

/**
 * The hub's month and quarter end, over HTTP against real processes: two stores' kiosks award
 * points at events of two activities, redeem, void and restock, sync, and the hub's district
 * ranking and quarterly settlement must equal what the kiosks' own ledgers say.
 */

type HardwareModule = typeof import('../../hardware/dist/index');
const { maskName } = createRequire(__filename)(join(ROOT, 'hardware/dist/index.js')) as HardwareModule;

const STORE_A = '幸福社区积分超市';
const STORE_B = '和平社区积分超市';

let hub: Hub;
/** The hub admin's session, for downloads (bytes, not text). */
let hubToken: string;
let a1: StoreKiosk;
let b1: StoreKiosk;
const started: { stop: () => Promise<void> }[] = [];

const ACTIVITIES = [
  { id: randomUUID(), name: '志愿服务', defaultPoints: 2 },
  { id: randomUUID(), name: '垃圾分类', defaultPoints: 1 },
] as const;

interface Registered {
  name: string;
  accountId: string;
  qr: string;
}

interface LedgerEntry {
  id: string;
  delta: number;
  kind: string;
  createdAt: string;
}

/** Facts the test made, to compare the reports with. */
const made = {
  members: [] as (Registered & { store: string; kiosk: StoreKiosk })[],
  /** event id → activity id */
  events: new Map<string, string>(),
  /** award entry id → the activity it was for (null: a reason only) */
  awardActivity: new Map<string, string | null>(),
  /** receipt no → points, of voided redemptions */
  voided: new Map<string, { points: number; reason: string }>(),
};

const now = new Date();
const MONTH = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
const QUARTER = `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;

/**
 * The same two activities (same ids) in every node's catalogue, written as a provisioning step: the
 * settlement names awards of both stores by one activity. Made through `POST /api/activities`, an
 * activity travels within its store only, and a second store's activity of the same name would be
 * kept at the hub under a marked name (activity names are unique).
 */
async function provisionActivities(dataDir: string): Promise<void> {
  const db = await Db.open(join(dataDir, 'kiosk.sqlite'));
  try {
    for (const activity of ACTIVITIES) {
      await db.all(
        `INSERT INTO "activities" ("id", "name", "defaultPoints", "active") VALUES (?, ?, ?, TRUE)`,
        activity.id,
        activity.name,
        activity.defaultPoints,
      );
    }
  } finally {
    await db.close();
  }
}

async function register(kiosk: StoreKiosk, store: string, name: string): Promise<Registered> {
  const member = await kiosk.admin.post<{ account: { id: string }; card: { qr: string } }>('/api/members', { name });
  expect(member.status, member.text).toBe(201);
  const registered = { name, accountId: member.body.account.id, qr: member.body.card.qr };
  made.members.push({ ...registered, store, kiosk });
  return registered;
}

async function event(kiosk: StoreKiosk, activity: (typeof ACTIVITIES)[number], points: number): Promise<string> {
  const created = await kiosk.admin.post<{ id: string }>('/api/events', { activityId: activity.id, points });
  expect(created.status, created.text).toBe(201);
  made.events.set(created.body.id, activity.id);
  return created.body.id;
}

async function checkIn(kiosk: StoreKiosk, eventId: string, member: Registered): Promise<void> {
  const checked = await kiosk.admin.post<{ entry: { id: string } }>(`/api/events/${eventId}/check-ins`, {
    qr: member.qr,
  });
  expect(checked.status, checked.text).toBe(201);
  made.awardActivity.set(checked.body.entry.id, made.events.get(eventId)!);
}

async function product(kiosk: StoreKiosk, name: string, pricePoints: number, stock: number): Promise<string> {
  const created = await kiosk.admin.post<{ id: string }>('/api/products', {
    name,
    category: '日用',
    pricePoints,
    stock,
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id;
}

let keys = 0;
async function redeem(kiosk: StoreKiosk, member: Registered, productId: string, quantity: number) {
  const { api } = await new Api(kiosk.server.url).resident(member.qr);
  const redeemed = await api.post<{ id: string; receiptNo: string; totalPoints: number }>(
    '/api/redemptions',
    { items: [{ productId, quantity }] },
    { 'Idempotency-Key': `district-reports-${++keys}-${Date.now()}` },
  );
  expect(redeemed.status, redeemed.text).toBe(201);
  return redeemed.body;
}

/** An account's entries as its kiosk's passbook shows them. */
async function ledgerOf(member: (typeof made.members)[number]): Promise<LedgerEntry[]> {
  const passbook = await member.kiosk.admin.get<{ entries: LedgerEntry[] }>(`/api/accounts/${member.accountId}/ledger`);
  expect(passbook.status, passbook.text).toBe(200);
  return passbook.body.entries;
}

/** The ranking the ledgers give: award points per member (every account here has one member). */
async function expectedRanking(
  store: string | null,
): Promise<{ displayName: string; points: number; store: string }[]> {
  const rows = [];
  for (const member of made.members.filter((m) => store === null || m.store === store)) {
    const points = (await ledgerOf(member))
      .filter((entry) => entry.kind === 'award')
      .reduce((sum, entry) => sum + entry.delta, 0);
    if (points > 0) rows.push({ displayName: maskName(member.name), points, store: member.store });
  }
  return rows.sort((x, y) => y.points - x.points);
}

/** Award entries of a store's accounts per activity, from the kiosks' ledgers. */
async function expectedAwards(store: string): Promise<Map<string | null, { count: number; points: number }>> {
  const awards = new Map<string | null, { count: number; points: number }>();
  for (const member of made.members.filter((m) => m.store === store)) {
    for (const entry of (await ledgerOf(member)).filter((e) => e.kind === 'award')) {
      expect(made.awardActivity.has(entry.id), `an award the test did not make: ${entry.id}`).toBe(true);
      const activity = made.awardActivity.get(entry.id) ?? null;
      const line = awards.get(activity) ?? { count: 0, points: 0 };
      awards.set(activity, { count: line.count + 1, points: line.points + entry.delta });
    }
  }
  return awards;
}

/** Points the store's accounts spent, net of voids, from the ledgers. */
async function netSpent(store: string): Promise<number> {
  let spent = 0;
  for (const member of made.members.filter((m) => m.store === store)) {
    for (const entry of await ledgerOf(member)) if (['redeem', 'void'].includes(entry.kind)) spent -= entry.delta;
  }
  return spent;
}

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

/** A file as the browser downloads it: the bytes, untouched. */
async function download(path: string): Promise<{ status: number; type: string; body: Buffer }> {
  const response = await fetch(`${hub.server.url}${path}`, { headers: { authorization: `Bearer ${hubToken}` } });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: Buffer.from(await response.arrayBuffer()),
  };
}

beforeAll(async () => {
  hub = await startHub();
  started.push(hub.server);
  const session = await new Api(hub.server.url).post<{ token: string }>('/api/staff/sessions', {
    username: 'admin',
    pin: ADMIN_PIN,
  });
  hubToken = session.body.token;
  [a1, b1] = await Promise.all([
    startStoreKiosk(hub, { store: STORE_A, name: '1号柜台', id: 'DRA1' }),
    startStoreKiosk(hub, { store: STORE_B, name: '1号柜台', id: 'DRB1' }),
  ]);
  started.push(a1.server, b1.server);
  for (const node of [hub.server, a1.server, b1.server]) await provisionActivities(node.dataDir);
  for (const kiosk of [a1, b1]) expect((await kiosk.sync()).status).toBe(200);

  const [volunteer, gardening] = ACTIVITIES;
  const zhang = await register(a1, STORE_A, '张三丰');
  const li = await register(a1, STORE_A, '李小龙');
  const wang = await register(a1, STORE_A, '王大锤');
  const zhao = await register(b1, STORE_B, '赵敏敏');

  const e1 = await event(a1, volunteer, 30);
  const e2 = await event(a1, gardening, 20);
  const e3 = await event(b1, volunteer, 40);
  await checkIn(a1, e1, zhang);
  await checkIn(a1, e2, zhang);
  await checkIn(a1, e1, li);
  await checkIn(a1, e2, wang);
  await checkIn(b1, e3, zhao);
  // an award for an activity without an event, and one with a reason only
  for (const [body, activity] of [
    [{ accountId: wang.accountId, activityId: gardening.id }, gardening.id],
    [{ accountId: wang.accountId, points: 15, reason: '好人好事' }, null],
  ] as const) {
    const award = await a1.admin.post<{ entry: { id: string } }>('/api/points/awards', body);
    expect(award.status, award.text).toBe(201);
    made.awardActivity.set(award.body.entry.id, activity);
  }

  const soap = await product(a1, '洗衣液', 10, 20);
  const rice = await product(a1, '大米 5kg', 25, 5);
  const towel = await product(b1, '毛巾', 5, 8);
  await redeem(a1, zhang, soap, 2);
  const voided = await redeem(a1, li, rice, 1);
  await redeem(a1, zhang, rice, 1);
  await redeem(b1, zhao, towel, 3);
  const voidAnswer = await a1.admin.post(`/api/redemptions/${voided.id}/void`, { reason: '顾客退回' });
  expect(voidAnswer.status, voidAnswer.text).toBe(200);
  made.voided.set(voided.receiptNo, { points: voided.totalPoints, reason: '顾客退回' });
  const restock = await a1.admin.post('/api/inventory/restocks', { productId: soap, quantity: 10, note: '街道配送' });
  expect(restock.status, restock.text).toBe(201);
  const stocktake = await a1.admin.post('/api/inventory/stocktakes', {
    counts: [{ productId: rice, counted: 2 }],
    note: '季末盘点',
  });
  expect(stocktake.status, stocktake.text).toBe(201);

  for (const kiosk of [a1, b1]) {
    const round = await kiosk.sync();
    expect(round.status, JSON.stringify(round.body)).toBe(200);
  }
});

afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
});

describe("the hub's district ranking (公示)", () => {
  it('lists the stores the hub has kiosks for', async () => {
    const stores = await hub.admin.get<{ store: string }[]>('/api/hub/stores');
    expect(stores.status, stores.text).toBe(200);
    expect(stores.body).toEqual([{ store: STORE_A }, { store: STORE_B }].sort((x, y) => (x.store < y.store ? -1 : 1)));
  });

  it("ranks one store's members by the month's award points, names masked", async () => {
    const ranking = await hub.admin.get<{ rank: number; displayName: string; points: number; store: string }[]>(
      `/api/hub/ranking?month=${MONTH}&store=${encodeURIComponent(STORE_A)}`,
    );
    expect(ranking.status, ranking.text).toBe(200);
    const expected = await expectedRanking(STORE_A);
    expect(expected).toHaveLength(3);
    expect(ranking.body.map(({ displayName, points, store }) => ({ displayName, points, store }))).toEqual(expected);
    expect(ranking.body.map((row) => row.rank)).toEqual([1, 2, 3]);
    expect(ranking.body.every((row) => row.displayName.includes('*'))).toBe(true);
  });

  it('ranks the whole district, each row naming its store, by member and by household', async () => {
    const district = await hub.admin.get<{ displayName: string; points: number; store: string }[]>(
      `/api/hub/ranking?month=${MONTH}`,
    );
    expect(district.status, district.text).toBe(200);
    const expected = await expectedRanking(null);
    expect(expected.map((row) => row.store)).toContain(STORE_B);
    expect(district.body.map(({ displayName, points, store }) => ({ displayName, points, store }))).toEqual(expected);
    const households = await hub.admin.get<{ points: number; store: string }[]>(
      `/api/hub/ranking?month=${MONTH}&by=household&limit=2`,
    );
    expect(households.body.map(({ points, store }) => ({ points, store }))).toEqual(
      expected.slice(0, 2).map(({ points, store }) => ({ points, store })),
    );
  });

  it('prints the A4 notice of a store and of the district (全区, with a store column)', async () => {
    const title = `${now.getFullYear()}年${now.getMonth() + 1}月 积分公示`;
    const store = await download(`/api/hub/ranking.pdf?month=${MONTH}&store=${encodeURIComponent(STORE_A)}`);
    expect(store.status).toBe(200);
    expect(store.type).toBe('application/pdf');
    expect(store.body.subarray(0, 4).toString()).toBe('%PDF');
    const storeText = pdfText(store.body);
    expect(storeText).toContain(`${STORE_A} ${title}`);
    expect(storeText).not.toContain(STORE_B);
    const district = await download(`/api/hub/ranking.pdf?month=${MONTH}`);
    const districtText = pdfText(district.body);
    expect(districtText).toContain(`全区 ${title}`);
    expect(districtText).toContain('门店');
    for (const row of await expectedRanking(null)) {
      expect(districtText).toMatch(
        new RegExp(`${row.displayName.replace(/\*/g, '\\*')}\\s+${row.store}\\s+${row.points}`),
      );
    }
  });
});

describe("the hub's quarterly settlement (季度结算)", () => {
  interface Settlement {
    store: string;
    quarter: string;
    redeemed: { productName: string; quantity: number; points: number }[];
    voids: { receiptNo: string; points: number; reason: string }[];
    received: { productName: string; quantity: number }[];
    awards: { activityId: string | null; activityName: string | null; count: number; points: number }[];
    otherEntries: { kind: string; count: number; points: number }[];
    totals: Record<string, number>;
  }

  const query = `store=${encodeURIComponent(STORE_A)}&quarter=${QUARTER}`;

  it('sums goods redeemed per product without the void, lists the void, goods received and awards per activity', async () => {
    const answer = await hub.admin.get<Settlement>(`/api/hub/settlement?${query}`);
    expect(answer.status, answer.text).toBe(200);
    const sheet = answer.body;
    expect(sheet).toMatchObject({ store: STORE_A, quarter: QUARTER });
    expect(sheet.redeemed.map(({ productName, quantity, points }) => ({ productName, quantity, points }))).toEqual([
      { productName: '大米 5kg', quantity: 1, points: 25 },
      { productName: '洗衣液', quantity: 2, points: 20 },
    ]);
    expect(sheet.voids).toEqual(
      [...made.voided].map(([receiptNo, v]) =>
        expect.objectContaining({ receiptNo, points: v.points, reason: v.reason }),
      ),
    );
    // new products' first stock and the restock; the stocktake is a count, not a delivery
    expect(sheet.received.map(({ productName, quantity }) => ({ productName, quantity }))).toEqual([
      { productName: '大米 5kg', quantity: 5 },
      { productName: '洗衣液', quantity: 30 },
    ]);
    const awards = await expectedAwards(STORE_A);
    expect(awards.size).toBe(3);
    expect(new Map(sheet.awards.map((line) => [line.activityId, { count: line.count, points: line.points }]))).toEqual(
      awards,
    );
    const names = new Map(sheet.awards.map((line) => [line.activityId, line.activityName]));
    for (const activity of ACTIVITIES) expect(names.get(activity.id)).toBe(activity.name);
    expect(names.get(null)).toBeNull();
    expect(sheet.otherEntries).toEqual([]);
    const awarded = [...awards.values()].reduce((sum, line) => sum + line.points, 0);
    expect(sheet.totals).toEqual({
      redeemedQuantity: 3,
      redeemedPoints: await netSpent(STORE_A),
      voidCount: 1,
      voidPoints: 25,
      receivedQuantity: 35,
      awardCount: [...awards.values()].reduce((sum, line) => sum + line.count, 0),
      awardedPoints: awarded,
      otherPoints: 0,
    });
    expect(awarded).toBe(30 + 20 + 30 + 20 + 1 + 15);
  });

  it("keeps to the store: the other store's goods and points are not in it", async () => {
    const other = await hub.admin.get<Settlement>(
      `/api/hub/settlement?store=${encodeURIComponent(STORE_B)}&quarter=${QUARTER}`,
    );
    expect(other.body.redeemed.map((row) => [row.productName, row.quantity, row.points])).toEqual([['毛巾', 3, 15]]);
    expect(other.body.received.map((row) => [row.productName, row.quantity])).toEqual([['毛巾', 8]]);
    expect(other.body.totals).toMatchObject({
      awardedPoints: 40,
      voidCount: 0,
      redeemedPoints: await netSpent(STORE_B),
    });
    const earlier = await hub.admin.get<Settlement>(
      `/api/hub/settlement?store=${encodeURIComponent(STORE_A)}&quarter=2020-Q1`,
    );
    expect(earlier.body.totals).toEqual({
      redeemedQuantity: 0,
      redeemedPoints: 0,
      voidCount: 0,
      voidPoints: 0,
      receivedQuantity: 0,
      awardCount: 0,
      awardedPoints: 0,
      otherPoints: 0,
    });
  });

  it('gives a CSV (UTF-8 with BOM, CRLF, one section per table) whose totals equal the ledger', async () => {
    const csv = await download(`/api/hub/settlement.csv?${query}`);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.body.toString('utf8').slice(1);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const sections = text.split('\r\n\r\n');
    expect(sections.map((section) => section.split('\r\n')[0])).toEqual([
      '积分超市季度结算单',
      '兑换商品',
      '作废兑换',
      '入库商品',
      '积分发放',
      '合计',
    ]);
    const totals = new Map(
      sections[5]!
        .trim()
        .split('\r\n')
        .slice(2)
        .map((line) => line.split(',') as [string, string]),
    );
    const awards = [...(await expectedAwards(STORE_A)).values()];
    expect(Number(totals.get('兑换积分'))).toBe(await netSpent(STORE_A));
    expect(Number(totals.get('奖励积分'))).toBe(awards.reduce((sum, line) => sum + line.points, 0));
    expect(Number(totals.get('作废积分'))).toBe(25);
    expect(sections[2]).toContain([...made.voided.keys()][0]);
  });

  it('gives an A4 PDF with the title, the totals and the signature block as text', async () => {
    const pdf = await download(`/api/hub/settlement.pdf?${query}`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 4).toString()).toBe('%PDF');
    const text = pdfText(pdf.body);
    const [year, q] = QUARTER.split('-Q');
    expect(text).toContain(`${STORE_A} ${year}年第${q}季度 积分超市结算单`);
    expect(text).toMatch(new RegExp(`兑换积分\\s+${await netSpent(STORE_A)}\\n`));
    expect(text).toMatch(/奖励积分\s+116\n/);
    for (const word of ['经办人', '审核人', '街道办（盖章）', '日期', '洗衣液', '顾客退回'])
      expect(text).toContain(word);
    expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*1\s*页/);
  });
});

describe('who may ask', () => {
  const routes = ['/api/hub/stores', '/api/hub/ranking', '/api/hub/ranking.pdf', `/api/hub/settlement?store=x`];

  it('a kiosk answers 404 NOT_A_HUB', async () => {
    for (const path of [...routes, '/api/hub/settlement.csv?store=x', '/api/hub/settlement.pdf?store=x']) {
      const answer = await a1.admin.get<{ code: string }>(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.code).toBe('NOT_A_HUB');
    }
  });

  it('a volunteer at the hub gets 403, and nobody signed in 401', async () => {
    // The hub makes no volunteer; one that ran as a district kiosk first keeps its staff.
    const dataDir = tempDataDir('hub-volunteer-');
    const kiosk = await startKiosk({
      dataDir,
      env: { KIOSK_ID: 'DRV1', HUB_URL: hub.server.url, SYNC_INTERVAL_SECONDS: '0' },
    });
    await kiosk.stop();
    const other = await startHub(dataDir);
    started.push(other.server);
    const volunteer = await new Api(other.server.url).staff('volunteer');
    for (const path of [...routes, '/api/hub/settlement.csv?store=x', '/api/hub/settlement.pdf?store=x']) {
      const answer = await volunteer.get<{ code: string }>(path);
      expect(answer.status, `${path}: ${answer.text}`).toBe(403);
      expect((await new Api(other.server.url).get(path)).status).toBe(401);
    }
  });

  it('answers 404 STORE_NOT_FOUND for a store the hub has no kiosk of', async () => {
    for (const path of [
      '/api/hub/ranking?store=%E6%97%A0%E6%AD%A4%E9%97%A8%E5%BA%97',
      '/api/hub/ranking.pdf?store=%E6%97%A0%E6%AD%A4%E9%97%A8%E5%BA%97',
      `/api/hub/settlement?store=%E6%97%A0%E6%AD%A4%E9%97%A8%E5%BA%97&quarter=${QUARTER}`,
      '/api/hub/settlement.csv?store=%E6%97%A0%E6%AD%A4%E9%97%A8%E5%BA%97',
      '/api/hub/settlement.pdf?store=%E6%97%A0%E6%AD%A4%E9%97%A8%E5%BA%97',
    ]) {
      const answer = await hub.admin.get<{ code: string }>(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.code).toBe('STORE_NOT_FOUND');
    }
  });

  it('refuses a malformed month or quarter', async () => {
    expect((await hub.admin.get(`/api/hub/ranking?month=2026-13`)).status).toBe(400);
    expect((await hub.admin.get(`/api/hub/settlement?store=x&quarter=2026-Q5`)).status).toBe(400);
    expect((await hub.admin.get(`/api/hub/settlement`)).status).toBe(400);
  });
});
