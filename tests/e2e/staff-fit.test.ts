import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { ADMIN_PIN, type DemoCard, type Kiosk, startKiosk } from '../support/kiosk';
import { closePages, findChromium, launch, LANDSCAPE, PORTRAIT, SCREENS_DIR, TABLET, UI_DIST } from './browser';
import { expectAccessible, openScreen, signInAt, staffScan, typeOnPad } from './staff-console';

/*
 * Every store screen of the staff console fits the monitors stores have: after the step that shows
 * it (a member found, a product chosen), the screen's main action is on screen without scrolling at
 * 1280×800 (small touch monitors), 1920×1080 and 1080×1920 (the kiosk). "On screen" means inside
 * the viewport, the page not scrolled, and the button itself the topmost thing at its centre (no
 * toast, bar or clipping panel over it). Each is saved at 1280×800 (staff-fit-*) and checked with axe.
 */

const CHROMIUM = findChromium();

interface Product {
  id: string;
  name: string;
  stock: number;
  lowStockThreshold: number;
}

const SIZES = { tablet: TABLET, landscape: LANDSCAPE, portrait: PORTRAIT } as const;

/** Where the action is at each size when it is not reachable without scrolling; empty when it is. */
async function unreachable(page: Page, testid: string): Promise<string[]> {
  const problems: string[] = [];
  for (const [label, size] of Object.entries(SIZES)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    const target = page.getByTestId(testid).first();
    const box = await target.boundingBox();
    const visible = await target.isVisible();
    const scrolled = await page.evaluate(() => window.scrollY + (document.scrollingElement?.scrollTop ?? 0));
    const inside =
      !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
    // The button itself is what a finger at its centre touches: nothing covers or clips it.
    const topmost =
      !!box &&
      (await target.evaluate(
        (element, point) => {
          const hit = document.elementFromPoint(point.x, point.y);
          return !!hit && (hit === element || element.contains(hit));
        },
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      ));
    // A toast lets taps through, but a button under it cannot be read.
    const toasts = page.getByTestId('staff-toast');
    const toast = (await toasts.count()) > 0 ? await toasts.first().boundingBox() : null;
    const underToast =
      !!box &&
      !!toast &&
      toast.x < box.x + box.width &&
      box.x < toast.x + toast.width &&
      toast.y < box.y + box.height &&
      box.y < toast.y + toast.height;
    if (!visible || !inside || scrolled !== 0 || !topmost || underToast) {
      problems.push(
        `${testid} at ${label} ${size.width}×${size.height}: ` +
          (box
            ? `box ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`
            : 'no box') +
          `${visible ? '' : ', hidden'}${scrolled ? `, page scrolled ${scrolled}` : ''}${topmost ? '' : ', covered'}` +
          `${underToast ? ', under the toast' : ''}`,
      );
    }
  }
  await page.setViewportSize(TABLET);
  return problems;
}

describe.skipIf(!CHROMIUM)(
  `staff console fits 1280×800, 1920×1080 and 1080×1920, in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium)'}`,
  () => {
    let kiosk: Kiosk;
    let api: Api;
    let admin: Api;
    let browser: Browser;
    let cards: DemoCard[];
    let page: Page;
    let errors: string[];

    const products = async () => (await admin.get<Product[]>('/api/products')).body;

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      mkdirSync(SCREENS_DIR, { recursive: true });
      kiosk = await startKiosk({ env: { PRINTER: 'file' } });
      api = new Api(kiosk.url);
      admin = await api.staff('admin');
      cards = kiosk.cards();
      browser = await launch(CHROMIUM!);
    });

    afterEach((context) => closePages(browser, context.task, 'staff-fit-'));

    afterAll(async () => {
      await browser?.close();
      await kiosk?.stop();
    });

    /** Signed in as admin (who sees every store screen) on `id`, at 1280×800. */
    async function open(id: string): Promise<void> {
      ({ page, errors } = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN));
      await page.setViewportSize(TABLET);
      await openScreen(page, id);
    }

    /** The action reachable at the three sizes; the screen saved at 1280×800 and checked with axe. */
    async function expectFits(name: string, testid: string): Promise<void> {
      expect(await unreachable(page, testid)).toEqual([]);
      await page.screenshot({ path: join(SCREENS_DIR, `staff-fit-${name}-1280x800.png`), animations: 'disabled' });
      await expectAccessible(page, `fit-${name}`);
      expect(errors).toEqual([]);
    }

    /** The search field's example is not cut off at any of the three sizes. */
    async function expectWholePlaceholder(testid: string): Promise<void> {
      for (const size of Object.values(SIZES)) {
        await page.setViewportSize(size);
        // The placeholder's width in the input's own font, against the room the input has for text.
        const room = await page.getByTestId(testid).evaluate((input: HTMLInputElement) => {
          const style = getComputedStyle(input);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = style.font;
          const inner = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return inner - context.measureText(input.placeholder).width;
        });
        expect(room, `${testid} placeholder room at ${size.width}×${size.height}`).toBeGreaterThanOrEqual(0);
      }
      await page.setViewportSize(TABLET);
    }

    async function findMember(finder: string, card: DemoCard): Promise<void> {
      await page.getByTestId(`${finder}-search`).fill(card.name);
      await page.getByTestId(`${finder}-go`).click();
      await page.getByTestId(`${finder}-match`).filter({ hasText: card.name }).first().click();
    }

    it('Receive goods: a product chosen, the quantity typed — the receive button', async () => {
      await open('receive');
      await page.locator('[data-testid="pick-product"]').first().click();
      await typeOnPad(page, 'quantity', '12');
      await expectFits('receive', 'receive-submit');
    });

    it('Stocktake: a product being counted — its buttons and the review; the review — the save button', async () => {
      await open('stocktake');
      await page.getByTestId('stocktake-row').first().click();
      await page.getByTestId('stocktake-same').click();
      await page.getByTestId('stocktake-row').nth(1).click();
      await typeOnPad(page, 'count', '0');
      await expectFits('stocktake', 'stocktake-same');
      expect(await unreachable(page, 'stocktake-review')).toEqual([]);
      await page.getByTestId('stocktake-review').click();
      await page.getByTestId('stocktake-review-step').waitFor();
      await expectFits('stocktake-review', 'stocktake-save');
    });

    it('Low stock: the receive button of the first product running low', async () => {
      const soy = (await products()).find((p) => p.name.startsWith('酱油'))!;
      expect(soy.stock).toBeLessThanOrEqual(soy.lowStockThreshold);
      await open('low-stock');
      await page.getByTestId('low-stock-row').first().waitFor();
      await expectFits('low-stock', 'low-stock-receive');
    });

    /** A bar of soap redeemed by a resident with points to spare; its receipt number. */
    async function redeemSoap(key: string): Promise<string> {
      const card = cards.find((c) => c.balance >= 10)!;
      const soap = (await products()).find((p) => p.name.startsWith('香皂'))!;
      const { api: resident } = await api.resident(card.qr);
      const bought = await resident.post<{ receiptNo: string }>(
        '/api/redemptions',
        { items: [{ productId: soap.id, quantity: 1 }] },
        { 'idempotency-key': `e2e-fit-${key}` },
      );
      expect(bought.status).toBe(201);
      await resident.delete('/api/sessions/current');
      return bought.body.receiptNo;
    }

    it('Reprint: a receipt found — the print button', async () => {
      const receiptNo = await redeemSoap('reprint');
      await open('reprint');
      await typeOnPad(page, 'receipt-digits', String(Number(receiptNo.split('-').pop())));
      expect(await unreachable(page, 'reprint-find')).toEqual([]);
      await page.getByTestId('reprint-find').click();
      await page.getByTestId('reprint-receipt').waitFor();
      await expectFits('reprint', 'reprint-print');
    });

    it('Help a resident: a card scanned — the balance', async () => {
      const card = cards.find((c) => c.balance > 0)!;
      await open('help');
      await staffScan(page, card.qr, () => page.getByTestId('help-member').isVisible());
      await expectFits('help', 'help-balance');
    });

    it('Members: the search placeholder whole; registering — its button; registered — the card reissue beside the toast', async () => {
      await open('members');
      await expectWholePlaceholder('members-search');
      await page.getByTestId('members-register').click();
      await page.getByTestId('members-register-form').waitFor();
      await page.getByTestId('register-name').fill('适配测试');
      await expectFits('members-register', 'register-submit');
      await page.getByTestId('register-submit').click();
      await page.getByTestId('staff-toast').waitFor();
      await page.getByTestId('card-reissue').waitFor();
      await expectFits('members', 'card-reissue');
    });

    it('Award or deduct: a member found, an activity chosen — the award button; awarded — no "0 points"', async () => {
      await open('points');
      await expectWholePlaceholder('points-finder-search');
      await findMember('points-finder', cards[0]!);
      await page.getByTestId('points-activity').first().click();
      await expectFits('points', 'points-submit');
      await page.getByTestId('points-submit').click();
      await page.getByTestId('points-result').waitFor();
      expect(await page.getByTestId('points-submit').textContent()).toContain('请输入分数');
      expect(await page.getByTestId('points-submit').textContent()).not.toContain('加 0 分');
    });

    it('Event check-in: an activity chosen — the start button; scanning — the close button, the date in the title whole', async () => {
      await open('check-in');
      await page.getByTestId('check-in-activity').first().click();
      await expectFits('check-in', 'check-in-start');
      await page.getByTestId('check-in-start').click();
      await page.getByTestId('check-in-count').waitFor();
      await expectFits('check-in-scanning', 'check-in-close');
      for (const size of Object.values(SIZES)) {
        await page.setViewportSize(size);
        // The name ends in the date (2026-11-28): one line box for it, not "2026-" and "11-28".
        const title = page.getByTestId('check-in-event');
        expect(await title.textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
        expect(
          await title.evaluate((heading) => {
            const range = document.createRange();
            const date = [...heading.querySelectorAll('span')].find((span) => /\d{4}-/.test(span.textContent ?? ''));
            if (!date) return -1;
            range.selectNodeContents(date);
            return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
          }),
          `date lines at ${size.width}×${size.height}`,
        ).toBe(1);
      }
      await page.setViewportSize(TABLET);
    });

    it('Redemptions: one chosen — the void button; voiding — the confirmation', async () => {
      const receiptNo = await redeemSoap('redemptions');
      await open('redemptions');
      await page.getByTestId('redemptions-row').filter({ hasText: receiptNo }).click();
      await page.getByTestId('redemptions-detail').waitFor();
      await expectFits('redemptions', 'redemptions-void');
      await page.getByTestId('redemptions-void').click();
      await page.getByTestId('void-reason').getByRole('button').first().click();
      await expectFits('redemptions-void', 'redemptions-void-confirm');
    });

    it('Ranking: the PDF button', async () => {
      await open('ranking');
      await page.getByTestId('ranking-table').waitFor();
      await expectFits('ranking', 'ranking-pdf');
    });

    /** A checkbox is a touch target of its own: at least 60 px each way. */
    async function expectLargeCheckbox(testid: string): Promise<void> {
      const box = await page.getByTestId(testid).boundingBox();
      expect(box?.width, testid).toBeGreaterThanOrEqual(60);
      expect(box?.height, testid).toBeGreaterThanOrEqual(60);
    }

    it('Catalogue: a product chosen — the save button; the on-sale box a full target', async () => {
      await open('catalog');
      await page.getByTestId('catalog-row').first().click();
      await expect.poll(() => page.getByTestId('catalog-name').inputValue()).not.toBe('');
      await expectFits('catalog', 'catalog-save');
      await expectLargeCheckbox('catalog-active');
    });

    it('Rules: the save button; the name-on-card box a full target', async () => {
      await open('settings');
      await page.getByTestId('settings-form').waitFor();
      await expectFits('settings', 'settings-save');
      await expectLargeCheckbox('settings-show-name');
    });

    it('Reports: the first export button', async () => {
      await open('reports');
      await page.getByTestId('reports-summary').waitFor();
      await expectFits('reports', 'reports-export-redemptions');
    });
  },
);
