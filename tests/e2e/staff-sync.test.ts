import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { type Hub, startHub, startStoreKiosk, type StoreKiosk } from '../support/district';
import { ADMIN_PIN } from '../support/kiosk';
import { closePages, findChromium, launch, openKiosk, PORTRAIT, UI_DIST } from './browser';
import { expectAccessible, openScreen, signInAt, staffScan } from './staff-console';

/*
 * The district sync's screens in real Chromium against a real hub and real kiosks (separate
 * processes, built UI): the hub's console makes a kiosk and shows its enrolment code; the kiosk's
 * admin types that code on the Sync screen, syncs, and is told in words when the hub is gone; the
 * hub switches a kiosk off; an overdraft made by two offline counters is decided on the hub.
 * Screens are saved at the three kiosk sizes (staff-sync-*) and checked with axe-core.
 */

const CHROMIUM = findChromium();
const STORE = '幸福社区积分超市';

/** The text of a test id once it is on screen. */
async function textOf(page: Page, testid: string): Promise<string> {
  const element = page.getByTestId(testid);
  await element.first().waitFor();
  return (await element.first().textContent())?.trim() ?? '';
}

/** The home menu's tiles, by screen id. */
async function menuTiles(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid^="staff-menu-"]', (tiles) =>
    tiles.map((tile) => tile.getAttribute('data-testid')!.replace('staff-menu-', '')),
  );
}

describe.skipIf(!CHROMIUM)(
  `staff console, district sync screens, in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium at CHROMIUM_PATH, /usr/bin/chromium or Playwright’s own)'}`,
  () => {
    let hub: Hub;
    let kiosk: StoreKiosk;
    let browser: Browser;
    const started: { stop: () => Promise<void> }[] = [];

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      hub = await startHub();
      started.push(hub.server);
      // Waits for its code at the console; the hub already lists it as waiting for enrolment.
      kiosk = await startStoreKiosk(hub, { store: STORE, name: '1号柜台', id: 'UISYNC1', codeAtConsole: true });
      started.push(kiosk.server);
      browser = await launch(CHROMIUM!);
    });

    afterEach((context) => closePages(browser, context.task, 'staff-sync-'));

    afterAll(async () => {
      await browser?.close();
      await Promise.all(started.map((server) => server.stop()));
    });

    it('hub makes a kiosk; the kiosk enrols with the code on screen, syncs, says in words when the hub is gone; the hub switches it off', async () => {
      // The hub's console: its own menu, none of the store's screens.
      const atHub = await signInAt(browser, hub.server.url, 'admin', ADMIN_PIN);
      await atHub.page.getByTestId('staff-menu-hub-kiosks').waitFor();
      const hubTiles = await menuTiles(atHub.page);
      expect(hubTiles).toEqual([
        'hub-my-pin',
        'hub-kiosks',
        'hub-overdrafts',
        'hub-ranking',
        'hub-settlement',
        'hub-staff',
      ]);
      await expectAccessible(atHub.page, 'sync-hub-home');

      await openScreen(atHub.page, 'hub-kiosks');
      const waiting = atHub.page.locator('[data-testid="hub-kiosk"][data-name="1号柜台"]');
      await waiting.waitFor();
      expect(await waiting.getAttribute('data-state')).toBe('waiting');
      expect(await waiting.textContent()).toContain('等待登记');

      // A new kiosk of the existing store: the store is one tap, the name typed.
      await atHub.page.getByTestId('hub-store-choice').filter({ hasText: STORE }).click();
      expect(await atHub.page.getByTestId('hub-create-store').inputValue()).toBe(STORE);
      await expectAccessible(atHub.page, 'sync-hub-kiosks');
      await atHub.page.getByTestId('hub-create-name').fill('2号柜台');
      await atHub.page.getByTestId('hub-create').click();
      const code = await textOf(atHub.page, 'hub-enrolment-code');
      expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      const fontSize = await atHub.page
        .getByTestId('hub-enrolment-code')
        .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(48);
      expect(await textOf(atHub.page, 'hub-enrolment-expires')).toContain('有效期到');
      if (await atHub.page.getByTestId('hub-enrolment-qr').count()) {
        const shown = await atHub.page
          .getByTestId('hub-enrolment-qr')
          .evaluate((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0);
        expect(shown).toBe(true);
      }
      await expectAccessible(atHub.page, 'sync-hub-code');
      await atHub.page.getByTestId('hub-create-another').click();
      const second = atHub.page.locator('[data-testid="hub-kiosk"][data-name="2号柜台"]');
      expect(await second.getAttribute('data-state')).toBe('waiting');

      // The kiosk: not enrolled yet; the code goes into the big field (the hub's address is known).
      const atKiosk = await signInAt(browser, kiosk.server.url, 'admin', ADMIN_PIN);
      expect(await menuTiles(atKiosk.page)).toContain('sync');
      expect(await menuTiles(atKiosk.page)).not.toContain('hub-kiosks');
      await openScreen(atKiosk.page, 'sync');
      const screen = atKiosk.page.getByTestId('screen-staff-sync');
      await atKiosk.page.locator('[data-testid="screen-staff-sync"][data-enrolled="false"]').waitFor();
      expect(await textOf(atKiosk.page, 'sync-enrolled')).toContain('还没有登记');
      expect(await atKiosk.page.getByTestId('sync-hub-url').count()).toBe(0);
      await expectAccessible(atKiosk.page, 'sync-kiosk-enrol');

      // A wrong code from the handheld scanner is refused in words, then the right one, typed, enrols.
      const invalid = atKiosk.page.locator('[data-testid="sync-outcome"][data-code="ENROLMENT_CODE_INVALID"]');
      await staffScan(atKiosk.page, 'AAAA-BBBB-CCCC', async () => (await invalid.count()) > 0);
      expect(await atKiosk.page.getByTestId('sync-code').inputValue()).toBe('AAAA-BBBB-CCCC');
      expect(await textOf(atKiosk.page, 'sync-outcome')).toContain('登记码不对');
      await atKiosk.page.getByTestId('sync-code').fill(code.toLowerCase());
      await atKiosk.page.getByTestId('sync-code').press('Enter');
      await atKiosk.page.locator('[data-testid="sync-outcome"][data-tone="ok"]').waitFor({ timeout: 30_000 });
      expect(await textOf(atKiosk.page, 'sync-outcome')).toContain(`登记成功：这台兑换机属于“${STORE}”`);
      await atKiosk.page.locator('[data-testid="screen-staff-sync"][data-enrolled="true"]').waitFor();
      expect(await textOf(atKiosk.page, 'sync-enrolled')).toContain('已登记');
      expect(await textOf(atKiosk.page, 'sync-store')).toBe(STORE);
      expect(await textOf(atKiosk.page, 'sync-name')).toBe('2号柜台');
      expect(await textOf(atKiosk.page, 'sync-last')).toBe('刚刚');

      // A round now: progress while it runs, then what travelled, in words.
      await atKiosk.page.getByTestId('sync-run').click();
      await atKiosk.page.locator('[data-testid="sync-outcome"][data-tone="ok"]').waitFor({ timeout: 30_000 });
      expect(await textOf(atKiosk.page, 'sync-outcome')).toMatch(/已同步：(上传 \d+ 条，收到 \d+ 条|两边的记录一样)/);
      expect(await screen.getAttribute('data-busy')).toBe('false');
      await expectAccessible(atKiosk.page, 'sync-kiosk-synced');
      await atKiosk.page.setViewportSize(PORTRAIT);
      expect(await atKiosk.page.getByTestId('sync-run').isVisible()).toBe(true);
      await atKiosk.page.setViewportSize({ width: 1920, height: 1080 });

      // The same screen in English.
      await atKiosk.page.getByTestId('language-toggle').click();
      await expect.poll(() => textOf(atKiosk.page, 'sync-run')).toBe('Sync now');
      expect(await textOf(atKiosk.page, 'sync-enrolled')).toContain('Enrolled');
      await atKiosk.page.getByTestId('language-toggle').click();
      await expect.poll(() => textOf(atKiosk.page, 'sync-run')).toBe('立即同步');

      // The hub sees it enrolled, with its last sync in words.
      await atHub.page.getByTestId('hub-kiosks-refresh').click();
      await expect.poll(() => second.getAttribute('data-state')).toBe('enrolled');
      expect(await second.textContent()).toMatch(/上次同步：(刚刚|\d+ 分钟前)/);
      expect(await second.textContent()).toContain('记录完整');
      await atHub.page.context().close();

      // The hub goes away: the kiosk says so in words, and the residents' screens go on.
      const hubPort = Number(new URL(hub.server.url).port);
      await hub.server.stop();
      await atKiosk.page.getByTestId('sync-run').click();
      await atKiosk.page
        .locator('[data-testid="sync-outcome"][data-code="HUB_UNREACHABLE"]')
        .waitFor({ timeout: 60_000 });
      const unreachable = await textOf(atKiosk.page, 'sync-outcome');
      expect(unreachable).toContain('无法连接区中心');
      expect(unreachable).toContain('兑换不受影响');
      await expectAccessible(atKiosk.page, 'sync-kiosk-unreachable');
      const catalog = await new Api(kiosk.server.url).get<unknown[]>('/api/catalog');
      expect(catalog.status).toBe(200);
      const resident = await openKiosk(browser, kiosk.server.url);
      await resident.page.getByTestId('screen-start').waitFor();
      expect(resident.errors).toEqual([]);
      await resident.page.context().close();
      // Back on the menu and in again: the last problem is remembered, in words, with when.
      await atKiosk.page.getByTestId('staff-home').click();
      await openScreen(atKiosk.page, 'sync');
      expect(await textOf(atKiosk.page, 'sync-last-error')).toMatch(/上次同步没有成功（(刚刚|\d+ 分钟前)）/);
      expect(await textOf(atKiosk.page, 'sync-last-error')).toContain('无法连接区中心');

      // The hub again, on its data and address: it switches the kiosk off, with a reason and a second tap.
      hub = await startHub(hub.server.dataDir, hubPort);
      started.push(hub.server);
      const again = await signInAt(browser, hub.server.url, 'admin', ADMIN_PIN);
      await openScreen(again.page, 'hub-kiosks');
      const enrolled = again.page.locator('[data-testid="hub-kiosk"][data-name="2号柜台"]');
      await enrolled.getByTestId('hub-kiosk-revoke').click();
      await again.page.getByTestId('hub-revoke').waitFor();
      expect(await again.page.getByTestId('hub-revoke-next').isDisabled()).toBe(true);
      await again.page.getByTestId('hub-revoke-reason').getByRole('button', { name: '设备丢失' }).click();
      await again.page.getByTestId('hub-revoke-next').click();
      await again.page.getByTestId('hub-revoke-confirm').waitFor();
      await expectAccessible(again.page, 'sync-hub-revoke');
      await again.page.getByTestId('hub-revoke-confirm').click();
      await again.page.getByTestId('hub-revoked-note').waitFor();
      await expect.poll(() => enrolled.getAttribute('data-state')).toBe('revoked');
      expect(await enrolled.textContent()).toContain('停用原因：设备丢失');
      expect(await enrolled.getByTestId('hub-kiosk-revoke').count()).toBe(0);
      const listed =
        await hub.admin.get<{ name: string; revoked: boolean; revokedReason: string }[]>('/api/hub/kiosks');
      expect(listed.body.find((row) => row.name === '2号柜台')).toMatchObject({
        revoked: true,
        revokedReason: '设备丢失',
      });

      // The kiosk is told in words that the hub switched it off.
      await atKiosk.page.getByTestId('sync-run').click();
      await atKiosk.page
        .locator('[data-testid="sync-outcome"][data-code="KIOSK_REVOKED"]')
        .waitFor({ timeout: 30_000 });
      const revoked = await textOf(atKiosk.page, 'sync-outcome');
      expect(revoked).toContain('区中心已停用这台兑换机');
      expect(revoked).toContain('请联系街道');
      expect(atKiosk.errors).toEqual([]);
      expect(again.errors).toEqual([]);
      expect(atHub.errors).toEqual([]);
    });

    it('an overdraft made by two offline counters is listed at the hub and written off there', async () => {
      // A view of the store is fresh for one second only: then each counter spends the offline allowance.
      const env = { SYNC_FRESH_SECONDS: '1' };
      const store = '光明社区积分超市';
      const [b1, b2] = await Promise.all([
        startStoreKiosk(hub, { store, name: '1号柜台', id: 'UISB1', env }),
        startStoreKiosk(hub, { store, name: '2号柜台', id: 'UISB2', env }),
      ]);
      started.push(b1.server, b2.server);
      const sync = async (...kiosks: StoreKiosk[]) => {
        for (const one of kiosks) expect((await one.sync()).status).toBe(200);
      };
      await sync(b1, b2);
      const member = await b1.admin.post<{ account: { id: string }; card: { qr: string } }>('/api/members', {
        name: '张阿姨',
      });
      expect(member.status, member.text).toBe(201);
      const accountId = member.body.account.id;
      await b1.admin.post('/api/points/awards', { accountId, points: 30, reason: '志愿服务' });
      const product = await b1.admin.post<{ id: string }>('/api/products', {
        name: '食用油',
        category: '日用',
        pricePoints: 10,
        stock: 20,
      });
      await sync(b1, b2, b1);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      let keys = 0;
      for (const counter of [b1, b2]) {
        const { api } = await new Api(counter.server.url).resident(member.body.card.qr);
        const spent = await api.post(
          '/api/redemptions',
          { items: [{ productId: product.body.id, quantity: 2 }] },
          { 'Idempotency-Key': `ui-sync-${Date.now()}-${++keys}` },
        );
        expect(spent.status, spent.text).toBe(201);
      }
      await sync(b1, b2, b1);

      const { page, errors } = await signInAt(browser, hub.server.url, 'admin', ADMIN_PIN);
      await openScreen(page, 'hub-overdrafts');
      const row = page.locator(`[data-testid="overdraft"][data-account="${accountId}"]`);
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('张阿姨');
      expect(text).toContain(store);
      expect(text).toContain('透支 10 分');
      expect(text).toContain('现在余额 -10 分');
      expect(text).toMatch(/2 笔兑换，在 (1号柜台、2号柜台|2号柜台、1号柜台)/);
      await expectAccessible(page, 'sync-hub-overdrafts');

      await row.getByTestId('overdraft-resolve').click();
      await page.getByTestId('overdraft-form').waitFor();
      await page.getByTestId('overdraft-mode-write-off').check();
      await page.getByTestId('overdraft-reason').getByRole('button', { name: '断网期间两台机器同时兑换' }).click();
      await page.getByTestId('overdraft-next').click();
      expect(await textOf(page, 'overdraft-confirm')).toBe('确定核销 10 分');
      await expectAccessible(page, 'sync-hub-overdraft-confirm');
      await page.getByTestId('overdraft-confirm').click();

      const outcome = await Promise.race([
        page
          .getByTestId('overdraft-done')
          .waitFor()
          .then(() => 'done'),
        page
          .locator('[data-testid="overdraft-form"] .problem')
          .waitFor()
          .then(async () => (await page.locator('[data-testid="overdraft-form"] .problem').textContent()) ?? ''),
      ]);
      expect(outcome).toBe('done');
      await expect.poll(() => row.getAttribute('data-resolved')).toBe('true');
      expect(await row.textContent()).toContain('核销（断网期间两台机器同时兑换）');
      const passbook = await hub.admin.get<{ account: { balance: number } }>(`/api/accounts/${accountId}/ledger`);
      expect(passbook.body.account.balance).toBe(0);
      expect(errors).toEqual([]);
    });
  },
);
