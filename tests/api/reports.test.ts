import { rankingPageCount, ROWS_ON_LAST_PAGE } from '@kiosk/hardware';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../support/api';
import {
  createMember,
  createProduct,
  expectError,
  fundedResident,
  getBytes,
  openStore,
  parseCsv,
  passbook,
  redeem,
  type Product,
  type Redemption,
  type Resident,
  staffToken,
  type Store,
} from './helpers';

interface Summary {
  period: 'today' | 'month';
  from: string;
  to: string;
  redemptions: number;
  voids: number;
  pointsSpent: number;
  pointsReturned: number;
  pointsAwarded: number;
  pointsDeducted: number;
  topProducts: { productId: string; name: string; quantity: number; points: number }[];
  stock: { products: number; units: number; valuePoints: number };
}

let store: Store;
let volunteer: Api;

beforeAll(async () => {
  store = await openStore();
  volunteer = store.api.as(await staffToken(store.api, 'volunteer'));
});

afterAll(async () => {
  await store?.close();
});

function localDay(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function summary(period: 'today' | 'month'): Promise<Summary> {
  const response = await store.admin.get<Summary>(`/api/reports/summary?period=${period}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function csvRows(path: string): Promise<string[][]> {
  const response = await getBytes(store.kiosk.url, path, store.adminToken);
  expect(response.status, response.bytes.toString()).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z]+\.csv"$/);
  expect([...response.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = response.bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return parseCsv(text);
}

/** What the test itself did today: three residents, one deduction, four redemptions, one of them voided. */
interface Activity {
  residents: Resident[];
  products: Product[];
  redemptions: Redemption[];
  voided: Redemption;
  awarded: number;
  deducted: number;
}

let activity: Activity;
let before: { today: Summary; month: Summary };

describe('GET /api/reports/summary', () => {
  beforeAll(async () => {
    before = { today: await summary('today'), month: await summary('month') };
    const oil = await createProduct(store.admin, { name: '报表食用油', pricePoints: 30, stock: 40 });
    const eggs = await createProduct(store.admin, { name: '报表鸡蛋', pricePoints: 8, stock: 100 });
    const tissue = await createProduct(store.admin, { name: '报表纸巾', pricePoints: 5, stock: 100 });
    const rice = await createProduct(store.admin, { name: '报表大米', pricePoints: 25, stock: 20 });
    const residents = [
      await fundedResident(store, 400),
      await fundedResident(store, 300),
      await fundedResident(store, 150),
    ];
    const deduction = await store.admin.post('/api/points/awards', {
      accountId: residents[0]!.accountId,
      points: -12,
      reason: '门前三包检查扣分',
    });
    expect(deduction.status, deduction.text).toBe(201);
    const made = async (resident: Resident, items: { productId: string; quantity: number }[]) => {
      const response = await redeem(resident.api, items);
      expect(response.status, response.text).toBe(201);
      return response.body;
    };
    const redemptions = [
      await made(residents[0]!, [
        { productId: eggs.id, quantity: 6 },
        { productId: oil.id, quantity: 2 },
      ]),
      await made(residents[1]!, [
        { productId: tissue.id, quantity: 9 },
        { productId: eggs.id, quantity: 3 },
      ]),
      await made(residents[2]!, [{ productId: rice.id, quantity: 1 }]),
      await made(residents[1]!, [{ productId: rice.id, quantity: 4 }]),
    ];
    const voided = redemptions[3]!;
    const response = await store.admin.post(`/api/redemptions/${voided.id}/void`, { reason: '退货' });
    expect(response.status, response.text).toBe(200);
    activity = { residents, products: [oil, eggs, tissue, rice], redemptions, voided, awarded: 850, deducted: 12 };
  });

  it('counts today’s redemptions, points spent and returned, awarded and deducted, from the ledger', async () => {
    const after = await summary('today');
    const spent = activity.redemptions.reduce((sum, r) => sum + r.totalPoints, 0);
    expect(spent).toBe(6 * 8 + 2 * 30 + 9 * 5 + 3 * 8 + 25 + 4 * 25);
    expect({
      redemptions: after.redemptions - before.today.redemptions,
      voids: after.voids - before.today.voids,
      pointsSpent: after.pointsSpent - before.today.pointsSpent,
      pointsReturned: after.pointsReturned - before.today.pointsReturned,
      pointsAwarded: after.pointsAwarded - before.today.pointsAwarded,
      pointsDeducted: after.pointsDeducted - before.today.pointsDeducted,
    }).toEqual({
      redemptions: 4,
      voids: 1,
      pointsSpent: spent,
      pointsReturned: 100,
      pointsAwarded: 850,
      pointsDeducted: 12,
    });
    // The demo store has no redemptions of its own: today's figures are exactly this test's.
    expect(before.today).toMatchObject({ redemptions: 0, voids: 0, pointsSpent: 0, pointsReturned: 0 });
  });

  it('ranks the top 5 products by quantity, leaving out what a void gave back', async () => {
    const [oil, eggs, tissue, rice] = activity.products;
    const after = await summary('today');
    expect(after.topProducts).toEqual([
      { productId: eggs!.id, name: '报表鸡蛋', quantity: 9, points: 72 },
      { productId: tissue!.id, name: '报表纸巾', quantity: 9, points: 45 },
      { productId: oil!.id, name: '报表食用油', quantity: 2, points: 60 },
      { productId: rice!.id, name: '报表大米', quantity: 1, points: 25 },
    ]);
  });

  it('values the stock of active products (stock × price), as the product list shows it', async () => {
    const inactive = await createProduct(store.admin, { pricePoints: 1000, stock: 50, active: false });
    const products = (await volunteer.get<Product[]>('/api/products')).body;
    expect(products.some((p) => p.id === inactive.id)).toBe(true);
    const active = products.filter((p) => p.active);
    const after = await summary('today');
    expect(after.stock).toEqual({
      products: active.length,
      units: active.reduce((sum, p) => sum + p.stock, 0),
      valuePoints: active.reduce((sum, p) => sum + p.stock * p.pricePoints, 0),
    });
    const [oil] = activity.products;
    expect(products.find((p) => p.id === oil!.id)!.stock).toBe(38);
  });

  it('month covers the calendar month: the same changes, over the seeded awards of this month as the ledger holds them', async () => {
    const after = await summary('month');
    const start = new Date(new Date().getFullYear(), new Date().getMonth(), 1);
    const end = new Date(start.getFullYear(), start.getMonth() + 1, 1);
    expect([after.period, after.from, after.to]).toEqual(['month', start.toISOString(), end.toISOString()]);
    expect(after.redemptions - before.month.redemptions).toBe(4);
    expect(after.pointsAwarded - before.month.pointsAwarded).toBe(850);
    expect(after.pointsDeducted - before.month.pointsDeducted).toBe(12);
    // Read straight from the database file: every award and deduction dated this month.
    const row = await store.db.get<{ awarded: number; deducted: number }>(
      `SELECT COALESCE(SUM(CASE WHEN "delta" > 0 THEN "delta" END), 0) AS "awarded",
              COALESCE(SUM(CASE WHEN "delta" < 0 THEN -"delta" END), 0) AS "deducted"
         FROM "ledger_entries" WHERE "kind" IN ('award', 'adjust') AND "createdAt" >= ? AND "createdAt" < ?`,
      start.toISOString(),
      end.toISOString(),
    );
    expect(row!.awarded).toBeGreaterThan(850);
    expect({ awarded: after.pointsAwarded, deducted: after.pointsDeducted }).toEqual(row);
    expect(after.topProducts).toEqual((await summary('today')).topProducts);
    const today = await summary('today');
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    expect(today.from).toBe(midnight.toISOString());
    expect(new Date(today.to).getTime() - midnight.getTime()).toBeGreaterThanOrEqual(23 * 3600_000);
  });

  it('defaults to today; refuses another period with 400; admins only', async () => {
    const plain = await store.admin.get<Summary>('/api/reports/summary');
    expect(plain.status, plain.text).toBe(200);
    expect(plain.body.period).toBe('today');
    expectError(await store.admin.get('/api/reports/summary?period=week'), 400, 'VALIDATION_FAILED');
    expectError(await volunteer.get('/api/reports/summary?period=today'), 403, 'FORBIDDEN');
    expectError(await store.api.get('/api/reports/summary?period=today'), 401, 'STAFF_SESSION_REQUIRED');
  });
});

describe('GET /api/exports/awards.csv', () => {
  const HEADER = [
    '时间',
    '账户',
    '账户类型',
    '会员',
    '卡号',
    '积分',
    '类别',
    '事由',
    '经办人',
    '经办人账号',
    '终端',
    '流水号',
  ];

  it('has one row per award or deduction in the ledger, with account, points, reason, actor, kiosk and sequence', async () => {
    const rows = await csvRows('/api/exports/awards.csv');
    expect(rows[0]).toEqual(HEADER);
    expect(rows.every((row) => row.length === HEADER.length)).toBe(true);
    const stored = await store.db.get<{ n: number }>(
      `SELECT COUNT(*) AS "n" FROM "ledger_entries" WHERE "kind" IN ('award', 'adjust')`,
    );
    expect(rows.length - 1).toBe(stored!.n);

    const resident = activity.residents[0]!;
    const book = await passbook(store.admin, resident.accountId);
    const expected = book.entries
      .filter((entry) => entry.kind === 'award' || entry.kind === 'adjust')
      .map((entry) => [
        entry.delta > 0 ? '发放' : '扣减',
        String(entry.delta),
        entry.reason,
        entry.actor,
        entry.kioskId,
        String(entry.seq),
      ]);
    expect(expected.length).toBe(2);
    const mine = rows
      .filter((row) => expected.some((entry) => entry[5] === row[11]))
      .map((row) => [row[6], row[5], row[7], row[9], row[10], row[11]]);
    expect(mine).toEqual(expected);
    const named = rows.filter((row) => expected.some((entry) => entry[5] === row[11]));
    // A one-person account names its member and card; the staff member is named by name.
    const member = (await store.admin.get<{ member: { name: string } }>(`/api/members/${resident.memberId}`)).body
      .member;
    expect(named.map((row) => [row[1], row[2], row[3], row[4], row[8]])).toEqual([
      [book.account.name, '个人', member.name, resident.cardNo, '社区管理员'],
      [book.account.name, '个人', member.name, resident.cardNo, '社区管理员'],
    ]);
    expect(named[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // Oldest first, like the passbook.
    const seqs = rows.slice(1).map((row) => Number(row[11]));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('filters by local day and defuses a reason a spreadsheet would run as a formula', async () => {
    const resident = await fundedResident(store, 0);
    const award = await store.admin.post('/api/points/awards', {
      accountId: resident.accountId,
      points: 3,
      reason: '=1+2 志愿服务',
    });
    expect(award.status, award.text).toBe(201);
    const today = await csvRows(`/api/exports/awards.csv?from=${localDay()}&to=${localDay()}`);
    const row = today.find((r) => r[7]?.includes('志愿服务') && r[5] === '3');
    expect(row?.[7]).toBe(`'=1+2 志愿服务`);
    expect(await csvRows(`/api/exports/awards.csv?from=${localDay(1)}`)).toEqual([HEADER]);
    const untilYesterday = await csvRows(`/api/exports/awards.csv?to=${localDay(-1)}`);
    expect(untilYesterday.some((r) => r[7]?.includes('志愿服务') && r[5] === '3')).toBe(false);
    expectError(
      await store.admin.get('/api/exports/awards.csv?from=2026-11-02&to=2026-11-01'),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await store.admin.get('/api/exports/awards.csv?from=yesterday'), 400, 'VALIDATION_FAILED');
  });

  it('names the member of an event check-in, nobody for a household award, and the staff member by name', async () => {
    const household = `测试楼${Date.now() % 100000}`;
    const first = await createMember(store.admin, '钱家老大', household);
    const second = await createMember(store.admin, '钱家老二', household);
    expect(second.accountId).toBe(first.accountId);
    const added = await store.admin.post<{ id: string; username: string }>('/api/staff', {
      displayName: '何阿姨',
      role: 'admin',
      pin: '864200',
    });
    expect(added.status, added.text).toBe(201);
    const signedIn = await store.api.post<{ token: string }>('/api/staff/sessions', {
      username: added.body.username,
      pin: '864200',
    });
    const he = store.api.as(signedIn.body.token);
    const householdAward = await he.post('/api/points/awards', {
      accountId: first.accountId,
      points: 4,
      reason: '全家打扫楼道',
    });
    expect(householdAward.status, householdAward.text).toBe(201);
    const activities = await he.get<{ id: string }[]>('/api/activities');
    const event = await he.post<{ id: string }>('/api/events', { activityId: activities.body[0]!.id, points: 6 });
    expect(event.status, event.text).toBe(201);
    const checkIn = await he.post(`/api/events/${event.body.id}/check-ins`, { qr: second.qr });
    expect(checkIn.status, checkIn.text).toBe(201);

    const rows = (await csvRows('/api/exports/awards.csv')).filter((row) => row[1] === household);
    expect(rows.map((row) => [row[2], row[3], row[4], row[5], row[8], row[9]])).toEqual([
      ['家庭', '', '', '4', '何阿姨', `staff:${added.body.username}`],
      ['家庭', '钱家老二', second.cardNo, '6', '何阿姨', `staff:${added.body.username}`],
    ]);
  });

  it('is for admins only', async () => {
    expectError(await volunteer.get('/api/exports/awards.csv'), 403, 'FORBIDDEN');
    expectError(await store.api.get('/api/exports/awards.csv'), 401, 'STAFF_SESSION_REQUIRED');
  });
});

describe('GET /api/exports/stock.csv', () => {
  it('has one row per product, also inactive ones: name, category, barcode, price, stock, threshold, value, state', async () => {
    await createProduct(store.admin, {
      name: '条码酱油, "特级"',
      category: '调味',
      pricePoints: 6,
      stock: 7,
      lowStockThreshold: 2,
      barcode: '6901234500017',
    });
    const rows = await csvRows('/api/exports/stock.csv');
    expect(rows[0]).toEqual(['商品', '分类', '条码', '单价(积分)', '库存', '预警线', '库存价值(积分)', '状态']);
    const products = (await volunteer.get<Product[]>('/api/products')).body;
    expect(rows.slice(1)).toEqual(
      products.map((p) => [
        p.name,
        p.category,
        p.barcode ?? '',
        String(p.pricePoints),
        String(p.stock),
        String(p.lowStockThreshold),
        String(p.stock * p.pricePoints),
        p.active ? '在售' : '下架',
      ]),
    );
    expect(rows.find((row) => row[0] === '条码酱油, "特级"')).toEqual([
      '条码酱油, "特级"',
      '调味',
      '6901234500017',
      '6',
      '7',
      '2',
      '42',
      '在售',
    ]);
    expect(rows.some((row) => row[7] === '下架')).toBe(true);
  });

  it('is for admins only', async () => {
    expectError(await volunteer.get('/api/exports/stock.csv'), 403, 'FORBIDDEN');
    expectError(await store.api.get('/api/exports/stock.csv'), 401, 'STAFF_SESSION_REQUIRED');
  });
});

// ---- the monthly ranking (积分公示) --------------------------------------------------------------

interface RankingRow {
  rank: number;
  displayName: string;
  points: number;
}

/** Decodes the document title of a PDF made by pdfkit: a literal string of UTF-16BE text. */
function pdfTitle(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(text)?.[1];
  const marker = `\n${ref} 0 obj\n(`;
  const bytes: number[] = [];
  for (let i = text.indexOf(marker) + marker.length; text[i] !== ')'; i++) {
    let c = text.charCodeAt(i);
    if (text[i] === '\\') {
      i++;
      c = ({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[text[i]!] ?? text.charCodeAt(i);
    }
    bytes.push(c);
  }
  return Buffer.from(bytes.slice(2)).swap16().toString('utf16le');
}

describe('GET /api/rankings/month', () => {
  let household: { first: string; second: string; secondQr: string; accountId: string };

  beforeAll(async () => {
    // Far above the demo store's monthly awards, so these lead the board.
    const registered = async (name: string, label?: string) => {
      const response = await store.admin.post<{
        member: { id: string };
        account: { id: string };
        card: { qr: string };
      }>('/api/members', {
        name,
        ...(label ? { household: label } : {}),
      });
      expect(response.status, response.text).toBe(201);
      return { memberId: response.body.member.id, accountId: response.body.account.id, qr: response.body.card.qr };
    };
    const award = async (accountId: string, points: number) => {
      const response = await store.admin.post('/api/points/awards', { accountId, points, reason: '公示测试' });
      expect(response.status, response.text).toBe(201);
    };
    const qian = await registered('钱多多');
    const sunA = await registered('孙大圣', '花果山1号');
    const sunB = await registered('孙小圣', '花果山1号');
    expect(sunB.accountId).toBe(sunA.accountId);
    const zhou = await registered('周甲乙');
    const wu = await registered('吴丙丁');
    await award(qian.accountId, 900);
    await award(sunA.accountId, 950);
    await award(zhou.accountId, 800);
    await award(wu.accountId, 800);
    // A deduction is not "earned": it does not lower the ranking.
    const deduction = await store.admin.post('/api/points/awards', {
      accountId: qian.accountId,
      points: -50,
      reason: '扣分',
    });
    expect(deduction.status, deduction.text).toBe(201);
    household = { first: sunA.memberId, second: sunB.memberId, secondQr: sunB.qr, accountId: sunA.accountId };
  });

  it('by household: every account is a row, a household named after its first member; ties share a rank', async () => {
    const response = await store.api.get<RankingRow[]>('/api/rankings/month?by=household&limit=4');
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual([
      { rank: 1, displayName: '孙*圣家', points: 950 },
      { rank: 2, displayName: '钱*多', points: 900 },
      { rank: 3, displayName: '周*乙', points: 800 },
      { rank: 3, displayName: '吴*丁', points: 800 },
    ]);
  });

  it('by member (the default): a person’s own awards; a shared household account’s awards name nobody, so they are left out', async () => {
    const response = await store.api.get<RankingRow[]>('/api/rankings/month?limit=3');
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual([
      { rank: 1, displayName: '钱*多', points: 900 },
      { rank: 2, displayName: '周*乙', points: 800 },
      { rank: 2, displayName: '吴*丁', points: 800 },
    ]);
    const plain = await store.api.get<RankingRow[]>('/api/rankings/month');
    expect(plain.body).toEqual((await store.api.get<RankingRow[]>('/api/rankings/month?by=member&limit=5')).body);
    expect(plain.body).toHaveLength(5);
  });

  it('by member counts an event check-in for the member it names, also on a household account', async () => {
    // The second member of the household checks in at an event worth 1000 points.
    const activity = (await store.admin.get<{ id: string }[]>('/api/activities')).body[0]!;
    const event = await store.admin.post<{ id: string }>('/api/events', {
      activityId: activity.id,
      points: 1000,
      name: '河道巡查',
    });
    expect(event.status, event.text).toBe(201);
    const checkIn = await store.admin.post(`/api/events/${event.body.id}/check-ins`, { qr: household.secondQr });
    expect(checkIn.status, checkIn.text).toBe(201);
    const byMember = (await store.api.get<RankingRow[]>('/api/rankings/month?limit=2')).body;
    expect(byMember).toEqual([
      { rank: 1, displayName: '孙*圣', points: 1000 },
      { rank: 2, displayName: '钱*多', points: 900 },
    ]);
    const byHousehold = (await store.api.get<RankingRow[]>('/api/rankings/month?by=household&limit=1')).body;
    expect(byHousehold).toEqual([{ rank: 1, displayName: '孙*圣家', points: 1950 }]);
  });

  it('agrees with the ledger: each account’s awards this month, summed straight from the database file', async () => {
    const start = new Date(new Date().getFullYear(), new Date().getMonth(), 1).toISOString();
    const sums = await store.db.all<{ accountId: string; points: number }>(
      `SELECT "accountId", SUM("delta") AS "points" FROM "ledger_entries"
        WHERE "kind" = 'award' AND "createdAt" >= ? GROUP BY "accountId" ORDER BY "points" DESC`,
      start,
    );
    const board = (await store.api.get<RankingRow[]>('/api/rankings/month?by=household&limit=100')).body;
    expect(board.map((row) => row.points)).toEqual(sums.map((row) => row.points).slice(0, 100));
    board.forEach((row, i) => {
      const firstWithThesePoints = board.findIndex((other) => other.points === row.points);
      expect(row.rank, `row ${i}`).toBe(firstWithThesePoints + 1);
      expect(row.displayName).toMatch(/\*/);
    });
  });

  it('a month without awards is empty; bad parameters answer 400', async () => {
    expect((await store.api.get<RankingRow[]>('/api/rankings/month?month=2001-01')).body).toEqual([]);
    for (const query of ['by=street', 'limit=0', 'limit=101', 'month=2026-13', 'month=2026-1', 'month=11-2026']) {
      expectError(await store.api.get(`/api/rankings/month?${query}`), 400, 'VALIDATION_FAILED');
    }
    expect((await store.api.get<RankingRow[]>('/api/rankings/month?limit=100')).status).toBe(200);
  });
});

describe('GET /api/rankings/month.pdf', () => {
  it('is the A4 notice titled "{store} {YYYY年M月} 积分公示", as a PDF download', async () => {
    const now = new Date();
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    const response = await getBytes(
      store.kiosk.url,
      `/api/rankings/month.pdf?by=household&month=${month}`,
      store.adminToken,
    );
    expect(response.status, response.bytes.toString()).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="ranking-${month}-household.pdf"`);
    const text = response.bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    // Every account that earned points this month is on the notice, over as many pages as that takes.
    const board = (await store.api.get<RankingRow[]>('/api/rankings/month?by=household&limit=100')).body;
    expect(board.length).toBeGreaterThan(ROWS_ON_LAST_PAGE);
    expect(board.length).toBeLessThan(100);
    expect(text.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(rankingPageCount(board.length));
    expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
    const storeName = (await store.api.get<{ storeName: string }>('/api/kiosk')).body.storeName;
    expect(pdfTitle(response.bytes)).toBe(`${storeName} ${now.getFullYear()}年${now.getMonth() + 1}月 积分公示`);
  });

  it('defaults to this month by member; an empty month still prints one page', async () => {
    const plain = await getBytes(store.kiosk.url, '/api/rankings/month.pdf', store.adminToken);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-disposition')).toMatch(/filename="ranking-\d{4}-\d{2}-member\.pdf"/);
    const empty = await getBytes(store.kiosk.url, '/api/rankings/month.pdf?month=2001-02', store.adminToken);
    expect(empty.status).toBe(200);
    expect(empty.bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
    expect(pdfTitle(empty.bytes)).toMatch(/ 2001年2月 积分公示$/);
  });

  it('refuses bad parameters with a JSON 400, and is for admins only', async () => {
    const bad = await store.admin.get('/api/rankings/month.pdf?month=2026-00');
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.headers.get('content-disposition')).toBeNull();
    expectError(await store.admin.get('/api/rankings/month.pdf?by=street'), 400, 'VALIDATION_FAILED');
    expectError(await volunteer.get('/api/rankings/month.pdf'), 403, 'FORBIDDEN');
    expectError(await store.api.get('/api/rankings/month.pdf'), 401, 'STAFF_SESSION_REQUIRED');
  });
});
