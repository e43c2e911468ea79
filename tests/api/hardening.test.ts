import { request as httpRequest } from 'node:http';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../support/api';
import { expectError, openStore, type Store } from './helpers';

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
