import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Api, type ApiError, type ApiResponse } from '../support/api';
import { ADMIN_PIN, type Kiosk, startKiosk, VOLUNTEER_PIN } from '../support/kiosk';
import { decodeQrFromPng } from '../../hardware/src/test-support/qr-decode';
import { Db } from '../support/sqlite';

export interface Product {
  id: string;
  name: string;
  category: string;
  pricePoints: number;
  stock: number;
  imageUrl: string | null;
  monthlyLimit: number | null;
  lowStockThreshold: number;
  active: boolean;
  barcode: string | null;
}

export interface RedemptionLine {
  productId: string;
  name: string;
  quantity: number;
  pricePoints: number;
  lineTotal: number;
}

export interface Redemption {
  id: string;
  receiptNo: string;
  accountId: string;
  totalPoints: number;
  balanceBefore: number;
  balanceAfter: number;
  lines: RedemptionLine[];
  status: 'completed' | 'voided';
  createdAt: string;
  print: { status: string; jobId?: string | null; error?: string | null };
}

export interface LedgerEntry {
  id: string;
  delta: number;
  balanceAfter: number;
  kind: 'award' | 'redeem' | 'void' | 'adjust';
  reason: string;
  actor: string;
  /** In passbooks: the display name of this kiosk's staff member who made the entry. */
  actorName?: string;
  kioskId: string;
  seq: number;
  createdAt: string;
  hash: string;
}

export interface Passbook {
  account: { id: string; balance: number; kind: string; name: string };
  entries: LedgerEntry[];
}

export interface Verification {
  ok: boolean;
  entries: number;
  firstBadEntryId?: string;
  problem?: string;
}

export interface Member {
  memberId: string;
  accountId: string;
  cardNo: string;
  qr: string;
}

export interface Resident extends Member {
  api: Api;
  token: string;
}

export interface Item {
  productId: string;
  quantity: number;
}

/** A running kiosk with an admin client and a read connection to its SQLite file. */
export interface Store {
  kiosk: Kiosk;
  api: Api;
  admin: Api;
  adminToken: string;
  db: Db;
  close: () => Promise<void>;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
export const ERROR_CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

export function dbPath(dataDir: string): string {
  return join(dataDir, 'kiosk.sqlite');
}

export async function openStore(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<Store> {
  const kiosk = await startKiosk(options);
  const api = new Api(kiosk.url);
  const adminToken = await staffToken(api, 'admin');
  const db = await Db.open(dbPath(kiosk.dataDir));
  return {
    kiosk,
    api,
    admin: api.as(adminToken),
    adminToken,
    db,
    close: async () => {
      await db.close().catch(() => undefined);
      await kiosk.stop();
    },
  };
}

export async function staffToken(api: Api, role: 'admin' | 'volunteer'): Promise<string> {
  const pin = role === 'admin' ? ADMIN_PIN : VOLUNTEER_PIN;
  const response = await api.as(undefined).post<{ token: string }>('/api/staff/sessions', { username: role, pin });
  if (response.status !== 201) throw new Error(`staff sign-in failed: ${response.status} ${response.text}`);
  return response.body.token;
}

/** A genuine card's QR with one character of its signature changed: always a different, well-formed text. */
export function alteredQr(qr: string): string {
  const at = qr.length - 5; // a whole base64url character, not the padding bits of the last one
  return qr.slice(0, at) + (qr[at] === 'A' ? 'B' : 'A') + qr.slice(at + 1);
}

export function newKey(prefix = 'k'): string {
  return `${prefix}-${randomBytes(12).toString('hex')}`;
}

let memberCounter = 0;

/** Registers a member (a new person account unless a household label is given) and returns the card. */
export async function createMember(admin: Api, name?: string, household?: string): Promise<Member> {
  memberCounter += 1;
  const response = await admin.post<{
    member: { id: string; accountId: string };
    account: { id: string; balance: number };
    card: { cardNo: string; qr: string };
  }>('/api/members', { name: name ?? `测试居民${memberCounter}`, ...(household ? { household } : {}) });
  if (response.status !== 201) throw new Error(`member registration failed: ${response.status} ${response.text}`);
  return {
    memberId: response.body.member.id,
    accountId: response.body.account.id,
    cardNo: response.body.card.cardNo,
    qr: response.body.card.qr,
  };
}

/** Credits an account through the admin API, in awards of at most 1000 points. */
export async function award(admin: Api, accountId: string, points: number, reason = '测试发放积分'): Promise<number> {
  let balance = -1;
  for (let left = points; left > 0; left -= 1000) {
    const response = await admin.post<{ account: { balance: number } }>('/api/points/awards', {
      accountId,
      points: Math.min(1000, left),
      reason,
    });
    if (response.status !== 201) throw new Error(`award failed: ${response.status} ${response.text}`);
    balance = response.body.account.balance;
  }
  return balance;
}

export async function scan(
  api: Api,
  qr: string,
): Promise<{ api: Api; token: string; accountId: string; balance: number }> {
  const response = await api
    .as(undefined)
    .post<{ token: string; account: { id: string; balance: number } }>('/api/sessions', { qr });
  if (response.status !== 201) throw new Error(`card scan failed: ${response.status} ${response.text}`);
  return {
    api: api.as(response.body.token),
    token: response.body.token,
    accountId: response.body.account.id,
    balance: response.body.account.balance,
  };
}

/** A new member with `points` on a fresh account, signed in at the kiosk. */
export async function fundedResident(
  store: Pick<Store, 'api' | 'admin'>,
  points: number,
  household?: string,
): Promise<Resident> {
  const member = await createMember(store.admin, undefined, household);
  if (points > 0) await award(store.admin, member.accountId, points);
  const session = await scan(store.api, member.qr);
  return { ...member, api: session.api, token: session.token };
}

let productCounter = 0;

export async function createProduct(
  admin: Api,
  input: Partial<Omit<Product, 'id'>> & { pricePoints: number; stock: number },
): Promise<Product> {
  productCounter += 1;
  const response = await admin.post<Product>('/api/products', {
    name: `测试商品${productCounter}`,
    category: '测试',
    ...input,
  });
  if (response.status !== 201) throw new Error(`product creation failed: ${response.status} ${response.text}`);
  return response.body;
}

export async function catalog(api: Api): Promise<Product[]> {
  const response = await api.get<Product[]>('/api/catalog');
  if (response.status !== 200) throw new Error(`catalog failed: ${response.status} ${response.text}`);
  return response.body;
}

export async function productByName(api: Api, name: string): Promise<Product> {
  const product = (await catalog(api)).find((p) => p.name === name);
  if (!product) throw new Error(`no product named ${name}`);
  return product;
}

/** A checkout with a fresh Idempotency-Key unless one is given. */
export function redeem(resident: Api, items: Item[], key: string = newKey()) {
  return resident.post<Redemption>('/api/redemptions', { items }, { 'idempotency-key': key });
}

export async function verify(admin: Api): Promise<Verification> {
  const response = await admin.get<Verification>('/api/audit/verify');
  if (response.status !== 200) throw new Error(`audit verify failed: ${response.status} ${response.text}`);
  return response.body;
}

export async function passbook(admin: Api, accountId: string): Promise<Passbook> {
  const response = await admin.get<Passbook>(`/api/accounts/${accountId}/ledger`);
  if (response.status !== 200) throw new Error(`passbook failed: ${response.status} ${response.text}`);
  return response.body;
}

export function expectError(response: ApiResponse, status: number, code: string): void {
  const body = response.body as ApiError;
  expect({ status: response.status, code: body?.code }, response.text).toEqual({ status, code });
  expectErrorShape(response);
}

/** Every error is `{statusCode, code, message}` with the HTTP status repeated and an UPPER_SNAKE code. */
export function expectErrorShape(response: ApiResponse): void {
  expect(response.headers.get('content-type') ?? '', response.text).toContain('application/json');
  const body = response.body as ApiError;
  expect(typeof body, response.text).toBe('object');
  expect(body.statusCode, response.text).toBe(response.status);
  expect(body.code, response.text).toMatch(ERROR_CODE);
  expect(typeof body.message, response.text).toBe('string');
  expect(body.message.length, response.text).toBeGreaterThan(0);
}

/** A GET returning the raw bytes (fetch's text() would drop a byte-order mark). */
export async function getBytes(
  url: string,
  path: string,
  token?: string,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** What any accepted write changes; a refused request must leave every number as it was. */
export interface Snapshot {
  ledgerEntries: number;
  lastSeq: number;
  balances: number;
  stock: number;
  stockMovements: number;
  redemptions: number;
  redemptionLines: number;
  voided: number;
  idempotencyRecords: number;
}

export async function snapshot(db: Db): Promise<Snapshot> {
  const row = await db.get<Snapshot>(`SELECT
      (SELECT COUNT(*) FROM ledger_entries) AS ledgerEntries,
      (SELECT COALESCE(MAX(seq), 0) FROM ledger_entries) AS lastSeq,
      (SELECT COALESCE(SUM(balance), 0) FROM accounts) AS balances,
      (SELECT COALESCE(SUM(stock), 0) FROM products) AS stock,
      (SELECT COUNT(*) FROM stock_movements) AS stockMovements,
      (SELECT COUNT(*) FROM redemptions) AS redemptions,
      (SELECT COUNT(*) FROM redemption_lines) AS redemptionLines,
      (SELECT COUNT(*) FROM redemptions WHERE status = 'voided') AS voided,
      (SELECT COUNT(*) FROM idempotency_records) AS idempotencyRecords`);
  return row!;
}

/** Runs a request that must be refused and checks that it changed nothing: no ledger entry, no stock, no record. */
export async function expectRefused(
  store: Pick<Store, 'db' | 'admin'>,
  request: () => Promise<ApiResponse>,
  status: number,
  code: string,
): Promise<ApiResponse> {
  const before = await snapshot(store.db);
  const entriesBefore = (await verify(store.admin)).entries;
  const response = await request();
  expectError(response, status, code);
  expect(await snapshot(store.db)).toEqual(before);
  expect((await verify(store.admin)).entries).toBe(entriesBefore);
  return response;
}

/**
 * Every stored invariant of §5 that can be read from the database file. Returns the broken ones
 * as sentences (an empty list means all hold).
 */
export async function findInconsistencies(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const integrity = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
    problems.push(`integrity_check: ${JSON.stringify(integrity)}`);
  }
  const fk = await db.all('PRAGMA foreign_key_check');
  if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);

  for (const row of await db.all<{ id: string; balance: number; sum: number }>(
    `SELECT a.id, a.balance, COALESCE(SUM(l.delta), 0) AS sum FROM accounts a
       LEFT JOIN ledger_entries l ON l.accountId = a.id GROUP BY a.id HAVING a.balance != sum`,
  )) {
    problems.push(`account ${row.id}: balance ${row.balance} but ledger sum ${row.sum}`);
  }
  for (const row of await db.all<{ id: string; balance: number }>(
    'SELECT id, balance FROM accounts WHERE balance < 0',
  )) {
    problems.push(`account ${row.id}: negative balance ${row.balance}`);
  }
  for (const row of await db.all<{ id: string; stock: number; sum: number }>(
    `SELECT p.id, p.stock, COALESCE(SUM(m.delta), 0) AS sum FROM products p
       LEFT JOIN stock_movements m ON m.productId = p.id GROUP BY p.id HAVING p.stock != sum`,
  )) {
    problems.push(`product ${row.id}: stock ${row.stock} but stock movements sum ${row.sum}`);
  }
  for (const row of await db.all<{ id: string; stock: number }>('SELECT id, stock FROM products WHERE stock < 0')) {
    problems.push(`product ${row.id}: negative stock ${row.stock}`);
  }

  // Running balance: in sequence order each entry's balanceAfter is the previous one plus its delta.
  // Each kiosk numbers its own entries 1, 2, 3… without gaps.
  const entries = await db.all<{
    id: string;
    accountId: string;
    delta: number;
    balanceAfter: number;
    seq: number;
    kioskId: string;
  }>('SELECT id, accountId, delta, balanceAfter, seq, kioskId FROM ledger_entries ORDER BY createdAt, id');
  const lastSeq = new Map<string, number>();
  for (const entry of [...entries].sort((a, b) => a.kioskId.localeCompare(b.kioskId) || a.seq - b.seq)) {
    const expected = (lastSeq.get(entry.kioskId) ?? 0) + 1;
    if (entry.seq !== expected) problems.push(`ledger ${entry.kioskId}#${entry.seq}: expected seq ${expected}`);
    lastSeq.set(entry.kioskId, entry.seq);
  }
  const running = new Map<string, number>();
  entries.forEach((entry) => {
    const balance = (running.get(entry.accountId) ?? 0) + entry.delta;
    if (balance !== entry.balanceAfter) {
      problems.push(`ledger entry ${entry.id}: balanceAfter ${entry.balanceAfter}, running balance ${balance}`);
    }
    running.set(entry.accountId, balance);
  });

  // Each redemption: its ledger entry, its lines and its stock movements agree, all or nothing.
  const redemptions = await db.all<{
    id: string;
    accountId: string;
    totalPoints: number;
    balanceAfter: number;
    status: string;
    ledgerEntryId: string;
    voidLedgerEntryId: string | null;
  }>('SELECT id, accountId, totalPoints, balanceAfter, status, ledgerEntryId, voidLedgerEntryId FROM redemptions');
  const byRef = new Map<
    string,
    { id: string; kind: string; delta: number; accountId: string; balanceAfter: number }[]
  >();
  for (const entry of await db.all<{
    id: string;
    kind: string;
    delta: number;
    accountId: string;
    balanceAfter: number;
    refId: string;
  }>(`SELECT id, kind, delta, accountId, balanceAfter, refId FROM ledger_entries WHERE kind IN ('redeem', 'void')`)) {
    const list = byRef.get(entry.refId) ?? [];
    list.push(entry);
    byRef.set(entry.refId, list);
  }
  const lines = new Map<string, { productId: string; quantity: number; pricePoints: number; lineTotal: number }[]>();
  for (const line of await db.all<{
    redemptionId: string;
    productId: string;
    quantity: number;
    pricePoints: number;
    lineTotal: number;
  }>('SELECT redemptionId, productId, quantity, pricePoints, lineTotal FROM redemption_lines')) {
    const list = lines.get(line.redemptionId) ?? [];
    list.push(line);
    lines.set(line.redemptionId, list);
  }
  const moves = new Map<string, { productId: string; delta: number; reason: string }[]>();
  for (const move of await db.all<{ refId: string; productId: string; delta: number; reason: string }>(
    `SELECT refId, productId, delta, reason FROM stock_movements WHERE refId IS NOT NULL`,
  )) {
    const list = moves.get(move.refId) ?? [];
    list.push(move);
    moves.set(move.refId, list);
  }
  const idempotency = new Map<string, number>();
  for (const row of await db.all<{ redemptionId: string; n: number }>(
    'SELECT redemptionId, COUNT(*) AS n FROM idempotency_records GROUP BY redemptionId',
  )) {
    idempotency.set(row.redemptionId, row.n);
  }
  const redemptionIds = new Set<string>();
  for (const r of redemptions) {
    redemptionIds.add(r.id);
    const ledger = byRef.get(r.id) ?? [];
    const redeems = ledger.filter((entry) => entry.kind === 'redeem');
    const voids = ledger.filter((entry) => entry.kind === 'void');
    if (redeems.length !== 1) problems.push(`redemption ${r.id}: ${redeems.length} redeem ledger entries`);
    const entry = redeems[0];
    if (entry && (entry.id !== r.ledgerEntryId || entry.delta !== -r.totalPoints || entry.accountId !== r.accountId)) {
      problems.push(`redemption ${r.id}: ledger entry ${JSON.stringify(entry)} does not match ${JSON.stringify(r)}`);
    }
    if (entry && entry.balanceAfter !== r.balanceAfter) {
      problems.push(`redemption ${r.id}: balanceAfter ${r.balanceAfter}, ledger says ${entry.balanceAfter}`);
    }
    const rLines = lines.get(r.id) ?? [];
    if (rLines.length === 0) problems.push(`redemption ${r.id}: no lines`);
    const total = rLines.reduce((sum, line) => sum + line.lineTotal, 0);
    if (total !== r.totalPoints)
      problems.push(`redemption ${r.id}: lines total ${total}, totalPoints ${r.totalPoints}`);
    for (const line of rLines) {
      if (line.lineTotal !== line.pricePoints * line.quantity)
        problems.push(`redemption ${r.id}: bad line ${JSON.stringify(line)}`);
    }
    const rMoves = moves.get(r.id) ?? [];
    const expectedVoid = r.status === 'voided';
    if (voids.length !== (expectedVoid ? 1 : 0))
      problems.push(`redemption ${r.id} (${r.status}): ${voids.length} void entries`);
    if (expectedVoid && voids[0] && (voids[0].id !== r.voidLedgerEntryId || voids[0].delta !== r.totalPoints)) {
      problems.push(`redemption ${r.id}: void entry ${JSON.stringify(voids[0])} does not return ${r.totalPoints}`);
    }
    for (const line of rLines) {
      const out = rMoves.filter((m) => m.productId === line.productId && m.reason === 'redemption');
      const back = rMoves.filter((m) => m.productId === line.productId && m.reason === 'void');
      const outSum = out.reduce((sum, m) => sum + m.delta, 0);
      const backSum = back.reduce((sum, m) => sum + m.delta, 0);
      if (outSum !== -line.quantity)
        problems.push(`redemption ${r.id}: stock out ${outSum} for ${line.quantity} × product ${line.productId}`);
      if (backSum !== (expectedVoid ? line.quantity : 0)) {
        problems.push(`redemption ${r.id} (${r.status}): stock back ${backSum} for product ${line.productId}`);
      }
    }
    if (idempotency.get(r.id) !== 1)
      problems.push(`redemption ${r.id}: ${idempotency.get(r.id) ?? 0} idempotency records`);
  }
  for (const [refId, list] of byRef) {
    if (!redemptionIds.has(refId))
      problems.push(`ledger entries ${list.map((e) => e.id).join(',')} refer to missing redemption ${refId}`);
  }
  for (const [refId, list] of moves) {
    if (list.some((m) => m.reason === 'redemption' || m.reason === 'void') && !redemptionIds.has(refId)) {
      problems.push(`stock movements refer to missing redemption ${refId}`);
    }
  }
  return problems;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** RFC 4180 fields, as Excel and WPS read them. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** The QR text on a staff member's printed card (DATA_DIR/cards/staff/), read as a scanner reads it. */
export function staffCardQr(kiosk: Pick<Kiosk, 'dataDir'>, username: string): string {
  return decodeQrFromPng(readFileSync(join(kiosk.dataDir, 'cards', 'staff', `${username}.png`)));
}
