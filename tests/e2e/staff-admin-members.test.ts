import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrFromPng } from '../../hardware/src/test-support/qr-decode';
import type { MemberDetail, MemberListItem, MemberLookup } from '../api/console-api';
import { Api, type ApiError } from '../support/api';
import { ADMIN_PIN, type DemoCard, type Kiosk, startKiosk } from '../support/kiosk';
import { closePages, findChromium, launch, SCREENS_DIR, UI_DIST } from './browser';
import { expectAccessible, signInAt } from './staff-console';

/*
 * The admin's members screen of the staff console in real Chromium against the real server:
 * registering a member (with a card), reissuing and revoking the card with a confirmation,
 * issuing a new one, moving the member to another household, the printable passbook and the
 * card downloads. Outcomes are checked through the API; every step is saved at 1080×1920,
 * 1920×1080 and 1280×800 to test-artifacts/screens/ (staff-members-*) and checked with axe-core.
 */

const CHROMIUM = findChromium();

interface PassbookBody {
  account: { id: string; balance: number; kind: string; name: string };
  entries: { id: string; delta: number; balanceAfter: number }[];
}

describe.skipIf(!CHROMIUM)(
  `staff console, members and cards, in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium at CHROMIUM_PATH, /usr/bin/chromium or Playwright’s own)'}`,
  () => {
    let kiosk: Kiosk;
    let admin: Api;
    let adminToken: string;
    let browser: Browser;
    let cards: DemoCard[];

    /** The QR text printed on a member's active card, read from the card picture as a scanner would. */
    async function printedQr(memberId: string): Promise<string> {
      const response = await fetch(`${kiosk.url}/api/members/${memberId}/card.png`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect(response.status).toBe(200);
      return decodeQrFromPng(Buffer.from(await response.arrayBuffer()));
    }

    const detailOf = async (id: string) => {
      const response = await admin.get<MemberDetail>(`/api/members/${id}`);
      expect(response.status, response.text).toBe(200);
      return response.body;
    };
    const activeCard = (detail: MemberDetail) => detail.cards.find((card) => card.status === 'active');

    const signInAsAdmin = () => signInAt(browser, kiosk.url, 'admin', ADMIN_PIN);

    async function openMembers(page: Page): Promise<void> {
      await page.getByTestId('staff-menu-members').click();
      await page.getByTestId('screen-staff-members').waitFor();
      await page.getByTestId('members-item').first().waitFor();
    }

    /** Clicks `trigger` and returns the downloaded file's name and bytes. */
    async function download(page: Page, trigger: string): Promise<{ name: string; bytes: Buffer }> {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(trigger).click()]);
      const path = await file.path();
      return { name: file.suggestedFilename(), bytes: readFileSync(path) };
    }

    async function confirm(page: Page, words: string[]): Promise<void> {
      const dialog = page.getByTestId('card-confirm');
      await dialog.waitFor();
      const text = await dialog.textContent();
      for (const word of words) expect(text).toContain(word);
    }

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      kiosk = await startKiosk();
      const signedIn = await new Api(kiosk.url).post<{ token: string }>('/api/staff/sessions', {
        username: 'admin',
        pin: ADMIN_PIN,
      });
      adminToken = signedIn.body.token;
      admin = new Api(kiosk.url, adminToken);
      cards = kiosk.cards();
      browser = await launch(CHROMIUM!);
    });

    afterEach((context) => closePages(browser, context.task, 'staff-members-'));

    afterAll(async () => {
      await browser?.close();
      await kiosk?.stop();
    });

    it('registers a member with a card, reissues and revokes it with a confirmation, issues a new one and moves the member', async () => {
      const { page, errors } = await signInAsAdmin();
      expect(await page.getByTestId('staff-menu-members').textContent()).toContain('居民和积分卡');
      await openMembers(page);
      await expectAccessible(page, 'members-list');

      // Search by a seeded member's card number finds that member.
      const seeded = cards.find((card) => card.household)!;
      await page.getByTestId('members-search').fill(seeded.cardNo);
      await page.getByTestId('members-search-go').click();
      await page.getByText('找到 1 位居民').waitFor();
      expect(await page.getByTestId('members-item').textContent()).toContain(seeded.name);

      // Register: a new person in a new household, with a card at once.
      await page.getByTestId('members-register').click();
      await page.getByTestId('register-submit').click();
      expect(await page.getByTestId('register-error').textContent()).toContain('请填写姓名');
      await page.getByTestId('register-name').fill('测试居民甲');
      await page.getByTestId('register-household').fill('9栋901');
      await expectAccessible(page, 'members-register');
      await page.getByTestId('register-submit').click();
      await page.getByTestId('members-detail').waitFor();
      expect(await page.getByTestId('members-detail-name').textContent()).toBe('测试居民甲');

      const listed = await admin.get<MemberListItem[]>(`/api/members?q=${encodeURIComponent('测试居民甲')}`);
      expect(listed.body).toHaveLength(1);
      const memberId = listed.body[0]!.id;
      expect(listed.body[0]!.household).toBe('9栋901');
      let detail = await detailOf(memberId);
      const firstCard = activeCard(detail)!;
      expect(firstCard).toBeDefined();
      const firstQr = await printedQr(memberId);
      expect(firstQr).toContain(`.${firstCard.cardNo}.`);
      expect(await page.getByTestId('members-card-no').textContent()).toBe(firstCard.cardNo);
      await expectAccessible(page, 'members-detail');

      // Reissue: the dialog says the old card stops working; cancel first, nothing changes.
      await page.getByTestId('card-reissue').click();
      await confirm(page, [firstCard.cardNo, '作废']);
      await expectAccessible(page, 'members-reissue-confirm');
      await page.getByTestId('card-confirm').getByText('取消').click();
      expect(activeCard(await detailOf(memberId))!.cardNo).toBe(firstCard.cardNo);
      await page.getByTestId('card-reissue').click();
      await page.getByTestId('card-confirm-yes').click();
      await page.getByTestId('members-old-card').first().waitFor();
      detail = await detailOf(memberId);
      const secondCard = activeCard(detail)!;
      expect(secondCard.cardNo).not.toBe(firstCard.cardNo);
      expect(detail.cards.find((card) => card.cardNo === firstCard.cardNo)!.status).toBe('revoked');
      expect(await page.getByTestId('members-card-no').textContent()).toBe(secondCard.cardNo);
      const secondQr = await printedQr(memberId);
      // The old card's QR is refused; the new one finds the member.
      const old = await admin.post<ApiError>('/api/members/lookup', { qr: firstQr });
      expect(old.status).toBeGreaterThanOrEqual(400);
      expect(old.body.code).toBe('CARD_REVOKED');
      const fresh = await admin.post<MemberLookup>('/api/members/lookup', { qr: secondQr });
      expect(fresh.status, fresh.text).toBe(200);
      expect(fresh.body.member.id).toBe(memberId);

      // The card picture downloads as a PNG.
      const picture = await download(page, 'card-picture');
      expect(picture.name).toBe(`card-${secondCard.cardNo}.png`);
      expect(picture.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');

      // Revoke with a reason, then issue a new card.
      await page.getByTestId('card-revoke').click();
      await confirm(page, [secondCard.cardNo]);
      await page.getByTestId('revoke-reason').fill('');
      await page.getByTestId('card-confirm-yes').click();
      expect(await page.getByTestId('card-confirm').textContent()).toContain('至少 2 个字');
      await page.getByTestId('card-confirm').getByText('卡片损坏').click();
      expect(await page.getByTestId('revoke-reason').inputValue()).toBe('卡片损坏');
      await expectAccessible(page, 'members-revoke-confirm');
      await page.getByTestId('card-confirm-yes').click();
      await page.getByTestId('members-no-card').waitFor();
      expect(activeCard(await detailOf(memberId))).toBeUndefined();
      const revoked = await admin.post<ApiError>('/api/members/lookup', { qr: secondQr });
      expect(revoked.body.code).toBe('CARD_REVOKED');
      await page.getByTestId('card-issue').click();
      await page.getByTestId('card-confirm-yes').click();
      await page.getByTestId('members-card-no').waitFor();
      const thirdCard = activeCard(await detailOf(memberId))!;
      expect(thirdCard).toBeDefined();
      expect(await page.getByTestId('members-card-no').textContent()).toBe(thirdCard.cardNo);

      // Move to the seeded household: the member joins its account.
      const target = (await admin.get<MemberListItem[]>(`/api/members?q=${seeded.cardNo}`)).body[0]!;
      await page.getByTestId('members-move').click();
      await page.getByTestId('move-household').fill(target.household!);
      await expectAccessible(page, 'members-move');
      await page.getByTestId('move-submit').click();
      await page.getByTestId('members-move-form').waitFor({ state: 'detached' });
      detail = await detailOf(memberId);
      expect(detail.account.id).toBe(target.account.id);
      expect(detail.member.household).toBe(target.household);
      expect(detail.householdMembers.map((m) => m.id)).toContain(target.id);
      expect(await page.getByTestId('members-detail-account').textContent()).toContain(target.household!);
      expect(Number(await page.getByTestId('members-detail-balance').textContent())).toBe(detail.account.balance);
      expect(errors).toEqual([]);
    });

    it('shows the passbook of a member’s account line by line, prints it alone and downloads the card sheet', async () => {
      const holder = cards.find((card) => card.household && card.balance > 0)!;
      const member = (await admin.get<MemberListItem[]>(`/api/members?q=${holder.cardNo}`)).body[0]!;
      const ledger = await admin.get<PassbookBody>(`/api/accounts/${member.account.id}/ledger`);
      expect(ledger.status, ledger.text).toBe(200);
      expect(ledger.body.entries.length).toBeGreaterThan(0);

      const { page, errors } = await signInAsAdmin();
      await openMembers(page);
      await page.getByTestId('members-search').fill(holder.cardNo);
      await page.getByTestId('members-search-go').click();
      await page.getByText('找到 1 位居民').waitFor();
      await page.getByTestId('members-item').click();
      await page.getByTestId('members-detail').waitFor();
      await page.getByTestId('members-passbook').click();
      await page.getByTestId('passbook-entry').first().waitFor();

      expect(await page.getByTestId('passbook-member').textContent()).toBe(member.name);
      const shown = await page.getByTestId('passbook-entry').evaluateAll((rows) =>
        rows.map((row) => ({
          id: row.getAttribute('data-entry-id'),
          in: row.querySelector('[data-testid="passbook-in"]')!.textContent!.trim(),
          out: row.querySelector('[data-testid="passbook-out"]')!.textContent!.trim(),
          balance: Number(row.querySelector('[data-testid="passbook-running"]')!.textContent),
        })),
      );
      expect(shown).toEqual(
        ledger.body.entries.map((entry) => ({
          id: entry.id,
          in: entry.delta > 0 ? String(entry.delta) : '',
          out: entry.delta < 0 ? String(-entry.delta) : '',
          balance: entry.balanceAfter,
        })),
      );
      expect(Number(await page.getByTestId('passbook-balance').textContent())).toBe(ledger.body.account.balance);
      expect(await page.getByText('不对').count()).toBe(0);
      await expectAccessible(page, 'members-passbook');

      // Print: the browser's print is asked for, and the print layout holds the passbook alone.
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.addEventListener('beforeprint', () => (window as unknown as { printed: number }).printed++);
      });
      await page.getByTestId('passbook-print').click();
      await page.waitForFunction(() => (window as unknown as { printed: number }).printed > 0);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('passbook-print').isVisible()).toBe(false);
      expect(await page.getByTestId('staff-sign-out').evaluate((node) => getComputedStyle(node).visibility)).toBe(
        'hidden',
      );
      expect(await page.getByText('积分存折').first().isVisible()).toBe(true);
      await page.screenshot({ path: join(SCREENS_DIR, 'staff-members-passbook-print.png'), fullPage: true });
      await page.emulateMedia({ media: 'screen' });

      // The A4 sheet of every active card.
      await page.getByTestId('passbook-back').click();
      await page.getByTestId('members-detail').waitFor();
      const sheet = await download(page, 'members-sheet');
      expect(sheet.name).toBe('member-cards.pdf');
      expect(sheet.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
      const own = await download(page, 'card-sheet');
      expect(own.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(own.bytes.length).toBeLessThan(sheet.bytes.length);
      expect(errors).toEqual([]);
    });
  },
);
