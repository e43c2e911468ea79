import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { type Hub, startHub, startStoreKiosk, type StoreKiosk } from '../support/district';
import { ADMIN_PIN } from '../support/kiosk';
import { closePages, findChromium, launch, SCREENS_DIR, UI_DIST } from './browser';
import { expectAccessible, openScreen, signInAt } from './staff-console';

/*
 * The hub's month and quarter end in real Chromium against a real hub and two stores' kiosks:
 * the district ranking (公示) per store and district-wide, and a store's quarterly settlement,
 * with the PDF and CSV downloaded through the screens' buttons and checked against the ledger.
 * Screens are saved (hub-reports-*) and checked with axe-core.
 */

const CHROMIUM = findChromium();
const STORE_A = '幸福社区积分超市';
const STORE_B = '和平社区积分超市';

const now = new Date();
const QUARTER = `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;

let keys = 0;

async function register(kiosk: StoreKiosk, name: string, points: number): Promise<{ accountId: string; qr: string }> {
  const member = await kiosk.admin.post<{ account: { id: string }; card: { qr: string } }>('/api/members', { name });
  expect(member.status, member.text).toBe(201);
  const award = await kiosk.admin.post('/api/points/awards', {
    accountId: member.body.account.id,
    points,
    reason: '志愿服务',
  });
  expect(award.status, award.text).toBe(201);
  return { accountId: member.body.account.id, qr: member.body.card.qr };
}

async function redeem(kiosk: StoreKiosk, qr: string, productId: string, quantity: number): Promise<void> {
  const { api } = await new Api(kiosk.server.url).resident(qr);
  const redeemed = await api.post(
    '/api/redemptions',
    { items: [{ productId, quantity }] },
    { 'Idempotency-Key': `hub-reports-${++keys}-${Date.now()}` },
  );
  expect(redeemed.status, redeemed.text).toBe(201);
}

/** Sums of one account's entries by kind, as the kiosk's passbook shows them. */
async function ledgerSums(kiosk: StoreKiosk, accountId: string): Promise<Record<string, number>> {
  const passbook = await kiosk.admin.get<{ entries: { kind: string; delta: number }[] }>(
    `/api/accounts/${accountId}/ledger`,
  );
  const sums: Record<string, number> = {};
  for (const entry of passbook.body.entries) sums[entry.kind] = (sums[entry.kind] ?? 0) + entry.delta;
  return sums;
}

/** Clicks `trigger` and returns the downloaded file's name and bytes. */
async function download(page: Page, trigger: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(trigger).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe.skipIf(!CHROMIUM)(
  `hub console, district ranking and quarterly settlement, in Chromium${CHROMIUM ? '' : ' (skipped: no Chromium)'}`,
  () => {
    let hub: Hub;
    let a1: StoreKiosk;
    let b1: StoreKiosk;
    let browser: Browser;
    const started: { stop: () => Promise<void> }[] = [];
    const accounts: { kiosk: StoreKiosk; accountId: string }[] = [];

    beforeAll(async () => {
      if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
      hub = await startHub();
      started.push(hub.server);
      [a1, b1] = await Promise.all([
        startStoreKiosk(hub, { store: STORE_A, name: '1号柜台', id: 'UIREPA1' }),
        startStoreKiosk(hub, { store: STORE_B, name: '1号柜台', id: 'UIREPB1' }),
      ]);
      started.push(a1.server, b1.server);
      const zhang = await register(a1, '张三丰', 60);
      const li = await register(a1, '李小龙', 35);
      await register(b1, '赵敏敏', 45);
      accounts.push({ kiosk: a1, ...zhang }, { kiosk: a1, ...li });
      const soap = await a1.admin.post<{ id: string }>('/api/products', {
        name: '洗衣液',
        category: '日用',
        pricePoints: 10,
        stock: 20,
      });
      expect(soap.status, soap.text).toBe(201);
      await redeem(a1, zhang.qr, soap.body.id, 2);
      await redeem(a1, li.qr, soap.body.id, 1);
      const restock = await a1.admin.post('/api/inventory/restocks', { productId: soap.body.id, quantity: 12 });
      expect(restock.status, restock.text).toBe(201);
      for (const kiosk of [a1, b1]) expect((await kiosk.sync()).status).toBe(200);
      browser = await launch(CHROMIUM!);
    });

    afterEach((context) => closePages(browser, context.task, 'hub-reports-'));

    afterAll(async () => {
      await browser?.close();
      await Promise.all(started.map((server) => server.stop()));
    });

    it('ranks the district and one store on screen, and downloads the A4 notice', async () => {
      const { page, errors } = await signInAt(browser, hub.server.url, 'admin', ADMIN_PIN);
      await openScreen(page, 'hub-ranking');
      const rows = page.getByTestId('hub-ranking-row');
      await expect.poll(() => rows.count()).toBe(3);
      const district = await rows.allTextContents();
      expect(district[0]).toMatch(/1\s*张\*丰\s*幸福社区积分超市\s*60/);
      expect(district[1]).toMatch(/2\s*赵\*敏\s*和平社区积分超市\s*45/);
      expect(await page.getByRole('heading', { level: 2 }).textContent()).toContain('全区');
      await expectAccessible(page, 'hub-reports-ranking-district');

      await page.getByTestId('hub-ranking-store').selectOption(STORE_A);
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.allTextContents()).toEqual([
        expect.stringMatching(/1\s*张\*丰\s*60/),
        expect.stringMatching(/2\s*李\*龙\s*35/),
      ]);
      await expectAccessible(page, 'hub-reports-ranking-store');

      const notice = await download(page, 'hub-ranking-pdf');
      expect(notice.name).toMatch(/^积分公示-幸福社区积分超市-\d{4}-\d{2}\.pdf$/);
      expect(notice.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: notice.bytes }).toString('utf8');
      expect(text).toContain(`${STORE_A} ${now.getFullYear()}年${now.getMonth() + 1}月 积分公示`);
      expect(errors).toEqual([]);
    });

    it("shows a store's quarterly settlement and downloads the CSV and the PDF through the buttons", async () => {
      const { page, errors } = await signInAt(browser, hub.server.url, 'admin', ADMIN_PIN);
      await openScreen(page, 'hub-settlement');
      await page.getByTestId('settlement-store').selectOption(STORE_A);
      expect(await page.getByTestId('settlement-quarter').inputValue()).toBe(QUARTER);
      const totals = page.getByTestId('settlement-totals');
      await expect.poll(async () => (await totals.textContent()) ?? '').toContain('95');
      expect(await page.getByTestId('settlement-redeemed').textContent()).toMatch(/洗衣液\s*3\s*30/);
      expect(await page.getByTestId('settlement-received').textContent()).toMatch(/洗衣液\s*32/);
      await expectAccessible(page, 'hub-reports-settlement');

      // The figures the kiosks' ledgers give for the store's accounts.
      let awarded = 0;
      let spent = 0;
      for (const { kiosk, accountId } of accounts) {
        const sums = await ledgerSums(kiosk, accountId);
        awarded += sums.award ?? 0;
        spent -= (sums.redeem ?? 0) + (sums.void ?? 0);
      }
      expect([awarded, spent]).toEqual([95, 30]);

      const csv = await download(page, 'settlement-csv');
      expect(csv.name).toBe(`季度结算-${STORE_A}-${QUARTER}.csv`);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csv.bytes.toString('utf8').split('\r\n');
      expect(lines).toContain(`奖励积分,${awarded}`);
      expect(lines).toContain(`兑换积分,${spent}`);
      expect(lines).toContain('入库数量,32');

      const pdf = await download(page, 'settlement-pdf');
      expect(pdf.name).toBe(`季度结算-${STORE_A}-${QUARTER}.pdf`);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const file = join(SCREENS_DIR, `hub-reports-settlement-${QUARTER}.pdf`);
      writeFileSync(file, pdf.bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
      const [year, quarter] = QUARTER.split('-Q');
      expect(text).toContain(`${STORE_A} ${year}年第${quarter}季度 积分超市结算单`);
      expect(text).toMatch(new RegExp(`奖励积分\\s+${awarded}\\n`));
      expect(text).toContain('街道办（盖章）');

      // English too.
      await page.getByTestId('language-toggle').click();
      await expect
        .poll(async () => (await page.getByTestId('settlement-csv').textContent())?.trim())
        .toBe('Download table (CSV)');
      await page.getByTestId('language-toggle').click();
      expect(errors).toEqual([]);
    });
  },
);
