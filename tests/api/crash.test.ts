import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { type Kiosk, startKiosk } from '../support/kiosk';
import { Db } from '../support/sqlite';
import {
  award,
  createMember,
  createProduct,
  dbPath,
  findInconsistencies,
  type Item,
  type Member,
  newKey,
  type Product,
  type Redemption,
  sleep,
  staffToken,
  type Verification,
} from './helpers';

/**
 * Power-cut style crashes: the kiosk is killed with SIGKILL while redemptions, voids, awards and
 * restocks are in flight, then started again on the same data directory and checked.
 */
const ROUNDS = 20;

interface Sent {
  member: Member;
  items: Item[];
}

let kiosk: Kiosk | undefined;
let dataDir: string;
let members: Member[] = [];
let products: Product[] = [];

/** Redemptions answered 201, by id. */
const acknowledged = new Map<string, { accountId: string; totalPoints: number; key: string }>();
/** Redemption requests whose answer was lost in the crash, by key: the till would retry them. */
const unanswered = new Map<string, Sent>();
/** Voids answered 200, awards answered 201 (ledger entry ids). */
const voidsAcknowledged = new Set<string>();
const awardsAcknowledged = new Set<string>();
let roundsChecked = 0;
/** Requests cut off by a kill and retried after the restart, and how many of those had been committed. */
let retried = 0;
let foundCommitted = 0;

let seed = 20261122;
function random(): number {
  // mulberry32: the same sequence of actions and kill moments on every run
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;

beforeAll(async () => {
  kiosk = await startKiosk();
  dataDir = kiosk.dataDir;
  const api = new Api(kiosk.url);
  const admin = api.as(await staffToken(api, 'admin'));
  for (let i = 0; i < 3; i++) {
    const household = `断电测试户${i}`;
    const first = await createMember(admin, `断电甲${i}`, household);
    const second = await createMember(admin, `断电乙${i}`, household);
    await award(admin, first.accountId, 6000);
    members.push(first, second);
  }
  members = [...members, await createMember(admin, '断电丙')];
  await award(admin, members.at(-1)!.accountId, 15);
  products = [
    await createProduct(admin, { name: '断电测试一', pricePoints: 1, stock: 100_000 }),
    await createProduct(admin, { name: '断电测试二', pricePoints: 2, stock: 100_000 }),
    await createProduct(admin, { name: '断电测试三', pricePoints: 3, stock: 50_000, monthlyLimit: 999 }),
    await createProduct(admin, { name: '断电测试少', pricePoints: 1, stock: 20 }),
  ];
});

afterAll(async () => {
  await kiosk?.stop();
});

async function restart(): Promise<{ api: Api; admin: Api; adminToken: string }> {
  kiosk = await startKiosk({ dataDir });
  const api = new Api(kiosk.url);
  const adminToken = await staffToken(api, 'admin');
  return { api, admin: api.as(adminToken), adminToken };
}

/** Everything that must hold after a restart, read both through the API and from the file itself. */
async function checkAfterRestart(admin: Api, round: number): Promise<void> {
  const db = await Db.open(dbPath(dataDir));
  try {
    expect(await findInconsistencies(db), `round ${round}`).toEqual([]);

    const ids = [...acknowledged.keys()];
    const entries = new Map<string, number>();
    for (const row of await db.all<{ refId: string; n: number }>(
      `SELECT refId, COUNT(*) AS n FROM ledger_entries WHERE kind = 'redeem' GROUP BY refId`,
    )) {
      entries.set(row.refId, row.n);
    }
    const missing = ids.filter((id) => entries.get(id) !== 1).map((id) => `${id}: ${entries.get(id) ?? 0} entries`);
    expect(missing, `round ${round}: acknowledged redemptions not in the ledger exactly once`).toEqual([]);

    const stored = new Map(
      (
        await db.all<{ id: string; accountId: string; totalPoints: number; status: string }>(
          'SELECT id, accountId, totalPoints, status FROM redemptions',
        )
      ).map((row) => [row.id, row]),
    );
    for (const [id, expected] of acknowledged) {
      expect(stored.get(id), `round ${round}: redemption ${id}`).toMatchObject({
        accountId: expected.accountId,
        totalPoints: expected.totalPoints,
      });
    }
    for (const id of voidsAcknowledged) expect(stored.get(id)?.status, `round ${round}: void of ${id}`).toBe('voided');
    const awardIds = [...awardsAcknowledged];
    const present = new Set(
      (await db.all<{ id: string }>(`SELECT id FROM ledger_entries WHERE kind = 'award'`)).map((row) => row.id),
    );
    expect(
      awardIds.filter((id) => !present.has(id)),
      `round ${round}: acknowledged awards lost`,
    ).toEqual([]);
  } finally {
    await db.close();
  }
  const audit = await admin.get<Verification>('/api/audit/verify');
  expect(audit.status).toBe(200);
  expect(audit.body, `round ${round}`).toMatchObject({ ok: true });
}

/** The till retries every request whose answer was lost, with the same key: each goes through at most once. */
async function retryUnanswered(api: Api, round: number): Promise<void> {
  const sessions = new Map<string, Api>();
  for (const [key, sent] of unanswered) {
    let session = sessions.get(sent.member.qr);
    if (!session) {
      const scanned = await api.post<{ token: string }>('/api/sessions', { qr: sent.member.qr });
      expect(scanned.status, scanned.text).toBe(201);
      session = api.as(scanned.body.token);
      sessions.set(sent.member.qr, session);
    }
    const response = await session.post<Redemption>(
      '/api/redemptions',
      { items: sent.items },
      { 'idempotency-key': key },
    );
    expect([201, 409], `round ${round}: retry of ${key}: ${response.text}`).toContain(response.status);
    retried += 1;
    if (response.headers.get('idempotent-replayed') === 'true') foundCommitted += 1;
    if (response.status === 201) {
      const known = acknowledged.get(response.body.id);
      if (known) expect(known.key).toBe(key);
      acknowledged.set(response.body.id, {
        accountId: sent.member.accountId,
        totalPoints: response.body.totalPoints,
        key,
      });
    }
  }
  unanswered.clear();
}

interface Tills {
  sessions: Map<string, Api>;
  admin: Api;
  volunteer: Api;
}

/** Signs every card in and a volunteer, before the load starts. */
async function prepare(api: Api, admin: Api): Promise<Tills> {
  const sessions = new Map<string, Api>();
  for (const member of members) {
    const scanned = await api.post<{ token: string }>('/api/sessions', { qr: member.qr });
    if (scanned.status !== 201) throw new Error(`scan failed: ${scanned.text}`);
    sessions.set(member.qr, api.as(scanned.body.token));
  }
  return { sessions, admin, volunteer: api.as(await staffToken(api, 'volunteer')) };
}

/** Several tills at once until the power goes. */
async function load({ sessions, admin, volunteer }: Tills, stop: { now: boolean }): Promise<void> {
  const worker = async () => {
    while (!stop.now) {
      const roll = random();
      try {
        if (roll < 0.84) {
          const member = pick(members);
          const first = pick(products);
          const items: Item[] = [{ productId: first.id, quantity: 1 + Math.floor(random() * 3) }];
          if (random() < 0.4) {
            const second = pick(products.filter((p) => p.id !== first.id));
            items.push({ productId: second.id, quantity: 1 + Math.floor(random() * 2) });
          }
          const key = newKey('crash');
          unanswered.set(key, { member, items });
          const response = await sessions
            .get(member.qr)!
            .post<Redemption>('/api/redemptions', { items }, { 'idempotency-key': key });
          if (response.status >= 500) throw new Error(`5xx from redemption: ${response.text}`);
          unanswered.delete(key);
          if (response.status === 201) {
            acknowledged.set(response.body.id, {
              accountId: member.accountId,
              totalPoints: response.body.totalPoints,
              key,
            });
          }
        } else if (roll < 0.91) {
          const open = [...acknowledged.keys()].filter((id) => !voidsAcknowledged.has(id));
          if (open.length === 0) continue;
          const id = pick(open);
          const response = await admin.post(`/api/redemptions/${id}/void`, { reason: '断电测试撤销' });
          if (response.status === 200) voidsAcknowledged.add(id);
          else if (response.status !== 409) throw new Error(`void answered ${response.status}: ${response.text}`);
        } else if (roll < 0.96) {
          const member = pick(members);
          const response = await admin.post<{ entry: { id: string } }>('/api/points/awards', {
            accountId: member.accountId,
            points: 1 + Math.floor(random() * 5),
            reason: '断电测试奖励',
          });
          if (response.status === 201) awardsAcknowledged.add(response.body.entry.id);
          else throw new Error(`award answered ${response.status}: ${response.text}`);
        } else {
          const response = await volunteer.post('/api/inventory/restocks', {
            productId: products[3]!.id,
            quantity: 1 + Math.floor(random() * 4),
            note: '断电测试补货',
          });
          if (response.status !== 201) throw new Error(`restock answered ${response.status}: ${response.text}`);
        }
      } catch (error) {
        // A request cut off by the kill: its answer is lost (a redemption stays in `unanswered`).
        if (stop.now) return;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: 5 }, worker));
}

describe('kill -9 while redemptions are in flight', () => {
  let api: Api;
  let admin: Api;

  beforeAll(async () => {
    api = new Api(kiosk!.url);
    admin = api.as(await staffToken(api, 'admin'));
  });

  for (let round = 1; round <= ROUNDS; round++) {
    it(`crash ${round}/${ROUNDS}: after the restart the file is intact, every acknowledged write is there exactly once, and all agree`, async () => {
      const stop = { now: false };
      const running = load(await prepare(api, admin), stop);
      const failed = running.then(
        () => undefined,
        (error: unknown) => error,
      );
      await sleep(40 + Math.floor(random() * 300));
      stop.now = true;
      await kiosk!.kill();
      const error = await failed;

      ({ api, admin } = await restart());
      await checkAfterRestart(admin, round);
      await retryUnanswered(api, round);
      await checkAfterRestart(admin, round);
      if (error) throw error;
      roundsChecked += 1;
    });
  }

  it('went through every round with real traffic', () => {
    expect(roundsChecked).toBe(ROUNDS);
    expect(acknowledged.size).toBeGreaterThan(ROUNDS * 5);
    expect(voidsAcknowledged.size).toBeGreaterThan(0);
    // The kills really cut requests off mid-flight.
    expect(retried).toBeGreaterThan(0);
    console.log(
      `${ROUNDS} crashes: ${acknowledged.size} redemptions acknowledged, ${voidsAcknowledged.size} voids, ${awardsAcknowledged.size} awards; ` +
        `${retried} cut-off requests retried, ${foundCommitted} of them had been committed`,
    );
  });
});
