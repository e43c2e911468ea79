import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api, ApiResponse } from '../support/api';
import { ADMIN_PIN, VOLUNTEER_PIN } from '../support/kiosk';
import { Db } from '../support/sqlite';
import {
  createProduct,
  dbPath,
  expectError,
  fundedResident,
  openStore,
  redeem,
  type Redemption,
  type Resident,
  sleep,
  staffToken,
  type Store,
} from './helpers';

type Access = 'public' | 'resident' | 'signed-in' | 'volunteer' | 'admin' | 'hub-admin' | 'hub-signed';

/**
 * Who may call each route (PRODUCT.md §4). `volunteer` means volunteer or admin. `hub-admin` and
 * `hub-signed` routes exist at the district hub only (the hub's admin; kiosks signing with their
 * device key): on a kiosk they answer 404 NOT_A_HUB to anyone (tests/sync checks them at a hub).
 */
const ACCESS: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/catalog': 'public',
  'GET /api/kiosk': 'public',
  'GET /api/rankings/month': 'public',
  'POST /api/sessions': 'public',
  'POST /api/staff/sessions': 'public',
  'POST /api/staff/cards/scans': 'public',
  'GET /api/sessions/current': 'resident',
  'DELETE /api/sessions/current': 'resident',
  'POST /api/redemptions': 'resident',
  'GET /api/redemptions/{id}': 'signed-in',
  'GET /api/redemptions': 'volunteer',
  'GET /api/redemptions/by-receipt/{receiptNo}': 'volunteer',
  'POST /api/redemptions/{id}/void': 'admin',
  'POST /api/redemptions/{id}/reprint': 'volunteer',
  'DELETE /api/staff/sessions/current': 'volunteer',
  'GET /api/activities': 'volunteer',
  'POST /api/activities': 'admin',
  'PATCH /api/activities/{id}': 'admin',
  'POST /api/inventory/restocks': 'volunteer',
  'POST /api/inventory/stocktakes': 'volunteer',
  'GET /api/inventory/low-stock': 'volunteer',
  'GET /api/inventory/movements': 'volunteer',
  'GET /api/products': 'volunteer',
  'GET /api/products/by-barcode/{barcode}': 'volunteer',
  'GET /api/printer/jobs/{id}': 'volunteer',
  'GET /api/members': 'volunteer',
  'POST /api/members/lookup': 'volunteer',
  'POST /api/members': 'admin',
  'POST /api/members/{id}/cards': 'admin',
  'GET /api/members/{id}/card.png': 'admin',
  'GET /api/members/cards/sheet.pdf': 'admin',
  'GET /api/members/{id}': 'admin',
  'PATCH /api/members/{id}': 'admin',
  'POST /api/members/{id}/move': 'admin',
  'POST /api/cards/{cardNo}/revoke': 'admin',
  'GET /api/staff/cards/{username}.png': 'admin',
  'GET /api/staff/sign-in-names': 'public',
  'GET /api/staff': 'admin',
  'POST /api/staff': 'admin',
  'PATCH /api/staff/{id}': 'admin',
  'POST /api/staff/{id}/pin': 'admin',
  'GET /api/staff/{id}/card.png': 'admin',
  'PUT /api/staff/current/pin': 'volunteer',
  'POST /api/events': 'admin',
  'GET /api/events': 'admin',
  'GET /api/events/{id}': 'admin',
  'POST /api/events/{id}/check-ins': 'admin',
  'POST /api/events/{id}/close': 'admin',
  'POST /api/points/awards': 'admin',
  'GET /api/accounts/{id}/ledger': 'admin',
  'POST /api/products': 'admin',
  'PATCH /api/products/{id}': 'admin',
  'PUT /api/products/{id}/image': 'admin',
  'GET /api/settings': 'admin',
  'PATCH /api/settings': 'admin',
  'GET /api/audit/verify': 'admin',
  'GET /api/audit/changes': 'admin',
  'GET /api/audit/actors': 'admin',
  'GET /api/backups': 'admin',
  'POST /api/backups': 'admin',
  'GET /api/backups/files/{name}': 'admin',
  'GET /api/exports/redemptions.csv': 'admin',
  'GET /api/exports/awards.csv': 'admin',
  'GET /api/exports/stock.csv': 'admin',
  'GET /api/reports/summary': 'admin',
  'GET /api/rankings/month.pdf': 'admin',
  'POST /api/printer/test': 'admin',
  'POST /api/sync/run': 'admin',
  'GET /api/sync/status': 'admin',
  'PUT /api/sync/hub': 'admin',
  'POST /api/sync/usb/export': 'admin',
  'POST /api/sync/usb/import': 'admin',
  'POST /api/sync/usb/enrol': 'admin',
  'POST /api/hub/kiosks': 'hub-admin',
  'GET /api/hub/kiosks': 'hub-admin',
  'POST /api/hub/kiosks/{kioskId}/revoke': 'hub-admin',
  'GET /api/hub/overdrafts': 'hub-admin',
  'POST /api/hub/overdrafts/{id}/resolve': 'hub-admin',
  'GET /api/hub/stores': 'hub-admin',
  'GET /api/hub/ranking': 'hub-admin',
  'GET /api/hub/ranking.pdf': 'hub-admin',
  'GET /api/hub/settlement': 'hub-admin',
  'GET /api/hub/settlement.csv': 'hub-admin',
  'GET /api/hub/settlement.pdf': 'hub-admin',
  'POST /api/hub/usb/import': 'hub-admin',
  'POST /api/hub/sync/enrol': 'hub-signed',
  'POST /api/hub/sync/origin': 'hub-signed',
  'POST /api/hub/sync/push': 'hub-signed',
  'POST /api/hub/sync/pull': 'hub-signed',
  'POST /api/hub/sync/digest': 'hub-signed',
};

interface Operation {
  method: string;
  path: string;
  secured: boolean;
}

let store: Store;
let volunteerToken: string;
let resident: Resident;
/** A second card for throwaway resident sessions: a new scan of a card ends its previous session. */
let spare: Resident;
let operations: Operation[];

beforeAll(async () => {
  store = await openStore({ env: { PRINTER: 'file' } });
  volunteerToken = await staffToken(store.api, 'volunteer');
  resident = await fundedResident(store, 200);
  spare = await fundedResident(store, 0);
  const doc = await store.api.get<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>(
    '/api/docs/openapi.json',
  );
  expect(doc.status).toBe(200);
  operations = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, secured: (op.security ?? []).length > 0 })),
  );
});

afterAll(async () => {
  await store?.close();
});

const routeOf = (op: Operation) => `${op.method} ${op.path}`;

function concrete(path: string): string {
  return path
    .replace('/api/products/{id}', '/api/products/1')
    .replace(/\{[^}]+\}/g, '01890000-0000-7000-8000-000000000000');
}

async function call(op: Operation, api: Api): Promise<ApiResponse> {
  return api.request(op.method, concrete(op.path), op.method === 'GET' || op.method === 'DELETE' ? undefined : {});
}

/** A token that may be spent: DELETE …/current ends the very session it is sent with. */
async function tokenFor(role: 'none' | 'resident' | 'volunteer' | 'admin', op: Operation): Promise<string | undefined> {
  const throwaway = op.method === 'DELETE' && op.path.endsWith('/current');
  switch (role) {
    case 'none':
      return undefined;
    case 'resident':
      return throwaway
        ? (await store.api.post<{ token: string }>('/api/sessions', { qr: spare.qr })).body.token
        : resident.token;
    case 'volunteer':
      return throwaway ? staffToken(store.api, 'volunteer') : volunteerToken;
    case 'admin':
      return throwaway ? staffToken(store.api, 'admin') : store.adminToken;
  }
}

describe('the OpenAPI document', () => {
  it('lists every route of the access table that this server offers, and every listed route is classified', () => {
    const unclassified = operations.map(routeOf).filter((route) => !(route in ACCESS));
    expect(unclassified, 'routes in /api/docs/openapi.json without an access rule in this test').toEqual([]);
    const core = Object.keys(ACCESS);
    expect(core.filter((route) => !operations.some((op) => routeOf(op) === route))).toEqual([]);
  });

  it('marks exactly the routes that need a session as secured (bearer)', () => {
    const wrong = operations
      .filter((op) => op.secured !== !['public', 'hub-signed'].includes(ACCESS[routeOf(op)]!))
      .map((op) => `${routeOf(op)} secured=${op.secured}`);
    expect(wrong).toEqual([]);
  });
});

describe('who may call what', () => {
  it('admin routes: no token → 401, resident token → 401, volunteer token → 403 FORBIDDEN, admin passes the guard', async () => {
    const admin = operations.filter((op) => (ACCESS[routeOf(op)] ?? 'admin') === 'admin');
    expect(admin.length).toBeGreaterThanOrEqual(10);
    for (const op of admin) {
      const route = routeOf(op);
      expectError(await call(op, store.api), 401, 'STAFF_SESSION_REQUIRED');
      expectError(await call(op, store.api.as(await tokenFor('resident', op))), 401, 'STAFF_SESSION_REQUIRED');
      const asVolunteer = await call(op, store.api.as(await tokenFor('volunteer', op)));
      expect(asVolunteer.status, `${route} as volunteer: ${asVolunteer.text}`).toBe(403);
      expectError(asVolunteer, 403, 'FORBIDDEN');
      const asAdmin = await call(op, store.api.as(await tokenFor('admin', op)));
      expect([401, 403], `${route} as admin: ${asAdmin.text}`).not.toContain(asAdmin.status);
      expect(asAdmin.status, `${route} as admin: ${asAdmin.text}`).toBeLessThan(500);
    }
  });

  it('volunteer routes: no token → 401, resident token → 401, volunteer and admin pass the guard', async () => {
    const volunteer = operations.filter((op) => ACCESS[routeOf(op)] === 'volunteer');
    expect(volunteer.length).toBeGreaterThanOrEqual(5);
    for (const op of volunteer) {
      const route = routeOf(op);
      expectError(await call(op, store.api), 401, 'STAFF_SESSION_REQUIRED');
      expectError(await call(op, store.api.as(await tokenFor('resident', op))), 401, 'STAFF_SESSION_REQUIRED');
      for (const role of ['volunteer', 'admin'] as const) {
        const answer = await call(op, store.api.as(await tokenFor(role, op)));
        expect([401, 403], `${route} as ${role}: ${answer.text}`).not.toContain(answer.status);
        expect(answer.status, `${route} as ${role}: ${answer.text}`).toBeLessThan(500);
      }
    }
  });

  it('resident routes: no token and staff tokens → 401 SESSION_REQUIRED; the resident passes', async () => {
    const residentOnly = operations.filter((op) => ACCESS[routeOf(op)] === 'resident');
    expect(residentOnly.length).toBe(3);
    for (const op of residentOnly) {
      const route = routeOf(op);
      for (const role of ['none', 'volunteer', 'admin'] as const) {
        const answer = await call(op, store.api.as(await tokenFor(role, op)));
        expect(answer.status, `${route} as ${role}`).toBe(401);
        expectError(answer, 401, 'SESSION_REQUIRED');
      }
      const answer = await call(op, store.api.as(await tokenFor('resident', op)));
      expect([401, 403], `${route} as resident: ${answer.text}`).not.toContain(answer.status);
    }
  });

  it("the hub's routes answer 404 NOT_A_HUB on a kiosk, whoever asks", async () => {
    const hubRoutes = operations.filter((op) => ACCESS[routeOf(op)]?.startsWith('hub-'));
    expect(hubRoutes.length).toBe(17);
    for (const op of hubRoutes) {
      for (const role of ['none', 'volunteer', 'admin'] as const) {
        expectError(await call(op, store.api.as(await tokenFor(role, op))), 404, 'NOT_A_HUB');
      }
    }
  });

  it('public routes answer without a token', async () => {
    for (const op of operations.filter((o) => ACCESS[routeOf(o)] === 'public')) {
      const answer = await call(op, store.api);
      expect([401, 403], `${routeOf(op)}: ${answer.text}`).not.toContain(answer.status);
      expect(answer.status, `${routeOf(op)}: ${answer.text}`).toBeLessThan(500);
    }
  });

  it('a volunteer really can restock, count stock, reprint a receipt and follow its print job', async () => {
    const volunteer = store.api.as(volunteerToken);
    const product = await createProduct(store.admin, { pricePoints: 2, stock: 5 });
    const restock = await volunteer.post<{ before: number; after: number }>('/api/inventory/restocks', {
      productId: product.id,
      quantity: 10,
      note: '街道配送',
    });
    expect(restock.status, restock.text).toBe(201);
    expect(restock.body).toMatchObject({ before: 5, after: 15 });
    const count = await volunteer.post<{ adjustments: { delta: number }[] }>('/api/inventory/stocktakes', {
      counts: [{ productId: product.id, counted: 14 }],
      note: '月末盘点',
    });
    expect(count.status, count.text).toBe(201);
    expect(count.body.adjustments).toEqual([{ productId: product.id, before: 15, after: 14, delta: -1 }]);

    const done = await redeem(resident.api, [{ productId: product.id, quantity: 1 }]);
    expect(done.status, done.text).toBe(201);
    const reprint = await volunteer.post<{ status: string; jobId: string }>(`/api/redemptions/${done.body.id}/reprint`);
    expect(reprint.status, reprint.text).toBe(202);
    expect(['queued', 'printing', 'printed']).toContain(reprint.body.status);
    const job = await volunteer.get<{ status: string }>(`/api/printer/jobs/${reprint.body.jobId}`);
    expect(job.status, job.text).toBe(200);
    // A volunteer may look at a redemption (to help a resident) but may not void it.
    expect((await volunteer.get(`/api/redemptions/${done.body.id}`)).status).toBe(200);
    expectError(
      await volunteer.post(`/api/redemptions/${done.body.id}/void`, { reason: '志愿者想撤销' }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('a resident session', () => {
  it('is bound to its own account: another resident gets 404 for its redemption', async () => {
    const other = await fundedResident(store, 50);
    const product = await createProduct(store.admin, { pricePoints: 1, stock: 10 });
    const mine = await redeem(resident.api, [{ productId: product.id, quantity: 1 }]);
    expect(mine.status).toBe(201);
    expect((await resident.api.get<Redemption>(`/api/redemptions/${mine.body.id}`)).status).toBe(200);
    const peek = await other.api.get(`/api/redemptions/${mine.body.id}`);
    expectError(peek, 404, 'REDEMPTION_NOT_FOUND');
    expect(peek.text).not.toContain(mine.body.receiptNo);
    // Nor can it see the passbook, the audit or the export.
    expectError(await other.api.get(`/api/accounts/${resident.accountId}/ledger`), 401, 'STAFF_SESSION_REQUIRED');
    const current = await other.api.get<{ account: { id: string } }>('/api/sessions/current');
    expect(current.body.account.id).toBe(other.accountId);
  });

  it('ends with DELETE /api/sessions/current: the token no longer works anywhere', async () => {
    const visitor = await fundedResident(store, 30);
    const ended = await visitor.api.delete('/api/sessions/current');
    expect(ended.status).toBe(204);
    expectError(await visitor.api.get('/api/sessions/current'), 401, 'SESSION_REQUIRED');
    expectError(await redeem(visitor.api, [{ productId: 1, quantity: 1 }]), 401, 'SESSION_REQUIRED');
    expectError(await visitor.api.delete('/api/sessions/current'), 401, 'SESSION_REQUIRED');
    // Scanning the card again starts a new session.
    const again = await store.api.post('/api/sessions', { qr: visitor.qr });
    expect(again.status).toBe(201);
  });

  it('a staff sign-out ends the staff token', async () => {
    const token = await staffToken(store.api, 'admin');
    const admin = store.api.as(token);
    expect((await admin.get('/api/audit/verify')).status).toBe(200);
    expect((await admin.delete('/api/staff/sessions/current')).status).toBe(204);
    expectError(await admin.get('/api/audit/verify'), 401, 'STAFF_SESSION_REQUIRED');
  });

  it('accepts only a well-formed Bearer header', async () => {
    for (const header of [
      `Basic ${resident.token}`,
      `Bearer`,
      `Bearer ${resident.token} extra`,
      `${resident.token}`,
      `Bearer ${resident.token}x`,
    ]) {
      const answer = await store.api.request('GET', '/api/sessions/current', undefined, { authorization: header });
      expectError(answer, 401, 'SESSION_REQUIRED');
    }
    const lower = await store.api.request('GET', '/api/sessions/current', undefined, {
      authorization: `bearer ${resident.token}`,
    });
    expect(lower.status).toBe(200);
  });
});

/** A sign-in sent from another loopback address (127.0.0.x all reach a server on 127.0.0.1 on Linux). */
function signInFrom(
  url: string,
  localAddress: string,
  username: string,
  pin: string,
): Promise<{
  status: number;
  body: { code?: string; details?: { retryAfterSeconds?: number; attemptsLeft?: number } };
}> {
  const body = JSON.stringify({ username, pin });
  return new Promise((done, fail) => {
    const request = httpRequest(
      `${url}/api/staff/sessions`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => done({ status: response.statusCode ?? 0, body: JSON.parse(text) as never }));
      },
    );
    request.on('error', fail);
    request.end(body);
  });
}

describe('staff PIN sign-in', () => {
  let locker: Store;

  beforeAll(async () => {
    locker = await openStore();
  });

  afterAll(async () => {
    await locker?.close();
  });

  const from = (address: string, username: string, pin: string) => signInFrom(locker.kiosk.url, address, username, pin);
  const expectAnswer = (answer: { status: number; body: { code?: string } }, status: number, code: string) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.body.code).toBe(code);
  };

  it('slows a person at an address after 5 wrong PINs (429 LOCKED_OUT for 30 s), while the right PIN from another address still works', async () => {
    for (let i = 1; i <= 4; i++) {
      const wrong = await from('127.0.0.2', 'admin', '000000');
      expectAnswer(wrong, 401, 'PIN_INVALID');
      expect(wrong.body.details?.attemptsLeft).toBe(5 - i);
    }
    const locked = await from('127.0.0.2', 'admin', '000000');
    expectAnswer(locked, 429, 'LOCKED_OUT');
    expect(locked.body.details?.retryAfterSeconds).toBeGreaterThan(25);
    expect(locked.body.details?.retryAfterSeconds).toBeLessThanOrEqual(30);
    // that person is refused at that address, even with the right PIN; another person is not …
    expectAnswer(await from('127.0.0.2', 'admin', ADMIN_PIN), 429, 'LOCKED_OUT');
    expect((await from('127.0.0.2', 'volunteer', VOLUNTEER_PIN)).status).toBe(201);
    // … but it cannot lock the rightful admin out from everywhere
    expect((await from('127.0.0.3', 'admin', ADMIN_PIN)).status).toBe(201);
    expect((await locker.admin.get('/api/audit/verify')).status).toBe(200);
    expect(locker.kiosk.output()).toMatch(/WARN.*sign-in from 127\.0\.0\.2 slowed for 30 s/);
  });

  it('locks a username for everyone after 10 wrong PINs from unslowed addresses, for 30 s at first', async () => {
    for (let i = 1; i <= 4; i++) expectAnswer(await from('127.0.0.4', 'volunteer', '000000'), 401, 'PIN_INVALID');
    for (let i = 1; i <= 4; i++) expectAnswer(await from('127.0.0.5', 'volunteer', '000000'), 401, 'PIN_INVALID');
    expectAnswer(await from('127.0.0.6', 'volunteer', '000000'), 401, 'PIN_INVALID');
    const locked = await from('127.0.0.7', 'volunteer', '000000');
    expectAnswer(locked, 429, 'LOCKED_OUT');
    expect(locked.body.details?.retryAfterSeconds).toBeLessThanOrEqual(30);
    expectAnswer(await from('127.0.0.8', 'volunteer', VOLUNTEER_PIN), 429, 'LOCKED_OUT');
    expect(locker.kiosk.output()).toMatch(
      /WARN.*staff volunteer locked for 30 s after 10 wrong PINs, the last from 127\.0\.0\.7/,
    );
    // the other account is not affected
    expect((await from('127.0.0.8', 'admin', ADMIN_PIN)).status).toBe(201);
  });

  it('a wrong username answers 401 PIN_INVALID like a wrong PIN, after the same scrypt work', async () => {
    for (let i = 0; i < 4; i++) expectAnswer(await from('127.0.0.9', 'nobody', ADMIN_PIN), 401, 'PIN_INVALID');
    expectAnswer(await from('127.0.0.10', 'Admin', ADMIN_PIN), 401, 'PIN_INVALID');
    const median = async (address: string, username: string) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        expectAnswer(await from(address, username, '000000'), 401, 'PIN_INVALID');
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[1]!;
    };
    const known = await median('127.0.0.11', 'admin');
    const unknown = await median('127.0.0.12', 'nobody-here');
    // without the dummy scrypt an unknown name answered in a tenth of the time
    expect(unknown).toBeGreaterThan(known * 0.5);
  });

  it('the right PIN before the fifth failure resets the count', async () => {
    for (let i = 0; i < 4; i++) expectAnswer(await from('127.0.0.13', 'admin', '999999'), 401, 'PIN_INVALID');
    expect((await from('127.0.0.13', 'admin', ADMIN_PIN)).status).toBe(201);
    for (let i = 0; i < 4; i++) expectAnswer(await from('127.0.0.13', 'admin', '999999'), 401, 'PIN_INVALID');
    expect((await from('127.0.0.13', 'admin', ADMIN_PIN)).status).toBe(201);
  });

  it('many wrong PINs sent at once from one address: at most 5 are checked, then the address is slowed', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => from('127.0.0.14', 'admin', String(100000 + i))),
    );
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(4);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(8);
    expectAnswer(await from('127.0.0.14', 'admin', ADMIN_PIN), 429, 'LOCKED_OUT');
  });
});

describe('resident idle timeout', () => {
  it('a resident session ends by itself after the idle time', async () => {
    const dataDir = store.kiosk.dataDir;
    await store.close();
    const db = await Db.open(dbPath(dataDir));
    await db.exec(`INSERT OR REPLACE INTO settings (key, value) VALUES ('residentIdleSeconds', '15')`);
    await db.close();
    store = await openStore({ dataDir });
    const session = await store.api.post<{ token: string; idleSeconds: number }>('/api/sessions', { qr: resident.qr });
    expect(session.body.idleSeconds).toBe(15);
    const api = store.api.as(session.body.token);
    await sleep(5_000);
    expect((await api.get('/api/sessions/current')).status).toBe(200);
    await sleep(16_000);
    expectError(await api.get('/api/sessions/current'), 401, 'SESSION_REQUIRED');
  });
});
