import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { ADMIN_PIN, type DemoCard, type Kiosk, startKiosk } from '../support/kiosk';
import { closePages, findChromium, launch, SCREENS_DIR, UI_DIST } from './browser';
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

interface Product {
  id: string;
  name: string;
  stock: number;
}

interface Redemption {
  id: string;
  receiptNo: string;
  totalPoints: number;
  status: string;
  voidReason?: string | null;
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

    afterEach((context) => closePages(browser, context.task, 'staff-admin-'));

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
      /** Scans and returns this scan's own banner (each result gets the next serial number). */
      async function scanCard(qr: string): Promise<{ tone: string | null; text: string }> {
        const screen = page.getByTestId('screen-staff-check-in');
        const scans = Number(await screen.getAttribute('data-scans'));
        const before = Number((await results.count()) ? await results.getAttribute('data-serial') : 0);
        await staffScan(page, qr, async () => Number(await screen.getAttribute('data-scans')) > scans);
        await page.waitForFunction(
          (after) =>
            Number(document.querySelector('[data-testid="check-in-result"]')?.getAttribute('data-serial')) > after,
          before,
        );
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
    it('awards points to a member found by name, and deducts with a reason from a scanned card', async () => {
      const [card] = await cardsOnSeparateAccounts(1);
      const { page, errors } = await signInAsAdmin();
      await openScreen(page, 'points');
      expect(await page.getByTestId('points-submit').isDisabled()).toBe(true);

      // Award: search by the full name, pick the activity (default points), change them on the pad.
      await page.getByTestId('points-finder-search').fill(card!.name);
      await page.getByTestId('points-finder-go').click();
      await page.getByTestId('points-finder-match').filter({ hasText: card!.name }).first().click();
      expect(await page.getByTestId('points-balance').textContent()).toContain(String(card!.account.balance));
      await page.getByTestId('points-activity').filter({ hasText: '河道巡查' }).click();
      expect(await page.getByTestId('points-amount-display').textContent()).toContain('3');
      await typeOnPad(page, 'points-amount', '4');
      await page.getByTestId('points-note-input').fill('清理河岸垃圾');
      await expectAccessible(page, 'admin-points-award');
      await page.getByTestId('points-submit').click();
      await page.getByTestId('points-result').waitFor();
      expect(await page.getByTestId('points-result').textContent()).toContain(
        `加 4 分，现在共 ${card!.account.balance + 4} 分`,
      );

      // Deduction: the card is scanned; without a reason the button refuses; too many points are refused in words.
      // A scan shows the masked name (a search shows the full one), so the switch is visible.
      await staffScan(page, card!.qr, async () =>
        ((await page.getByTestId('points-recipient').textContent()) ?? '').includes(card!.member.displayName),
      );
      await page.getByTestId('points-deduct').click();
      await typeOnPad(page, 'points-amount', '999');
      expect(await page.getByTestId('points-submit').isDisabled()).toBe(true);
      expect(await page.getByTestId('points-submit').textContent()).toContain('扣分必须写明原因');
      await page.getByTestId('points-note').getByRole('button', { name: '门前三包检查不合格' }).click();
      await page.getByTestId('points-submit').click();
      // Above 50 points the deduction is asked about once more, in words (staff-slips.test.ts).
      expect(await page.getByTestId('points-confirm').textContent()).toContain('扣 999 分？（九百九十九分）');
      await page.getByTestId('points-confirm-yes').click();
      await page.getByTestId('points-error').waitFor();
      expect(await page.getByTestId('points-error').textContent()).toContain('不够扣 999 分');
      await typeOnPad(page, 'points-amount', '2');
      await page.getByTestId('points-submit').click();
      await page.getByTestId('points-result').waitFor();
      expect(await page.getByTestId('points-result').textContent()).toContain(
        `扣 2 分，现在共 ${card!.account.balance + 2} 分`,
      );
      await expectAccessible(page, 'admin-points-deduct');

      const book = await ledger(card!.account.id);
      expect(book.entries.slice(-2).map((e) => [e.delta, e.kind, e.reason, e.actor])).toEqual([
        [4, 'award', '河道巡查：清理河岸垃圾', 'staff:admin'],
        [-2, 'adjust', '门前三包检查不合格', 'staff:admin'],
      ]);
      expect(book.account.balance).toBe(card!.account.balance + 2);
      expect(errors).toEqual([]);
    });

    it('voids a redemption with a reason: points and stock come back, the original entry stays, a second void is impossible', async () => {
      const [card] = (await cardsOnSeparateAccounts(4)).filter((c) => c.account.balance >= 10);
      const products = (await admin.get<Product[]>('/api/products')).body;
      const soap = products.find((p) => p.name.startsWith('香皂'))!;
      const { api: resident } = await new Api(kiosk.url).resident(card!.qr);
      const bought = await resident.post<Redemption>(
        '/api/redemptions',
        { items: [{ productId: soap.id, quantity: 1 }] },
        { 'idempotency-key': `e2e-void-${card!.cardNo}` },
      );
      expect(bought.status).toBe(201);
      await resident.delete('/api/sessions/current');
      const stockBefore = (await admin.get<Product[]>('/api/products')).body.find((p) => p.id === soap.id)!.stock;
      const balanceBefore = (await ledger(card!.account.id)).account.balance;

      const { page, errors } = await signInAsAdmin();
      await openScreen(page, 'redemptions');
      await page.getByTestId('redemptions-receipt').fill(bought.body.receiptNo);
      await page.getByTestId('redemptions-search').click();
      await page.getByTestId('redemptions-row').filter({ hasText: bought.body.receiptNo }).waitFor();
      expect(await page.getByTestId('redemptions-row').count()).toBe(1);
      await page.getByTestId('redemptions-row').first().click();
      await page.getByTestId('redemptions-detail').waitFor();
      expect(await page.getByTestId('redemptions-detail').textContent()).toContain(`${soap.name}`);
      await page.getByTestId('redemptions-void').click();
      expect(await page.getByTestId('redemptions-void-confirm').isDisabled()).toBe(true);
      await page.getByTestId('void-reason').getByRole('button', { name: '居民退回商品' }).click();
      await expectAccessible(page, 'admin-redemption-detail');
      await page.getByTestId('redemptions-void-confirm').click();
      await page.getByTestId('redemptions-void-done').waitFor();
      expect(await page.getByTestId('redemptions-void-done').textContent()).toContain(
        `退回 ${bought.body.totalPoints} 分，居民现在共 ${balanceBefore + bought.body.totalPoints} 分`,
      );
      expect(await page.getByTestId('redemptions-status-text').textContent()).toContain('已撤销');
      expect(await page.getByTestId('redemptions-void').count()).toBe(0);
      await expectAccessible(page, 'admin-redemption-voided');

      const after = (await admin.get<Redemption>(`/api/redemptions/${bought.body.id}`)).body;
      expect([after.status, after.voidReason]).toEqual(['voided', '居民退回商品']);
      expect((await admin.get<Product[]>('/api/products')).body.find((p) => p.id === soap.id)!.stock).toBe(
        stockBefore + 1,
      );
      const book = await ledger(card!.account.id);
      const kinds = book.entries.slice(-2).map((e) => [e.kind, e.delta]);
      expect(kinds).toEqual([
        ['redeem', -bought.body.totalPoints],
        ['void', bought.body.totalPoints],
      ]);
      expect(book.account.balance).toBe(balanceBefore + bought.body.totalPoints);
      const again = await admin.post<{ code: string }>(`/api/redemptions/${bought.body.id}/void`, { reason: '再试' });
      expect([again.status, again.body.code]).toEqual([409, 'ALREADY_VOIDED']);
      expect(errors).toEqual([]);
    });

    it('shows this month’s ranking by person and by household and downloads it as an A4 PDF', async () => {
      const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);
      const expected = (
        await admin.get<{ rank: number; displayName: string; points: number }[]>(
          `/api/rankings/month?month=${month}&by=household&limit=100`,
        )
      ).body;
      expect(expected.length).toBeGreaterThan(0);

      const { page, errors } = await signInAsAdmin();
      await openScreen(page, 'ranking');
      await page.getByTestId('ranking-row').first().waitFor();
      await page.getByTestId('ranking-by-household').click();
      await page.waitForFunction(
        (count) => document.querySelectorAll('[data-testid="ranking-row"]').length === count,
        expected.length,
      );
      const shown = await page.getByTestId('ranking-row').allTextContents();
      expect(shown[0]).toContain(expected[0]!.displayName);
      expect(shown[0]).toContain(String(expected[0]!.points));
      await expectAccessible(page, 'admin-ranking');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ranking-pdf').click()]);
      expect(download.suggestedFilename()).toBe(`光荣榜-${month}-按户.pdf`);
      const file = join(SCREENS_DIR, `ranking-${month}.pdf`);
      await download.saveAs(file);
      const pdf = readFileSync(file);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(2000);
      expect(errors).toEqual([]);
    });
  },
);
