import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { ADMIN_PIN, type Kiosk, startKiosk } from '../support/kiosk';
import { closePages, findChromium, launch, PORTRAIT, SCREENS_DIR, UI_DIST } from './browser';
import { expectAccessible, openScreen, signInAt, staffScan } from './staff-console';

/*
 * The change log in words, in real Chromium against the real server: a voided redemption by its
 * receipt number and status words, a member's move by household names, a product's picture
 * replaced, an event by its activity; paging newest first and filters by who, what and day; in
 * Chinese and in English. Screens are saved at the three sizes (staff-audit-*) and checked with axe.
 */

const CHROMIUM = findChromium();

interface Product {
  id: string;
  name: string;
}

describe.skipIf(!CHROMIUM)(
  `staff change log in words, with paging and filters, in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium)'}`,
  () => {
    let kiosk: Kiosk;
    let api: Api;
    let admin: Api;
    let adminToken: string;
    let browser: Browser;
    let adminName: string;
    let receiptNo: string;
    let eggs: Product;
    let activityName: string;
    let residentQr: string;
    let revokedQr: string;

    const entries = (page: Page) => page.getByTestId('audit-entry');
    const entry = (page: Page, action: string, id: string) =>
      page.locator(`[data-testid="audit-entry"][data-action="${action}"][data-entity-id="${id}"]`);

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      kiosk = await startKiosk({ env: { PRINTER: 'file' } });
      api = new Api(kiosk.url);
      const session = await api.post<{ token: string }>('/api/staff/sessions', { username: 'admin', pin: ADMIN_PIN });
      adminToken = session.body.token;
      admin = api.as(adminToken);
      browser = await launch(CHROMIUM!);

      const created = async (name: string) => {
        const response = await admin.post<Product>('/api/products', {
          name,
          category: '测试',
          pricePoints: 5,
          stock: 20,
        });
        expect(response.status, response.text).toBe(201);
        return response.body;
      };
      // More than a page (30) of changes, the older ones first.
      for (let i = 1; i <= 32; i++) await created(`翻页商品${i}`);
      eggs = await created('鸡蛋 10 个');

      // A redemption by a demo resident, then voided.
      const card = kiosk.cards().find((c) => c.balance >= 5)!;
      residentQr = card.qr;
      const resident = await api.resident(card.qr);
      const bought = await resident.api.post<{ id: string; receiptNo: string }>(
        '/api/redemptions',
        { items: [{ productId: eggs.id, quantity: 1 }] },
        { 'idempotency-key': `audit-e2e-${Date.now()}` },
      );
      expect(bought.status, bought.text).toBe(201);
      receiptNo = bought.body.receiptNo;
      const voided = await admin.post(`/api/redemptions/${bought.body.id}/void`, { reason: '退货' });
      expect(voided.status, voided.text).toBe(200);

      // A member moved between households.
      const register = async (name: string, household: string) => {
        const response = await admin.post<{ member: { id: string }; account: { id: string } }>('/api/members', {
          name,
          household,
        });
        expect(response.status, response.text).toBe(201);
        return response.body;
      };
      const leaving = await register('李四', '东楼1栋101');
      await register('李五', '东楼1栋101');
      const target = await register('赵六', '西楼2栋202');
      const moved = await admin.post(`/api/members/${leaving.member.id}/move`, { accountId: target.account.id });
      expect(moved.status, moved.text).toBe(200);
      // A card cancelled (lost).
      const lost = await admin.post<{ card: { cardNo: string; qr: string } }>('/api/members', { name: '丢卡人' });
      expect(lost.status, lost.text).toBe(201);
      revokedQr = lost.body.card.qr;
      const revoked = await admin.post(`/api/cards/${lost.body.card.cardNo}/revoke`, { reason: '丢失' });
      expect(revoked.status, revoked.text).toBe(200);

      // A picture for the eggs.
      const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#e0b040' } })
        .png()
        .toBuffer();
      const upload = await fetch(`${kiosk.url}/api/products/${eggs.id}/image`, {
        method: 'PUT',
        headers: { 'content-type': 'image/png', authorization: `Bearer ${adminToken}` },
        body: png,
      });
      expect(upload.status, await upload.text()).toBe(200);

      // An event.
      const [activity] = (await admin.get<{ id: string; name: string }[]>('/api/activities')).body;
      activityName = activity!.name;
      const event = await admin.post('/api/events', { activityId: activity!.id, name: '清扫楼道' });
      expect(event.status, event.text).toBe(201);

      const actors = (await admin.get<{ actor: string; name: string }[]>('/api/audit/actors')).body;
      adminName = actors.find((actor) => actor.actor === 'staff:admin')!.name;
    });

    afterEach((context) => closePages(browser, context.task, 'staff-audit-'));

    afterAll(async () => {
      await browser?.close();
      await kiosk?.stop();
    });

    it('reads in words: receipt number and status, households, picture, activity, the staff member’s name', async () => {
      const { page, errors } = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);
      await openScreen(page, 'audit');
      await entries(page).first().waitFor();
      const text = (await page.getByTestId('screen-staff-audit').innerText()).replace(/\s+/g, ' ');
      // No raw values: statuses, ids, file names.
      expect(text).not.toMatch(/completed|voided|\.webp|\/images\/|staff:admin/);

      const voiding = entry(page, 'redemption.void', (await voidedId())!);
      const voidText = (await voiding.innerText()).replace(/\s+/g, ' ');
      expect(voidText).toContain('撤销兑换');
      expect(voidText).toContain(`兑换 小票 ${receiptNo}`);
      expect(voidText).toContain(`${adminName} 操作`);
      expect(await voiding.locator('[data-field="status"]').innerText()).toMatch(/状态\s+已完成\s+→\s+已作废/);

      const move = page.locator('[data-testid="audit-entry"][data-action="member.move"]');
      expect((await move.innerText()).replace(/\s+/g, ' ')).toContain('居民 李四 · 西楼2栋202');
      expect(await move.locator('[data-field="accountName"]').innerText()).toMatch(/东楼1栋101\s+→\s+西楼2栋202/);
      expect(await move.locator('[data-field="accountId"]').count()).toBe(0);

      const picture = entry(page, 'product.image', eggs.id);
      expect(await picture.getByTestId('audit-subject').innerText()).toBe('商品 鸡蛋 10 个');
      expect(await picture.locator('[data-field="imageUrl"]').innerText()).toMatch(/图片\s+没有图片\s+→\s+已更换图片/);

      const event = page.locator('[data-testid="audit-entry"][data-action="event.create"]');
      expect(await event.locator('[data-field="activityId"]').innerText()).toMatch(
        new RegExp(`活动类别\\s+${activityName}`),
      );
      await expectAccessible(page, 'audit');
      expect(errors).toEqual([]);
    });

    it('pages newest first, 30 at a time, and back', async () => {
      const { page, errors } = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);
      await openScreen(page, 'audit');
      await entries(page).first().waitFor();
      const shownIds = () =>
        entries(page).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-entity-id')));
      const pageIds = async () => (await admin.get<{ entityId: string }[]>('/api/audit/changes?limit=500')).body;
      const ids = (await pageIds()).map((c) => c.entityId);
      expect(ids.length).toBeGreaterThan(30);

      expect(await shownIds()).toEqual(ids.slice(0, 30));
      expect(await page.getByTestId('audit-newer').isDisabled()).toBe(true);
      expect(await page.getByTestId('audit-page').innerText()).toBe('第 1 页');
      await page.getByTestId('audit-older').click();
      await expect.poll(() => page.getByTestId('audit-page').innerText()).toBe('第 2 页');
      expect(await shownIds()).toEqual(ids.slice(30, 60));
      expect(await page.getByTestId('audit-newer').isEnabled()).toBe(true);
      expect(await page.getByTestId('audit-older').isDisabled()).toBe(ids.length <= 60);
      await expectAccessible(page, 'audit-page-2');
      await page.getByTestId('audit-newer').click();
      await expect.poll(() => page.getByTestId('audit-page').innerText()).toBe('第 1 页');
      expect(await shownIds()).toEqual(ids.slice(0, 30));
      expect(errors).toEqual([]);
    });

    it('filters by what, who and day, and says when nothing matches', async () => {
      const { page, errors } = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);
      await openScreen(page, 'audit');
      await entries(page).first().waitFor();

      await page.getByTestId('audit-what').selectOption('redemption');
      await expect.poll(() => entries(page).count()).toBe(1);
      expect(await entries(page).first().getAttribute('data-action')).toBe('redemption.void');
      expect(await page.getByTestId('audit-page').count()).toBe(0); // one page only: no pager

      await page.getByTestId('audit-what').selectOption('');
      await page.getByTestId('audit-who').selectOption({ label: adminName });
      await expect.poll(() => page.getByTestId('audit-page').count()).toBe(1);
      expect(await entries(page).count()).toBe(30);

      const today = await page.evaluate(() => {
        const now = new Date();
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
      });
      await page.getByTestId('audit-day').fill(today);
      await page.getByTestId('audit-day').dispatchEvent('change');
      await expect.poll(() => entries(page).count()).toBe(30);
      await page.getByTestId('audit-day').fill('2020-01-01');
      await page.getByTestId('audit-day').dispatchEvent('change');
      await page.getByTestId('audit-none').waitFor();
      expect(await page.getByTestId('audit-none').innerText()).toBe('没有符合筛选的修改记录。');
      await expectAccessible(page, 'audit-filtered-none');

      await page.getByTestId('audit-clear').click();
      await expect.poll(() => entries(page).count()).toBe(30);
      expect(errors).toEqual([]);
    });

    it('reads in English too, and the top bar stays on one line at 1080 px', async () => {
      const { page, errors } = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);
      await openScreen(page, 'audit');
      await entries(page).first().waitFor();
      await page.getByTestId('language-toggle').click();
      await page.getByText('Change log').first().waitFor();
      const voiding = entry(page, 'redemption.void', (await voidedId())!);
      const voidText = (await voiding.innerText()).replace(/\s+/g, ' ');
      expect(voidText).toContain('Redemption voided');
      expect(voidText).toContain(`Redemption Receipt ${receiptNo}`);
      expect(await voiding.locator('[data-field="status"]').innerText()).toMatch(/Status\s+Completed\s+→\s+Voided/);
      const picture = entry(page, 'product.image', eggs.id);
      expect(await picture.locator('[data-field="imageUrl"]').innerText()).toMatch(
        /Picture\s+No picture\s+→\s+Picture replaced/,
      );
      await expectAccessible(page, 'audit-en');

      await page.setViewportSize(PORTRAIT);
      const bar = page.getByTestId('staff-bar');
      const home = await page.getByTestId('staff-home').boundingBox();
      const signOut = await page.getByTestId('staff-sign-out').boundingBox();
      // One line: the sign-out button sits level with the home button.
      expect(Math.abs(signOut!.y - home!.y)).toBeLessThan(20);
      expect((await bar.boundingBox())!.height).toBeLessThan(130);
      await page.screenshot({
        path: join(SCREENS_DIR, 'staff-audit-en-bar-1080.png'),
        clip: { x: 0, y: 0, width: 1080, height: 200 },
      });
      // The longest English title of a store's screens, too, whole.
      await page.getByTestId('staff-home').click();
      await openScreen(page, 'members');
      expect(await page.getByTestId('staff-title').innerText()).toBe('Members and cards');
      expect(await page.getByTestId('staff-title').evaluate((title) => title.scrollWidth <= title.clientWidth)).toBe(
        true,
      );
      expect((await bar.boundingBox())!.height).toBeLessThan(130);
      await page.screenshot({
        path: join(SCREENS_DIR, 'staff-audit-en-bar-members-1080.png'),
        clip: { x: 0, y: 0, width: 1080, height: 200 },
      });
      await page.getByTestId('language-toggle').click();
      expect(errors).toEqual([]);
    });

    it('help a resident: a passbook line names its kind once; a cancelled card is explained to staff', async () => {
      const { page, errors } = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);
      await openScreen(page, 'help');
      await staffScan(page, residentQr, () => page.getByTestId('help-member').isVisible());
      const lines = async () =>
        (await page.getByTestId('help-entry').allInnerTexts()).map((line) => line.replace(/\s+/g, ' '));
      expect(await lines()).toEqual(
        expect.arrayContaining([
          expect.stringContaining('兑换 鸡蛋 10 个 ×1'),
          expect.stringContaining(`撤销兑换 ${receiptNo}：退货`),
        ]),
      );
      expect((await lines()).join('\n')).not.toContain('兑换 兑换');
      await page.getByTestId('language-toggle').click();
      await expect.poll(async () => (await lines()).join('\n')).toContain('Redeemed 鸡蛋 10 个 ×1');
      expect((await lines()).join('\n')).not.toContain('Redeemed 兑换');
      await page.getByTestId('language-toggle').click();

      await staffScan(page, revokedQr, () => page.getByTestId('help-error').isVisible());
      const problem = await page.getByTestId('help-error').innerText();
      expect(problem).toContain('这张卡已经作废');
      expect(problem).not.toContain('志愿者');
      await expectAccessible(page, 'audit-help-cancelled-card');
      expect(errors).toEqual([]);
    });

    async function voidedId(): Promise<string | undefined> {
      const changes = (await admin.get<{ entityId: string }[]>('/api/audit/changes?entity=redemption')).body;
      return changes[0]?.entityId;
    }
  },
);
