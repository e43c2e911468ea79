import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../support/api';
import {
  createMember,
  createProduct,
  expectError,
  fundedResident,
  ISO_TIME,
  openStore,
  redeem,
  type Product,
  type Redemption,
  type Resident,
  sleep,
  staffToken,
  type Store,
} from './helpers';

interface Summary {
  id: string;
  receiptNo: string;
  createdAt: string;
  member: { id: string; displayName: string; name: string };
  accountId: string;
  totalPoints: number;
  status: 'completed' | 'voided';
  lineCount: number;
}

interface Page {
  total: number;
  items: Summary[];
}

interface PrintJob {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  printedAt: string | null;
}

type Detail = Redemption & {
  member?: { id: string; displayName: string; name: string };
  voidReason?: string | null;
  voidedBy?: string | null;
  voidedAt?: string | null;
  printJobs?: PrintJob[];
};

let store: Store;
let volunteer: Api;
let alice: Resident;
let bob: Resident;
let soap: Product;
let towel: Product;
let first: Redemption;
let second: Redemption;
let third: Redemption;

/** The local day of a moment as YYYY-MM-DD (the server runs in the same time zone as the tests). */
function day(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

function addDays(at: Date, days: number): Date {
  const copy = new Date(at);
  copy.setDate(copy.getDate() + days);
  return copy;
}

beforeAll(async () => {
  store = await openStore({ env: { PRINTER: 'file' } });
  volunteer = store.api.as(await staffToken(store.api, 'volunteer'));
  alice = await fundedResident(store, 500);
  bob = await fundedResident(store, 500);
  soap = await createProduct(store.admin, { pricePoints: 3, stock: 50 });
  towel = await createProduct(store.admin, { pricePoints: 7, stock: 50 });
  const made = async (resident: Resident, items: { productId: string; quantity: number }[]) => {
    const response = await redeem(resident.api, items);
    expect(response.status, response.text).toBe(201);
    return response.body;
  };
  first = await made(alice, [{ productId: soap.id, quantity: 2 }]);
  second = await made(bob, [
    { productId: soap.id, quantity: 1 },
    { productId: towel.id, quantity: 1 },
  ]);
  third = await made(alice, [{ productId: towel.id, quantity: 3 }]);
  const voided = await store.admin.post(`/api/redemptions/${second.id}/void`, { reason: '会员退回商品' });
  expect(voided.status, voided.text).toBe(200);
});

afterAll(async () => {
  await store?.close();
});

const ours = (page: Page) => page.items.filter((item) => [first.id, second.id, third.id].includes(item.id));

describe('GET /api/redemptions', () => {
  it('lists redemptions newest first with member, account, total, status and number of lines', async () => {
    const response = await volunteer.get<Page>('/api/redemptions');
    expect(response.status, response.text).toBe(200);
    expect(response.body.total).toBeGreaterThanOrEqual(3);
    expect(ours(response.body).map((item) => item.id)).toEqual([third.id, second.id, first.id]);
    const [t, s, f] = ours(response.body);
    expect(f).toEqual({
      id: first.id,
      receiptNo: first.receiptNo,
      createdAt: first.createdAt,
      member: {
        id: alice.memberId,
        displayName: expect.stringContaining('*') as unknown,
        name: expect.any(String) as unknown,
      },
      accountId: alice.accountId,
      totalPoints: 6,
      status: 'completed',
      lineCount: 1,
    });
    expect(s).toMatchObject({ status: 'voided', lineCount: 2, totalPoints: 10, member: { id: bob.memberId } });
    expect(t).toMatchObject({ status: 'completed', lineCount: 1, totalPoints: 21 });
    expect(f!.member.displayName).not.toBe(f!.member.name);
    const times = response.body.items.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    for (const item of response.body.items) expect(item.createdAt).toMatch(ISO_TIME);
  });

  it('filters by member, product, status and receipt number (whole or part), and the total counts the matches', async () => {
    const byMember = (await volunteer.get<Page>(`/api/redemptions?memberId=${alice.memberId}`)).body;
    expect(byMember.items.map((item) => item.id)).toEqual([third.id, first.id]);
    expect(byMember.total).toBe(2);

    const byProduct = (await volunteer.get<Page>(`/api/redemptions?productId=${towel.id}`)).body;
    expect(byProduct.items.map((item) => item.id)).toEqual([third.id, second.id]);

    const voided = (await volunteer.get<Page>(`/api/redemptions?status=voided&productId=${soap.id}`)).body;
    expect(voided.items.map((item) => item.id)).toEqual([second.id]);
    const completed = (await volunteer.get<Page>(`/api/redemptions?status=completed&productId=${soap.id}`)).body;
    expect(completed.items.map((item) => item.id)).toEqual([first.id]);

    const exact = (await volunteer.get<Page>(`/api/redemptions?receiptNo=${first.receiptNo}`)).body;
    expect(exact).toEqual({ total: 1, items: [expect.objectContaining({ id: first.id })] });
    const tail = first.receiptNo.slice(-6);
    const part = (await volunteer.get<Page>(`/api/redemptions?receiptNo=${tail}`)).body;
    expect(part.items.map((item) => item.id)).toContain(first.id);
    expect(part.items.every((item) => item.receiptNo.includes(tail))).toBe(true);
    const lower = (await volunteer.get<Page>(`/api/redemptions?receiptNo=${first.receiptNo.toLowerCase()}`)).body;
    expect(lower.items.map((item) => item.id)).toEqual([first.id]);
    // LIKE wildcards are taken literally.
    expect((await volunteer.get<Page>('/api/redemptions?receiptNo=%25')).body).toEqual({ total: 0, items: [] });
    expect((await volunteer.get<Page>('/api/redemptions?receiptNo=_')).body).toEqual({ total: 0, items: [] });

    const unknownProduct = '01890000-0000-7000-8000-00000000d0d0';
    expect((await volunteer.get<Page>(`/api/redemptions?productId=${unknownProduct}`)).body).toEqual({
      total: 0,
      items: [],
    });

    const nobody = await createMember(store.admin);
    expect((await volunteer.get<Page>(`/api/redemptions?memberId=${nobody.memberId}`)).body).toEqual({
      total: 0,
      items: [],
    });
  });

  it('filters by local day: from and to are inclusive days of the kiosk', async () => {
    const today = day(new Date());
    const onlyToday = (await volunteer.get<Page>(`/api/redemptions?from=${today}&to=${today}&limit=200`)).body;
    expect(ours(onlyToday).length).toBe(3);
    const fromTomorrow = (await volunteer.get<Page>(`/api/redemptions?from=${day(addDays(new Date(), 1))}`)).body;
    expect(fromTomorrow).toEqual({ total: 0, items: [] });
    const untilYesterday = (await volunteer.get<Page>(`/api/redemptions?to=${day(addDays(new Date(), -1))}`)).body;
    expect(ours(untilYesterday)).toEqual([]);
  });

  it('pages with limit and offset over the same total', async () => {
    const all = (await volunteer.get<Page>('/api/redemptions?limit=200')).body;
    const pageOne = (await volunteer.get<Page>('/api/redemptions?limit=2&offset=0')).body;
    const pageTwo = (await volunteer.get<Page>('/api/redemptions?limit=2&offset=2')).body;
    expect(pageOne.total).toBe(all.total);
    expect(pageTwo.total).toBe(all.total);
    expect([...pageOne.items, ...pageTwo.items].map((item) => item.id)).toEqual(
      all.items.slice(0, 4).map((item) => item.id),
    );
    expect((await volunteer.get<Page>(`/api/redemptions?offset=${all.total}`)).body.items).toEqual([]);
  });

  it('refuses bad filters with 400 VALIDATION_FAILED', async () => {
    for (const query of [
      'from=2026-13-01',
      'from=2026-02-30',
      'to=yesterday',
      'from=2026-11-02&to=2026-11-01',
      'memberId=not-a-uuid',
      'productId=0',
      'productId=1',
      'status=open',
      'limit=0',
      'limit=201',
      'offset=-1',
      'colour=red',
    ]) {
      expectError(await volunteer.get(`/api/redemptions?${query}`), 400, 'VALIDATION_FAILED');
    }
  });

  it('is for staff: a resident or no token gets 401', async () => {
    expectError(await store.api.get('/api/redemptions'), 401, 'STAFF_SESSION_REQUIRED');
    expectError(await alice.api.get('/api/redemptions'), 401, 'STAFF_SESSION_REQUIRED');
  });
});

describe('GET /api/redemptions/by-receipt/:receiptNo and the staff detail', () => {
  it('finds a receipt by the number its QR code carries, with member, void details and print jobs', async () => {
    const reprint = await volunteer.post(`/api/redemptions/${second.id}/reprint`);
    expect(reprint.status, reprint.text).toBe(202);
    // The file printer prints within moments; wait until both jobs are done.
    let detail: Detail | undefined;
    for (let i = 0; i < 50; i++) {
      detail = (await volunteer.get<Detail>(`/api/redemptions/by-receipt/${second.receiptNo}`)).body;
      if (detail.printJobs?.every((job) => job.status === 'printed') && detail.printJobs.length === 2) break;
      await sleep(100);
    }
    expect(detail).toMatchObject({
      id: second.id,
      receiptNo: second.receiptNo,
      status: 'voided',
      totalPoints: 10,
      member: { id: bob.memberId },
      voidReason: '会员退回商品',
      voidedBy: 'staff:admin',
    });
    expect(detail!.voidedAt).toMatch(ISO_TIME);
    expect(detail!.lines.map((line) => line.productId)).toEqual([soap.id, towel.id]);
    expect(detail!.printJobs!.map((job) => [job.kind, job.status])).toEqual([
      ['receipt', 'printed'],
      ['reprint', 'printed'],
    ]);
    for (const job of detail!.printJobs!) {
      expect(job.attempts).toBeGreaterThanOrEqual(1);
      expect(job.lastError).toBeNull();
      expect(job.printedAt).toMatch(ISO_TIME);
    }
  });

  it('GET /api/redemptions/:id gives staff the same detail; a completed one has no void details', async () => {
    const byId = (await volunteer.get<Detail>(`/api/redemptions/${first.id}`)).body;
    const byReceipt = (await volunteer.get<Detail>(`/api/redemptions/by-receipt/${first.receiptNo}`)).body;
    expect(byId).toEqual(byReceipt);
    expect(byId).toMatchObject({ status: 'completed', voidReason: null, voidedBy: null, voidedAt: null });
    expect(byId.member).toMatchObject({ id: alice.memberId });
  });

  it('a resident asking for their own redemption gets the receipt without the staff fields', async () => {
    const own = await alice.api.get<Detail>(`/api/redemptions/${first.id}`);
    expect(own.status, own.text).toBe(200);
    expect(own.body.id).toBe(first.id);
    for (const field of ['member', 'voidReason', 'voidedBy', 'voidedAt', 'printJobs']) {
      expect(own.body, field).not.toHaveProperty(field);
    }
  });

  it('answers 404 REDEMPTION_NOT_FOUND for an unknown number, 401 without a staff token', async () => {
    expectError(await volunteer.get('/api/redemptions/by-receipt/TEST01-999999'), 404, 'REDEMPTION_NOT_FOUND');
    expectError(await volunteer.get('/api/redemptions/by-receipt/%25'), 404, 'REDEMPTION_NOT_FOUND');
    expectError(await store.api.get(`/api/redemptions/by-receipt/${first.receiptNo}`), 401, 'STAFF_SESSION_REQUIRED');
    expectError(await alice.api.get(`/api/redemptions/by-receipt/${first.receiptNo}`), 401, 'STAFF_SESSION_REQUIRED');
  });
});

describe('voiding in the audit trail', () => {
  it('writes redemption.void with who, the status before and after, the reason and the points returned', async () => {
    const changes = await store.admin.get<
      { action: string; actor: string; entityId: string; before: unknown; after: unknown }[]
    >('/api/audit/changes?entity=redemption');
    expect(changes.status, changes.text).toBe(200);
    const rows = changes.body.filter((change) => change.entityId === second.id);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'redemption.void',
        actor: 'staff:admin',
        before: { status: 'completed' },
        after: { status: 'voided', voidReason: '会员退回商品', pointsReturned: 10 },
      }),
    ]);
    // A refused second void adds no row.
    expectError(
      await store.admin.post(`/api/redemptions/${second.id}/void`, { reason: '再撤销一次' }),
      409,
      'ALREADY_VOIDED',
    );
    const again = await store.admin.get<{ entityId: string }[]>('/api/audit/changes?entity=redemption');
    expect(again.body.filter((change) => change.entityId === second.id).length).toBe(1);
    expect(third.status).toBe('completed');
  });
});
