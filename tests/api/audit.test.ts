import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PIN } from '../support/kiosk';
import { activities, type AdminChange as Change, type AwardEvent } from './console-api';
import {
  createMember,
  createProduct,
  expectError,
  fundedResident,
  openStore,
  type Product,
  redeem,
  type Redemption,
  type Store,
} from './helpers';

/** A trail entry as the change log screen receives it. */
let store: Store;
let adminName: string;
let voided: Redemption;
let product: Product;
let moved: { memberId: string; accountId: string };
let event: AwardEvent;

async function changes(query = ''): Promise<Change[]> {
  const response = await store.admin.get<Change[]>(`/api/audit/changes${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

beforeAll(async () => {
  store = await openStore();
  const session = await store.api.post<{ displayName: string }>('/api/staff/sessions', {
    username: 'admin',
    pin: ADMIN_PIN,
  });
  adminName = session.body.displayName;

  // A redemption, voided.
  const resident = await fundedResident(store, 100);
  await store.admin.patch(`/api/members/${resident.memberId}`, { name: '王小明' });
  product = await createProduct(store.admin, { name: '鸡蛋 10 个', pricePoints: 5, stock: 20 });
  const made = await redeem(resident.api, [{ productId: product.id, quantity: 1 }]);
  expect(made.status, made.text).toBe(201);
  voided = made.body;
  const voiding = await store.admin.post(`/api/redemptions/${voided.id}/void`, { reason: '退货' });
  expect(voiding.status, voiding.text).toBe(200);

  // A member moved from one household to another.
  const leaving = await createMember(store.admin, '李四', '东楼1栋101');
  await createMember(store.admin, '李五', '东楼1栋101');
  const target = await createMember(store.admin, '赵六', '西楼2栋202');
  const move = await store.admin.post(`/api/members/${leaving.memberId}/move`, { accountId: target.accountId });
  expect(move.status, move.text).toBe(200);
  moved = { memberId: leaving.memberId, accountId: target.accountId };

  // A product's picture replaced.
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c82828' } })
    .png()
    .toBuffer();
  const upload = await fetch(`${store.kiosk.url}/api/products/${product.id}/image`, {
    method: 'PUT',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${store.adminToken}` },
    body: png,
  });
  expect(upload.status, await upload.text()).toBe(200);

  // An event of an activity.
  const [activity] = await activities(store.admin);
  const created = await store.admin.post<AwardEvent>('/api/events', { activityId: activity!.id, name: '清扫楼道' });
  expect(created.status, created.text).toBe(201);
  event = created.body;
});

afterAll(async () => {
  await store?.close();
});

describe('GET /api/audit/changes, in words', () => {
  it('names the staff member by display name and a voided redemption by its receipt number and member', async () => {
    const [change] = await changes('?entity=redemption');
    expect(change).toMatchObject({
      actor: 'staff:admin',
      actorName: adminName,
      action: 'redemption.void',
      entityId: voided.id,
      subject: { kind: 'redemption', label: voided.receiptNo, detail: '王小明' },
      before: { status: 'completed' },
      after: { status: 'voided', voidReason: '退货', pointsReturned: 5 },
    });
    expect(adminName).not.toBe('admin');
  });

  it('names a moved member and both households', async () => {
    const [change] = await changes('?action=member.move');
    expect(change).toMatchObject({
      entityId: moved.memberId,
      subject: { kind: 'member', label: '李四', detail: '西楼2栋202' },
      before: { accountName: '东楼1栋101' },
      after: { accountId: moved.accountId, accountName: '西楼2栋202' },
    });
  });

  it('names the product whose picture was replaced', async () => {
    const [change] = await changes('?action=product.image');
    expect(change).toMatchObject({
      entityId: product.id,
      subject: { kind: 'product', label: '鸡蛋 10 个', detail: null },
      before: { imageUrl: null },
    });
    expect(change!.after!.imageUrl).toMatch(/^\/images\/uploads\//);
  });

  it('names an event and its activity', async () => {
    const [change] = await changes('?entity=event');
    const [activity] = await activities(store.admin);
    expect(change).toMatchObject({
      action: 'event.create',
      entityId: event.id,
      subject: { kind: 'event', label: '清扫楼道', detail: activity!.name },
      after: { activityId: activity!.id },
    });
  });

  it('falls back to the username for an actor the staff list does not have', async () => {
    await store.db.exec(
      `INSERT INTO "admin_changes" ("id", "actor", "action", "entity", "entityId", "before", "after", "createdAt")
       VALUES ('01890000-0000-7000-8000-000000000001', 'staff:gone', 'settings.update', 'settings', 'store',
               '{"storeName":"甲"}', '{"storeName":"乙"}', '2020-01-01T00:00:00.000Z')`,
    );
    const [oldest] = await changes('?actor=staff:gone');
    expect(oldest).toMatchObject({
      actorName: 'gone',
      subject: { kind: 'settings', label: null, detail: null },
    });
  });
});

describe('GET /api/audit/changes, paging and filters', () => {
  it('pages back and forward, newest first, without gaps or repeats', async () => {
    const all = await changes('?limit=500');
    expect(all.length).toBeGreaterThan(6);
    const ids = all.map((change) => change.id);
    expect([...ids].sort().reverse()).toEqual(ids);

    const first = await changes('?limit=3');
    expect(first.map((change) => change.id)).toEqual(ids.slice(0, 3));
    const second = await changes(`?limit=3&beforeId=${first[2]!.id}`);
    expect(second.map((change) => change.id)).toEqual(ids.slice(3, 6));
    const back = await changes(`?limit=3&afterId=${second[0]!.id}`);
    expect(back.map((change) => change.id)).toEqual(ids.slice(0, 3));
    const newest = await changes(`?afterId=${ids[0]}`);
    expect(newest).toEqual([]);
  });

  it('filters by who, by kind of thing or action, and by time', async () => {
    const mine = await changes('?actor=staff:admin&limit=500');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((change) => change.actor === 'staff:admin')).toBe(true);
    expect(await changes('?actor=staff:nobody')).toEqual([]);

    const products = await changes('?entity=product&limit=500');
    expect(new Set(products.map((change) => change.entity))).toEqual(new Set(['product']));
    expect(products.map((change) => change.action)).toEqual(
      expect.arrayContaining(['product.create', 'product.image']),
    );

    const now = Date.now();
    const hourAgo = new Date(now - 3_600_000).toISOString();
    const inAnHour = new Date(now + 3_600_000).toISOString();
    const today = await changes(`?from=${hourAgo}&to=${inAnHour}&limit=500`);
    expect(today.length).toBe((await changes('?limit=500')).length - 1); // all but the one of 2020
    expect(await changes(`?from=${inAnHour}`)).toEqual([]);
    // Actions are words joined by dots and hyphens (staff.pin-reset, sync.usb.import).
    expect(await changes('?action=staff.pin-reset')).toEqual([]);
    expect(await changes('?action=sync.usb.import')).toEqual([]);
    const old = await changes(`?to=${hourAgo}`);
    expect(old.map((change) => change.actor)).toEqual(['staff:gone']);
  });

  it('lists who appears in the trail, by name', async () => {
    const response = await store.admin.get<{ actor: string; name: string }[]>('/api/audit/actors');
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual(
      expect.arrayContaining([
        { actor: 'staff:admin', name: adminName },
        { actor: 'staff:gone', name: 'gone' },
      ]),
    );
  });

  it('refuses malformed filters', async () => {
    for (const query of [
      '?entity=ledger',
      '?action=DROP%20TABLE',
      '?from=yesterday',
      '?to=2026-13-45',
      '?afterId=123',
      '?actor=' + 'x'.repeat(101),
    ]) {
      expectError(await store.admin.get(`/api/audit/changes${query}`), 400, 'VALIDATION_FAILED');
    }
  });
});
