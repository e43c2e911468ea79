import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { staffCardQr } from '../api/helpers';
import { Api } from '../support/api';
import { ADMIN_PIN, type DemoCard, type Kiosk, startKiosk, VOLUNTEER_PIN } from '../support/kiosk';
import { closePages, findChromium, launch, openKiosk, UI_DIST } from './browser';
import {
  enterCredentials,
  expectAccessible,
  openScreen,
  openStaffAt,
  signInAt,
  staffScan,
  typeOnPad,
} from './staff-console';

/*
 * The volunteer's part of the staff console in real Chromium against the real server (built UI,
 * temp data dir): reaching the sign-in (long press, #staff), PIN refusals in words, receiving
 * goods, a stocktake with its review, reprinting a receipt, helping a resident, the low-stock
 * list and the idle sign-out. Every staff screen is saved at 1080×1920, 1920×1080 and 1280×800
 * to test-artifacts/screens/ (staff-*) and checked with axe-core.
 */

const CHROMIUM = findChromium();

interface Product {
  id: string;
  name: string;
  stock: number;
  lowStockThreshold: number;
  barcode: string | null;
}

interface Movement {
  productId: string;
  delta: number;
  stockAfter: number;
  reason: string;
  note: string | null;
  actor: string;
}

interface Redemption {
  id: string;
  receiptNo: string;
  printJobs?: { kind: string; status: string }[];
}

describe.skipIf(!CHROMIUM)(
  `staff console, volunteer screens, in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium at CHROMIUM_PATH, /usr/bin/chromium or Playwright’s own)'}`,
  () => {
    let kiosk: Kiosk;
    let api: Api;
    let admin: Api;
    let browser: Browser;
    let cards: DemoCard[];

    const products = async () => (await admin.get<Product[]>('/api/products')).body;
    const productNamed = async (prefix: string) => {
      const found = (await products()).find((p) => p.name.startsWith(prefix));
      if (!found) throw new Error(`no product ${prefix}`);
      return found;
    };
    const movements = async (productId: string) =>
      (await admin.get<Movement[]>(`/api/inventory/movements?productId=${productId}&limit=5`)).body;

    const openAt = (path: string) => openStaffAt(browser, kiosk.url, path);
    const signInAsVolunteer = (path = '/#staff') => signInAt(browser, kiosk.url, 'volunteer', VOLUNTEER_PIN, path);

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      kiosk = await startKiosk({ env: { PRINTER: 'file' } });
      api = new Api(kiosk.url);
      admin = await api.staff('admin');
      cards = kiosk.cards();
      browser = await launch(CHROMIUM!);
    });

    afterEach((context) => closePages(browser, context.task, 'staff-'));

    afterAll(async () => {
      await browser?.close();
      await kiosk?.stop();
    });

    it('opens the staff sign-in after holding the store name for three seconds, not after a short press', async () => {
      const { page, errors } = await openKiosk(browser, kiosk.url);
      await page.getByTestId('screen-start').waitFor();
      const name = page.getByTestId('long-press');
      const box = (await name.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

      // A short press (1.5 s): nothing but the ring, which goes away again.
      await page.mouse.down();
      await page.getByTestId('long-press-ring').waitFor({ timeout: 1000 });
      await page.waitForTimeout(1000);
      await page.mouse.up();
      await page.getByTestId('long-press-ring').waitFor({ state: 'detached' });
      await page.waitForTimeout(2500);
      expect(await page.getByTestId('screen-start').isVisible()).toBe(true);

      await page.mouse.down();
      await page.getByTestId('screen-staff-sign-in').waitFor({ timeout: 5000 });
      await page.mouse.up();
      expect(await page.getByTestId('screen-start').count()).toBe(0);
      await expectAccessible(page, 'sign-in-username');

      // Back to the residents' screen without signing in.
      await page.getByTestId('staff-leave').click();
      await page.getByTestId('screen-start').waitFor();
      expect(errors).toEqual([]);
    });

    it('opens the sign-in at the PIN for the holder of a staff card scanned on the Start screen', async () => {
      const qr = staffCardQr(kiosk, 'volunteer');
      const { page, errors } = await openKiosk(browser, kiosk.url);
      await page.getByTestId('screen-start').waitFor();
      await staffScan(page, qr, async () => (await page.getByTestId('pin').count()) > 0);
      // the PIN prompt names the person by their display name, not their username
      expect(await page.locator('#pin-title').textContent()).toBe('志愿者，请输入密码');
      expect(await page.getByTestId('screen-member').count()).toBe(0);
      for (const digit of VOLUNTEER_PIN) await page.getByTestId(`pin-${digit}`).click();
      await page.getByTestId('staff-sign-in').click();
      await page.getByTestId('screen-staff-home').waitFor();
      expect(errors).toEqual([]);
    });

    it('opens the sign-in at #staff, where a resident card starts no visit and a wrong PIN is refused in words', async () => {
      const card = cards[0]!;
      const { page, errors } = await openAt('/#staff');
      await page.getByTestId('screen-staff-sign-in').waitFor();
      await page.keyboard.type(card.qr);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(1000);
      expect(await page.getByTestId('screen-member').count()).toBe(0);
      expect(await page.getByTestId('screen-staff-sign-in').isVisible()).toBe(true);

      await enterCredentials(page, 'volunteer', '111111');
      await page.getByTestId('sign-in-error').waitFor();
      expect(await page.getByTestId('sign-in-error').textContent()).toBe(
        '密码不对。还可以试 4 次，再错要等一会儿才能登录。',
      );
      // The PIN was cleared and is shown as dots while typed.
      expect(await page.getByTestId('pin-display').textContent()).toContain('请输入');
      for (const digit of '1357') await page.getByTestId(`pin-${digit}`).click();
      expect(await page.getByTestId('pin-display').textContent()).toContain('●●●●');
      expect(await page.getByTestId('pin-display').textContent()).not.toContain('1357');
      await expectAccessible(page, 'sign-in-wrong-pin');

      await page.getByTestId('pin-clear').click();
      for (const digit of VOLUNTEER_PIN) await page.getByTestId(`pin-${digit}`).click();
      await page.getByTestId('staff-sign-in').click();
      await page.getByTestId('screen-staff-home').waitFor();
      // A volunteer sees the daily work, nothing of the admin's.
      const tiles = await page
        .locator('[data-testid^="staff-menu-"]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
      expect(tiles).toEqual([
        'staff-menu-receive',
        'staff-menu-stocktake',
        'staff-menu-low-stock',
        'staff-menu-reprint',
        'staff-menu-help',
        'staff-menu-my-pin',
      ]);
      expect(await page.getByTestId('staff-user').textContent()).toContain('志愿者');
      await expectAccessible(page, 'home');

      // In English too.
      await page.getByTestId('language-toggle').click();
      expect(await page.getByTestId('staff-menu-stocktake').textContent()).toContain('Stocktake');
      await expectAccessible(page, 'home-en');
      await page.getByTestId('language-toggle').click();

      // The next visit lists the person who signed in here first: one tap, then the PIN.
      await page.getByTestId('staff-sign-out').click();
      await page.getByTestId('screen-start').waitFor();
      await page.evaluate(() => (location.hash = '#staff'));
      await page.getByTestId('screen-staff-sign-in').waitFor();
      await expect.poll(() => page.getByTestId('staff-name').first().getAttribute('data-username')).toBe('volunteer');
      await page.getByTestId('staff-name').first().click();
      expect(await page.locator('#pin-title').textContent()).toBe('志愿者，请输入密码');
      await expectAccessible(page, 'sign-in-pin');
      expect(errors).toEqual([]);
    });

    it('receives goods picked from the tiles or scanned by barcode; the stock goes up on the server', async () => {
      const eggs = await productNamed('鸡蛋');
      const towel = await productNamed('毛巾');
      expect((await admin.patch(`/api/products/${towel.id}`, { barcode: '6901234567892' })).status).toBe(200);
      const { page, errors } = await signInAsVolunteer();
      await openScreen(page, 'receive');
      await expectAccessible(page, 'receive-empty');

      await page.locator(`[data-testid="pick-product"][data-product-id="${eggs.id}"]`).click();
      expect(await page.getByTestId('receive-chosen').textContent()).toContain(`现在库存 ${eggs.stock} 件`);
      await typeOnPad(page, 'quantity', '024');
      expect(await page.getByTestId('quantity-display').textContent()).toContain('24');
      await page.getByTestId('note').getByRole('button', { name: '街道配送' }).click();
      await expectAccessible(page, 'receive-chosen');
      await page.getByTestId('receive-submit').click();

      await page.getByTestId('receive-result').waitFor();
      expect(await page.getByTestId('receive-result').textContent()).toContain(
        `库存 ${eggs.stock} → ${eggs.stock + 24} 件`,
      );
      expect((await productNamed('鸡蛋')).stock).toBe(eggs.stock + 24);
      expect((await movements(eggs.id))[0]).toMatchObject({
        reason: 'restock',
        delta: 24,
        stockAfter: eggs.stock + 24,
        note: '街道配送',
        actor: 'staff:volunteer',
      });
      await expectAccessible(page, 'receive-done');

      // The handheld scanner picks the product by its barcode.
      await staffScan(page, '6901234567892', async () =>
        (
          (await page
            .getByTestId('receive-chosen')
            .textContent()
            .catch(() => '')) ?? ''
        ).includes(towel.name),
      );
      await typeOnPad(page, 'quantity', '5');
      await page.getByTestId('receive-submit').click();
      await expect.poll(async () => (await productNamed('毛巾')).stock).toBe(towel.stock + 5);
      expect(errors).toEqual([]);
    });

    it('takes a stocktake: only the product counted differently is reviewed, then saved with its reason', async () => {
      const rice = await productNamed('大米');
      const oil = await productNamed('食用油');
      const { page, errors } = await signInAsVolunteer();
      await openScreen(page, 'stocktake');
      await expectAccessible(page, 'stocktake-start');

      const row = (id: string) => page.locator(`[data-testid="stocktake-row"][data-product-id="${id}"]`);
      await row(rice.id).click();
      expect(await page.getByTestId('stocktake-active').textContent()).toBe(rice.name);
      await page.getByTestId('stocktake-same').click();
      await row(oil.id).click();
      await typeOnPad(page, 'count', String(oil.stock - 2));
      expect(await row(oil.id).textContent()).toContain('−2');
      expect(await page.getByTestId('stocktake-progress').textContent()).toContain('已清点 2 /');
      await expectAccessible(page, 'stocktake-counting');

      await page.getByTestId('stocktake-review').click();
      await page.getByTestId('stocktake-review-step').waitFor();
      const differences = page.getByTestId('stocktake-difference');
      expect(await differences.count()).toBe(1);
      expect(await differences.first().getAttribute('data-product-id')).toBe(oil.id);
      expect(await differences.first().textContent()).toContain('−2');
      expect(await page.getByTestId('stocktake-review-step').textContent()).toContain('另有 1 种和账面一样');
      // Saving asks for a reason first.
      await page.getByTestId('stocktake-save').click();
      expect(await page.getByTestId('stocktake-error').textContent()).toBe('请选择或填写原因。');
      await page.getByTestId('stocktake-reason').getByRole('button', { name: '商品损坏' }).click();
      await expectAccessible(page, 'stocktake-review');
      await page.getByTestId('stocktake-save').click();

      await page.getByTestId('stocktake-saved').waitFor();
      expect(await page.getByTestId('stocktake-adjustment').count()).toBe(1);
      expect(await page.getByTestId('stocktake-saved').textContent()).toContain('调整了 1 种，1 种不变');
      await expectAccessible(page, 'stocktake-saved');
      expect((await productNamed('食用油')).stock).toBe(oil.stock - 2);
      expect((await productNamed('大米')).stock).toBe(rice.stock);
      expect((await movements(oil.id))[0]).toMatchObject({
        reason: 'stocktake',
        delta: -2,
        stockAfter: oil.stock - 2,
        note: '商品损坏',
        actor: 'staff:volunteer',
      });
      expect((await movements(rice.id)).some((m) => m.reason === 'stocktake')).toBe(false);
      expect(errors).toEqual([]);
    });

    it('reprints a receipt found by its number, and follows the print job until it is printed', async () => {
      const card = cards.find((c) => c.balance >= 10)!;
      const soap = await productNamed('香皂');
      const { api: resident } = await api.resident(card.qr);
      const bought = await resident.post<Redemption>(
        '/api/redemptions',
        { items: [{ productId: soap.id, quantity: 1 }] },
        { 'idempotency-key': `e2e-reprint-${card.cardNo}` },
      );
      expect(bought.status).toBe(201);
      await resident.delete('/api/sessions/current');
      const { receiptNo, id } = bought.body;
      const sequence = String(Number(receiptNo.split('-').pop()));

      const { page, errors } = await signInAsVolunteer();
      await openScreen(page, 'reprint');
      await typeOnPad(page, 'receipt-digits', '999999');
      await page.getByTestId('reprint-find').click();
      await page.getByTestId('reprint-error').waitFor();
      expect(await page.getByTestId('reprint-error').textContent()).toBe('找不到小票 TEST01-999999，请核对小票号。');

      await typeOnPad(page, 'receipt-digits', sequence);
      expect(await page.getByTestId('reprint-number').textContent()).toContain(receiptNo);
      await page.getByTestId('reprint-find').click();
      await page.getByTestId('reprint-receipt').waitFor();
      expect(await page.getByTestId('reprint-receipt').textContent()).toContain(`${soap.name} × 1`);
      await page.getByTestId('reprint-print').click();
      await expect
        .poll(() => page.getByTestId('reprint-status').getAttribute('data-status'), { timeout: 15_000 })
        .toBe('printed');
      expect(await page.getByTestId('reprint-status').textContent()).toContain('补打好了');
      // The receipt is read again: the first print and this copy.
      await expect.poll(() => page.getByTestId('reprint-receipt').textContent()).toContain('已打印过 2 次');
      await expectAccessible(page, 'reprint-printed');

      const detail = await admin.get<Redemption>(`/api/redemptions/${id}`);
      expect(detail.body.printJobs?.filter((job) => job.kind === 'reprint')).toEqual([
        expect.objectContaining({ kind: 'reprint', status: 'printed' }),
      ]);

      // The receipt's QR code (its number) read by the handheld scanner finds it too.
      await page.getByTestId('staff-home').click();
      await openScreen(page, 'reprint');
      await staffScan(page, receiptNo, () => page.getByTestId('reprint-receipt').isVisible());
      expect(await page.getByTestId('reprint-receipt').textContent()).toContain(receiptNo);
      expect(errors).toEqual([]);
    });

    it('helps a resident: their card shows the masked name, the balance and the passbook', async () => {
      const card = cards.find((c) => c.balance > 0 && !c.household)!;
      const { accountId, balance } = await api.resident(card.qr);
      const ledger = await admin.get<{ entries: unknown[] }>(`/api/accounts/${accountId}/ledger`);
      const { page, errors } = await signInAsVolunteer();
      await openScreen(page, 'help');
      await expectAccessible(page, 'help-waiting');

      await staffScan(page, card.qr, () => page.getByTestId('help-member').isVisible());
      const name = await page.getByTestId('help-name').textContent();
      expect(name).toContain(card.name.slice(0, 1));
      expect(name).not.toBe(card.name);
      expect(Number(await page.getByTestId('help-balance').textContent())).toBe(balance);
      expect(await page.getByTestId('help-entry').count()).toBe(Math.min(50, ledger.body.entries.length));
      await expectAccessible(page, 'help-passbook');
      expect(errors).toEqual([]);
    });

    it('lists products running low and opens Receive goods for one of them', async () => {
      const soy = await productNamed('酱油');
      expect(soy.stock).toBeLessThanOrEqual(soy.lowStockThreshold);
      const { page, errors } = await signInAsVolunteer();
      await openScreen(page, 'low-stock');
      const row = page.locator(`[data-testid="low-stock-row"][data-product-id="${soy.id}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain(`还剩 ${soy.stock} 件`);
      await expectAccessible(page, 'low-stock');
      await row.getByTestId('low-stock-receive').click();
      await page.getByTestId('screen-staff-receive').waitFor();
      await expect.poll(() => page.getByTestId('receive-chosen').textContent()).toContain(soy.name);
      expect(errors).toEqual([]);
    });

    it('signs out by itself when nobody touches it, after a countdown, and ends the server session', async () => {
      const { page, errors } = await openAt('/?idle=15#staff');
      const signedIn = page.waitForResponse(
        (r) => r.url().endsWith('/api/staff/sessions') && r.request().method() === 'POST',
      );
      await enterCredentials(page, 'volunteer', VOLUNTEER_PIN);
      const { token } = (await (await signedIn).json()) as { token: string };
      await page.getByTestId('screen-staff-home').waitFor();
      expect((await api.as(token).get('/api/inventory/low-stock')).status).toBe(200);

      const ended = page.waitForRequest(
        (r) => r.method() === 'DELETE' && r.url().endsWith('/api/staff/sessions/current'),
        { timeout: 30_000 },
      );
      await page.getByTestId('idle-countdown').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('idle-countdown').textContent()).toContain('秒后自动退出登录');
      await expectAccessible(page, 'idle-countdown');
      await page.getByTestId('screen-start').waitFor({ timeout: 20_000 });
      await ended;
      expect(await page.getByTestId('staff-console').count()).toBe(0);
      await expect.poll(async () => (await api.as(token).get('/api/inventory/low-stock')).status).toBe(401);
      expect(errors).toEqual([]);
    });

    it('says how long sign-in is paused after too many wrong PINs', async () => {
      const { page, errors } = await openAt('/#staff');
      const answered = () =>
        page.waitForResponse((r) => r.url().endsWith('/api/staff/sessions') && r.request().method() === 'POST');
      for (let attempt = 1; attempt <= 5; attempt++) {
        const answer = answered();
        if (attempt === 1) await enterCredentials(page, 'admin', '000000');
        else {
          for (const digit of '000000') await page.getByTestId(`pin-${digit}`).click();
          await page.getByTestId('staff-sign-in').click();
        }
        expect((await answer).status()).toBe(attempt < 5 ? 401 : 429);
      }
      await expect
        .poll(() => page.getByTestId('sign-in-error').textContent())
        // five wrong PINs from one device slow that device for 30 s at first, said in seconds
        .toMatch(/^密码输错次数太多，暂时不能登录。请 (29|30) 秒后再试。再输错，要等的时间会更长。$/);
      // Even the right PIN is refused while the lock holds.
      const last = answered();
      for (const digit of ADMIN_PIN) await page.getByTestId(`pin-${digit}`).click();
      await page.getByTestId('staff-sign-in').click();
      expect((await last).status()).toBe(429);
      await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('暂时不能登录');
      expect(await page.getByTestId('staff-console').getByTestId('screen-staff-home').count()).toBe(0);
      await expectAccessible(page, 'sign-in-locked');
      expect(errors).toEqual([]);
    });
  },
);
