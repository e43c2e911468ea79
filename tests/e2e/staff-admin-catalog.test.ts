import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { ADMIN_PIN, type DemoCard, type Kiosk, startKiosk, VOLUNTEER_PIN } from '../support/kiosk';
import { closePages, findChromium, launch, UI_DIST } from './browser';
import { expectAccessible as expectStaffScreenAccessible, openScreen, signInAt } from './staff-console';

/*
 * The admin's catalogue, rules, reports and change log in the staff console, in real Chromium
 * against the real server (built UI, temp data dir). Outcomes are checked through the API: the
 * product as saved, its picture as served, the settings, the CSV file, the audit trail. Every screen
 * is saved at 1080×1920, 1920×1080 and 1280×800 to test-artifacts/screens/ (staff-admin-*) and
 * checked with axe-core.
 */

const CHROMIUM = findChromium();

interface Product {
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

interface Settings {
  storeName: string;
  minRedeemBalance: number;
  residentIdleSeconds: number;
  receiptHeader: string;
  receiptFooter: string;
}

interface Summary {
  redemptions: number;
  pointsSpent: number;
  pointsAwarded: number;
  stock: { valuePoints: number };
}

const ADMIN_TILES = ['staff-menu-catalog', 'staff-menu-settings', 'staff-menu-reports', 'staff-menu-audit'];

describe.skipIf(!CHROMIUM)(
  `staff console, admin catalogue, rules, reports and change log, in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium at CHROMIUM_PATH, /usr/bin/chromium or Playwright’s own)'}`,
  () => {
    let kiosk: Kiosk;
    let api: Api;
    let admin: Api;
    let browser: Browser;
    let cards: DemoCard[];

    const products = async () => (await admin.get<Product[]>('/api/products')).body;

    const expectAccessible = (page: Page, name: string) => expectStaffScreenAccessible(page, `admin-${name}`);
    const signIn = (username: string, pin: string) => signInAt(browser, kiosk.url, username, pin);

    /** A real PNG drawn by the browser: a coloured square with a mark, `size` pixels wide. */
    async function drawPng(page: Page, colour: string, size = 240): Promise<Buffer> {
      const dataUrl = await page.evaluate(
        ([fill, side]) => {
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = side as number;
          const g = canvas.getContext('2d')!;
          g.fillStyle = fill as string;
          g.fillRect(0, 0, side as number, side as number);
          g.fillStyle = '#ffffff';
          g.fillRect((side as number) / 4, (side as number) / 4, (side as number) / 2, (side as number) / 2);
          return canvas.toDataURL('image/png');
        },
        [colour, size] as const,
      );
      return Buffer.from(dataUrl.split(',')[1]!, 'base64');
    }

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      kiosk = await startKiosk({ env: { PRINTER: 'file' } });
      api = new Api(kiosk.url);
      admin = await api.staff('admin');
      cards = kiosk.cards();
      browser = await launch(CHROMIUM!);
    });

    afterEach((context) => closePages(browser, context.task, 'staff-admin-'));

    afterAll(async () => {
      await browser?.close();
      await kiosk?.stop();
    });

    it('shows a volunteer none of the admin screens, and an admin all four', async () => {
      const volunteer = await signIn('volunteer', VOLUNTEER_PIN);
      const tiles = await volunteer.page
        .locator('[data-testid^="staff-menu-"]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
      expect(tiles.length).toBeGreaterThan(0);
      for (const tile of ADMIN_TILES) expect(tiles).not.toContain(tile);
      expect(volunteer.errors).toEqual([]);
      await volunteer.page.context().close();

      const { page, errors } = await signIn('admin', ADMIN_PIN);
      const adminTiles = await page
        .getByRole('region', { name: '管理' })
        .locator('[data-testid^="staff-menu-"]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
      expect(adminTiles).toEqual(expect.arrayContaining(ADMIN_TILES));
      await expectAccessible(page, 'home');
      expect(errors).toEqual([]);
    });

    it('adds a product, refusing bad values in words, edits its price, gives it a picture, takes another off the shelf', async () => {
      const { page, errors } = await signIn('admin', ADMIN_PIN);
      await openScreen(page, 'catalog');
      const before = await products();
      // the list loads after the screen opens
      await expect.poll(() => page.getByTestId('catalog-row').count()).toBe(before.length);
      await expectAccessible(page, 'catalog');

      await page.getByTestId('catalog-add').click();
      await page.getByTestId('catalog-name').fill('  ');
      await page.getByTestId('catalog-price').fill('0');
      await page.getByTestId('catalog-barcode').fill('123');
      await page.getByTestId('catalog-save').click();
      expect(await page.getByTestId('catalog-name-problem').textContent()).toBe('请填写这一项。');
      expect(await page.getByTestId('catalog-price-problem').textContent()).toBe('请填 1 到 100000 之间的整数。');
      expect(await page.getByTestId('catalog-barcode-problem').textContent()).toBe(
        '条码是 8 到 14 位数字，也可以不填。',
      );
      expect(await page.getByTestId('catalog-problems').textContent()).toContain('有 3 处需要改一下');
      await expectAccessible(page, 'catalog-invalid');
      expect((await products()).length).toBe(before.length);

      await page.getByTestId('catalog-name').fill('环保购物袋');
      await page.getByTestId('catalog-category').fill('生活用品');
      await page.getByTestId('catalog-price').fill('12');
      await page.getByTestId('catalog-limit').fill('2');
      await page.getByTestId('catalog-threshold').fill('3');
      await page.getByTestId('catalog-barcode').fill('6970000000012');
      await page.getByTestId('catalog-stock').fill('20');
      await page.getByTestId('catalog-save').click();
      await expect.poll(() => page.getByTestId('catalog-notice').textContent()).toBe('已添加“环保购物袋”。');
      const created = (await products()).find((p) => p.name === '环保购物袋')!;
      expect(created).toMatchObject({
        category: '生活用品',
        pricePoints: 12,
        monthlyLimit: 2,
        lowStockThreshold: 3,
        barcode: '6970000000012',
        stock: 20,
        active: true,
        imageUrl: null,
      });

      // Edit the price of the product just added (the form stays on it).
      await page.getByTestId('catalog-price').fill('15');
      await page.getByTestId('catalog-save').click();
      await expect.poll(() => page.getByTestId('catalog-notice').textContent()).toBe('已保存“环保购物袋”。');
      expect((await products()).find((p) => p.id === created.id)!.pricePoints).toBe(15);
      expect(
        await page.locator(`[data-testid="catalog-row"][data-product-id="${created.id}"]`).textContent(),
      ).toContain('15 分');

      // A picture: first a file the server would refuse, then a real PNG, previewed before saving.
      await page.getByTestId('catalog-image').setInputFiles({
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('not a picture'),
      });
      expect(await page.getByTestId('catalog-image-problem').textContent()).toContain('请选 PNG、JPG 或 WebP 图片');
      const png = await drawPng(page, '#2e7d32');
      await page.getByTestId('catalog-image').setInputFiles({ name: 'bag.png', mimeType: 'image/png', buffer: png });
      await page.getByTestId('catalog-image-chosen').waitFor();
      expect(await page.getByTestId('catalog-image-problem').count()).toBe(0);
      // The preview shows the picture itself: drawn, not a broken image (the kiosk's content
      // security policy blocks blob: URLs, so the preview is a data: URL).
      const preview = page.getByTestId('catalog-chosen-image');
      await preview.waitFor();
      await expect
        .poll(() => preview.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
        .toBeGreaterThan(0);
      expect(await preview.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      await expectAccessible(page, 'catalog-image-chosen');
      await page.getByTestId('catalog-save').click();
      await expect.poll(async () => (await products()).find((p) => p.id === created.id)!.imageUrl).not.toBeNull();
      const pictured = (await products()).find((p) => p.id === created.id)!;
      expect(pictured.imageUrl).toMatch(/^\/images\/uploads\/[0-9a-f]+\.webp$/);
      const served = await fetch(`${kiosk.url}${pictured.imageUrl}`);
      expect(served.status).toBe(200);
      // stored re-encoded as WebP
      expect(served.headers.get('content-type')).toContain('image/webp');
      expect(Buffer.from(await served.arrayBuffer()).toString('latin1', 8, 12)).toBe('WEBP');
      await page.getByTestId('catalog-current-image').waitFor();
      expect(await page.getByTestId('catalog-current-image').getAttribute('src')).toBe(pictured.imageUrl);
      await expectAccessible(page, 'catalog-edit');

      // Taken off the shelf: the resident catalogue loses it, the staff list keeps it, marked.
      const slippers = before.find((p) => p.name.startsWith('拖鞋'))!;
      const slippersRow = page.locator(`[data-testid="catalog-row"][data-product-id="${slippers.id}"]`);
      await slippersRow.click();
      await expect.poll(() => page.getByTestId('catalog-name').inputValue()).toBe(slippers.name);
      await page.getByTestId('catalog-active').uncheck();
      await page.getByTestId('catalog-save').click();
      await expect.poll(() => page.getByTestId('catalog-notice').textContent()).toBe(`已保存“${slippers.name}”。`);
      expect((await products()).find((p) => p.id === slippers.id)!.active).toBe(false);
      expect((await api.get<Product[]>('/api/catalog')).body.some((p) => p.id === slippers.id)).toBe(false);
      expect(await slippersRow.textContent()).toContain('已下架');
      expect(errors).toEqual([]);
    });
    it('changes the minimum balance to redeem; bad values are refused in words and nothing is saved', async () => {
      const { page, errors } = await signIn('admin', ADMIN_PIN);
      await openScreen(page, 'settings');
      const before = (await admin.get<Settings>('/api/settings')).body;
      await expect
        .poll(() => page.getByTestId('settings-min-balance').inputValue())
        .toBe(String(before.minRedeemBalance));
      expect(await page.getByTestId('settings-state').getAttribute('data-state')).toBe('saved');
      await expectAccessible(page, 'settings');

      await page.getByTestId('settings-min-balance').fill('十');
      await page.getByTestId('settings-idle').fill('5');
      expect(await page.getByTestId('settings-state').textContent()).toContain('有 2 项改动还没保存');
      await page.getByTestId('settings-save').click();
      expect(await page.getByTestId('settings-min-balance-problem').textContent()).toBe('请填一个整数（只用数字）。');
      expect(await page.getByTestId('settings-idle-problem').textContent()).toBe('请填 15 到 3600 之间的整数。');
      await expectAccessible(page, 'settings-invalid');
      expect((await admin.get<Settings>('/api/settings')).body).toEqual(before);

      await page.getByTestId('settings-min-balance').fill('15');
      await page.getByTestId('settings-idle').fill(String(before.residentIdleSeconds));
      await page.getByTestId('settings-save').click();
      await expect.poll(() => page.getByTestId('settings-state').getAttribute('data-state')).toBe('saved');
      expect(await page.getByTestId('settings-state').textContent()).toContain('已保存');
      expect((await admin.get<Settings>('/api/settings')).body).toEqual({ ...before, minRedeemBalance: 15 });
      // The resident screens read the new minimum too.
      expect((await api.get<{ minRedeemBalance: number }>('/api/kiosk')).body.minRedeemBalance).toBe(15);
      await expectAccessible(page, 'settings-saved');
      expect(errors).toEqual([]);
    });
    it('reports today and this month from the server, and downloads the redemptions CSV with its BOM', async () => {
      const card = cards.find((c) => c.balance >= 20)!;
      const soap = (await products()).find((p) => p.name.startsWith('香皂'))!;
      const { api: resident } = await api.resident(card.qr);
      const bought = await resident.post<{ receiptNo: string }>(
        '/api/redemptions',
        { items: [{ productId: soap.id, quantity: 2 }] },
        { 'idempotency-key': `e2e-admin-report-${card.cardNo}` },
      );
      expect(bought.status).toBe(201);
      await resident.delete('/api/sessions/current');
      const today = (await admin.get<Summary>('/api/reports/summary?period=today')).body;
      const month = (await admin.get<Summary>('/api/reports/summary?period=month')).body;

      const { page, errors } = await signIn('admin', ADMIN_PIN);
      await openScreen(page, 'reports');
      const summary = page.getByTestId('reports-summary');
      await expect.poll(() => summary.getAttribute('data-period')).toBe('today');
      expect(await page.getByTestId('reports-redemption-count').textContent()).toBe(String(today.redemptions));
      expect(today.redemptions).toBeGreaterThanOrEqual(1);
      expect(await page.getByTestId('reports-spent').textContent()).toBe(
        `${today.pointsSpent.toLocaleString('zh-CN')} 分`,
      );
      expect(await page.getByTestId('reports-top-row').first().textContent()).toContain(soap.name);
      expect(await page.getByTestId('reports-stock-value').textContent()).toBe(
        `${today.stock.valuePoints.toLocaleString('zh-CN')} 分`,
      );
      await expectAccessible(page, 'reports-today');

      await page.getByTestId('reports-month').click();
      await expect.poll(() => summary.getAttribute('data-period')).toBe('month');
      expect(await page.getByTestId('reports-redemption-count').textContent()).toBe(String(month.redemptions));
      expect(await page.getByTestId('reports-awarded').textContent()).toBe(
        `${month.pointsAwarded.toLocaleString('zh-CN')} 分`,
      );
      await expectAccessible(page, 'reports-month');

      const download = page.waitForEvent('download');
      await page.getByTestId('reports-export-redemptions').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^redemptions-\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
      const bytes = await readFile((await file.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8')).toContain(bought.body.receiptNo);
      await expect.poll(() => page.getByTestId('reports-download-note').textContent()).toContain('已下载');
      expect(errors).toEqual([]);
    });
    it('shows the product and settings changes in the change log, readable, and checks the ledger', async () => {
      const bag = (await products()).find((p) => p.name === '环保购物袋');
      expect(bag, 'the product added through the catalogue screen above').toBeDefined();
      const { page, errors } = await signIn('admin', ADMIN_PIN);
      await openScreen(page, 'audit');
      const entry = (action: string, id: number | string) =>
        page.locator(`[data-testid="audit-entry"][data-action="${action}"][data-entity-id="${id}"]`);

      const priceChange = entry('product.update', bag!.id).filter({
        has: page.locator('[data-testid="audit-row"][data-field="pricePoints"]'),
      });
      await priceChange.first().waitFor();
      expect(await priceChange.count()).toBe(1);
      const priceText = (await priceChange.textContent()) ?? '';
      expect(priceText).toContain('修改商品');
      expect(priceText).toContain('商品 环保购物袋');
      const actors = (await admin.get<{ actor: string; name: string }[]>('/api/audit/actors')).body;
      expect(priceText).toContain(`${actors.find((actor) => actor.actor === 'staff:admin')!.name} 操作`);
      expect(await priceChange.locator('[data-testid="audit-row"][data-field="pricePoints"]').innerText()).toMatch(
        /积分价\s+12\s+→\s+15/,
      );
      expect(await entry('product.create', bag!.id).textContent()).toContain('新增商品');
      expect(await entry('product.image', bag!.id).count()).toBe(1);
      const settingsRow = entry('settings.update', 'store').locator(
        '[data-testid="audit-row"][data-field="minRedeemBalance"]',
      );
      expect(await settingsRow.innerText()).toMatch(/最低兑换积分\s+10\s+→\s+15/);
      await expectAccessible(page, 'audit');

      const verified = (await admin.get<{ ok: boolean; entries: number }>('/api/audit/verify')).body;
      expect(verified.ok).toBe(true);
      await page.getByTestId('audit-verify').click();
      const result = page.getByTestId('audit-verify-result');
      await result.waitFor();
      expect(await result.getAttribute('data-ok')).toBe('true');
      expect(await result.textContent()).toContain(`核对无误：共 ${verified.entries} 笔积分记录`);
      await expectAccessible(page, 'audit-verified');
      expect(errors).toEqual([]);
    });
  },
);
