import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../support/api';
import { type Hub, startHub, startStoreKiosk, type StoreKiosk } from '../support/district';

/**
 * A district store starts without demo data, so without activities: its admin adds them at one
 * counter, and the store's other counters get them at their next sync round.
 */

interface Activity {
  id: string;
  name: string;
  defaultPoints: number;
  active: boolean;
}

const STORE = '清河社区积分超市';

let hub: Hub;
let counter1: StoreKiosk;
let counter2: StoreKiosk;

beforeAll(async () => {
  hub = await startHub();
  [counter1, counter2] = await Promise.all([
    startStoreKiosk(hub, { store: STORE, name: '1号柜台', id: 'QA1' }),
    startStoreKiosk(hub, { store: STORE, name: '2号柜台', id: 'QA2' }),
  ]);
});

afterAll(async () => {
  await Promise.all([counter1?.server.stop(), counter2?.server.stop(), hub?.server.stop()]);
});

async function synced(...kiosks: StoreKiosk[]): Promise<void> {
  for (const kiosk of kiosks) {
    const round = await kiosk.sync();
    expect(round.status, JSON.stringify(round.body)).toBe(200);
  }
}

async function offered(api: Api): Promise<Activity[]> {
  const response = await api.get<Activity[]>('/api/activities');
  expect(response.status, response.text).toBe(200);
  return response.body;
}

describe('activities in a district store', () => {
  it('an activity made at one counter is offered and awarded with at its sibling after a round; retiring it travels too', async () => {
    await synced(counter1, counter2);
    expect(await offered(counter2.admin)).toEqual([]);

    const created = await counter1.admin.post<Activity>('/api/activities', { name: '河道巡查', defaultPoints: 6 });
    expect(created.status, created.text).toBe(201);
    const member = await counter1.admin.post<{ account: { id: string } }>('/api/members', { name: '林秀英' });
    expect(member.status, member.text).toBe(201);
    const accountId = member.body.account.id;

    expect(await offered(counter2.admin)).toEqual([]);
    await synced(counter1, counter2);
    expect(await offered(counter2.admin)).toEqual([created.body]);

    const award = await counter2.admin.post<{ entry: { delta: number; reason: string }; account: { balance: number } }>(
      '/api/points/awards',
      { accountId, activityId: created.body.id },
    );
    expect(award.status, award.text).toBe(201);
    expect(award.body.entry).toMatchObject({ delta: 6, reason: '河道巡查' });
    expect(award.body.account.balance).toBe(6);

    // Retired at the second counter: after the rounds the first one offers it no more either.
    const retired = await counter2.admin.patch<Activity>(`/api/activities/${created.body.id}`, { active: false });
    expect(retired.status, retired.text).toBe(200);
    await synced(counter2, counter1);
    expect(await offered(counter1.admin)).toEqual([]);
    const all = await counter1.admin.get<Activity[]>('/api/activities?all=true');
    expect(all.body).toEqual([{ ...created.body, active: false }]);
    const refused = await counter1.admin.post('/api/points/awards', { accountId, activityId: created.body.id });
    expect(refused.status, refused.text).toBe(404);
  });

  it('the hub keeps no activities of its own: creating or changing one there answers 404 NOT_A_KIOSK', async () => {
    const create = await hub.admin.post<{ code: string }>('/api/activities', { name: '全区活动', defaultPoints: 5 });
    expect({ status: create.status, code: create.body.code }, create.text).toEqual({
      status: 404,
      code: 'NOT_A_KIOSK',
    });
    const [activity] = (await hub.admin.get<Activity[]>('/api/activities?all=true')).body;
    expect(activity, 'the hub holds the store’s activity from the rounds').toBeDefined();
    const change = await hub.admin.patch<{ code: string }>(`/api/activities/${activity!.id}`, { active: true });
    expect({ status: change.status, code: change.body.code }, change.text).toEqual({
      status: 404,
      code: 'NOT_A_KIOSK',
    });
  });
});
