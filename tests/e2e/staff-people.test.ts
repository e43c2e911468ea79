import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { ADMIN_PIN, type Kiosk, startKiosk } from '../support/kiosk';
import { findChromium, launch, UI_DIST } from './browser';
import { expectAccessible, openScreen, openStaffAt, signInAt, staffScan } from './staff-console';

/*
 * One sign-in per person, in real Chromium against the real server: an admin adds a volunteer
 * on the Staff screen, the volunteer signs in by tapping their name and typing their PIN (a wrong
 * one says how many tries are left), changes their own PIN; a member card scanned at the sign-in
 * is explained; the admin deactivates someone after a confirmation. Screens are saved at the three
 * sizes (staff-people-*) and checked with axe-core.
 */

const CHROMIUM = findChromium();

interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
}

async function pad(page: Page, testid: string, digits: string): Promise<void> {
  await page.getByTestId(testid).waitFor();
  for (const digit of digits) await page.getByTestId(`${testid}-${digit}`).click();
}

describe.skipIf(!CHROMIUM)(
  `staff console, staff people, in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium at CHROMIUM_PATH, /usr/bin/chromium or Playwright’s own)'}`,
  () => {
    let kiosk: Kiosk;
    let admin: Api;
    let browser: Browser;

    const people = async () => (await admin.get<StaffMember[]>('/api/staff')).body;

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      kiosk = await startKiosk();
      admin = await new Api(kiosk.url).staff('admin');
      browser = await launch(CHROMIUM!);
    });

    afterAll(async () => {
      await browser?.close();
      await kiosk?.stop();
    });

    it('an admin adds a volunteer, who signs in by name and PIN and changes their PIN', async () => {
      const atAdmin = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);
      const page = atAdmin.page;
      await openScreen(page, 'staff');
      await expect.poll(() => page.getByTestId('staff-person').count()).toBeGreaterThanOrEqual(2);
      await expectAccessible(page, 'people-add');

      await page.getByTestId('staff-add-next').click();
      expect(await page.getByTestId('staff-add-name-problem').textContent()).toBe('请填写姓名。');
      await page.getByTestId('staff-add-name').fill('李阿姨');
      await page.getByTestId('staff-add-role-volunteer').click();
      await page.getByTestId('staff-add-next').click();
      await expectAccessible(page, 'people-add-pin');
      // Two different PINs are caught before anything is saved.
      await pad(page, 'staff-add-pin-first', '246802');
      await page.getByTestId('staff-add-pin-next').click();
      await pad(page, 'staff-add-pin-again', '246803');
      await page.getByTestId('staff-add-pin-save').click();
      expect(await page.getByTestId('staff-add-pin-problem').textContent()).toBe('两次输入的密码不一样，请重新输入。');
      expect((await people()).some((one) => one.displayName === '李阿姨')).toBe(false);
      await pad(page, 'staff-add-pin-first', '246802');
      await page.getByTestId('staff-add-pin-next').click();
      await pad(page, 'staff-add-pin-again', '246802');
      await page.getByTestId('staff-add-pin-save').click();

      await page.getByTestId('staff-person-panel').waitFor();
      expect(await page.getByTestId('staff-person-title').textContent()).toBe('李阿姨');
      await page.getByTestId('staff-card').waitFor();
      const li = (await people()).find((one) => one.displayName === '李阿姨')!;
      expect(li).toMatchObject({ active: true });
      await expectAccessible(page, 'people-person');

      // The volunteer at the kiosk: a member card first, by mistake.
      const { page: kioskPage, errors } = await openStaffAt(browser, kiosk.url);
      await kioskPage.getByTestId('staff-name').first().waitFor();
      // In English, the kiosk's own two accounts are named in English; people keep their names.
      await kioskPage.getByTestId('language-toggle').click();
      const nameOf = (username: string) =>
        kioskPage.locator(`[data-testid="staff-name"][data-username="${username}"]`).textContent();
      expect([await nameOf('admin'), await nameOf('volunteer'), await nameOf(li.username)]).toEqual([
        'Admin',
        'Volunteer',
        '李阿姨',
      ]);
      await expectAccessible(kioskPage, 'people-sign-in-en');
      await kioskPage.getByTestId('language-toggle').click();
      await staffScan(kioskPage, kiosk.cards()[0]!.qr, () => kioskPage.getByTestId('sign-in-notice').isVisible());
      expect(await kioskPage.getByTestId('sign-in-notice').textContent()).toBe(
        '这是会员卡，不是工作人员卡；请扫描工作人员卡或选择姓名。',
      );
      expect(await kioskPage.getByTestId('screen-member').count()).toBe(0);
      await expectAccessible(kioskPage, 'people-sign-in-names');

      // One tap on the name, no username to spell.
      await kioskPage.locator(`[data-testid="staff-name"][data-username="${li.username}"]`).click();
      expect(await kioskPage.getByTestId('sign-in-who').textContent()).toBe('李阿姨，请输入密码');
      await pad(kioskPage, 'pin', '000000');
      await kioskPage.getByTestId('staff-sign-in').click();
      await kioskPage.getByTestId('sign-in-error').waitFor();
      expect(await kioskPage.getByTestId('sign-in-error').textContent()).toBe(
        '密码不对。还可以试 4 次，再错要等一会儿才能登录。',
      );
      await expectAccessible(kioskPage, 'people-sign-in-wrong-pin');
      await pad(kioskPage, 'pin', '246802');
      await kioskPage.getByTestId('staff-sign-in').click();
      await kioskPage.getByTestId('screen-staff-home').waitFor();
      expect(await kioskPage.getByTestId('staff-user').textContent()).toContain('李阿姨');

      // Their own PIN, from the home menu.
      await openScreen(kioskPage, 'my-pin');
      await expectAccessible(kioskPage, 'people-my-pin');
      await pad(kioskPage, 'my-pin-current', '111111');
      await kioskPage.getByTestId('my-pin-current-next').click();
      await pad(kioskPage, 'my-pin-new-first', '135791');
      await kioskPage.getByTestId('my-pin-new-next').click();
      await pad(kioskPage, 'my-pin-new-again', '135791');
      await kioskPage.getByTestId('my-pin-new-save').click();
      await kioskPage.getByTestId('my-pin-problem').waitFor();
      expect(await kioskPage.getByTestId('my-pin-problem').textContent()).toBe('现在的密码不对。还可以试 4 次。');
      await pad(kioskPage, 'my-pin-current', '246802');
      await kioskPage.getByTestId('my-pin-current-next').click();
      await pad(kioskPage, 'my-pin-new-first', '135791');
      await kioskPage.getByTestId('my-pin-new-next').click();
      await pad(kioskPage, 'my-pin-new-again', '135791');
      await kioskPage.getByTestId('my-pin-new-save').click();
      await kioskPage.getByTestId('my-pin-done').waitFor();
      await expectAccessible(kioskPage, 'people-my-pin-done');
      const api = new Api(kiosk.url);
      expect((await api.post('/api/staff/sessions', { username: li.username, pin: '246802' })).status).toBe(401);
      expect((await api.post('/api/staff/sessions', { username: li.username, pin: '135791' })).status).toBe(201);

      // The admin deactivates her after a confirmation: her open sign-in ends.
      await page.getByTestId('staff-deactivate').click();
      await page.getByTestId('staff-deactivate-dialog').waitFor();
      await expectAccessible(page, 'people-deactivate');
      await page.getByTestId('staff-deactivate-confirm').click();
      await page
        .locator(`[data-testid="staff-person"][data-username="${li.username}"]`)
        .getByTestId('staff-person-inactive')
        .waitFor();
      expect((await people()).find((one) => one.id === li.id)?.active).toBe(false);
      await kioskPage.getByTestId('staff-home').click();
      await kioskPage.getByTestId('staff-menu-low-stock').click();
      await kioskPage.getByTestId('screen-staff-sign-in').waitFor();
      await expect
        .poll(() => kioskPage.locator(`[data-testid="staff-name"][data-username="${li.username}"]`).count())
        .toBe(0);

      // A forgotten PIN: the admin sets a new one.
      await page.locator('[data-testid="staff-person"][data-username="volunteer"]').click();
      await page.getByTestId('staff-reset-pin').click();
      await pad(page, 'staff-reset-first', '864208');
      await page.getByTestId('staff-reset-next').click();
      await pad(page, 'staff-reset-again', '864208');
      await expectAccessible(page, 'people-reset-pin');
      await page.getByTestId('staff-reset-save').click();
      await page.getByTestId('staff-reset').waitFor({ state: 'detached' });
      expect((await api.post('/api/staff/sessions', { username: 'volunteer', pin: '864208' })).status).toBe(201);

      // In English too.
      await page.getByTestId('language-toggle').click();
      expect(await page.getByTestId('staff-title').textContent()).toBe('Staff');
      await expectAccessible(page, 'people-en');
      expect(atAdmin.errors).toEqual([]);
      expect(errors).toEqual([]);
    });
  },
);
