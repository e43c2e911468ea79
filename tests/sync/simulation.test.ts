import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { ADMIN_PIN, ROOT, tempDataDir } from '../support/kiosk';
import { databaseForDataDir, testEngine } from '../support/postgres';

/**
 * Deterministic simulation of a district (SYNC.md "What the tests must be able to do"): a hub and
 * three kiosks (two in one store) in this process, each a real server on its own database, the
 * kiosks reaching the hub through a faulty network. A seed drives every choice: operations at the
 * counters, sync rounds, lost requests, lost answers, duplicated and delayed (reordered) requests,
 * store-wide partitions and kiosk restarts. After healing and final rounds the invariants must hold.
 * A failing seed is printed; `SYNC_SIM_SEEDS=<seed>` runs just that one again.
 */

// every app in this process adds its shutdown hooks to the same signals
process.setMaxListeners(100);

type AppModule = typeof import('../../kiosk-server/dist/app');
type StaffModule = typeof import('../../kiosk-server/dist/staff/staff.service');
type DatabaseModule = typeof import('../../kiosk-server/dist/database/database');
const load = createRequire(__filename);
const { createApp } = load(join(ROOT, 'kiosk-server/dist/app.js')) as AppModule;
const { StaffService } = load(join(ROOT, 'kiosk-server/dist/staff/staff.service.js')) as StaffModule;
const { Database } = load(join(ROOT, 'kiosk-server/dist/database/database.js')) as DatabaseModule;
type App = Awaited<ReturnType<AppModule['createApp']>>;

const SEEDS = (process.env.SYNC_SIM_SEEDS ?? '1,2,3,4,5,6,7,8')
  .split(',')
  .map((seed) => Number(seed.trim()))
  .filter(Number.isFinite);
const STEPS = Number(process.env.SYNC_SIM_STEPS ?? 150);
const ALLOWANCE = Number(process.env.SYNC_SIM_ALLOWANCE ?? 30);

/** mulberry32: small, fast and the same everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A server in this process, started with its own environment (the config module reads it at start). */
class Node {
  app!: App;
  url = '';
  admin!: Api;

  constructor(
    readonly name: string,
    readonly dataDir: string,
    readonly env: Record<string, string>,
  ) {}

  async start(): Promise<void> {
    const saved = { ...process.env };
    Object.assign(process.env, {
      DATA_DIR: this.dataDir,
      KIOSK_ADMIN_PIN: ADMIN_PIN,
      PRINTER: 'none',
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      SYNC_INTERVAL_SECONDS: '0',
      ...this.env,
    });
    if (testEngine() === 'postgres') process.env.DATABASE_URL = await databaseForDataDir(this.dataDir);
    else delete process.env.DATABASE_URL;
    try {
      this.app = await createApp('error');
      await this.app.init();
      await this.app.get(StaffService).ensureDefaultStaff({ admin: ADMIN_PIN, volunteer: undefined });
      await this.app.listen(0, '127.0.0.1');
    } finally {
      process.env = saved;
    }
    this.url = `http://127.0.0.1:${(this.app.getHttpServer().address() as { port: number }).port}`;
    this.admin = await new Api(this.url).staff('admin');
  }

  async stop(): Promise<void> {
    await this.app.close();
  }

  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(Database).all<T>(sql, params);
  }
}

type Fault = 'ok' | 'lost-request' | 'lost-answer' | 'duplicated' | 'delayed';

/** The network between one kiosk and the hub: forwards signed requests, or fails them as told. */
class Link {
  partitioned = false;
  faulty = false;
  readonly delayed: (() => Promise<unknown>)[] = [];
  private server!: Server;
  url = '';

  constructor(
    private readonly hubUrl: () => string,
    private readonly fault: () => Fault,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => name.startsWith('x-kiosk-') || name === 'content-type'),
    ) as Record<string, string>;
    const forward = () => fetch(`${this.hubUrl()}${request.url}`, { method: request.method, headers, body });
    const fault = this.partitioned ? 'lost-request' : this.faulty ? this.fault() : 'ok';
    if (fault === 'lost-request') return void response.destroy();
    if (fault === 'delayed') {
      this.delayed.push(forward);
      return void response.destroy();
    }
    const answer = await forward();
    const text = await answer.text();
    if (fault === 'lost-answer') return void response.destroy();
    if (fault === 'duplicated') await forward().then((again) => again.text());
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    response.end(text);
  }
}

interface Member {
  store: string;
  memberId: string;
  accountId: string;
  qr: string;
}

interface District {
  hub: Node;
  kiosks: { node: Node; store: string; link: Link }[];
  log: string[];
}

const STORES = ['幸福社区', '和平社区'];
const running: District[] = [];

afterAll(async () => {
  for (const district of running) {
    for (const { node, link } of district.kiosks) await Promise.allSettled([node.stop(), link.stop()]);
    await district.hub.stop().catch(() => undefined);
  }
});

async function startDistrict(seed: number, next: () => number): Promise<District> {
  const hub = new Node('hub', tempDataDir(`sim-${seed}-hub-`), { KIOSK_ROLE: 'hub', KIOSK_ID: 'HUB' });
  await hub.start();
  const district: District = { hub, kiosks: [], log: [] };
  running.push(district);
  // one request in four meets a fault; a round makes three or more requests
  const faults: Fault[] = [...Array<Fault>(12).fill('ok'), 'lost-request', 'lost-answer', 'duplicated', 'delayed'];
  const plan = [
    { store: STORES[0]!, id: 'A1' },
    { store: STORES[0]!, id: 'A2' },
    { store: STORES[1]!, id: 'C1' },
  ];
  for (const { store, id } of plan) {
    const created = await hub.admin.post<{ enrolmentCode: string }>('/api/hub/kiosks', { store, name: id });
    const link = new Link(
      () => hub.url,
      () => faults[Math.floor(next() * faults.length)]!,
    );
    await link.start();
    const node = new Node(id, tempDataDir(`sim-${seed}-${id}-`), {
      KIOSK_ID: id,
      HUB_URL: link.url,
      HUB_KEY: created.body.enrolmentCode,
      // every spend counts against the offline allowance, so the overdraft bound is exact
      SYNC_FRESH_SECONDS: '0.001',
    });
    await node.start();
    district.kiosks.push({ node, store, link });
  }
  return district;
}

/** One seed: random operations and faults, then healing, then every invariant. */
async function simulate(seed: number): Promise<void> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)];
  const district = await startDistrict(seed, next);
  const { kiosks, log } = district;
  const members: Member[] = [];
  const products = new Map<string, string[]>(STORES.map((store) => [store, []]));
  const redemptions: { id: string; store: string }[] = [];
  const awards: string[] = [];
  let keys = 0;

  const operations: [number, (k: District['kiosks'][number]) => Promise<string>][] = [
    [
      1,
      async ({ node, store }) => {
        const made = await node.admin.post<{ member: { id: string }; account: { id: string }; card: { qr: string } }>(
          '/api/members',
          { name: `居民${members.length}` },
        );
        members.push({ store, memberId: made.body.member.id, accountId: made.body.account.id, qr: made.body.card.qr });
        return `register ${made.status}`;
      },
    ],
    [
      6,
      async ({ node, store }) => {
        const member = pick(members.filter((m) => m.store === store));
        if (!member) return 'award: nobody';
        const points = 5 + Math.floor(next() * 26);
        const award = await node.admin.post<{ entry: { id: string } }>('/api/points/awards', {
          accountId: member.accountId,
          points,
          reason: '志愿服务',
        });
        if (award.status === 201) awards.push(award.body.entry.id);
        return `award ${points} → ${award.status}`;
      },
    ],
    [
      2,
      async ({ node, store }) => {
        const made = await node.admin.post<{ id: string }>('/api/products', {
          name: `商品${keys++}`,
          category: '日用',
          pricePoints: 10 + Math.floor(next() * 2) * 5,
          stock: 10 + Math.floor(next() * 20),
        });
        if (made.status === 201) products.get(store)!.push(made.body.id);
        return `product ${made.status}`;
      },
    ],
    [
      9,
      async ({ node, store }) => {
        const member = pick(members.filter((m) => m.store === store));
        const productId = pick(products.get(store)!);
        if (!member || !productId) return 'redeem: nothing';
        const scan = await new Api(node.url).post<{ token: string }>('/api/sessions', { qr: member.qr });
        if (scan.status !== 201) return `redeem: scan ${scan.status}`;
        const redeemed = await new Api(node.url, scan.body.token).post<{ id: string; code?: string }>(
          '/api/redemptions',
          { items: [{ productId, quantity: next() < 0.8 ? 1 : 2 }] },
          { 'Idempotency-Key': `simulation-${seed}-${keys++}` },
        );
        if (redeemed.status === 201) redemptions.push({ id: redeemed.body.id, store });
        return `redeem ${redeemed.status} ${redeemed.body.code ?? ''}`;
      },
    ],
    [
      1,
      async ({ node, store }) => {
        const redemption = pick(redemptions.filter((r) => r.store === store));
        if (!redemption) return 'void: nothing';
        const voided = await node.admin.post(`/api/redemptions/${redemption.id}/void`, { reason: '误操作' });
        return `void ${voided.status}`;
      },
    ],
    [
      1,
      async ({ node, store }) => {
        const member = pick(members.filter((m) => m.store === store));
        if (!member) return 'reissue: nobody';
        const card = await node.admin.post<{ qr: string }>(`/api/members/${member.memberId}/cards`);
        if (card.status === 201) member.qr = card.body.qr;
        return `reissue ${card.status}`;
      },
    ],
    [
      1,
      async ({ node, store }) => {
        const productId = pick(products.get(store)!);
        if (!productId) return 'restock: nothing';
        const restock = await node.admin.post('/api/inventory/restocks', { productId, quantity: 5, note: '补货' });
        return `restock ${restock.status}`;
      },
    ],
    [6, async ({ node }) => `sync ${(await node.admin.post('/api/sync/run')).status}`],
    [
      1,
      async ({ store }) => {
        const links = kiosks.filter((k) => k.store === store).map((k) => k.link);
        const cut = !links[0]!.partitioned;
        for (const link of links) link.partitioned = cut;
        return cut ? 'store cut off' : 'store back';
      },
    ],
    [
      1,
      async ({ link }) => {
        const message = link.delayed.shift();
        if (!message) return 'deliver: none';
        await message().then((answer) => (answer as Response).text?.());
        return 'late request delivered';
      },
    ],
    [
      1,
      async (kiosk) => {
        await kiosk.node.stop();
        await kiosk.node.start();
        return 'restart';
      },
    ],
  ];
  const total = operations.reduce((sum, [weight]) => sum + weight, 0);

  // a few residents with points and goods at each store, known to every kiosk of it, before the faults
  for (const kiosk of [kiosks[0]!, kiosks[2]!]) {
    for (let i = 0; i < 2; i++) {
      await operations[0]![1](kiosk);
      const member = members[members.length - 1]!;
      await kiosk.node.admin.post('/api/points/awards', {
        accountId: member.accountId,
        points: 60,
        reason: '志愿服务',
      });
    }
    await operations[2]![1](kiosk);
  }
  for (const { node, link } of kiosks) {
    // no minimum balance: a stale view may be spent down to zero, which is where overdrafts come from
    const rules = await node.admin.patch('/api/settings', { offlineAllowance: ALLOWANCE, minRedeemBalance: 0 });
    expect(rules.status).toBe(200);
    expect((await node.admin.post('/api/sync/run')).status).toBe(200);
    link.faulty = true;
  }

  for (let step = 0; step < STEPS; step++) {
    const kiosk = pick(kiosks)!;
    let roll = next() * total;
    const [, operation] = operations.find(([weight]) => (roll -= weight) < 0)!;
    log.push(`${step} ${kiosk.node.name}: ${await operation(kiosk)}`);
  }

  // heal: the network is whole again, late requests arrive, every kiosk syncs until quiet
  for (const { link } of kiosks) {
    link.partitioned = false;
    while (link.delayed.length > 0) await link.delayed.shift()!();
  }
  for (const { link } of kiosks) link.faulty = false;
  for (let pass = 0; pass < 3; pass++) {
    for (const { node } of kiosks) {
      const round = await node.admin.post<{ code?: string }>('/api/sync/run');
      expect(round.status, `final round at ${node.name}: ${round.text}`).toBe(200);
    }
  }
  if (process.env.SYNC_SIM_VERBOSE) console.log(log.join('\n'));
  await checkInvariants(district, { awards, redemptions, members });
}

async function checkInvariants(
  { hub, kiosks }: District,
  made: { awards: string[]; redemptions: { id: string; store: string }[]; members: Member[] },
): Promise<void> {
  for (const node of [hub, ...kiosks.map((k) => k.node)]) {
    const audit = await node.admin.get<{ ok: boolean }>('/api/audit/verify');
    expect(audit.body, `ledger of ${node.name}`).toMatchObject({ ok: true });
  }
  const hubEntries = new Set((await hub.all<{ id: string }>(`SELECT "id" FROM "ledger_entries"`)).map((r) => r.id));
  for (const id of made.awards) expect(hubEntries.has(id), `award ${id} reached the hub`).toBe(true);
  const hubRedemptions = new Set((await hub.all<{ id: string }>(`SELECT "id" FROM "redemptions"`)).map((r) => r.id));
  for (const { id } of made.redemptions) expect(hubRedemptions.has(id), `redemption ${id} reached the hub`).toBe(true);

  const ledgerOf = (node: Node, accounts: string[]) =>
    node.all<{ id: string; kioskId: string; seq: number }>(
      `SELECT "id", "kioskId", "seq" FROM "ledger_entries" WHERE "accountId" IN (${accounts.map(() => '?').join(', ') || "''"})
       ORDER BY "kioskId", "seq"`,
      accounts,
    );
  const factsOf = async (node: Node, accounts: string[], productIds: string[]) => ({
    ledger: await ledgerOf(node, accounts),
    balances: await node.all<{ id: string; balance: number }>(
      `SELECT "id", "balance" FROM "accounts" WHERE "id" IN (${accounts.map(() => '?').join(', ') || "''"}) ORDER BY "id"`,
      accounts,
    ),
    redemptions: await node.all<{ id: string; status: string }>(
      `SELECT "id", "status" FROM "redemptions" WHERE "accountId" IN (${accounts.map(() => '?').join(', ') || "''"}) ORDER BY "id"`,
      accounts,
    ),
    stock: await node.all<{ id: string; stock: number }>(
      `SELECT "id", "stock" FROM "products" WHERE "id" IN (${productIds.map(() => '?').join(', ') || "''"}) ORDER BY "id"`,
      productIds,
    ),
  });

  for (const store of STORES) {
    const storeKiosks = kiosks.filter((k) => k.store === store);
    const accounts = [
      ...new Set((await storeKiosks[0]!.node.all<{ id: string }>(`SELECT "id" FROM "accounts"`)).map((row) => row.id)),
    ];
    const productIds = (await storeKiosks[0]!.node.all<{ id: string }>(`SELECT "id" FROM "products"`)).map((r) => r.id);
    const atHub = await factsOf(hub, accounts, productIds);
    for (const { node } of storeKiosks) {
      expect(await factsOf(node, accounts, productIds), `${node.name} agrees with the hub`).toEqual(atHub);
      // what the kiosk made is all at the hub, once
      const own = await node.all<{ id: string }>(
        `SELECT "id" FROM "ledger_entries" WHERE "kioskId" = ? ORDER BY "seq"`,
        [node.name],
      );
      const atHubOwn = await hub.all<{ id: string }>(
        `SELECT "id" FROM "ledger_entries" WHERE "kioskId" = ? ORDER BY "seq"`,
        [node.name],
      );
      expect(atHubOwn, `${node.name}'s own entries at the hub`).toEqual(own);
    }
    // no kiosk holds another store's residents
    const others = kiosks.filter((k) => k.store !== store);
    for (const { node } of others) {
      const leaked = await node.all(
        `SELECT "id" FROM "accounts" WHERE "id" IN (${accounts.map(() => '?').join(', ') || "''"})`,
        accounts,
      );
      expect(leaked, `${node.name} holds none of ${store}'s accounts`).toEqual([]);
    }
    // every account below zero at the hub is flagged, within the bound
    const spendingPoints = storeKiosks.length;
    const overdrafts =
      await hub.admin.get<{ accountId: string; amount: number; resolved: boolean; entries: string[] }[]>(
        '/api/hub/overdrafts',
      );
    for (const { id, balance } of atHub.balances.filter((b) => b.balance < 0)) {
      const flag = overdrafts.body.find((o) => o.accountId === id && !o.resolved);
      expect(flag, `account ${id} at ${balance} is flagged`).toBeDefined();
      expect(flag!.amount).toBeGreaterThanOrEqual(-balance);
      expect(flag!.entries.length).toBeGreaterThan(0);
    }
    if (process.env.SYNC_SIM_VERBOSE)
      console.log(
        `${store}: overdrafts ${JSON.stringify(overdrafts.body.filter((o) => accounts.includes(o.accountId)).map((o) => o.amount))}`,
      );
    for (const flag of overdrafts.body.filter((o) => accounts.includes(o.accountId))) {
      expect(flag.amount, 'overdraft within allowance × (spending points − 1)').toBeLessThanOrEqual(
        ALLOWANCE * (spendingPoints - 1),
      );
    }
  }
  const chains = await hub.admin.get<{ chain: string; origin: string }[]>('/api/hub/kiosks');
  expect(
    chains.body.every((kiosk) => kiosk.chain === 'ok'),
    JSON.stringify(chains.body),
  ).toBe(true);
}

describe(`a simulated district: hub and three kiosks, random operations and faults (${testEngine()})`, () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: after healing nothing is lost or doubled and every node agrees`, async () => {
      try {
        await simulate(seed);
      } catch (error) {
        const district = running[running.length - 1];
        const tail = district ? district.log.slice(-25).join('\n') : '';
        throw new Error(
          `seed ${seed} failed (run again with SYNC_SIM_SEEDS=${seed}):\n${String(error)}\n--- last steps ---\n${tail}`,
        );
      }
    });
  }
});
