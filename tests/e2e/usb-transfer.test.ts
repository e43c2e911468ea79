import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKiosk, type Hub, kioskOf, startHub, startStoreKiosk, type StoreKiosk } from '../support/district';
import { ADMIN_PIN, startKiosk } from '../support/kiosk';
import { freePort } from '../support/net';
import { closePages, findChromium, launch, UI_DIST } from './browser';
import { expectAccessible, openScreen, signInAt } from './staff-console';

/*
 * A store without network, through the two consoles in Chromium: the kiosk (enrolled once, then
 * with a hub address that answers nothing) exports to a "USB stick" (a download), the hub imports
 * that file and offers its answer for download, the kiosk imports the answer. A damaged file is
 * refused in words at both ends, and the same answer twice too. Screens: staff-usb-*.
 */

const CHROMIUM = findChromium();
const STORE = '团结社区积分超市';

async function textOf(page: Page, testid: string): Promise<string> {
  const element = page.getByTestId(testid);
  await element.first().waitFor();
  return (await element.first().textContent())?.trim() ?? '';
}

/** Clicks a button that saves a file and answers the file's name and text. */
async function download(page: Page, testid: string): Promise<{ name: string; text: string }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await saved.path();
  return { name: saved.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Picks a file in the screen's file input, as from a USB stick. */
async function pick(page: Page, testid: string, file: { name: string; text: string }): Promise<void> {
  await page.getByTestId(testid).setInputFiles({
    name: file.name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(file.text),
  });
}

/** One letter or digit about halfway through changed. */
function altered(text: string): string {
  for (let i = Math.floor(text.length / 2); i < text.length; i++) {
    if (/[0-9a-f]/.test(text[i]!)) return text.slice(0, i) + (text[i] === '0' ? '1' : '0') + text.slice(i + 1);
  }
  throw new Error('nothing to alter');
}

describe.skipIf(!CHROMIUM)(
  `staff console, USB transfer between a store kiosk and the hub, in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium)'}`,
  () => {
    let hub: Hub;
    let kiosk: StoreKiosk;
    let browser: Browser;
    let accountId: string;
    const started: { stop: () => Promise<void> }[] = [];

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      hub = await startHub();
      started.push(hub.server);
      const enrolled = await startStoreKiosk(hub, { store: STORE, name: '1号柜台', id: 'UIUSB1' });
      expect((await enrolled.sync()).status).toBe(200);
      await enrolled.server.stop();
      // the network is gone: the hub's address answers nothing
      const server = await startKiosk({
        dataDir: enrolled.server.dataDir,
        env: { KIOSK_ID: 'UIUSB1', HUB_URL: `http://127.0.0.1:${await freePort()}`, SYNC_INTERVAL_SECONDS: '0' },
      });
      started.push(server);
      kiosk = await kioskOf(server, enrolled.kioskId, enrolled.code);
      const member = await kiosk.admin.post<{ account: { id: string } }>('/api/members', { name: '孙七' });
      expect(member.status, member.text).toBe(201);
      accountId = member.body.account.id;
      const award = await kiosk.admin.post('/api/points/awards', { accountId, points: 30, reason: '志愿服务' });
      expect(award.status, award.text).toBe(201);
      browser = await launch(CHROMIUM!);
    });

    afterEach((context) => closePages(browser, context.task, 'staff-usb-'));

    afterAll(async () => {
      await browser?.close();
      await Promise.all(started.map((server) => server.stop()));
    });

    it('export at the kiosk → import at the hub → answer file → import at the kiosk; damaged and repeated files refused in words', async () => {
      const atKiosk = await signInAt(browser, kiosk.server.url, 'admin', ADMIN_PIN);
      await openScreen(atKiosk.page, 'sync');
      await atKiosk.page.locator('[data-testid="screen-staff-sync"][data-enrolled="true"]').waitFor();
      const pending = Number(/\d+/.exec(await textOf(atKiosk.page, 'sync-pending'))![0]);
      expect(pending).toBeGreaterThan(0);

      // The kiosk: a round now fails in words; the file goes to the "USB stick" instead.
      await atKiosk.page.getByTestId('sync-run').click();
      await atKiosk.page
        .locator('[data-testid="sync-outcome"][data-code="HUB_UNREACHABLE"]')
        .waitFor({ timeout: 40_000 });
      const exported = await download(atKiosk.page, 'sync-usb-export');
      expect(exported.name).toMatch(new RegExp(`^points-${kiosk.kioskId}-\\d{8}-\\d{6}\\.pksync$`));
      await atKiosk.page.locator('[data-testid="sync-usb-outcome"][data-tone="ok"]').waitFor();
      expect(await textOf(atKiosk.page, 'sync-usb-outcome')).toContain(
        `已导出 ${pending} 条记录到文件 ${exported.name}`,
      );
      expect(await textOf(atKiosk.page, 'sync-usb-last-export')).toBe('刚刚');
      await expectAccessible(atKiosk.page, 'usb-kiosk-exported');

      // The hub: a damaged copy is refused in words and changes nothing; the good file is taken in.
      const atHub = await signInAt(browser, hub.server.url, 'admin', ADMIN_PIN);
      await openScreen(atHub.page, 'hub-kiosks');
      await atHub.page.getByTestId('hub-usb').waitFor();
      await pick(atHub.page, 'hub-usb-file', { name: exported.name, text: altered(exported.text) });
      await atHub.page.locator('[data-testid="hub-usb-outcome"][data-code="USB_FILE_DAMAGED"]').waitFor();
      expect(await textOf(atHub.page, 'hub-usb-outcome')).toContain('文件已损坏或被改动过');
      expect(await textOf(atHub.page, 'hub-usb-outcome')).toContain('什么都没有改');
      await expectAccessible(atHub.page, 'usb-hub-damaged');
      const untouched = await hub.admin.get(`/api/accounts/${accountId}/ledger`);
      expect(untouched.status).toBe(404);

      await pick(atHub.page, 'hub-usb-file', exported);
      await atHub.page.locator('[data-testid="hub-usb-outcome"][data-tone="ok"]').waitFor({ timeout: 30_000 });
      expect(await textOf(atHub.page, 'hub-usb-outcome')).toContain(
        `已导入 ${STORE} 1号柜台 的文件：收到 ${pending} 条新记录`,
      );
      const answer = await download(atHub.page, 'hub-usb-download');
      expect(answer.name).toMatch(new RegExp(`^points-${kiosk.kioskId}-answer-\\d{8}-\\d{6}\\.pksync$`));
      await expectAccessible(atHub.page, 'usb-hub-imported');
      // the kiosk list shows it synced just now
      const listed = atHub.page.locator(`[data-testid="hub-kiosk"][data-kiosk-id="${kiosk.kioskId}"]`);
      await expect.poll(async () => (await listed.textContent()) ?? '').toContain('上次同步：刚刚');
      // the hub's console says where an answer file belongs
      await pick(atHub.page, 'hub-usb-file', answer);
      await atHub.page.locator('[data-testid="hub-usb-outcome"][data-code="USB_WRONG_KIND"]').waitFor();

      // The kiosk: a damaged answer is refused, the good one imported, the same one again refused.
      await pick(atKiosk.page, 'sync-usb-file', { name: answer.name, text: altered(answer.text) });
      await atKiosk.page.locator('[data-testid="sync-usb-outcome"][data-code="USB_FILE_DAMAGED"]').waitFor();
      expect(await textOf(atKiosk.page, 'sync-usb-outcome')).toContain('文件已损坏或被改动过');
      expect(await textOf(atKiosk.page, 'sync-pending')).toBe(`${pending} 条记录`);
      await expectAccessible(atKiosk.page, 'usb-kiosk-damaged');

      await pick(atKiosk.page, 'sync-usb-file', answer);
      await atKiosk.page.locator('[data-testid="sync-usb-outcome"][data-tone="ok"]').waitFor({ timeout: 30_000 });
      expect(await textOf(atKiosk.page, 'sync-usb-outcome')).toContain(
        `已导入区中心回执：收到 0 条，区中心确认收到本机 ${pending} 条`,
      );
      await expect.poll(() => textOf(atKiosk.page, 'sync-pending')).toBe('没有，都已上传');
      expect(await textOf(atKiosk.page, 'sync-usb-last-import')).toBe('刚刚');
      await expectAccessible(atKiosk.page, 'usb-kiosk-imported');

      await pick(atKiosk.page, 'sync-usb-file', answer);
      await atKiosk.page.locator('[data-testid="sync-usb-outcome"][data-code="USB_ALREADY_IMPORTED"]').waitFor();
      expect(await textOf(atKiosk.page, 'sync-usb-outcome')).toContain('这个回执文件已经导入过了');

      // In English too.
      await atKiosk.page.getByTestId('language-toggle').click();
      await expect.poll(() => textOf(atKiosk.page, 'sync-usb-export')).toBe('Export to USB');
      expect(await textOf(atKiosk.page, 'sync-usb-outcome')).toContain('This answer file was imported already');
      await atKiosk.page.getByTestId('language-toggle').click();

      // Both ends agree.
      const balances = await Promise.all(
        [kiosk.admin, hub.admin].map(
          async (api) =>
            (await api.get<{ account: { balance: number } }>(`/api/accounts/${accountId}/ledger`)).body.account.balance,
        ),
      );
      expect(balances).toEqual([30, 30]);
      expect(atKiosk.errors).toEqual([]);
      expect(atHub.errors).toEqual([]);
    });

    it('a kiosk that never reaches the hub enrols by USB stick: code typed, file to the hub, answer back', async () => {
      const { kioskId, code } = await createKiosk(hub, STORE, '2号柜台');
      const fresh = await startStoreKiosk(hub, {
        store: STORE,
        name: '2号柜台',
        id: 'UIUSB2',
        code,
        codeAtConsole: true,
        env: { HUB_URL: `http://127.0.0.1:${await freePort()}` },
      });
      started.push(fresh.server);

      const atKiosk = await signInAt(browser, fresh.server.url, 'admin', ADMIN_PIN);
      await openScreen(atKiosk.page, 'sync');
      await atKiosk.page.locator('[data-testid="screen-staff-sync"][data-enrolled="false"]').waitFor();
      expect(await atKiosk.page.getByTestId('sync-usb').count()).toBe(0);
      await atKiosk.page.getByTestId('sync-code').fill(code.toLowerCase());
      const request = await download(atKiosk.page, 'sync-usb-enrol');
      expect(request.text).not.toContain(code);
      expect(await textOf(atKiosk.page, 'sync-usb-outcome')).toContain(`已生成登记文件 ${request.name}`);
      await atKiosk.page.getByTestId('sync-usb').waitFor();
      await expectAccessible(atKiosk.page, 'usb-kiosk-enrol-pending');

      const atHub = await signInAt(browser, hub.server.url, 'admin', ADMIN_PIN);
      await openScreen(atHub.page, 'hub-kiosks');
      await pick(atHub.page, 'hub-usb-file', request);
      await atHub.page.locator('[data-testid="hub-usb-outcome"][data-tone="ok"]').waitFor({ timeout: 30_000 });
      expect(await textOf(atHub.page, 'hub-usb-outcome')).toContain(`已导入 ${STORE} 2号柜台 的文件`);
      const answer = await download(atHub.page, 'hub-usb-download');
      const listed = atHub.page.locator(`[data-testid="hub-kiosk"][data-kiosk-id="${kioskId}"]`);
      await expect.poll(() => listed.getAttribute('data-state')).toBe('enrolled');

      await pick(atKiosk.page, 'sync-usb-file', answer);
      await atKiosk.page.locator('[data-testid="sync-usb-outcome"][data-tone="ok"]').waitFor({ timeout: 30_000 });
      expect(await textOf(atKiosk.page, 'sync-usb-outcome')).toContain('登记成功：这台兑换机已加入区中心');
      await atKiosk.page.locator('[data-testid="screen-staff-sync"][data-enrolled="true"]').waitFor();
      expect(await textOf(atKiosk.page, 'sync-store')).toBe(STORE);
      expect(await textOf(atKiosk.page, 'sync-name')).toBe('2号柜台');
      await expectAccessible(atKiosk.page, 'usb-kiosk-enrolled');
      // the store's member, registered at the other counter, is here now
      const members = await fresh.admin.get<{ name: string }[]>('/api/members');
      expect(members.body.map((member) => member.name)).toContain('孙七');
      expect(atKiosk.errors).toEqual([]);
    });
  },
);
