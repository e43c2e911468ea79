import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { type DemoCard, type Kiosk, startKiosk } from '../support/kiosk';
import {
  captureScreen,
  cardVideo,
  closePages,
  findChromium,
  hasFfmpeg,
  launch,
  openKiosk,
  UI_DIST,
  wedgeScan,
} from './browser';

/*
 * The resident's journey in real Chromium against the real server (built UI, temp data dir):
 * card by camera and by handheld scanner, choosing goods, confirming, every refusal in plain
 * words, idle timeout, English, and the server going away and coming back. Each screen is saved
 * at 1080×1920 and 1920×1080 to test-artifacts/screens/ and checked with axe-core.
 */

const CHROMIUM = findChromium();
const FFMPEG = hasFfmpeg();

interface Product {
  id: string;
  name: string;
  pricePoints: number;
  stock: number;
}

interface LedgerEntry {
  delta: number;
  kind: string;
  balanceAfter: number;
}

describe.skipIf(!CHROMIUM)(
  `resident kiosk in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium at CHROMIUM_PATH, /usr/bin/chromium or Playwright’s own)'}`,
  () => {
    let kiosk: Kiosk;
    let api: Api;
    let admin: Api;
    let browser: Browser;
    let cards: DemoCard[];
    let products: Product[];
    const used = new Set<string>();
    let lowCard: DemoCard;
    let shortCard: DemoCard;

    /** A demo card whose account no other test touches (household members share an account). */
    function freshCard(test: (card: DemoCard) => boolean = () => true): DemoCard {
      const card = cards.find((c) => !used.has(c.household ?? c.cardNo) && test(c));
      if (!card) throw new Error('no unused demo card left for this test');
      used.add(card.household ?? card.cardNo);
      return card;
    }

    function product(name: string): Product {
      const found = products.find((p) => p.name.startsWith(name));
      if (!found) throw new Error(`no product ${name}`);
      return found;
    }

    const tile = (page: Page, name: string) => page.getByTestId('product-tile').filter({ hasText: name });
    const balanceOnScreen = async (page: Page) => Number(await page.getByTestId('balance').textContent());

    async function expectAccessible(page: Page, name: string): Promise<void> {
      expect(await captureScreen(page, name), `axe violations on ${name}`).toEqual([]);
    }

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      kiosk = await startKiosk({ env: { PRINTER: 'file' } });
      api = new Api(kiosk.url);
      admin = await api.staff('admin');
      cards = kiosk.cards();
      products = (await api.get<Product[]>('/api/catalog')).body;
      browser = await launch(CHROMIUM!);
      // The tests that need a particular balance choose first.
      lowCard = freshCard((c) => c.balance > 0 && c.balance < 10);
      shortCard = freshCard((c) => c.balance >= 12 && c.balance < product('食用油').pricePoints);
    });

    afterEach((context) => closePages(browser, context.task));

    afterAll(async () => {
      await browser?.close();
      await kiosk?.stop();
    });

    it.skipIf(!FFMPEG)(
      `reads a card from the camera, redeems two goods and shows the new balance; the ledger has the redemption${FFMPEG ? '' : ' (skipped: ffmpeg not found, needed to turn the card picture into a camera video)'}`,
      async () => {
        const card = freshCard((c) => c.balance >= 20);
        const y4m = join(mkdtempSync(join(tmpdir(), 'kiosk-camera-')), 'card.y4m');
        cardVideo(join(kiosk.dataDir, 'cards', `${card.cardNo}.png`), y4m);
        const cameraBrowser = await launch(CHROMIUM!, y4m);
        try {
          const { page, errors } = await openKiosk(cameraBrowser, kiosk.url);
          await page.getByTestId('screen-member').waitFor({ timeout: 30_000 });
          expect(await balanceOnScreen(page)).toBe(card.balance);
          await expect.poll(() => page.getByTestId('product-tile').count()).toBeGreaterThan(0);

          await tile(page, '香皂').click();
          await tile(page, '牙膏').click();
          const total = product('香皂').pricePoints + product('牙膏').pricePoints;
          expect(await page.getByTestId('cart-total').textContent()).toContain(String(total));
          await page.getByTestId('confirm').click();

          await page.getByTestId('screen-done').waitFor();
          expect(Number(await page.getByTestId('done-balance').textContent())).toBe(card.balance - total);
          await expect
            .poll(() => page.getByTestId('print-status').getAttribute('data-status'), { timeout: 10_000 })
            .toBe('printed');
          await expectAccessible(page, 'done');

          const { accountId } = await api.resident(card.qr);
          const ledger = await admin.get<{ entries: LedgerEntry[] }>(`/api/accounts/${accountId}/ledger`);
          const redeem = ledger.body.entries.filter((entry) => entry.kind === 'redeem');
          expect(redeem).toHaveLength(1);
          expect(redeem[0]).toMatchObject({ delta: -total, balanceAfter: card.balance - total });
          expect(errors).toEqual([]);
        } finally {
          await cameraBrowser.close();
        }
      },
    );

    it('takes a handheld-scanner burst as a scan without any field focused, but not slow typing', async () => {
      const card = freshCard((c) => c.balance >= 20);
      const other = cards.find((c) => c.household !== card.household && c.cardNo !== card.cardNo)!;
      const { page, errors } = await openKiosk(browser, kiosk.url);
      await page.getByTestId('screen-start').waitFor();
      await expect.poll(() => page.getByTestId('rankings').isVisible()).toBe(true);
      await expect.poll(() => page.getByTestId('camera').getAttribute('data-status')).toBe('running');
      await expectAccessible(page, 'start');

      // A person typing the same text slowly is not a scan.
      await page.keyboard.type(card.qr.slice(0, 12), { delay: 120 });
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      expect(await page.getByTestId('screen-start').isVisible()).toBe(true);

      await wedgeScan(page, card.qr);
      await page.getByTestId('screen-member').waitFor();
      expect(await page.getByTestId('greeting').textContent()).toContain(card.name.slice(0, 1));
      expect(await page.getByTestId('greeting').textContent()).not.toContain(card.name);
      expect(await balanceOnScreen(page)).toBe(card.balance);

      // The same card again is ignored; another card asks before switching.
      await wedgeScan(page, card.qr, { answered: false });
      await page.waitForTimeout(300);
      expect(await page.getByTestId('switch-card').count()).toBe(0);
      await tile(page, '鸡蛋').click();
      await tile(page, '鸡蛋').click();
      await tile(page, '毛巾').click();
      await page.getByTestId('cart-less').first().click();
      expect(await page.getByTestId('cart-line').count()).toBe(2);
      const total = product('鸡蛋').pricePoints + product('毛巾').pricePoints;
      expect(await page.getByTestId('cart-after').textContent()).toContain(String(card.balance - total));
      await expectAccessible(page, 'member');

      await wedgeScan(page, other.qr);
      await page.getByTestId('switch-card').waitFor();
      await expectAccessible(page, 'switch-card');
      await page.getByRole('button', { name: '不换，继续' }).click();
      expect(await page.getByTestId('greeting').textContent()).toContain(card.name.slice(0, 1));
      expect(await page.getByTestId('cart-line').count()).toBe(2);

      // Hold the answer back a moment to see the Confirm state.
      await page.route('**/api/redemptions', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.getByTestId('confirm').click();
      await page.getByTestId('screen-confirm').waitFor();
      await expectAccessible(page, 'confirm');
      await page.getByTestId('screen-done').waitFor({ timeout: 15_000 });
      expect(Number(await page.getByTestId('done-balance').textContent())).toBe(card.balance - total);
      expect(await page.getByTestId('receipt-no').textContent()).toMatch(/TEST01-\d{6}/);

      const ended = page.waitForRequest((r) => r.method() === 'DELETE' && r.url().endsWith('/api/sessions/current'));
      await page.getByTestId('finish').click();
      await ended;
      await page.getByTestId('screen-start').waitFor();
      expect(errors).toEqual([]);
    });

    it('dims goods the balance cannot cover, and says so in words when points ran short at checkout', async () => {
      const oil = product('食用油');
      const card = shortCard;
      const { page, errors } = await openKiosk(browser, kiosk.url);
      await wedgeScan(page, card.qr);
      await page.getByTestId('screen-member').waitFor();
      await expect
        .poll(() => tile(page, '食用油').getByTestId('tile-status').textContent())
        .toBe(`还差 ${oil.pricePoints - card.balance} 分`);
      // Dimmed tiles are aria-disabled, yet a tap on one still explains why.
      await tile(page, '食用油').click({ force: true });
      expect(await page.getByTestId('cart-feedback').textContent()).toContain(
        `积分不够，还差 ${oil.pricePoints - card.balance} 分`,
      );
      expect(await page.getByTestId('cart-line').count()).toBe(0);

      await tile(page, '洗衣液').click();
      const detergent = product('洗衣液').pricePoints;
      // Meanwhile the account loses points (a deduction at the desk).
      const deduction = card.balance - detergent + 1;
      const award = await admin.post('/api/points/awards', {
        qr: card.qr,
        points: -deduction,
        reason: '门前三包检查扣分',
      });
      expect(award.status).toBe(201);
      await page.getByTestId('confirm').click();

      await page.getByTestId('notice').waitFor();
      expect(await page.getByTestId('notice-text').textContent()).toBe('积分不够兑换这些商品，请减少一些商品再试。');
      await expect.poll(() => balanceOnScreen(page)).toBe(card.balance - deduction);
      await expectAccessible(page, 'error-insufficient-points');
      await page.getByRole('button', { name: '知道了' }).click();
      expect(await page.getByTestId('confirm').isDisabled()).toBe(true);
      expect(errors).toEqual([]);
    });

    it('refuses to redeem below the store minimum, in words', async () => {
      const card = lowCard;
      const { page, errors } = await openKiosk(browser, kiosk.url);
      await wedgeScan(page, card.qr);
      await page.getByTestId('screen-member').waitFor();
      // Said at once, before anything is chosen; goods cannot be added.
      await expect
        .poll(() => page.getByTestId('below-minimum').textContent())
        .toContain(`积分满 10 分才能兑换，您现在有 ${card.balance} 分`);
      await tile(page, '香皂').click({ force: true });
      expect(await page.getByTestId('cart-feedback').textContent()).toContain('积分满 10 分才能兑换');
      expect(await page.getByTestId('cart-line').count()).toBe(0);
      expect(await page.getByTestId('confirm').isDisabled()).toBe(true);
      await expectAccessible(page, 'member-below-minimum');
      expect(errors).toEqual([]);
    });

    it('takes a product that sold out during checkout off the list and says which one', async () => {
      const card = freshCard((c) => c.balance >= 20);
      const soy = product('酱油');
      const { page, errors } = await openKiosk(browser, kiosk.url);
      await wedgeScan(page, card.qr);
      await page.getByTestId('screen-member').waitFor();
      await tile(page, '酱油').click();
      await tile(page, '香皂').click();
      expect((await admin.patch(`/api/products/${soy.id}`, { stock: 0 })).status).toBe(200);
      await page.getByTestId('confirm').click();

      await page.getByTestId('notice').waitFor();
      expect(await page.getByTestId('notice-text').textContent()).toBe(
        `${soy.name} 刚刚兑完了，清单已经更新，请再看一下。`,
      );
      expect(await balanceOnScreen(page)).toBe(card.balance);
      await expectAccessible(page, 'error-sold-out');
      await page.getByRole('button', { name: '知道了' }).click();
      expect(await page.getByTestId('cart-line').count()).toBe(1);
      expect(await tile(page, '酱油').getByTestId('tile-status').textContent()).toBe('已兑完');

      await page.getByTestId('confirm').click();
      await page.getByTestId('screen-done').waitFor();
      expect(Number(await page.getByTestId('done-balance').textContent())).toBe(
        card.balance - product('香皂').pricePoints,
      );
      expect(errors).toEqual([]);
    });

    it('keeps to the monthly limit the account already used elsewhere, and says which product', async () => {
      const card = freshCard((c) => c.balance >= 40);
      const eggs = product('鸡蛋');
      // Earlier this month, at the counter: three of the four eggs allowed a month.
      const { api: resident } = await api.resident(card.qr);
      const earlier = await resident.post(
        '/api/redemptions',
        { items: [{ productId: eggs.id, quantity: 3 }] },
        { 'idempotency-key': `e2e-limit-${card.cardNo}` },
      );
      expect(earlier.status).toBe(201);
      await resident.delete('/api/sessions/current');
      const balance = card.balance - 3 * eggs.pricePoints;

      const { page, errors } = await openKiosk(browser, kiosk.url);
      await wedgeScan(page, card.qr);
      await page.getByTestId('screen-member').waitFor();
      await tile(page, '鸡蛋').click();
      await tile(page, '鸡蛋').click();
      await page.getByTestId('confirm').click();

      await page.getByTestId('notice').waitFor();
      expect(await page.getByTestId('notice-text').textContent()).toBe(`${eggs.name} 本月已经兑满了，已从清单里拿掉。`);
      await page.getByRole('button', { name: '知道了' }).click();
      expect(await page.locator('[data-testid="cart-line"] .qty').textContent()).toBe('1');
      expect(await tile(page, '鸡蛋').getByTestId('tile-status').textContent()).toBe('本月已兑满');
      await page.getByTestId('confirm').click();
      await page.getByTestId('screen-done').waitFor();
      expect(Number(await page.getByTestId('done-balance').textContent())).toBe(balance - eggs.pricePoints);
      expect(errors).toEqual([]);
    });

    it('counts down when nobody touches the screen, then ends the session and returns to Start', async () => {
      const card = freshCard();
      const { page, errors } = await openKiosk(browser, `${kiosk.url}/?idle=13`);
      await wedgeScan(page, card.qr);
      await page.getByTestId('screen-member').waitFor();
      await page.getByTestId('idle-countdown').waitFor({ timeout: 10_000 });
      await expectAccessible(page, 'idle-countdown');
      // A touch keeps the visit going.
      await page.getByRole('button', { name: '我还在，继续' }).click();
      expect(await page.getByTestId('idle-countdown').count()).toBe(0);

      const ended = page.waitForRequest((r) => r.method() === 'DELETE' && r.url().endsWith('/api/sessions/current'), {
        timeout: 20_000,
      });
      await page.getByTestId('idle-countdown').waitFor({ timeout: 10_000 });
      await page.getByTestId('screen-start').waitFor({ timeout: 15_000 });
      await ended;
      expect(errors).toEqual([]);
    });

    it('switches to English and back from any screen', async () => {
      const card = freshCard((c) => c.balance >= 10);
      const { page, errors } = await openKiosk(browser, kiosk.url);
      await page.getByTestId('language-toggle').click();
      await expect.poll(() => page.locator('#start-prompt').textContent()).toBe('Show your points card');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await expectAccessible(page, 'start-en');

      await wedgeScan(page, card.qr);
      await page.getByTestId('screen-member').waitFor();
      expect(await page.getByTestId('greeting').textContent()).toMatch(/^Hello, /);
      await tile(page, '香皂').click();
      expect(await page.getByTestId('confirm').textContent()).toContain('Confirm');
      expect(await page.getByTestId('cart-total').textContent()).toContain('points');
      await expectAccessible(page, 'member-en');

      await page.getByTestId('language-toggle').click();
      expect(await page.getByTestId('confirm').textContent()).toContain('确认兑换');
      // Leaving resets the language for the next resident.
      await page.getByTestId('language-toggle').click();
      await page.getByTestId('exit').click();
      await expect.poll(() => page.locator('#start-prompt').textContent()).toBe('请出示积分卡');
      expect(errors).toEqual([]);
    });

    it('says so when the camera is refused, missing or unplugged, and the handheld scanner still works', async () => {
      const denied = await openKiosk(browser, kiosk.url, {
        initScript: `navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));`,
      });
      await expect.poll(() => denied.page.getByTestId('camera').getAttribute('data-status')).toBe('denied');
      expect(await denied.page.getByTestId('camera-problem').textContent()).toContain('摄像头没有打开权限');
      await expectAccessible(denied.page, 'start-camera-denied');
      const card = freshCard();
      await wedgeScan(denied.page, card.qr);
      await denied.page.getByTestId('screen-member').waitFor();

      const missing = await openKiosk(browser, kiosk.url, {
        initScript: `navigator.mediaDevices.enumerateDevices = () => Promise.resolve([]);`,
      });
      await expect.poll(() => missing.page.getByTestId('camera').getAttribute('data-status')).toBe('noCamera');
      expect(await missing.page.getByTestId('camera-problem').textContent()).toContain('没有找到摄像头');

      const unplugged = await openKiosk(browser, kiosk.url);
      await expect.poll(() => unplugged.page.getByTestId('camera').getAttribute('data-status')).toBe('running');
      await unplugged.page.evaluate(() => {
        const video = document.querySelector('[data-testid="camera"] video') as HTMLVideoElement;
        for (const track of (video.srcObject as MediaStream).getVideoTracks()) track.dispatchEvent(new Event('ended'));
      });
      await expect.poll(() => unplugged.page.getByTestId('camera').getAttribute('data-status')).toBe('unplugged');
      expect(await unplugged.page.getByTestId('camera-problem').textContent()).toContain('摄像头已经断开');
      await expectAccessible(unplugged.page, 'start-camera-unplugged');
      expect([...denied.errors, ...missing.errors, ...unplugged.errors]).toEqual([]);
    });

    it('shows "reconnecting" while the server is down and carries on when it is back', async () => {
      const own = await startKiosk();
      let restarted: Kiosk | undefined;
      try {
        const card = own.cards()[0]!;
        const { page, errors } = await openKiosk(browser, own.url);
        await page.getByTestId('screen-start').waitFor();
        await own.kill();
        await page.getByTestId('reconnecting').waitFor({ timeout: 15_000 });
        // A card read meanwhile is kept and used once the server answers.
        await wedgeScan(page, card.qr);
        await page.getByTestId('pending-scan').waitFor();
        expect(await page.getByTestId('reconnecting').textContent()).toContain('连上后会自动继续');
        await expectAccessible(page, 'reconnecting');

        const port = new URL(own.url).port;
        restarted = await startKiosk({ dataDir: own.dataDir, env: { PORT: port } });
        await page.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: 20_000 });
        await page.getByTestId('screen-member').waitFor({ timeout: 10_000 });
        expect(await balanceOnScreen(page)).toBe(card.balance);
        expect(errors).toEqual([]);
      } finally {
        await restarted?.stop();
        await own.stop();
      }
    }, 240_000);

    it('rejects an unknown card in plain words', async () => {
      const { page, errors } = await openKiosk(browser, kiosk.url);
      await page.getByTestId('screen-start').waitFor();
      await wedgeScan(page, 'PSK1.00000000.1234567890.' + 'A'.repeat(86));
      await page.getByTestId('notice').waitFor();
      expect(await page.getByTestId('notice-text').textContent()).toBe('这张卡不能使用，请找志愿者帮忙。');
      await expectAccessible(page, 'error-card-invalid');
      expect(errors).toEqual([]);
    });
  },
);
