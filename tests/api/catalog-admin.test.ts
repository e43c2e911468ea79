import { renderCardPng } from '@kiosk/hardware';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api, ApiResponse } from '../support/api';
import {
  catalog,
  createProduct,
  expectError,
  fundedResident,
  getBytes,
  openStore,
  redeem,
  staffToken,
  type Product,
  type Store,
} from './helpers';

interface AdminChange {
  id: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

interface Movement {
  id: string;
  productId: string;
  productName: string;
  delta: number;
  stockAfter: number;
  reason: string;
  note: string | null;
  actor: string;
  createdAt: string;
}

interface Settings {
  storeName: string;
  minRedeemBalance: number;
  residentIdleSeconds: number;
  receiptHeader: string;
  receiptFooter: string;
  showNameOnCard: boolean;
  largeQuantity: number;
}

/** A well-formed id that names no product. */
const UNKNOWN_ID = '01890000-0000-7000-8000-00000000d0d0';

let store: Store;
let volunteer: Api;

beforeAll(async () => {
  store = await openStore();
  volunteer = store.api.as(await staffToken(store.api, 'volunteer'));
});

afterAll(async () => {
  await store?.close();
});

/** The newest audit trail rows about one thing, newest first. */
async function changesOf(entity: string, entityId: string | number): Promise<AdminChange[]> {
  const response = await store.admin.get<AdminChange[]>(`/api/audit/changes?entity=${entity}&limit=500`);
  expect(response.status, response.text).toBe(200);
  return response.body.filter((change) => change.entityId === String(entityId));
}

let barcodeCounter = 0;
function newBarcode(): string {
  barcodeCounter += 1;
  return `69${String(Date.now() % 1e9).padStart(9, '0')}${String(barcodeCounter).padStart(2, '0')}`;
}

describe('GET /api/products (staff catalogue)', () => {
  it('lists every product, also inactive ones, by category then id, each with its barcode', async () => {
    const hidden = await createProduct(store.admin, { pricePoints: 3, stock: 1, active: false, category: '下架' });
    const withCode = await createProduct(store.admin, { pricePoints: 4, stock: 2, barcode: newBarcode() });
    const response = await volunteer.get<Product[]>('/api/products');
    expect(response.status, response.text).toBe(200);
    const all = response.body;
    expect(all.find((p) => p.id === hidden.id)).toMatchObject({ active: false, barcode: null });
    expect(all.find((p) => p.id === withCode.id)?.barcode).toBe(withCode.barcode);
    const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const order = [...all].sort((a, b) => text(a.category, b.category) || text(a.id, b.id));
    expect(all.map((p) => p.id)).toEqual(order.map((p) => p.id));
    // The resident catalogue still shows only active goods; the staff list has them all.
    const active = await catalog(store.api);
    expect(active.some((p) => p.id === hidden.id)).toBe(false);
    expect(all.length).toBe(active.length + all.filter((p) => !p.active).length);
    expect(all.filter((p) => !p.active).length).toBeGreaterThanOrEqual(1);
  });

  it('needs a staff sign-in', async () => {
    expectError(await store.api.get('/api/products'), 401, 'STAFF_SESSION_REQUIRED');
  });
});

describe('PATCH /api/products/:id', () => {
  it('answers 404 PRODUCT_NOT_FOUND for a well-formed unknown id and 400 VALIDATION_FAILED for a malformed one', async () => {
    expectError(await store.admin.patch(`/api/products/${UNKNOWN_ID}`, { pricePoints: 3 }), 404, 'PRODUCT_NOT_FOUND');
    for (const id of ['1', 'abc', `${UNKNOWN_ID}0`]) {
      expectError(await store.admin.patch(`/api/products/${id}`, { pricePoints: 3 }), 400, 'VALIDATION_FAILED');
    }
  });
});

describe('barcodes', () => {
  it('are set on create, found by GET /api/products/by-barcode/:barcode, changed and cleared by PATCH', async () => {
    const code = newBarcode();
    const created = await store.admin.post<Product>('/api/products', {
      name: '扫码洗洁精',
      category: '日用',
      pricePoints: 8,
      stock: 3,
      barcode: code,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.barcode).toBe(code);

    const found = await volunteer.get<Product>(`/api/products/by-barcode/${code}`);
    expect(found.status, found.text).toBe(200);
    expect(found.body).toEqual(created.body);

    const other = newBarcode();
    const changed = await store.admin.patch<Product>(`/api/products/${created.body.id}`, { barcode: other });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.barcode).toBe(other);
    expectError(await volunteer.get(`/api/products/by-barcode/${code}`), 404, 'PRODUCT_NOT_FOUND');
    expect((await volunteer.get<Product>(`/api/products/by-barcode/${other}`)).body.id).toBe(created.body.id);

    const cleared = await store.admin.patch<Product>(`/api/products/${created.body.id}`, { barcode: null });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body.barcode).toBeNull();
    expectError(await volunteer.get(`/api/products/by-barcode/${other}`), 404, 'PRODUCT_NOT_FOUND');
  });

  it('refuses a barcode another product has: 409 BARCODE_TAKEN on create and on update, nothing changed', async () => {
    const code = newBarcode();
    const first = await createProduct(store.admin, { pricePoints: 5, stock: 1, barcode: code });
    const before = (await store.admin.get<Product[]>('/api/products')).body.length;
    expectError(
      await store.admin.post('/api/products', { name: '重复条码', category: '测试', pricePoints: 5, barcode: code }),
      409,
      'BARCODE_TAKEN',
    );
    expect((await store.admin.get<Product[]>('/api/products')).body.length).toBe(before);

    const second = await createProduct(store.admin, { pricePoints: 5, stock: 1 });
    expectError(await store.admin.patch(`/api/products/${second.id}`, { barcode: code }), 409, 'BARCODE_TAKEN');
    expect((await volunteer.get<Product>(`/api/products/by-barcode/${code}`)).body.id).toBe(first.id);
    // Setting a product's own barcode again is no conflict.
    const same = await store.admin.patch<Product>(`/api/products/${first.id}`, { barcode: code });
    expect(same.status, same.text).toBe(200);
  });

  it('must be 8 to 14 digits', async () => {
    const product = await createProduct(store.admin, { pricePoints: 5, stock: 1 });
    for (const barcode of ['1234567', '123456789012345', '69012345678a', ' 69012345678', '', 6901234567892]) {
      expectError(await store.admin.patch(`/api/products/${product.id}`, { barcode }), 400, 'VALIDATION_FAILED');
    }
    for (const barcode of ['12345678', '12345678901234']) {
      const ok = await store.admin.patch<Product>(`/api/products/${product.id}`, { barcode });
      expect(ok.status, ok.text).toBe(200);
    }
  });

  it('an unknown or malformed code answers 404 PRODUCT_NOT_FOUND', async () => {
    expectError(await volunteer.get('/api/products/by-barcode/00000000000000'), 404, 'PRODUCT_NOT_FOUND');
    expectError(await volunteer.get('/api/products/by-barcode/TEST01-000001'), 404, 'PRODUCT_NOT_FOUND');
    expectError(await store.api.get('/api/products/by-barcode/00000000'), 401, 'STAFF_SESSION_REQUIRED');
  });
});

describe('product changes in the audit trail', () => {
  it('product.create records the new product; product.update only the fields that changed, before → after', async () => {
    const created = await store.admin.post<Product>('/api/products', {
      name: '审计牙刷',
      category: '日用',
      pricePoints: 6,
      stock: 4,
      monthlyLimit: 2,
    });
    expect(created.status, created.text).toBe(201);
    const [create] = await changesOf('product', created.body.id);
    expect(create).toMatchObject({
      actor: 'staff:admin',
      action: 'product.create',
      entity: 'product',
      before: null,
      after: {
        name: '审计牙刷',
        category: '日用',
        pricePoints: 6,
        stock: 4,
        monthlyLimit: 2,
        active: true,
        barcode: null,
      },
    });

    const updated = await store.admin.patch(`/api/products/${created.body.id}`, {
      name: '审计牙刷',
      pricePoints: 7,
      monthlyLimit: null,
      stock: 10,
    });
    expect(updated.status, updated.text).toBe(200);
    const changes = await changesOf('product', created.body.id);
    expect(changes.map((c) => c.action)).toEqual(['product.update', 'product.create']);
    expect(changes[0]).toMatchObject({
      actor: 'staff:admin',
      before: { pricePoints: 6, monthlyLimit: 2, stock: 4 },
      after: { pricePoints: 7, monthlyLimit: null, stock: 10 },
    });
    expect(Object.keys(changes[0]!.after!).sort()).toEqual(['monthlyLimit', 'pricePoints', 'stock']);

    // A PATCH that changes nothing leaves no trail row.
    await store.admin.patch(`/api/products/${created.body.id}`, { pricePoints: 7 });
    expect((await changesOf('product', created.body.id)).length).toBe(2);
  });

  it('a refused update leaves no trail row', async () => {
    const product = await createProduct(store.admin, { pricePoints: 5, stock: 1 });
    const taken = await createProduct(store.admin, { pricePoints: 5, stock: 1, barcode: newBarcode() });
    const before = (await changesOf('product', product.id)).length;
    expectError(
      await store.admin.patch(`/api/products/${product.id}`, {
        pricePoints: 9,
        barcode: taken.barcode,
      }),
      409,
      'BARCODE_TAKEN',
    );
    expect((await changesOf('product', product.id)).length).toBe(before);
    expect((await store.admin.get<Product[]>('/api/products')).body.find((p) => p.id === product.id)?.pricePoints).toBe(
      5,
    );
  });
});

// ---- product pictures ----------------------------------------------------------------------------

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
const UPLOAD_URL = /^\/images\/uploads\/[0-9a-f]{32}\.webp$/;

async function putImage(
  id: string,
  type: string | undefined,
  bytes: Buffer,
  token = store.adminToken,
): Promise<ApiResponse<Product>> {
  const response = await fetch(`${store.kiosk.url}/api/products/${id}/image`, {
    method: 'PUT',
    headers: { ...(type ? { 'content-type': type } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: bytes,
  });
  const text = await response.text();
  // Errors and products are JSON; the body is only read as a product after the status was checked.
  const body = (response.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as Product) : text;
  return { status: response.status, body: body as Product, headers: response.headers, text };
}

/** A picture as a camera makes one: `width`×`height` pixels, with EXIF (maker, a copyright text). */
function photo(format: 'png' | 'jpeg' | 'webp', width: number, height: number): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } }).withExif({
    IFD0: { Make: 'KioskTestCam', Copyright: 'secret-location' },
  });
  return image.toFormat(format).toBuffer();
}

function uploadPath(url: string): string {
  return join(store.kiosk.dataDir, 'images', url.slice('/images/uploads/'.length));
}

describe('PUT /api/products/:id/image', () => {
  let product: Product;
  let png: Buffer;

  beforeAll(async () => {
    product = await createProduct(store.admin, { pricePoints: 12, stock: 3 });
    png = await renderCardPng({
      qr: 'PICTURE',
      cardNo: 'C1',
      memberName: '图片',
      communityName: '测试',
      showName: true,
    });
  });

  it('stores a PNG re-encoded as WebP, points imageUrl at it, and serves it inert', async () => {
    const response = await putImage(product.id, 'image/png', png);
    expect(response.status, response.text).toBe(200);
    expect(response.body.id).toBe(product.id);
    expect(response.body.imageUrl).toMatch(UPLOAD_URL);
    const served = await getBytes(store.kiosk.url, response.body.imageUrl!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toMatch(/^sandbox(;|$)/);
    const stored = await sharp(served.bytes).metadata();
    const original = await sharp(png).metadata();
    // the card picture is wider than 800 pixels: fitted into 800×800, its proportions kept
    expect(original.width).toBeGreaterThan(800);
    expect({ format: stored.format, width: stored.width }).toEqual({ format: 'webp', width: 800 });
    expect(Math.abs(stored.height - (original.height * 800) / original.width)).toBeLessThanOrEqual(1);
    // The resident catalogue shows the new picture.
    expect((await catalog(store.api)).find((p) => p.id === product.id)?.imageUrl).toBe(response.body.imageUrl);
  });

  it('shrinks a phone photo of up to 8 MiB to fit 800×800 and drops its metadata', async () => {
    for (const [type, format] of [
      ['image/jpeg', 'jpeg'],
      ['image/png', 'png'],
      ['image/webp', 'webp'],
    ] as const) {
      const sent = await photo(format, 4000, 3000);
      expect((await sharp(sent).metadata()).exif, 'the test photo carries EXIF').toBeDefined();
      const response = await putImage(product.id, type, sent);
      expect(response.status, `${type} ${response.text}`).toBe(200);
      const served = await getBytes(store.kiosk.url, response.body.imageUrl!);
      const stored = await sharp(served.bytes).metadata();
      expect({ format: stored.format, width: stored.width, height: stored.height, exif: stored.exif }).toEqual({
        format: 'webp',
        width: 800,
        height: 600,
        exif: undefined,
      });
      expect(served.bytes.includes(Buffer.from('secret-location'))).toBe(false);
    }
  });

  it('writes product.image to the audit trail with the old and the new URL', async () => {
    const first = await putImage(product.id, 'image/jpeg', await photo('jpeg', 20, 10));
    expect(first.status, first.text).toBe(200);
    const second = await putImage(product.id, 'image/webp', await photo('webp', 10, 20));
    expect(second.status, second.text).toBe(200);
    expect(second.body.imageUrl).toMatch(UPLOAD_URL);
    expect(second.body.imageUrl).not.toBe(first.body.imageUrl);
    const [latest] = await changesOf('product', product.id);
    expect(latest).toMatchObject({
      action: 'product.image',
      actor: 'staff:admin',
      before: { imageUrl: first.body.imageUrl },
      after: { imageUrl: second.body.imageUrl },
    });
    expect(Object.keys(latest!.after!)).toEqual(['imageUrl']);
  });

  it('deletes a replaced upload once no product shows it, and keeps one another product still shows', async () => {
    const other = await createProduct(store.admin, { pricePoints: 3, stock: 1 });
    const shared = await photo('png', 30, 30);
    const first = await putImage(product.id, 'image/png', shared);
    const same = await putImage(other.id, 'image/png', shared);
    expect(same.body.imageUrl).toBe(first.body.imageUrl);
    const sharedFile = uploadPath(first.body.imageUrl!);

    // replaced on one product: the other still shows it
    const replaced = await putImage(product.id, 'image/png', await photo('png', 31, 30));
    expect(replaced.status, replaced.text).toBe(200);
    expect(existsSync(sharedFile)).toBe(true);
    expect((await getBytes(store.kiosk.url, first.body.imageUrl!)).status).toBe(200);

    // replaced on the other one too (by PATCH to a seed picture): nobody shows it, so it is gone
    const patched = await store.admin.patch<Product>(`/api/products/${other.id}`, {
      imageUrl: '/images/products/oil.svg',
    });
    expect(patched.status, patched.text).toBe(200);
    expect(existsSync(sharedFile)).toBe(false);
    expect((await getBytes(store.kiosk.url, first.body.imageUrl!)).status).toBe(404);

    // and the same picture uploaded again is stored again
    const again = await putImage(other.id, 'image/png', shared);
    expect(again.body.imageUrl).toBe(first.body.imageUrl);
    expect((await getBytes(store.kiosk.url, again.body.imageUrl!)).status).toBe(200);
    expect(existsSync(uploadPath(replaced.body.imageUrl!))).toBe(true);
  });

  it('refuses a PNG or JPEG signature followed by something else (HTML) with 415 UNSUPPORTED_IMAGE', async () => {
    const before = (await catalog(store.api)).find((p) => p.id === product.id)!.imageUrl;
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    expectError(await putImage(product.id, 'image/png', Buffer.concat([PNG_MAGIC, html])), 415, 'UNSUPPORTED_IMAGE');
    expectError(await putImage(product.id, 'image/jpeg', Buffer.concat([JPEG_MAGIC, html])), 415, 'UNSUPPORTED_IMAGE');
    // a real picture cut short does not decode either
    expectError(await putImage(product.id, 'image/png', png.subarray(0, png.length / 2)), 415, 'UNSUPPORTED_IMAGE');
    expect((await catalog(store.api)).find((p) => p.id === product.id)!.imageUrl).toBe(before);
  });

  it('refuses bytes that are not what the Content-Type says (a JPEG sent as PNG) with 415 UNSUPPORTED_IMAGE', async () => {
    const before = (await catalog(store.api)).find((p) => p.id === product.id)!.imageUrl;
    const jpeg = await photo('jpeg', 10, 10);
    expectError(await putImage(product.id, 'image/png', jpeg), 415, 'UNSUPPORTED_IMAGE');
    expectError(await putImage(product.id, 'image/jpeg', png), 415, 'UNSUPPORTED_IMAGE');
    expectError(await putImage(product.id, 'image/webp', png), 415, 'UNSUPPORTED_IMAGE');
    expectError(await putImage(product.id, 'image/png', Buffer.alloc(0)), 415, 'UNSUPPORTED_IMAGE');
    expect((await catalog(store.api)).find((p) => p.id === product.id)!.imageUrl).toBe(before);
  });

  it('refuses other types, SVG above all (it can carry scripts), with 415 UNSUPPORTED_IMAGE', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expectError(await putImage(product.id, 'image/svg+xml', svg), 415, 'UNSUPPORTED_IMAGE');
    expectError(await putImage(product.id, 'image/gif', Buffer.from('GIF89a')), 415, 'UNSUPPORTED_IMAGE');
    expectError(await putImage(product.id, 'application/json', Buffer.from('{}')), 415, 'UNSUPPORTED_IMAGE');
    expectError(await putImage(product.id, 'application/octet-stream', png), 415, 'UNSUPPORTED_IMAGE');
    expectError(await putImage(product.id, undefined, png), 415, 'UNSUPPORTED_IMAGE');
  });

  it('reads up to 8 MiB and refuses 8 MiB + 1 byte, or a picture of too many pixels, with 413 PAYLOAD_TOO_LARGE', async () => {
    const before = (await catalog(store.api)).find((p) => p.id === product.id)!.imageUrl;
    const exact = Buffer.concat([PNG_MAGIC, Buffer.alloc(8 * 1024 * 1024 - PNG_MAGIC.length, 7)]);
    // read in full and looked at: not a picture, but not too large either
    expectError(await putImage(product.id, 'image/png', exact), 415, 'UNSUPPORTED_IMAGE');
    const tooBig = Buffer.concat([exact, Buffer.from([7])]);
    expectError(await putImage(product.id, 'image/png', tooBig), 413, 'PAYLOAD_TOO_LARGE');
    // a small file that decodes to 10,000 × 8,000 pixels
    const bomb = await sharp({
      create: { width: 10_000, height: 8_000, channels: 3, background: { r: 0, g: 0, b: 0 } },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    expectError(await putImage(product.id, 'image/png', bomb), 413, 'PAYLOAD_TOO_LARGE');
    expect((await catalog(store.api)).find((p) => p.id === product.id)!.imageUrl).toBe(before);
    // JSON bodies keep their own, smaller limit.
    const bigJson = JSON.stringify({ name: 'x'.repeat(70 * 1024), category: '测试', pricePoints: 1 });
    expectError(await store.admin.post('/api/products', bigJson), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 404 PRODUCT_NOT_FOUND for an unknown product, 400 for a malformed id; volunteers 403, no token 401', async () => {
    expectError(await putImage(UNKNOWN_ID, 'image/png', png), 404, 'PRODUCT_NOT_FOUND');
    for (const id of ['999999', 'abc', product.id.slice(0, -1)]) {
      expectError(await putImage(id, 'image/png', png), 400, 'VALIDATION_FAILED');
    }
    expectError(
      await putImage(product.id, 'image/png', png, await staffToken(store.api, 'volunteer')),
      403,
      'FORBIDDEN',
    );
    expectError(await putImage(product.id, 'image/png', png, ''), 401, 'STAFF_SESSION_REQUIRED');
  });
});

describe('imageUrl of POST / PATCH /api/products', () => {
  it('may only be one of the kiosk’s own pictures: 400 VALIDATION_FAILED for any other address', async () => {
    const product = await createProduct(store.admin, { pricePoints: 4, stock: 1 });
    for (const imageUrl of [
      '//evil.example/x.png',
      'http://evil.example/x.png',
      'https://evil.example/x.png',
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      '/\\evil.example/x.png',
      '/images/../api/members',
      '/images/products/../../x.png',
      '/images//evil.example/x.png',
      '/images/products/oil.svg?x=1',
      '/api/products',
      'images/products/oil.svg',
    ]) {
      const created = await store.admin.post('/api/products', {
        name: '外链',
        category: '测试',
        pricePoints: 1,
        imageUrl,
      });
      expectError(created, 400, 'VALIDATION_FAILED');
      expect((created.body as { message: string }).message).toContain('imageUrl');
      expectError(await store.admin.patch(`/api/products/${product.id}`, { imageUrl }), 400, 'VALIDATION_FAILED');
    }
    for (const imageUrl of [
      '/images/products/oil.svg',
      '/images/uploads/0123456789abcdef0123456789abcdef.webp',
      null,
    ]) {
      const patched = await store.admin.patch<Product>(`/api/products/${product.id}`, { imageUrl });
      expect(patched.status, patched.text).toBe(200);
      expect(patched.body.imageUrl).toBe(imageUrl);
    }
  });
});

// ---- store settings ------------------------------------------------------------------------------

describe('GET / PATCH /api/settings', () => {
  it('shows the store rules to an admin', async () => {
    const response = await store.admin.get<Settings>('/api/settings');
    expect(response.status, response.text).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(
      [
        'largeQuantity',
        'minRedeemBalance',
        'offlineAllowance',
        'receiptFooter',
        'receiptHeader',
        'residentIdleSeconds',
        'showNameOnCard',
        'storeName',
      ].sort(),
    );
    expect(response.body.minRedeemBalance).toBe(10);
  });

  it('changes a subset, shows it at once on GET /api/kiosk and in the rules of a redemption, and audits only what changed', async () => {
    const before = (await store.admin.get<Settings>('/api/settings')).body;
    const response = await store.admin.patch<Settings>('/api/settings', {
      storeName: '和平里积分超市',
      minRedeemBalance: 40,
      receiptFooter: before.receiptFooter,
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ ...before, storeName: '和平里积分超市', minRedeemBalance: 40 });
    expect((await store.admin.get<Settings>('/api/settings')).body).toEqual(response.body);

    const kiosk = await store.api.get<{ storeName: string; minRedeemBalance: number }>('/api/kiosk');
    expect(kiosk.body).toMatchObject({ storeName: '和平里积分超市', minRedeemBalance: 40 });

    const [change] = await changesOf('settings', 'store');
    expect(change).toMatchObject({
      action: 'settings.update',
      actor: 'staff:admin',
      before: { storeName: before.storeName, minRedeemBalance: before.minRedeemBalance },
      after: { storeName: '和平里积分超市', minRedeemBalance: 40 },
    });
    expect(Object.keys(change!.after!).sort()).toEqual(['minRedeemBalance', 'storeName']);

    // The new minimum applies to the very next redemption.
    const resident = await fundedResident(store, 30);
    const product = await createProduct(store.admin, { pricePoints: 1, stock: 5 });
    expectError(await redeem(resident.api, [{ productId: product.id, quantity: 1 }]), 409, 'BELOW_MINIMUM_BALANCE');
    await store.admin.patch('/api/settings', {
      minRedeemBalance: before.minRedeemBalance,
      storeName: before.storeName,
    });
    expect((await redeem(resident.api, [{ productId: product.id, quantity: 1 }])).status).toBe(201);
  });

  it('keeps the large-delivery threshold (100 by default), shown to every kiosk page before sign-in', async () => {
    const before = (await store.admin.get<Settings>('/api/settings')).body;
    expect(before.largeQuantity).toBe(100);
    expect((await store.api.get<{ largeQuantity: number }>('/api/kiosk')).body.largeQuantity).toBe(100);
    const changed = await store.admin.patch<Settings>('/api/settings', { largeQuantity: 250 });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.largeQuantity).toBe(250);
    expect((await store.api.get<{ largeQuantity: number }>('/api/kiosk')).body.largeQuantity).toBe(250);
    const [change] = await changesOf('settings', 'store');
    expect(change).toMatchObject({ before: { largeQuantity: 100 }, after: { largeQuantity: 250 } });
    // A question on the screen, not a rule: the server still books a delivery above it.
    const product = await createProduct(store.admin, { pricePoints: 2, stock: 1 });
    const restock = await volunteer.post('/api/inventory/restocks', { productId: product.id, quantity: 251 });
    expect(restock.status, restock.text).toBe(201);
    expect((await store.admin.patch('/api/settings', { largeQuantity: 100 })).status).toBe(200);
  });

  it('a PATCH that changes nothing writes no trail row', async () => {
    const before = await changesOf('settings', 'store');
    const current = (await store.admin.get<Settings>('/api/settings')).body;
    expect((await store.admin.patch('/api/settings', { showNameOnCard: current.showNameOnCard })).status).toBe(200);
    expect((await store.admin.patch('/api/settings', {})).status).toBe(200);
    expect((await changesOf('settings', 'store')).length).toBe(before.length);
  });

  it('refuses unknown fields, nulls and values out of range with 400 VALIDATION_FAILED and changes nothing', async () => {
    const before = (await store.admin.get<Settings>('/api/settings')).body;
    for (const body of [
      { kioskId: 'HACKED' },
      { storeName: '' },
      { storeName: '   ' },
      { storeName: 'x'.repeat(41) },
      { storeName: null },
      { minRedeemBalance: -1 },
      { minRedeemBalance: 1.5 },
      { minRedeemBalance: '10' },
      { residentIdleSeconds: 14 },
      { residentIdleSeconds: 3601 },
      { receiptHeader: 'x'.repeat(81) },
      { showNameOnCard: 'yes' },
      { largeQuantity: 0 },
      { largeQuantity: 100001 },
      { largeQuantity: 2.5 },
      { storeName: '好名字', minRedeemBalance: -5 },
    ]) {
      expectError(await store.admin.patch('/api/settings', body), 400, 'VALIDATION_FAILED');
    }
    expect((await store.admin.get<Settings>('/api/settings')).body).toEqual(before);
  });

  it('is for admins only', async () => {
    expectError(await volunteer.get('/api/settings'), 403, 'FORBIDDEN');
    expectError(await volunteer.patch('/api/settings', { minRedeemBalance: 0 }), 403, 'FORBIDDEN');
    expectError(await store.api.patch('/api/settings', { minRedeemBalance: 0 }), 401, 'STAFF_SESSION_REQUIRED');
  });
});

// ---- inventory lists -----------------------------------------------------------------------------

describe('GET /api/inventory/low-stock', () => {
  it('lists active products at or below their threshold, lowest stock first', async () => {
    const empty = await createProduct(store.admin, { pricePoints: 2, stock: 0, lowStockThreshold: 3 });
    const atLimit = await createProduct(store.admin, { pricePoints: 2, stock: 3, lowStockThreshold: 3 });
    const above = await createProduct(store.admin, { pricePoints: 2, stock: 4, lowStockThreshold: 3 });
    const inactive = await createProduct(store.admin, {
      pricePoints: 2,
      stock: 0,
      lowStockThreshold: 3,
      active: false,
    });
    const response = await volunteer.get<Product[]>('/api/inventory/low-stock');
    expect(response.status, response.text).toBe(200);
    const ids = response.body.map((p) => p.id);
    expect(ids).toContain(empty.id);
    expect(ids).toContain(atLimit.id);
    expect(ids).not.toContain(above.id);
    expect(ids).not.toContain(inactive.id);
    expect(ids.indexOf(empty.id)).toBeLessThan(ids.indexOf(atLimit.id));
    for (const p of response.body) {
      expect(p.active).toBe(true);
      expect(p.stock).toBeLessThanOrEqual(p.lowStockThreshold);
    }
    const stocks = response.body.map((p) => p.stock);
    expect(stocks).toEqual([...stocks].sort((a, b) => a - b));
    // Every active product at or below its threshold is listed, none left out.
    const all = (await volunteer.get<Product[]>('/api/products')).body;
    expect(ids.sort()).toEqual(
      all
        .filter((p) => p.active && p.stock <= p.lowStockThreshold)
        .map((p) => p.id)
        .sort(),
    );

    // A restock above the threshold takes it off the list.
    await volunteer.post('/api/inventory/restocks', { productId: atLimit.id, quantity: 1 });
    expect((await volunteer.get<Product[]>('/api/inventory/low-stock')).body.map((p) => p.id)).not.toContain(
      atLimit.id,
    );
  });

  it('needs a staff sign-in', async () => {
    expectError(await store.api.get('/api/inventory/low-stock'), 401, 'STAFF_SESSION_REQUIRED');
  });
});

describe('GET /api/inventory/movements', () => {
  it('shows the stock book newest first, with product name, reason, note and who', async () => {
    const product = await createProduct(store.admin, { pricePoints: 2, stock: 10 });
    await volunteer.post('/api/inventory/restocks', { productId: product.id, quantity: 5, note: '街道配送' });
    await volunteer.post('/api/inventory/stocktakes', {
      counts: [{ productId: product.id, counted: 13 }],
      note: '月末盘点',
    });
    const response = await volunteer.get<Movement[]>(`/api/inventory/movements?productId=${product.id}`);
    expect(response.status, response.text).toBe(200);
    expect(response.body.map(({ id: _id, createdAt: _at, ...rest }) => rest)).toEqual([
      {
        productId: product.id,
        productName: product.name,
        delta: -2,
        stockAfter: 13,
        reason: 'stocktake',
        note: '月末盘点',
        actor: 'staff:volunteer',
      },
      {
        productId: product.id,
        productName: product.name,
        delta: 5,
        stockAfter: 15,
        reason: 'restock',
        note: '街道配送',
        actor: 'staff:volunteer',
      },
      {
        productId: product.id,
        productName: product.name,
        delta: 10,
        stockAfter: 10,
        reason: 'initial',
        note: null,
        actor: 'staff:admin',
      },
    ]);
    const ids = response.body.map((m) => m.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it('limits the list (default 50, at most 500) and covers all products without productId', async () => {
    const latest = await volunteer.get<Movement[]>('/api/inventory/movements?limit=2');
    expect(latest.status, latest.text).toBe(200);
    expect(latest.body.length).toBe(2);
    expect(latest.body[0]!.id > latest.body[1]!.id, JSON.stringify(latest.body)).toBe(true);
    const all = await volunteer.get<Movement[]>('/api/inventory/movements');
    const stored = await store.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM stock_movements');
    expect(stored!.n).toBeGreaterThan(2);
    expect(all.body.length).toBe(Math.min(50, stored!.n));
    for (const query of ['limit=0', 'limit=501', 'limit=abc', 'productId=0', 'productId=x', 'productId=999999']) {
      expectError(await volunteer.get(`/api/inventory/movements?${query}`), 400, 'VALIDATION_FAILED');
    }
    expect((await volunteer.get<Movement[]>(`/api/inventory/movements?productId=${UNKNOWN_ID}`)).body).toEqual([]);
    expectError(await store.api.get('/api/inventory/movements'), 401, 'STAFF_SESSION_REQUIRED');
  });
});
