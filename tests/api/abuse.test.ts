import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMember,
  createProduct,
  expectError,
  fundedResident,
  openStore,
  redeem,
  type Redemption,
  staffToken,
  type Store,
} from './helpers';

let store: Store;

beforeAll(async () => {
  store = await openStore({ env: { PRINTER: 'file', LOG_LEVEL: 'log' } });
});

afterAll(async () => {
  await store?.close();
});

describe('resident sessions', () => {
  it('one live session per card: a new scan of the same card ends the old session', async () => {
    const member = await createMember(store.admin);
    const first = await store.api.post<{ token: string }>('/api/sessions', { qr: member.qr });
    expect(first.status, first.text).toBe(201);
    const second = await store.api.post<{ token: string }>('/api/sessions', { qr: member.qr });
    expect(second.status, second.text).toBe(201);
    expect(second.body.token).not.toBe(first.body.token);
    expectError(await store.api.as(first.body.token).get('/api/sessions/current'), 401, 'SESSION_REQUIRED');
    expect((await store.api.as(second.body.token).get('/api/sessions/current')).status).toBe(200);
    // another card's session is not touched
    const other = await fundedResident(store, 0);
    await store.api.post('/api/sessions', { qr: member.qr });
    expect((await other.api.get('/api/sessions/current')).status).toBe(200);
  });

  it('many scans of one card at once leave exactly one live session', async () => {
    const member = await createMember(store.admin);
    const scans = await Promise.all(
      Array.from({ length: 20 }, () => store.api.post<{ token: string }>('/api/sessions', { qr: member.qr })),
    );
    for (const scan of scans) expect(scan.status, scan.text).toBe(201);
    const live = await Promise.all(
      scans.map(async (scan) => (await store.api.as(scan.body.token).get('/api/sessions/current')).status),
    );
    expect(live.filter((status) => status === 200)).toHaveLength(1);
  });
});

describe('receipt reprints', () => {
  it('25 parallel reprints of one receipt queue 3 jobs; the rest get 429 REPRINT_LIMIT; each is logged with who', async () => {
    const resident = await fundedResident(store, 50);
    const product = await createProduct(store.admin, { pricePoints: 1, stock: 10 });
    const done = await redeem(resident.api, [{ productId: product.id, quantity: 1 }]);
    expect(done.status, done.text).toBe(201);
    const volunteer = store.api.as(await staffToken(store.api, 'volunteer'));
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => volunteer.post(`/api/redemptions/${(done.body as Redemption).id}/reprint`)),
    );
    expect(answers.filter((answer) => answer.status === 202)).toHaveLength(3);
    const refused = answers.filter((answer) => answer.status !== 202);
    expect(refused).toHaveLength(22);
    for (const answer of refused) expectError(answer, 429, 'REPRINT_LIMIT');
    const details = (refused[0]!.body as { details?: { limit?: number; retryAfterSeconds?: number } }).details;
    expect(details?.limit).toBe(3);
    expect(details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(details?.retryAfterSeconds).toBeLessThanOrEqual(60);
    const jobs = await store.db.get<{ n: number | string }>(
      `SELECT COUNT(*) AS "n" FROM "print_jobs" WHERE "redemptionId" = ? AND "kind" = 'reprint'`,
      done.body.id,
    );
    expect(Number(jobs?.n)).toBe(3);
    expect(store.kiosk.output().match(/reprinted by staff:volunteer/g)).toHaveLength(3);
  });
});
