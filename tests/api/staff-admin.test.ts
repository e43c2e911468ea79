import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrFromPng } from '../../hardware/src/test-support/qr-decode';
import type { Api, ApiResponse } from '../support/api';
import { startHub } from '../support/district';
import { ADMIN_PIN } from '../support/kiosk';
import type { AdminChange as Change } from './console-api';
import { award, createMember, expectError, openStore, passbook, staffToken, type Store } from './helpers';

/*
 * One sign-in per person: an admin adds, renames, deactivates staff and resets their PINs; each
 * person changes their own PIN; wrong PINs lock only the person they were typed for.
 */

interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  role: 'volunteer' | 'admin';
  active: boolean;
  locked: boolean;
  hasCard: boolean;
}

interface Refusal {
  code: string;
  details?: { attemptsLeft?: number; retryAfterSeconds?: number };
}

let store: Store;
let admin: Api;
let adminToken: string;

beforeAll(async () => {
  store = await openStore();
  admin = store.admin;
  adminToken = store.adminToken;
});

afterAll(async () => {
  await store?.close();
});

const signIn = (username: string, pin: string) =>
  store.api
    .as(undefined)
    .post<{ token: string; role: string; displayName: string } & Refusal>('/api/staff/sessions', { username, pin });

async function add(displayName: string, role: 'volunteer' | 'admin', pin: string): Promise<StaffMember> {
  const created = await admin.post<StaffMember>('/api/staff', { displayName, role, pin });
  expect(created.status, created.text).toBe(201);
  return created.body;
}

async function tokenOf(username: string, pin: string): Promise<Api> {
  const answer = await signIn(username, pin);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return store.api.as(answer.body.token);
}

async function staffChanges(id: string): Promise<Change[]> {
  const changes = await admin.get<Change[]>('/api/audit/changes?limit=500');
  expect(changes.status, changes.text).toBe(200);
  return changes.body.filter((change) => change.entity === 'staff' && change.entityId === id).reverse();
}

const stillSignedIn = async (api: Api) => (await api.get('/api/products')).status === 200;

describe('staff people', () => {
  it('an admin adds a volunteer: the kiosk makes a stable username, the person signs in with their own PIN', async () => {
    const li = await add('  李阿姨 ', 'volunteer', '246802');
    expect(li).toMatchObject({ displayName: '李阿姨', role: 'volunteer', active: true, locked: false, hasCard: true });
    expect(li.username).toMatch(/^staff[a-z2-9]{6}$/);
    const wang = await add('王师傅', 'volunteer', '246803');
    expect(Number(wang.username.slice(5))).toBe(Number(li.username.slice(5)) + 1);

    const session = await signIn(li.username, '246802');
    expect(session.status).toBe(201);
    expect(session.body).toMatchObject({ role: 'volunteer', displayName: '李阿姨' });
    expectError(await store.api.as(session.body.token).get('/api/staff'), 403, 'FORBIDDEN');

    const list = await admin.get<StaffMember[]>('/api/staff');
    expect(list.body.find((one) => one.id === li.id)).toEqual(li);
    expect(list.text).not.toMatch(/scrypt|pinHash/);
    expect(list.body.map((one) => one.username)).toEqual(expect.arrayContaining(['admin', 'volunteer']));

    // The sign-in list: names to tap, for anyone, nothing more.
    const names = await store.api.get<{ username: string; displayName: string }[]>('/api/staff/sign-in-names');
    expect(names.status).toBe(200);
    expect(names.body).toContainEqual({ username: li.username, displayName: '李阿姨' });
    expect(names.body.every((one) => Object.keys(one).sort().join() === 'displayName,username')).toBe(true);

    // Their card names them at the sign-in.
    const card = await admin.request('GET', `/api/staff/${li.id}/card.png`);
    expect([card.status, card.headers.get('content-type')]).toEqual([200, 'image/png']);
    const png = Buffer.from(
      await (
        await fetch(`${store.kiosk.url}/api/staff/${li.id}/card.png`, {
          headers: { authorization: `Bearer ${adminToken}` },
        })
      ).arrayBuffer(),
    );
    const holder = await store.api.post('/api/staff/cards/scans', { qr: decodeQrFromPng(png) });
    expect(holder.body).toEqual({ username: li.username, displayName: '李阿姨' });

    expect(await staffChanges(li.id)).toEqual([
      expect.objectContaining({
        actor: 'staff:admin',
        action: 'staff.create',
        after: { username: li.username, displayName: '李阿姨', role: 'volunteer' },
      }),
    ]);
  });

  it('refuses blank, hidden-character and duplicate names, short PINs and unknown roles', async () => {
    await add('赵老师', 'volunteer', '111222');
    const bad: [Record<string, unknown>, number, string][] = [
      [{ displayName: '   ', role: 'volunteer', pin: '123456' }, 400, 'VALIDATION_FAILED'],
      [{ displayName: '赵\u202e老师', role: 'volunteer', pin: '123456' }, 400, 'VALIDATION_FAILED'],
      [{ displayName: '钱', role: 'volunteer', pin: '12345' }, 400, 'VALIDATION_FAILED'],
      [{ displayName: '钱', role: 'volunteer', pin: '12345a' }, 400, 'VALIDATION_FAILED'],
      [{ displayName: '钱', role: 'owner', pin: '123456' }, 400, 'VALIDATION_FAILED'],
      [{ displayName: '钱'.repeat(31), role: 'volunteer', pin: '123456' }, 400, 'VALIDATION_FAILED'],
      [{ displayName: '赵老师', role: 'admin', pin: '123456' }, 409, 'STAFF_NAME_TAKEN'],
    ];
    for (const [body, status, code] of bad) expectError(await admin.post('/api/staff', body), status, code);
  });

  it('renames and changes the role; a role change ends the open sessions; every change is in the log', async () => {
    const sun = await add('孙阿姨', 'volunteer', '333444');
    const session = await tokenOf(sun.username, '333444');
    const renamed = await admin.patch<StaffMember>(`/api/staff/${sun.id}`, { displayName: '孙大姐' });
    expect(renamed.body).toMatchObject({ displayName: '孙大姐', username: sun.username, role: 'volunteer' });
    expect(await stillSignedIn(session)).toBe(true);
    // Nothing changed: no log row.
    expect((await admin.patch(`/api/staff/${sun.id}`, { displayName: '孙大姐' })).status).toBe(200);

    const promoted = await admin.patch<StaffMember>(`/api/staff/${sun.id}`, { role: 'admin' });
    expect(promoted.body.role).toBe('admin');
    expect(await stillSignedIn(session)).toBe(false);
    const asAdmin = await tokenOf(sun.username, '333444');
    expect((await asAdmin.get('/api/staff')).status).toBe(200);

    expect((await staffChanges(sun.id)).map((change) => [change.action, change.before, change.after])).toEqual([
      ['staff.create', null, { username: sun.username, displayName: '孙阿姨', role: 'volunteer' }],
      ['staff.update', { displayName: '孙阿姨' }, { displayName: '孙大姐' }],
      ['staff.update', { role: 'volunteer' }, { role: 'admin' }],
    ]);
    expectError(
      await admin.patch('/api/staff/01890000-0000-7000-8000-000000000000', { role: 'admin' }),
      404,
      'STAFF_NOT_FOUND',
    );
    expectError(await admin.patch('/api/staff/nobody', { role: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('a deactivated person cannot sign in, loses their session, card and place on the list; reactivated they can again', async () => {
    const zhou = await add('周叔', 'volunteer', '555666');
    const session = await tokenOf(zhou.username, '555666');
    const off = await admin.patch<StaffMember>(`/api/staff/${zhou.id}`, { active: false });
    expect(off.body).toMatchObject({ active: false, hasCard: false });
    expect(await stillSignedIn(session)).toBe(false);
    expectError(await signIn(zhou.username, '555666'), 401, 'PIN_INVALID');
    const names = await store.api.get<{ username: string }[]>('/api/staff/sign-in-names');
    expect(names.body.some((one) => one.username === zhou.username)).toBe(false);
    expectError(await admin.get(`/api/staff/${zhou.id}/card.png`), 404, 'STAFF_NOT_FOUND');

    expect((await admin.patch(`/api/staff/${zhou.id}`, { active: true })).status).toBe(200);
    expect((await signIn(zhou.username, '555666')).status).toBe(201);
    expect((await staffChanges(zhou.id)).map((change) => [change.action, change.after])).toEqual([
      ['staff.create', expect.anything()],
      ['staff.update', { active: false }],
      ['staff.update', { active: true }],
    ]);
  });

  it('the last active admin can be neither deactivated nor made a volunteer (409 LAST_ADMIN)', async () => {
    const list = (await admin.get<StaffMember[]>('/api/staff')).body;
    const admins = list.filter((one) => one.role === 'admin' && one.active);
    const seeded = admins.find((one) => one.username === 'admin')!;
    // Leave the seeded admin as the only one.
    for (const other of admins.filter((one) => one.id !== seeded.id)) {
      expect((await admin.patch(`/api/staff/${other.id}`, { role: 'volunteer' })).status).toBe(200);
    }
    expectError(await admin.patch(`/api/staff/${seeded.id}`, { active: false }), 409, 'LAST_ADMIN');
    expectError(await admin.patch(`/api/staff/${seeded.id}`, { role: 'volunteer' }), 409, 'LAST_ADMIN');
    expect((await admin.get('/api/staff')).status).toBe(200);

    const deputy = await add('吴主任', 'admin', '777888');
    const deputyApi = await tokenOf(deputy.username, '777888');
    // With a second admin, the first may step down; then the deputy is the last.
    expect((await deputyApi.patch(`/api/staff/${seeded.id}`, { role: 'volunteer' })).status).toBe(200);
    expectError(await deputyApi.patch(`/api/staff/${deputy.id}`, { active: false }), 409, 'LAST_ADMIN');
    expect((await deputyApi.patch(`/api/staff/${seeded.id}`, { role: 'admin' })).status).toBe(200);
    // the seeded admin's session ended when they stepped down
    expect(await stillSignedIn(admin)).toBe(false);
    adminToken = await staffToken(store.api, 'admin');
    admin = store.api.as(adminToken);
  });

  it('the passbook names the person who made an entry; a renamed person is read by the new name', async () => {
    const person = await add('钱老师', 'admin', '864209');
    const teacher = await tokenOf(person.username, '864209');
    const { accountId } = await createMember(admin, '存折居民');
    await award(teacher, accountId, 5, '义务理发');
    await award(admin, accountId, 3, '清扫楼道');
    const named = async () =>
      (await passbook(admin, accountId)).entries.map((entry) => [entry.reason, entry.actor, entry.actorName]);
    expect(await named()).toEqual([
      ['义务理发', `staff:${person.username}`, '钱老师'],
      ['清扫楼道', 'staff:admin', '社区管理员'],
    ]);
    const renamed = await admin.patch(`/api/staff/${person.id}`, { displayName: '钱校长' });
    expect(renamed.status, renamed.text).toBe(200);
    expect((await named())[0]).toEqual(['义务理发', `staff:${person.username}`, '钱校长']);
  });

  it('wrong PINs say how many tries are left and lock only that person', async () => {
    const a = await add('郑阿姨', 'volunteer', '123123');
    const b = await add('冯伯伯', 'volunteer', '321321');
    for (let left = 4; left >= 1; left--) {
      const wrong = await signIn(a.username, '000000');
      expectError(wrong as ApiResponse, 401, 'PIN_INVALID');
      expect(wrong.body.details?.attemptsLeft).toBe(left);
    }
    const locked = await signIn(a.username, '000000');
    expectError(locked as ApiResponse, 429, 'LOCKED_OUT');
    expect(locked.body.details?.retryAfterSeconds).toBeGreaterThan(0);
    expectError((await signIn(a.username, '123123')) as ApiResponse, 429, 'LOCKED_OUT');
    // Another person at the same kiosk is not affected.
    expect((await signIn(b.username, '321321')).status).toBe(201);
    expect((await signIn('admin', ADMIN_PIN)).status).toBe(201);

    // An admin resets the forgotten PIN: the lock goes with it.
    expectError(await admin.post(`/api/staff/${a.id}/pin`, { pin: '12345' }), 400, 'VALIDATION_FAILED');
    expect((await admin.post(`/api/staff/${a.id}/pin`, { pin: '909090' })).status).toBe(204);
    expectError((await signIn(a.username, '123123')) as ApiResponse, 401, 'PIN_INVALID');
    expect((await signIn(a.username, '909090')).status).toBe(201);
    const changes = await staffChanges(a.id);
    expect(changes.map((change) => change.action)).toEqual(['staff.create', 'staff.pin-reset']);
    expect(JSON.stringify(changes)).not.toMatch(/909090|scrypt/);
    expectError(
      await admin.post('/api/staff/01890000-0000-7000-8000-000000000000/pin', { pin: '909090' }),
      404,
      'STAFF_NOT_FOUND',
    );
  });

  it('a staff member changes their own PIN, giving the current one', async () => {
    const chen = await add('陈姐', 'volunteer', '456456');
    const me = await tokenOf(chen.username, '456456');
    const wrong = await me.request<Refusal>('PUT', '/api/staff/current/pin', {
      currentPin: '000000',
      newPin: '654654',
    });
    expectError(wrong, 400, 'PIN_INVALID');
    expect(wrong.body.details?.attemptsLeft).toBe(4);
    expectError(
      await me.request('PUT', '/api/staff/current/pin', { currentPin: '456456', newPin: '6546' }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await me.request('PUT', '/api/staff/current/pin', { currentPin: '456456', newPin: '654654' })).status).toBe(
      204,
    );
    expectError((await signIn(chen.username, '456456')) as ApiResponse, 401, 'PIN_INVALID');
    expect((await signIn(chen.username, '654654')).status).toBe(201);
    const changes = await staffChanges(chen.id);
    expect(changes.at(-1)).toMatchObject({ actor: `staff:${chen.username}`, action: 'staff.pin-change' });
    expect(JSON.stringify(changes)).not.toMatch(/654654|scrypt/);
  });
});

describe('staff people at the district hub', () => {
  it('the hub has staff of its own: its admin adds a person who signs in there, and nobody else is listed', async () => {
    const hub = await startHub();
    try {
      const names = await hub.admin.get<{ username: string }[]>('/api/staff/sign-in-names');
      expect(names.body.map((one) => one.username)).toEqual(['admin']);
      const added = await hub.admin.post<StaffMember>('/api/staff', {
        displayName: '区中心小张',
        role: 'admin',
        pin: '975310',
      });
      expect(added.status, added.text).toBe(201);
      const session = await hub.admin
        .as(undefined)
        .post<{ role: string }>('/api/staff/sessions', { username: added.body.username, pin: '975310' });
      expect([session.status, session.body.role]).toEqual([201, 'admin']);
    } finally {
      await hub.server.stop();
    }
  });
});
