import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { ADMIN_PIN, type Kiosk, startKiosk } from '../support/kiosk';
import { closePages, findChromium, launch, UI_DIST } from './browser';
import { expectAccessible, openScreen, signInAt } from './staff-console';

/*
 * The admin's activities (积分项目) in the staff console, in real Chromium against the real server:
 * an activity added by taps is offered at once by Points and awards its points; retired, Points
 * offers it no more. Outcomes are checked through the API. Screens are saved at 1080×1920,
 * 1920×1080 and 1280×800 to test-artifacts/screens/ (staff-activities-*) and checked with axe-core.
 */

const CHROMIUM = findChromium();

interface Activity {
  id: string;
  name: string;
  defaultPoints: number;
  active: boolean;
}

interface Passbook {
  account: { balance: number };
  entries: { delta: number; kind: string; reason: string; actor: string }[];
}

describe.skipIf(!CHROMIUM)(
  `staff console, activities, in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium at CHROMIUM_PATH, /usr/bin/chromium or Playwright’s own)'}`,
  () => {
    let kiosk: Kiosk;
    let admin: Api;
    let browser: Browser;

    const everyActivity = async () => (await admin.get<Activity[]>('/api/activities?all=true')).body;

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      kiosk = await startKiosk({ env: { PRINTER: 'file' } });
      admin = await new Api(kiosk.url).staff('admin');
      browser = await launch(CHROMIUM!);
    });

    afterEach((context) => closePages(browser, context.task, 'staff-activities-'));

    afterAll(async () => {
      await browser?.close();
      await kiosk?.stop();
    });

    /** Points: the member found by name, the activity tapped; what the screen offers. */
    async function pointsOffer(page: Page): Promise<string[]> {
      await openScreen(page, 'points');
      await page.getByTestId('points-activity').first().waitFor();
      return page.getByTestId('points-activity').allTextContents();
    }

    it('adds an activity by taps, awards with it in Points, retires it, and Points offers it no more', async () => {
      const member = await admin.post<{ account: { id: string }; member: { displayName: string } }>('/api/members', {
        name: '欧阳晓梅',
      });
      expect(member.status, member.text).toBe(201);
      const accountId = member.body.account.id;
      const { page, errors } = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);

      await openScreen(page, 'activities');
      const before = await everyActivity();
      await expect.poll(() => page.getByTestId('activities-row').count()).toBe(before.length);
      await expectAccessible(page, 'activities');

      // Nothing typed: both fields say what is missing, nothing is sent.
      await page.getByTestId('activities-add').click();
      await page.getByTestId('activities-save').click();
      expect(await page.getByTestId('activities-name-problem').textContent()).toBe('请填写这一项。');
      expect(await page.getByTestId('activities-points-problem').textContent()).toBe('请填写这一项。');
      await expectAccessible(page, 'activities-invalid');

      // A name that is taken is refused beside the name.
      await page.getByTestId('activities-name').fill('河道巡查');
      await page.getByTestId('activities-points').fill('3');
      await page.getByTestId('activities-save').click();
      await expect
        .poll(() => page.getByTestId('activities-name-problem').textContent())
        .toContain('已经有一个叫这个名字的项目了');
      expect((await everyActivity()).length).toBe(before.length);

      await page.getByTestId('activities-name').fill('垃圾分类督导');
      await page.getByTestId('activities-points').fill('6');
      await page.getByTestId('activities-save').click();
      await expect.poll(() => page.getByTestId('staff-toast').textContent()).toContain('已添加“垃圾分类督导”');
      const created = (await everyActivity()).find((one) => one.name === '垃圾分类督导');
      expect(created).toMatchObject({ defaultPoints: 6, active: true });
      expect(
        await page.locator(`[data-testid="activities-row"][data-activity-id="${created!.id}"]`).textContent(),
      ).toContain('+6 分');
      await expectAccessible(page, 'activities-edit');

      // Points offers it at once; an award with it gives its 6 points, named after it.
      await page.getByTestId('staff-home').click();
      expect(await pointsOffer(page)).toEqual(expect.arrayContaining([expect.stringContaining('垃圾分类督导')]));
      await page.getByTestId('points-finder-search').fill('欧阳晓梅');
      await page.getByTestId('points-finder-go').click();
      await page.getByTestId('points-finder-match').filter({ hasText: '欧阳晓梅' }).first().click();
      await page.getByTestId('points-activity').filter({ hasText: '垃圾分类督导' }).click();
      expect(await page.getByTestId('points-amount-display').textContent()).toContain('6');
      await page.getByTestId('points-submit').click();
      await page.getByTestId('points-result').waitFor();
      const book = (await admin.get<Passbook>(`/api/accounts/${accountId}/ledger`)).body;
      expect(book.entries.map((e) => [e.delta, e.kind, e.reason, e.actor])).toEqual([
        [6, 'award', '垃圾分类督导', 'staff:admin'],
      ]);

      // Retired: kept in the list, marked; Points no longer offers it.
      await page.getByTestId('staff-home').click();
      await openScreen(page, 'activities');
      await page.locator(`[data-testid="activities-row"][data-activity-id="${created!.id}"]`).click();
      await page.getByTestId('activities-retire').click();
      await expect.poll(() => page.getByTestId('staff-toast').textContent()).toContain('已停用“垃圾分类督导”');
      expect((await everyActivity()).find((one) => one.id === created!.id)).toMatchObject({ active: false });
      await page.getByTestId('activities-restore').waitFor();
      expect(
        await page.locator(`[data-testid="activities-row"][data-activity-id="${created!.id}"]`).textContent(),
      ).toContain('已停用');
      await expectAccessible(page, 'activities-retired');

      await page.getByTestId('staff-home').click();
      const offered = await pointsOffer(page);
      expect(offered.length).toBeGreaterThan(0);
      expect(offered.join('|')).not.toContain('垃圾分类督导');
      expect(errors).toEqual([]);
    });

    it('keeps the add button and the save button on screen at every size without scrolling', async () => {
      const { page, errors } = await signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);
      await openScreen(page, 'activities');
      await page.getByTestId('activities-row').first().waitFor();
      await page.getByTestId('activities-row').first().click();
      for (const size of [
        { width: 1280, height: 800 },
        { width: 1920, height: 1080 },
        { width: 1080, height: 1920 },
      ]) {
        await page.setViewportSize(size);
        for (const id of ['activities-add', 'activities-save', 'activities-retire']) {
          const box = await page.getByTestId(id).boundingBox();
          expect(box, `${id} at ${size.width}×${size.height}`).not.toBeNull();
          expect(box!.y + box!.height, `${id} at ${size.width}×${size.height}`).toBeLessThanOrEqual(size.height);
          expect(box!.height, `${id} at ${size.width}×${size.height}`).toBeGreaterThanOrEqual(60);
        }
      }
      expect(errors).toEqual([]);
    });
  },
);
