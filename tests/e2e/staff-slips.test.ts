import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { ADMIN_PIN, type DemoCard, type Kiosk, startKiosk, VOLUNTEER_PIN } from '../support/kiosk';
import { closePages, findChromium, launch, UI_DIST } from './browser';
import { expectAccessible, openScreen, signInAt, typeOnPad } from './staff-console';

/*
 * Guards against slips at the counter, in real Chromium against the real server: a delivery far
 * above the usual, a large award or deduction and large points per person at an event are asked
 * about once more with the number in words; registering into an existing household names its
 * members and asks first. Outcomes are checked through the API: a cancelled question books nothing.
 */

const CHROMIUM = findChromium();

interface Product {
  id: string;
  name: string;
  stock: number;
}

interface Lookup {
  member: { id: string; displayName: string };
  account: { id: string; balance: number };
}

interface ListedMember {
  id: string;
  name: string;
  household: string | null;
  account: { id: string; kind: string; name: string; balance: number };
}

describe.skipIf(!CHROMIUM)(
  `staff console slip guards, in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium at CHROMIUM_PATH, /usr/bin/chromium or Playwright’s own)'}`,
  () => {
    let kiosk: Kiosk;
    let admin: Api;
    let browser: Browser;
    let cards: DemoCard[];

    const product = async (prefix: string) => {
      const found = (await admin.get<Product[]>('/api/products')).body.find((p) => p.name.startsWith(prefix));
      if (!found) throw new Error(`no product ${prefix}`);
      return found;
    };
    const lookup = async (qr: string) => (await admin.post<Lookup>('/api/members/lookup', { qr })).body;
    const members = async (q: string) =>
      (await admin.get<ListedMember[]>(`/api/members?q=${encodeURIComponent(q)}&limit=100`)).body;

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      kiosk = await startKiosk({ env: { PRINTER: 'file' } });
      admin = await new Api(kiosk.url).staff('admin');
      cards = kiosk.cards();
      browser = await launch(CHROMIUM!);
    });

    afterEach((context) => closePages(browser, context.task, 'staff-slips-'));

    afterAll(async () => {
      await browser?.close();
      await kiosk?.stop();
    });

    async function pickProduct(page: Page, id: string): Promise<void> {
      await page.locator(`[data-testid="pick-product"][data-product-id="${id}"]`).click();
    }

    it('receiving 9999 asks with the number in words; cancel books nothing, yes books it; 100 is booked at once', async () => {
      const towel = await product('毛巾');
      const { page, errors } = await signInAt(browser, kiosk.url, 'volunteer', VOLUNTEER_PIN);
      await openScreen(page, 'receive');

      await pickProduct(page, towel.id);
      await typeOnPad(page, 'quantity', '9999');
      await page.getByTestId('receive-submit').click();
      const question = page.getByTestId('receive-confirm');
      await question.waitFor();
      expect(await question.textContent()).toContain('确认入库 9999 件？（九千九百九十九件）');
      expect(await question.textContent()).toContain(`库存 ${towel.stock} → ${towel.stock + 9999} 件`);
      await expectAccessible(page, 'slips-receive-confirm');

      await page.getByTestId('receive-confirm-no').click();
      expect(await question.count()).toBe(0);
      expect((await product('毛巾')).stock).toBe(towel.stock);

      // In English the number is spelled out in English.
      await page.getByTestId('language-toggle').click();
      await page.getByTestId('receive-submit').click();
      expect(await question.textContent()).toContain(
        'Add 9999 units to stock? (nine thousand nine hundred and ninety-nine units)',
      );
      await page.getByTestId('language-toggle').click();

      // Another quantity typed drops the question: it is never answered for a number not shown.
      await typeOnPad(page, 'quantity', '999');
      expect(await question.count()).toBe(0);
      await page.getByTestId('receive-submit').click();
      expect(await question.textContent()).toContain('（九百九十九件）');
      await page.getByTestId('receive-confirm-yes').click();
      await page.getByTestId('receive-result').waitFor();
      expect((await product('毛巾')).stock).toBe(towel.stock + 999);

      // The threshold itself (100) is usual: booked without a question.
      await pickProduct(page, towel.id);
      await typeOnPad(page, 'quantity', '100');
      await page.getByTestId('receive-submit').click();
      await expect.poll(async () => (await product('毛巾')).stock).toBe(towel.stock + 1099);
      expect(await question.count()).toBe(0);
      expect(errors).toEqual([]);
    });

    it('the threshold is a store rule: set on the Rules screen, Receive goods follows it', async () => {
      const towel = await product('毛巾');
      const admin1 = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);
      await openScreen(admin1.page, 'settings');
      const field = admin1.page.getByTestId('settings-large-quantity');
      await expect.poll(() => field.inputValue()).toBe('100');
      await field.fill('1000');
      await admin1.page.getByTestId('settings-save').click();
      await expect.poll(() => admin1.page.getByTestId('settings-state').getAttribute('data-state')).toBe('saved');
      expect((await admin.get<{ largeQuantity: number }>('/api/settings')).body.largeQuantity).toBe(1000);

      const { page, errors } = await signInAt(browser, kiosk.url, 'volunteer', VOLUNTEER_PIN);
      await openScreen(page, 'receive');
      await page.locator('[data-testid="screen-staff-receive"][data-large-quantity="1000"]').waitFor();
      await pickProduct(page, towel.id);
      await typeOnPad(page, 'quantity', '999');
      await page.getByTestId('receive-submit').click();
      await page.getByTestId('receive-result').waitFor();
      expect(await page.getByTestId('receive-confirm').count()).toBe(0);
      expect((await product('毛巾')).stock).toBe(towel.stock + 999);
      await pickProduct(page, towel.id);
      await typeOnPad(page, 'quantity', '1001');
      await page.getByTestId('receive-submit').click();
      expect(await page.getByTestId('receive-confirm').textContent()).toContain('（一千零一件）');
      expect((await admin.patch('/api/settings', { largeQuantity: 100 })).status).toBe(200);
      expect(admin1.errors).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('an award above 50 points asks with the number in words; cancel records nothing, yes records it', async () => {
      const card = cards.find((c) => !c.household)!;
      const before = await lookup(card.qr);
      const { page, errors } = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);
      await openScreen(page, 'points');
      await page.getByTestId('points-finder-search').fill(card.name);
      await page.getByTestId('points-finder-go').click();
      await page.getByTestId('points-finder-match').filter({ hasText: card.name }).first().click();
      await page.getByTestId('points-activity-other').click();
      await page.getByTestId('points-note').getByRole('button', { name: '社区活动' }).click();
      await typeOnPad(page, 'points-amount', '60');
      await page.getByTestId('points-submit').click();
      const question = page.getByTestId('points-confirm');
      await question.waitFor();
      expect(await question.textContent()).toContain(`加 60 分？（六十分）`);
      await expectAccessible(page, 'slips-points-confirm');

      await page.getByTestId('points-confirm-no').click();
      expect(await question.count()).toBe(0);
      expect((await lookup(card.qr)).account.balance).toBe(before.account.balance);

      await page.getByTestId('points-submit').click();
      await page.getByTestId('points-confirm-yes').click();
      await page.getByTestId('points-result').waitFor();
      expect((await lookup(card.qr)).account.balance).toBe(before.account.balance + 60);

      // A deduction above the threshold asks too.
      await page.getByTestId('points-deduct').click();
      await page.getByTestId('points-activity-other').click();
      await page.getByTestId('points-note').getByRole('button').first().click();
      await typeOnPad(page, 'points-amount', '55');
      await page.getByTestId('points-submit').click();
      expect(await question.textContent()).toContain(`扣 55 分？（五十五分）`);
      await page.getByTestId('points-confirm-no').click();
      expect((await lookup(card.qr)).account.balance).toBe(before.account.balance + 60);
      expect(errors).toEqual([]);
    });

    it('an event with more than 50 points per person asks before it starts', async () => {
      const { page, errors } = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);
      await openScreen(page, 'check-in');
      await page.getByTestId('check-in-activity').first().click();
      await typeOnPad(page, 'check-in-points', '80');
      await page.getByTestId('check-in-start').click();
      const question = page.getByTestId('check-in-confirm');
      await question.waitFor();
      expect(await question.textContent()).toContain('确认每人加 80 分？（八十分）');
      await page.getByTestId('check-in-confirm-no').click();
      expect(await page.getByTestId('check-in-count').count()).toBe(0);
      await page.getByTestId('check-in-start').click();
      await page.getByTestId('check-in-confirm-yes').click();
      await page.getByTestId('check-in-count').waitFor();
      expect(await page.getByTestId('screen-staff-check-in').textContent()).toContain('每人 80 分');
      expect(errors).toEqual([]);
    });

    it('registering into an existing household names its members and asks; no registers nothing, yes joins it', async () => {
      const household = (await members('')).find((m) => m.account.kind === 'household')!;
      expect(household).toBeDefined();
      const label = household.account.name;
      const family = (await members(label)).filter((m) => m.account.kind === 'household' && m.account.name === label);
      const { page, errors } = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);
      await openScreen(page, 'members');
      await page.getByTestId('members-register').click();
      await page.getByTestId('register-name').fill('滑手测试');
      await page.getByTestId('register-household').fill(label);
      await page.getByTestId('register-submit').click();

      const question = page.getByTestId('register-join');
      await question.waitFor();
      const asked = (await question.textContent()) ?? '';
      expect(asked).toContain(`户号“${label}”已经有人登记了`);
      for (const member of family) expect(asked).toContain(member.name);
      expect(asked).toContain(`共用 ${household.account.balance} 分`);
      await expectAccessible(page, 'slips-household-join');

      await page.getByTestId('register-join-no').click();
      expect(await question.count()).toBe(0);
      expect(await members('滑手测试')).toEqual([]);

      await page.getByTestId('register-submit').click();
      await page.getByTestId('register-join-yes').click();
      await page.getByTestId('members-detail').waitFor();
      const [joined] = await members('滑手测试');
      expect(joined?.account.id).toBe(household.account.id);

      // A household label nobody has yet is registered without a question.
      await page.getByTestId('members-register').click();
      await page.getByTestId('register-name').fill('新户测试');
      await page.getByTestId('register-household').fill('99栋9901');
      await page.getByTestId('register-submit').click();
      await page.getByTestId('members-detail').waitFor();
      const [alone] = await members('新户测试');
      expect(alone?.account).toMatchObject({ kind: 'household', name: '99栋9901' });
      expect(errors).toEqual([]);
    });
  },
);
