import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../support/api';
import type { AdminChange } from './console-api';
import { createMember, expectError, openStore, staffToken, type Store, UUID } from './helpers';

interface Activity {
  id: string;
  name: string;
  defaultPoints: number;
  active: boolean;
}

/** A well-formed id that names no activity. */
const UNKNOWN_ID = '01890000-0000-7000-8000-00000000a0a0';

let store: Store;
let volunteer: Api;
let counter = 0;

beforeAll(async () => {
  store = await openStore();
  volunteer = store.api.as(await staffToken(store.api, 'volunteer'));
});

afterAll(async () => {
  await store?.close();
});

/** A name no other test of this file uses. */
function newName(prefix = '测试项目'): string {
  counter += 1;
  return `${prefix}${counter}`;
}

async function create(name: string, defaultPoints: number): Promise<Activity> {
  const response = await store.admin.post<Activity>('/api/activities', { name, defaultPoints });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

/** What the Points and CheckIn screens offer (the list any staff member gets). */
async function offered(api: Api = volunteer): Promise<Activity[]> {
  const response = await api.get<Activity[]>('/api/activities');
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function everyActivity(): Promise<Activity[]> {
  const response = await store.admin.get<Activity[]>('/api/activities?all=true');
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function changes(action: string, entityId: string): Promise<AdminChange[]> {
  const response = await store.admin.get<AdminChange[]>(
    `/api/audit/changes?entity=activity&action=${action}&limit=500`,
  );
  expect(response.status, response.text).toBe(200);
  return response.body.filter((change) => change.entityId === entityId);
}

describe('POST /api/activities', () => {
  it('creates an active activity that staff can award with at once, and logs the change', async () => {
    const name = newName('河道巡查');
    const activity = await create(`  ${name} `, 7);
    expect(activity).toEqual({ id: expect.stringMatching(UUID), name, defaultPoints: 7, active: true });
    expect(await offered()).toContainEqual(activity);

    const member = await createMember(store.admin);
    const award = await store.admin.post<{ entry: { delta: number; reason: string } }>('/api/points/awards', {
      accountId: member.accountId,
      activityId: activity.id,
    });
    expect(award.status, award.text).toBe(201);
    expect(award.body.entry).toMatchObject({ delta: 7, reason: name });

    expect(await changes('activity.create', activity.id)).toEqual([
      expect.objectContaining({
        actor: 'staff:admin',
        entity: 'activity',
        before: null,
        after: { name, defaultPoints: 7, active: true },
      }),
    ]);
  });

  it('refuses a name another activity has with 409 ACTIVITY_NAME_TAKEN, and changes nothing', async () => {
    const name = newName();
    await create(name, 3);
    const before = await everyActivity();
    const again = await store.admin.post('/api/activities', { name: ` ${name}`, defaultPoints: 9 });
    expectError(again, 409, 'ACTIVITY_NAME_TAKEN');
    expect(await everyActivity()).toEqual(before);
  });

  it.each([
    ['an empty name', { name: '', defaultPoints: 5 }],
    ['a blank name', { name: '   ', defaultPoints: 5 }],
    ['a name of 41 characters', { name: '巡'.repeat(41), defaultPoints: 5 }],
    ['a name with a control character', { name: '河道\u0007巡查', defaultPoints: 5 }],
    ['a name with a line break', { name: '河道\n巡查', defaultPoints: 5 }],
    ['a name with a bidi override', { name: '河道\u202e巡查', defaultPoints: 5 }],
    ['no name', { defaultPoints: 5 }],
    ['0 points', { name: '零分项目', defaultPoints: 0 }],
    ['1001 points', { name: '超额项目', defaultPoints: 1001 }],
    ['1.5 points', { name: '小数项目', defaultPoints: 1.5 }],
    ['-1001 points', { name: '负分项目', defaultPoints: -1001 }],
    ['points as text', { name: '文字项目', defaultPoints: '5' }],
    ['no points', { name: '无分项目' }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_label, body) => {
    const before = await everyActivity();
    expectError(await store.admin.post('/api/activities', body), 400, 'VALIDATION_FAILED');
    expect(await everyActivity()).toEqual(before);
  });

  it('takes a name of exactly 40 characters, and 1 and 1000 points', async () => {
    const long = `${newName('长')}${'名'.repeat(40)}`.slice(0, 40);
    expect((await create(long, 1)).name).toBe(long);
    expect((await create(newName(), 1000)).defaultPoints).toBe(1000);
  });

  it('takes negative points (-1 to -1000) for a deduction activity, which a deduction uses as it is', async () => {
    expect((await create(newName(), -1000)).defaultPoints).toBe(-1000);
    const deduction = await create(newName('门前三包扣分'), -2);
    const member = await createMember(store.admin);
    await store.admin.post('/api/points/awards', { accountId: member.accountId, points: 10, reason: '志愿服务' });
    const deducted = await store.admin.post<{ entry: { delta: number; kind: string }; account: { balance: number } }>(
      '/api/points/awards',
      { accountId: member.accountId, activityId: deduction.id },
    );
    expect(deducted.status, deducted.text).toBe(201);
    expect(deducted.body.entry).toMatchObject({ delta: -2, kind: 'adjust' });
    expect(deducted.body.account.balance).toBe(8);
  });
});

describe('PATCH /api/activities/:id', () => {
  it('renames it and changes its usual points: awards use the new ones; the change log has before and after', async () => {
    const activity = await create(newName(), 4);
    const name = newName('社区清扫');
    const renamed = await store.admin.patch<Activity>(`/api/activities/${activity.id}`, { name, defaultPoints: 6 });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toEqual({ id: activity.id, name, defaultPoints: 6, active: true });
    expect(await offered()).toContainEqual(renamed.body);

    const member = await createMember(store.admin);
    const award = await store.admin.post<{ entry: { delta: number; reason: string } }>('/api/points/awards', {
      accountId: member.accountId,
      activityId: activity.id,
    });
    expect(award.body.entry).toMatchObject({ delta: 6, reason: name });

    expect(await changes('activity.update', activity.id)).toEqual([
      expect.objectContaining({
        actor: 'staff:admin',
        entity: 'activity',
        before: { name: activity.name, defaultPoints: 4 },
        after: { name, defaultPoints: 6 },
        // the change log names the activity as it is called now
        subject: expect.objectContaining({ label: name }),
      }),
    ]);
  });

  it('retires it: gone from what Points and CheckIn offer, no award or event with it, still in ?all=true', async () => {
    const activity = await create(newName('垃圾分类'), 5);
    const retired = await store.admin.patch<Activity>(`/api/activities/${activity.id}`, { active: false });
    expect(retired.status, retired.text).toBe(200);
    expect(retired.body).toEqual({ ...activity, active: false });

    expect((await offered()).map((a) => a.id)).not.toContain(activity.id);
    expect((await offered(store.admin)).map((a) => a.id)).not.toContain(activity.id);
    expect(await everyActivity()).toContainEqual(retired.body);

    const member = await createMember(store.admin);
    const award = await store.admin.post('/api/points/awards', {
      accountId: member.accountId,
      activityId: activity.id,
    });
    expectError(award, 404, 'ACTIVITY_NOT_FOUND');
    const event = await store.admin.post('/api/events', { activityId: activity.id, points: 2 });
    expectError(event, 404, 'ACTIVITY_NOT_FOUND');

    expect(await changes('activity.update', activity.id)).toEqual([
      expect.objectContaining({ before: { active: true }, after: { active: false } }),
    ]);
  });

  it('restores a retired activity: offered again, and awards with it work', async () => {
    const activity = await create(newName('敬老助残'), 8);
    await store.admin.patch(`/api/activities/${activity.id}`, { active: false });
    const restored = await store.admin.patch<Activity>(`/api/activities/${activity.id}`, { active: true });
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body.active).toBe(true);
    expect(await offered()).toContainEqual(activity);

    const member = await createMember(store.admin);
    const award = await store.admin.post('/api/points/awards', {
      accountId: member.accountId,
      activityId: activity.id,
    });
    expect(award.status, award.text).toBe(201);
    expect((await changes('activity.update', activity.id)).map((change) => change.after)).toEqual([
      { active: true },
      { active: false },
    ]);
  });

  it('refuses a name another activity has (409 ACTIVITY_NAME_TAKEN); keeping its own name is no conflict', async () => {
    const first = await create(newName(), 2);
    const second = await create(newName(), 2);
    expectError(
      await store.admin.patch(`/api/activities/${second.id}`, { name: first.name }),
      409,
      'ACTIVITY_NAME_TAKEN',
    );
    const same = await store.admin.patch<Activity>(`/api/activities/${second.id}`, {
      name: second.name,
      defaultPoints: 3,
    });
    expect(same.status, same.text).toBe(200);
    expect(same.body).toEqual({ ...second, defaultPoints: 3 });
  });

  it('a change that changes nothing writes no change log row', async () => {
    const activity = await create(newName(), 2);
    const same = await store.admin.patch<Activity>(`/api/activities/${activity.id}`, { ...activity, id: undefined });
    expect(same.status, same.text).toBe(200);
    expect(await changes('activity.update', activity.id)).toEqual([]);
  });

  it('answers 404 ACTIVITY_NOT_FOUND for an unknown id, 400 for a malformed one', async () => {
    expectError(await store.admin.patch(`/api/activities/${UNKNOWN_ID}`, { active: false }), 404, 'ACTIVITY_NOT_FOUND');
    expectError(await store.admin.patch('/api/activities/not-an-id', { active: false }), 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['an empty name', { name: '' }],
    ['a name with a control character', { name: '巡\u0000查' }],
    ['a null name', { name: null }],
    ['0 points', { defaultPoints: 0 }],
    ['1001 points', { defaultPoints: 1001 }],
    ['1.5 points', { defaultPoints: 1.5 }],
    ['null points', { defaultPoints: null }],
    ['active as text', { active: 'false' }],
    ['active null', { active: null }],
  ])('refuses %s with 400 VALIDATION_FAILED and changes nothing', async (_label, body) => {
    const activity = await create(newName(), 5);
    expectError(await store.admin.patch(`/api/activities/${activity.id}`, body), 400, 'VALIDATION_FAILED');
    expect((await everyActivity()).find((a) => a.id === activity.id)).toEqual(activity);
  });
});

describe('who may keep the activities', () => {
  it('a volunteer sees the active list but not ?all=true, and may not create or change (403)', async () => {
    const activity = await create(newName(), 5);
    expect((await offered()).map((a) => a.id)).toContain(activity.id);
    expectError(await volunteer.get('/api/activities?all=true'), 403, 'FORBIDDEN');
    expectError(await volunteer.post('/api/activities', { name: newName(), defaultPoints: 5 }), 403, 'FORBIDDEN');
    expectError(await volunteer.patch(`/api/activities/${activity.id}`, { active: false }), 403, 'FORBIDDEN');
    expect((await everyActivity()).find((a) => a.id === activity.id)).toEqual(activity);
  });

  it('without a token: 401 for the list, create and change', async () => {
    const anonymous = store.api.as(undefined);
    const activity = await create(newName(), 5);
    for (const response of [
      await anonymous.get('/api/activities'),
      await anonymous.get('/api/activities?all=true'),
      await anonymous.post('/api/activities', { name: newName(), defaultPoints: 5 }),
      await anonymous.patch(`/api/activities/${activity.id}`, { active: false }),
    ]) {
      expect(response.status, response.text).toBe(401);
    }
    expect((await everyActivity()).find((a) => a.id === activity.id)).toEqual(activity);
  });

  it('refuses an unknown value of all with 400', async () => {
    expectError(await store.admin.get('/api/activities?all=yes'), 400, 'VALIDATION_FAILED');
  });
});
