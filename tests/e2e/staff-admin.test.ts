import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { ADMIN_PIN, type DemoCard, type Kiosk, startKiosk } from '../support/kiosk';
import { findChromium, launch, SCREENS_DIR, UI_DIST } from './browser';
import { expectAccessible, openScreen, signInAt, staffScan, typeOnPad } from './staff-console';

/*
 * The admin's part of the staff console in real Chromium against the real server (built UI, temp
 * data dir): event check-in with the handheld scanner, awarding and deducting points, voiding a
 * redemption and the monthly ranking's PDF. Outcomes are checked through the API (ledger, stock),
 * not only on screen. Screens are saved at the three kiosk sizes (staff-admin-*) and checked with
 * axe-core.
 */

const CHROMIUM = findChromium();

interface Lookup {
  member: { id: string; displayName: string };
  account: { id: string; balance: number };
}

interface LedgerPage {
  account: { id: string; balance: number };
  entries: { id: string; delta: number; kind: string; reason: string; actor: string }[];
}

describe.skipIf(!CHROMIUM)(
  `staff console, admin screens, in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium at CHROMIUM_PATH, /usr/bin/chromium or Playwright’s own)'}`,
  () => {
    let kiosk: Kiosk;
    let admin: Api;
    let browser: Browser;
    let cards: DemoCard[];

    const signInAsAdmin = () => signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);
    const lookup = async (qr: string) => (await admin.post<Lookup>('/api/members/lookup', { qr })).body;
    const ledger = async (accountId: string) => (await admin.get<LedgerPage>(`/api/accounts/${accountId}/ledger`)).body;

    /** Cards of members who each have an account of their own, so balances do not mix. */
    async function cardsOnSeparateAccounts(count: number): Promise<(DemoCard & Lookup)[]> {
      const chosen: (DemoCard & Lookup)[] = [];
      for (const card of cards) {
        const found = await lookup(card.qr);
        if (chosen.some((other) => other.account.id === found.account.id)) continue;
        chosen.push({ ...card, ...found });
        if (chosen.length === count) break;
      }
      return chosen;
    }

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      kiosk = await startKiosk({ env: { PRINTER: 'file' } });
      admin = await new Api(kiosk.url).staff('admin');
      cards = kiosk.cards();
      browser = await launch(CHROMIUM!);
    });

    afterEach(async (context) => {
      if (context.task.result?.state === 'fail') {
        for (const [index, page] of browser
          .contexts()
          .flatMap((c) => c.pages())
          .entries()) {
          await page
            .screenshot({
              path: join(SCREENS_DIR, `failed-staff-admin-${context.task.name.slice(0, 40)}-${index}.png`),
            })
            .catch(() => undefined);
        }
      }
      for (const open of browser.contexts()) await open.close();
    });

    afterAll(async () => {
      await browser?.close();
      await kiosk?.stop();
    });

    it('runs an event check-in: three scans, the duplicate refused, a running count, each card awarded once', async () => {
      const [first, second] = await cardsOnSeparateAccounts(2);
      const { page, errors } = await signInAsAdmin();
      await expectAccessible(page, 'admin-home');
      await openScreen(page, 'check-in');

      await page.getByTestId('check-in-activity').filter({ hasText: '志愿服务' }).click();
      await typeOnPad(page, 'check-in-points', '3');
      await expectAccessible(page, 'admin-check-in-choose');
      await page.getByTestId('check-in-start').click();
      await page.getByTestId('check-in-count').waitFor();
      expect(await page.getByTestId('check-in-count').textContent()).toContain('0');

      const results = page.getByTestId('check-in-result');
      /** Scans and waits for this scan's own banner (each result gets the next serial number). */
      async function scanCard(qr: string): Promise<{ tone: string | null; text: string }> {
        const serial = async () => Number((await results.count()) ? await results.getAttribute('data-serial') : 0);
        const before = await serial();
        await staffScan(page, qr, async () => (await serial()) > before);
        return { tone: await results.getAttribute('data-tone'), text: (await results.textContent()) ?? '' };
      }

      const one = await scanCard(first!.qr);
      expect(one.tone).toBe('ok');
      expect(one.text).toContain(`${first!.member.displayName} 签到成功`);
      expect(one.text).toContain(`+3 分，现在共 ${first!.account.balance + 3} 分`);
      expect(await page.getByTestId('check-in-count').textContent()).toContain('1');

      const two = await scanCard(second!.qr);
      expect(two.tone).toBe('ok');
      expect(await page.getByTestId('check-in-count').textContent()).toContain('2');
      await expectAccessible(page, 'admin-check-in-scanning');

      // The scanner's own repeat filter lets a card through again after 1.5 s: the server refuses it.
      await page.waitForTimeout(1600);
      const again = await scanCard(first!.qr);
      expect(again.tone).toBe('refused');
      expect(again.text).toContain(`${first!.member.displayName} 已经签到过了`);
      expect(await page.getByTestId('check-in-count').textContent()).toContain('2');
      expect(await page.getByTestId('check-in-attendee').count()).toBe(2);
      await expectAccessible(page, 'admin-check-in-duplicate');

      // The ledger: one award of 3 points each, nothing for the duplicate.
      const event = await page.getByTestId('check-in-event').textContent();
      for (const card of [first!, second!]) {
        const book = await ledger(card.account.id);
        const awards = book.entries.filter((entry) => entry.reason === event);
        expect(awards.map((entry) => [entry.delta, entry.kind, entry.actor])).toEqual([[3, 'award', 'staff:admin']]);
        expect(book.account.balance).toBe(card.account.balance + 3);
      }

      // Ending the event: no more check-ins, and it is no longer offered to continue.
      await page.getByTestId('check-in-close').click();
      await page.getByTestId('check-in-close-yes').click();
      await page.getByTestId('check-in-activity').first().waitFor();
      const open = (await admin.get<{ name: string }[]>('/api/events?open=true')).body;
      expect(open.map((e) => e.name)).not.toContain(event);
      expect(errors).toEqual([]);
    });
  },
);
