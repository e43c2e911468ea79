import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { type Kiosk, ROOT, startKiosk, tempDataDir } from '../support/kiosk';
import { Db } from '../support/sqlite';

/**
 * A store that ran release 0.1 installs the new release on the same data directory. The fixture
 * (tests/fixtures/release-0.1, see its README) is such a directory; a copy of it is started with
 * the current server, which migrates it at first start. Everything a store relies on must carry
 * over: balances, the ledger and its hash chain, the printed member and staff cards, the PINs,
 * the receipts, the catalogue in its order.
 */
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'release-0.1');
const RECEIPT = 'FIX01-000124';
const ENV = {
  KIOSK_ID: 'FIX01',
  KIOSK_ADMIN_PIN: '246810',
  KIOSK_VOLUNTEER_PIN: '135790',
  PRINTER: 'file',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Cards {
  members: { cardNo: string; qr: string }[];
  staff: { admin: string; volunteer: string };
}
const cards = JSON.parse(readFileSync(join(FIXTURE, 'cards.json'), 'utf8')) as Cards;

interface Entry {
  id: string;
  accountId: string;
  seq: number;
  hash: string;
  prevHash: string;
}

/** What release 0.1 left in the file, read before the new release touches it. */
interface Facts {
  balances: Map<string, number>;
  accountOfCard: Map<string, string>;
  entries: Entry[];
  catalogue: { name: string; category: string; stock: number; pricePoints: number }[];
  receipts: { id: string; receiptNo: string; status: string }[];
  linesOfReceipt: { productName: string; quantity: number }[];
  migrations: string[];
}

async function readFacts(file: string): Promise<Facts> {
  const db = await Db.open(file);
  try {
    const balances = new Map(
      (await db.all<{ id: string; balance: number }>('SELECT id, balance FROM accounts')).map((a) => [a.id, a.balance]),
    );
    const accountOfCard = new Map(
      (
        await db.all<{ cardNo: string; accountId: string }>(
          'SELECT c.cardNo, m.accountId FROM cards c JOIN members m ON m.id = c.memberId',
        )
      ).map((row) => [row.cardNo, row.accountId]),
    );
    const entries = await db.all<Entry>(
      'SELECT id, accountId, seq, hash, prevHash FROM ledger_entries ORDER BY kioskId, seq',
    );
    // release 0.1's catalogue order: category, then the (integer) id
    const catalogue = await db.all<Facts['catalogue'][number]>(
      'SELECT name, category, stock, pricePoints FROM products WHERE active = 1 ORDER BY category, id',
    );
    const receipts = await db.all<Facts['receipts'][number]>(
      'SELECT id, receiptNo, status FROM redemptions ORDER BY receiptNo',
    );
    const linesOfReceipt = await db.all<Facts['linesOfReceipt'][number]>(
      `SELECT l.productName, l.quantity FROM redemption_lines l JOIN redemptions r ON r.id = l.redemptionId
        WHERE r.receiptNo = ? ORDER BY l.id`,
      RECEIPT,
    );
    const migrations = (await db.all<{ name: string }>('SELECT name FROM migrations ORDER BY id')).map((m) => m.name);
    return { balances, accountOfCard, entries, catalogue, receipts, linesOfReceipt, migrations };
  } finally {
    await db.close();
  }
}

let dataDir: string;
let file: string;
let before: Facts;
let kiosk: Kiosk | undefined;
let api: Api;
let admin: Api;

async function signIn(role: 'admin' | 'volunteer'): Promise<Api> {
  const response = await api.post<{ token: string }>('/api/staff/sessions', {
    username: role,
    pin: role === 'admin' ? ENV.KIOSK_ADMIN_PIN : ENV.KIOSK_VOLUNTEER_PIN,
  });
  expect(response.status, response.text).toBe(201);
  return api.as(response.body.token);
}

async function start(): Promise<void> {
  kiosk = await startKiosk({ dataDir, env: ENV });
  api = new Api(kiosk.url);
  admin = await signIn('admin');
}

beforeAll(async () => {
  dataDir = tempDataDir('kiosk-upgrade-');
  file = join(dataDir, 'kiosk.sqlite');
  cpSync(join(FIXTURE, 'kiosk.sqlite'), file);
  cpSync(join(FIXTURE, 'keys'), join(dataDir, 'keys'), { recursive: true });
  before = await readFacts(file);
  expect(before.migrations).toHaveLength(2); // the fixture really is release 0.1's
  expect(before.entries.length).toBeGreaterThan(100);
  await start();
});

afterAll(async () => {
  await kiosk?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a data directory of release 0.1, at the first start of this release', () => {
  it('keeps the ledger: the chain verifies with the same number of entries', async () => {
    const response = await admin.get<{ ok: boolean; entries: number }>('/api/audit/verify');
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ ok: true, entries: before.entries.length });
  });

  it('keeps every account balance and every passbook entry', async () => {
    for (const [accountId, balance] of before.balances) {
      const book = await admin.get<{ account: { balance: number }; entries: { id: string; hash: string }[] }>(
        `/api/accounts/${accountId}/ledger`,
      );
      expect(book.status, book.text).toBe(200);
      expect(book.body.account.balance, accountId).toBe(balance);
      const own = before.entries.filter((entry) => entry.accountId === accountId);
      expect(book.body.entries.map((entry) => [entry.id, entry.hash]).sort()).toEqual(
        own.map((entry) => [entry.id, entry.hash]).sort(),
      );
    }
  });

  it('opens a session with every printed member card, at its account balance', async () => {
    expect(cards.members.length).toBeGreaterThan(0);
    for (const card of cards.members) {
      const session = await api.post<{ account: { id: string; balance: number } }>('/api/sessions', { qr: card.qr });
      expect(session.status, `${card.cardNo}: ${session.text}`).toBe(201);
      const accountId = before.accountOfCard.get(card.cardNo)!;
      expect(session.body.account).toMatchObject({ id: accountId, balance: before.balances.get(accountId) });
    }
  });

  it('recognises both printed staff cards, and both PINs still sign in', async () => {
    for (const [username, qr] of Object.entries(cards.staff)) {
      const scan = await api.post<{ username: string }>('/api/staff/cards/scans', { qr });
      expect(scan.status, scan.text).toBe(200);
      expect(scan.body.username).toBe(username);
    }
    await signIn('admin');
    await signIn('volunteer');
  });

  it('shows the same catalogue in the same order, now with UUIDs', async () => {
    const catalogue = await api.get<{ id: string; name: string; category: string; stock: number }[]>('/api/catalog');
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.map(({ name, category, stock }) => ({ name, category, stock }))).toEqual(
      before.catalogue.map(({ name, category, stock }) => ({ name, category, stock })),
    );
    for (const product of catalogue.body) expect(product.id).toMatch(UUID);
  });

  it(`still finds and reprints receipt ${RECEIPT}, its lines pointing at the renumbered products`, async () => {
    const volunteer = await signIn('volunteer');
    const found = await volunteer.get<{ id: string; receiptNo: string; lines: { productId: string; name: string }[] }>(
      `/api/redemptions/by-receipt/${RECEIPT}`,
    );
    expect(found.status, found.text).toBe(200);
    expect(found.body.id).toBe(before.receipts.find((r) => r.receiptNo === RECEIPT)!.id);
    const catalogue = (await admin.get<{ id: string; name: string }[]>('/api/products')).body;
    expect(found.body.lines.map((line) => line.name)).toEqual(before.linesOfReceipt.map((line) => line.productName));
    for (const line of found.body.lines) {
      expect(catalogue.find((product) => product.id === line.productId)?.name).toBe(line.name);
    }

    const receipts = join(dataDir, 'receipts');
    const printedBefore = existsSync(receipts) ? readdirSync(receipts).length : 0;
    const reprint = await volunteer.post(`/api/redemptions/${found.body.id}/reprint`);
    expect(reprint.status, reprint.text).toBe(202);
    const deadline = Date.now() + 20_000;
    let text: string | undefined;
    while (!text && Date.now() < deadline) {
      const files = existsSync(receipts) ? readdirSync(receipts).filter((name) => name.endsWith('.txt')) : [];
      if (files.length > 0 && readdirSync(receipts).length > printedBefore) {
        text = files.map((name) => readFileSync(join(receipts, name), 'utf8')).find((t) => t.includes(RECEIPT));
      }
      if (!text) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(text, 'a reprint written by the file printer').toContain(RECEIPT);
  });

  it('keeps event check-ins and award events pointing at their activity', async () => {
    const db = await Db.open(file);
    try {
      const checkIns = await db.all<{ id: string }>('SELECT id FROM event_check_ins');
      expect(checkIns.length).toBeGreaterThan(0);
      for (const row of checkIns) expect(row.id).toMatch(UUID);
      const orphans = await db.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM award_events e LEFT JOIN activities a ON a.id = e.activityId WHERE a.id IS NULL',
      );
      expect(orphans!.n).toBe(0);
      expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('takes a new redemption, and the chain goes on from the last 0.1 entry', async () => {
    const cardNo = [...before.accountOfCard.keys()].find((no) => cards.members.some((card) => card.cardNo === no))!;
    const card = cards.members.find((c) => c.cardNo === cardNo)!;
    const accountId = before.accountOfCard.get(cardNo)!;
    const catalogue = (await api.get<{ id: string; pricePoints: number; stock: number }[]>('/api/catalog')).body;
    const product = catalogue
      .filter((p) => p.stock > 0 && p.pricePoints <= before.balances.get(accountId)!)
      .sort((a, b) => a.pricePoints - b.pricePoints)[0]!;
    const session = await api.post<{ token: string }>('/api/sessions', { qr: card.qr });
    const redemption = await api
      .as(session.body.token)
      .post<{ receiptNo: string; balanceAfter: number }>(
        '/api/redemptions',
        { items: [{ productId: product.id, quantity: 1 }] },
        { 'idempotency-key': 'upgrade-first-redemption' },
      );
    expect(redemption.status, redemption.text).toBe(201);
    expect(redemption.body.balanceAfter).toBe(before.balances.get(accountId)! - product.pricePoints);
    const last = before.receipts.at(-1)!.receiptNo;
    expect(redemption.body.receiptNo > last, `${redemption.body.receiptNo} after ${last}`).toBe(true);

    expect((await admin.get('/api/audit/verify')).body).toEqual({ ok: true, entries: before.entries.length + 1 });
    const db = await Db.open(file);
    try {
      const newest = await db.get<Entry>(
        `SELECT id, accountId, seq, hash, prevHash FROM ledger_entries WHERE kioskId = 'FIX01' ORDER BY seq DESC LIMIT 1`,
      );
      const lastOld = before.entries.at(-1)!;
      expect(newest).toMatchObject({ accountId, seq: lastOld.seq + 1, prevHash: lastOld.hash });
    } finally {
      await db.close();
    }
  });

  it('starts again without migrating twice, with the same ids', async () => {
    const productsBefore = (await admin.get<{ id: string }[]>('/api/products')).body.map((p) => p.id);
    const upgraded = (await readFacts(file)).migrations;
    expect(upgraded.slice(0, before.migrations.length)).toEqual(before.migrations);
    expect(upgraded.length).toBeGreaterThan(before.migrations.length);

    await kiosk!.stop();
    await start();
    expect((await readFacts(file)).migrations).toEqual(upgraded);
    expect((await admin.get<{ id: string }[]>('/api/products')).body.map((p) => p.id)).toEqual(productsBefore);
    expect((await admin.get('/api/audit/verify')).body).toEqual({ ok: true, entries: before.entries.length + 1 });
  });
});
