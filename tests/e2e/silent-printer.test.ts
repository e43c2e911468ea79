import { startVirtualPrinter, type VirtualPrinter } from '@kiosk/hardware';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { type Kiosk, startKiosk, VOLUNTEER_PIN } from '../support/kiosk';
import { closePages, findChromium, launch, UI_DIST } from './browser';
import { openScreen, signInAt } from './staff-console';

/*
 * A printer that takes receipts but never answers status (PRINTER_STATUS=auto learns it): the
 * volunteer's reprint screen says in plain words that "printed" then only means "sent".
 */

const CHROMIUM = findChromium();

describe.skipIf(!CHROMIUM)('reprint screen with a printer that does not report back, in Chromium', () => {
  let kiosk: Kiosk;
  let printer: VirtualPrinter;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
    printer = await startVirtualPrinter({ port: 0, silent: true });
    kiosk = await startKiosk({
      env: { PRINTER: `tcp://127.0.0.1:${printer.port}`, PRINTER_TIMEOUT_SECONDS: '1', PRINT_RETRY_MAX_SECONDS: '1' },
    });
    browser = await launch(CHROMIUM!);
  });

  afterEach((context) => closePages(browser, context.task, 'staff-'));

  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
    await printer?.close();
  });

  it('says so on the reprint screen once the kiosk has learned that the printer is silent, in zh-CN and en', async () => {
    const { page, errors } = await signInAt(browser, kiosk.url, 'volunteer', VOLUNTEER_PIN);
    await openScreen(page, 'reprint');
    // not yet learned: nothing has been printed, so nothing is said
    expect(await page.getByTestId('reprint-silent-printer').count()).toBe(0);

    const test = await (await new Api(kiosk.url).staff('admin')).post<{ jobId: string }>('/api/printer/test');
    expect(test.status).toBe(202);
    await printer.waitForJobs(1, 15_000);

    await page.getByTestId('staff-home').click();
    await openScreen(page, 'reprint');
    const note = page.getByTestId('reprint-silent-printer');
    await note.waitFor();
    expect(await note.textContent()).toContain('这台打印机不回报状态');
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => note.textContent()).toContain('does not report back');
    expect(errors).toEqual([]);
  });
});
