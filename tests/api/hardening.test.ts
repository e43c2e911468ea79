import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, ApiResponse } from '../support/api';
import { startKiosk, tempDataDir } from '../support/kiosk';
import { testEngine } from '../support/postgres';
import { createMember, createProduct, expectError, getBytes, openStore, type Product, type Store } from './helpers';

/**
 * Abuse found by probing (issue 14, section 3): bodies built to hurt the validator, missing security
 * headers, any Host accepted (DNS rebinding), and a health route that told anyone on the store
 * network where the data lives.
 */
let store: Store;

beforeAll(async () => {
  store = await openStore();
});

afterAll(async () => {
  await store?.close();
});

/** `{"a":[[[…]]]}` nested `depth` deep: 64 KB at 32,000. */
function nested(depth: number): string {
  return `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

const PUBLIC_POSTS = ['/api/sessions', '/api/staff/sessions', '/api/staff/cards/scans'];

describe('deeply nested JSON', () => {
  it('is refused with 400 before validation, fast, and without a stack in the log', async () => {
    const body = nested(32_000);
    expect(body.length).toBeLessThanOrEqual(64 * 1024);
    for (const path of PUBLIC_POSTS) {
      const started = performance.now();
      const response = await store.api.post<ApiError>(path, body);
      const elapsed = performance.now() - started;
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.message).toContain('nests deeper');
      expect(elapsed, path).toBeLessThan(1000);
    }
    // many at once leave the kiosk responsive
    await Promise.all(Array.from({ length: 50 }, () => store.api.post('/api/sessions', body)));
    const started = performance.now();
    expect((await store.api.get('/api/health')).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);

    const output = store.kiosk.output();
    expect(output).not.toContain('RangeError');
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('still takes brackets inside strings and ordinary nesting', async () => {
    // a QR text full of brackets is a string, not nesting: refused as an unknown card, not as too deep
    const response = await store.api.post<ApiError>('/api/sessions', { qr: '['.repeat(500) });
    expect(response.status).not.toBe(500);
    expect(response.body.message).not.toContain('nests deeper');
    const shallow = await store.api.post<ApiError>('/api/sessions', nested(10));
    expectError(shallow, 400, 'VALIDATION_FAILED');
    expect(shallow.body.message).not.toContain('nests deeper');
  });
});

describe('validation errors', () => {
  it('are capped: 6,000 unknown fields get a short answer', async () => {
    const body = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`k${i}`, 1]));
    const response = await store.api.post<ApiError>('/api/sessions', body);
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(response.text.length).toBeLessThan(2000);
    expect(response.body.message).toMatch(/and \d+ more problems/);
    expect(store.kiosk.output()).not.toMatch(/^\s+at /m);
  });
});

describe('text fields', () => {
  /** Characters that made names lie in the public ranking and the CSV, or break them. */
  const BAD = {
    'a bidi override': '\u202e',
    NUL: '\u0000',
    'a line break': '\n',
    'an escape': '\u001b',
    'a C1 control': '\u0085',
    'a zero-width space': '\u200b',
    'a bidi isolate': '\u2066',
    'a private-use character': '\ue000',
    'a lone surrogate': '\ud800',
  };

  it('refuse control, format, private-use and lone surrogate characters with 400 naming the field', async () => {
    const product = await createProduct(store.admin, { pricePoints: 5, stock: 1 });
    const member = await createMember(store.admin);
    const requests: [string, string, string, (text: string) => Promise<ApiResponse>][] = [
      ['member name', 'POST /api/members', 'name', (t) => store.admin.post('/api/members', { name: `王${t}明` })],
      [
        'household',
        'POST /api/members',
        'household',
        (t) => store.admin.post('/api/members', { name: '王明', household: `5栋${t}` }),
      ],
      [
        'member rename',
        'PATCH /api/members/:id',
        'name',
        (t) => store.admin.patch(`/api/members/${member.memberId}`, { name: `${t}王明` }),
      ],
      [
        'move',
        'POST /api/members/:id/move',
        'newHousehold',
        (t) => store.admin.post(`/api/members/${member.memberId}/move`, { newHousehold: `6栋${t}` }),
      ],
      [
        'product name',
        'POST /api/products',
        'name',
        (t) => store.admin.post('/api/products', { name: `油${t}`, category: '粮油', pricePoints: 1 }),
      ],
      [
        'category',
        'PATCH /api/products/:id',
        'category',
        (t) => store.admin.patch(`/api/products/${product.id}`, { category: `粮${t}油` }),
      ],
      [
        'store name',
        'PATCH /api/settings',
        'storeName',
        (t) => store.admin.patch('/api/settings', { storeName: `超市${t}` }),
      ],
      [
        'receipt header',
        'PATCH /api/settings',
        'receiptHeader',
        (t) => store.admin.patch('/api/settings', { receiptHeader: `欢迎${t}` }),
      ],
      [
        'receipt footer',
        'PATCH /api/settings',
        'receiptFooter',
        (t) => store.admin.patch('/api/settings', { receiptFooter: `${t}谢谢` }),
      ],
      [
        'restock note',
        'POST /api/inventory/restocks',
        'note',
        (t) => store.admin.post('/api/inventory/restocks', { productId: product.id, quantity: 1, note: `批${t}` }),
      ],
      [
        'award reason',
        'POST /api/points/awards',
        'reason',
        (t) => store.admin.post('/api/points/awards', { accountId: member.accountId, points: 1, reason: `巡查${t}` }),
      ],
      [
        'revoke reason',
        'POST /api/cards/:cardNo/revoke',
        'reason',
        (t) => store.admin.post(`/api/cards/${member.cardNo}/revoke`, { reason: `挂失${t}` }),
      ],
    ];
    const before = await store.admin.get('/api/settings');
    for (const [what, route, field, send] of requests) {
      for (const [kind, char] of Object.entries(BAD)) {
        const response = await send(char);
        expectError(response, 400, 'VALIDATION_FAILED');
        expect((response.body as ApiError).message, `${what} (${route}) with ${kind}`).toMatch(
          new RegExp(`(^|; )${field} must not contain control`),
        );
      }
    }
    expect((await store.admin.get('/api/settings')).body).toEqual(before.body);
    const stored = (await store.admin.get<Product[]>('/api/products')).body.find((p) => p.id === product.id);
    expect(stored?.category).toBe('测试');
  });

  it('are stored in NFC: a name typed with a combining mark is the same name', async () => {
    const response = await store.admin.post<{ member: { name: string } }>('/api/members', { name: 'Zoe\u0301 Lee' });
    expect(response.status, response.text).toBe(201);
    expect(response.body.member.name).toBe('Zo\u00e9 Lee');
    const product = await store.admin.post<Product>('/api/products', {
      name: 'Cafe\u0301',
      category: '饮品',
      pricePoints: 1,
    });
    expect(product.status, product.text).toBe(201);
    expect(product.body.name).toBe('Caf\u00e9');
  });

  it('still take ordinary Chinese, emoji and supplementary-plane characters', async () => {
    const response = await store.admin.post<{ member: { name: string } }>('/api/members', { name: '𠀋小明👍' });
    expect(response.status, response.text).toBe(201);
    expect(response.body.member.name).toBe('𠀋小明👍');
  });
});

interface Health {
  status: string;
  db: string;
  kioskId: string;
  printer: { kind: string; connected: boolean; paper: string; detail?: string };
  backup: { status: string; automatic: boolean; message?: string };
}

describe('/api/health', () => {
  it('tells anyone whether the kiosk works, and only staff the details', async () => {
    // the file printer's detail names the data directory
    const filed = await openStore({ env: { PRINTER: 'file' } });
    try {
      const anonymous = await filed.api.get<Health>('/api/health');
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toMatchObject({ status: 'ok', db: 'ok', printer: { kind: 'file', connected: true } });
      expect(anonymous.body.printer.detail).toBeUndefined();
      expect(anonymous.text).not.toContain(filed.kiosk.dataDir);

      const staff = await filed.admin.get<Health>('/api/health');
      expect(staff.body.printer.detail).toContain(filed.kiosk.dataDir);

      // a wrong token is no error: the public answer
      const wrong = await filed.api.as('not-a-token').get<Health>('/api/health');
      expect(wrong.status).toBe(200);
      expect(wrong.body.printer.detail).toBeUndefined();
    } finally {
      await filed.close();
    }
  });
});

/** A GET with a Host header of our choosing (fetch does not let a caller set Host). */
function getWithHost(url: string, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}${path}`, { headers: { host } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('headers', () => {
  it('carry a CSP for the touchscreen, no framing, nosniff and a referrer policy', async () => {
    for (const path of ['/', '/api/health', '/api/products']) {
      const response = await store.api.get(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toMatch(/style-src 'self'( 'sha256-[^']+')*(;|$)/);
      expect(csp, path).toContain("font-src 'self'");
      expect(csp, path).toContain("img-src 'self' data:");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('refuse a Host this kiosk does not go by, so DNS rebinding fails', async () => {
    const port = new URL(store.kiosk.url).port;
    for (const host of ['evil.example', `evil.example:${port}`, 'localhost.evil.example', 'evil.example:x']) {
      const response = await getWithHost(store.kiosk.url, '/api/health', host);
      expect(response.status, host).toBe(421);
      expect(JSON.parse(response.body)).toMatchObject({ statusCode: 421, code: 'HOST_NOT_ALLOWED' });
    }
    const machine = hostname();
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      `${machine}:${port}`,
      '192.168.1.20',
    ]) {
      expect((await getWithHost(store.kiosk.url, '/api/health', host)).status, host).toBe(200);
    }
  });

  it('let the names of ALLOWED_HOSTS through', async () => {
    const named = await openStore({ env: { ALLOWED_HOSTS: 'kiosk.store.lan' } });
    try {
      expect((await getWithHost(named.kiosk.url, '/api/health', 'Kiosk.Store.LAN:3000')).status).toBe(200);
      expect((await getWithHost(named.kiosk.url, '/api/health', 'other.store.lan')).status).toBe(421);
    } finally {
      await named.close();
    }
  });
});

describe('files', () => {
  /** Permission bits of a path, as `0o700`-style text. */
  function modeOf(path: string): string {
    return `0o${(statSync(path).mode & 0o777).toString(8)}`;
  }

  it('are owner-only after a start on a fresh data directory: the directory, the database, the demo cards and their index', async () => {
    // a data directory the kiosk creates itself (mkdtemp would have made it 0700 already)
    const dataDir = join(tempDataDir(), 'data');
    const fresh = await startKiosk({ dataDir });
    try {
      if (testEngine() === 'sqlite') {
        // on PostgreSQL the test support makes the directory first (to mark the kiosk's database)
        expect(modeOf(dataDir)).toBe('0o700');
        for (const file of ['kiosk.sqlite', 'kiosk.sqlite-wal', 'kiosk.sqlite-shm']) {
          const path = join(dataDir, file);
          if (file === 'kiosk.sqlite' || existsSync(path)) expect(`${file} ${modeOf(path)}`).toBe(`${file} 0o600`);
        }
      }
      // the demo store was seeded: its cards, their sheet and the index of every QR text
      const cards = join(dataDir, 'cards');
      expect(existsSync(join(cards, 'index.json'))).toBe(true);
      expect(modeOf(cards)).toBe('0o700');
      expect(modeOf(join(cards, 'staff'))).toBe('0o700');
      const files = [
        ...readdirSync(cards).filter((name) => name !== 'staff'),
        ...readdirSync(join(cards, 'staff')).map((name) => join('staff', name)),
      ];
      expect(files).toContain('index.json');
      expect(files).toContain('cards-a4.pdf');
      for (const name of files) expect(`${name} ${modeOf(join(cards, name))}`).toBe(`${name} 0o600`);
    } finally {
      await fresh.stop();
    }
  });

  it('an existing database readable by others is made owner-only at start', async () => {
    if (testEngine() !== 'sqlite') return;
    const other = join(tempDataDir(), 'data');
    const first = await startKiosk({ dataDir: other });
    await first.stop();
    chmodSync(join(other, 'kiosk.sqlite'), 0o644);
    const again = await startKiosk({ dataDir: other });
    try {
      expect(modeOf(join(other, 'kiosk.sqlite'))).toBe('0o600');
    } finally {
      await again.stop();
    }
  });
});

describe('card sheets', () => {
  it('three asked for at once are all made, and the kiosk answers while they are', async () => {
    const sheet = () => getBytes(store.kiosk.url, '/api/members/cards/sheet.pdf', store.adminToken);
    const sheets = [sheet(), sheet(), sheet()];
    // health reads the database: it is answered before the three sheets are all done
    let sheetsDone = 0;
    for (const pending of sheets) void pending.then(() => (sheetsDone += 1));
    const health = await store.api.get('/api/health');
    expect(health.status).toBe(200);
    expect(sheetsDone).toBeLessThan(3);
    const answers = await Promise.all(sheets);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    expect(answers[1]!.bytes.length).toBe(answers[0]!.bytes.length);
  });
});
