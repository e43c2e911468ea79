import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { captureScreen, LANDSCAPE, scannerBurst } from './browser';

/*
 * Driving the staff console in Chromium the way staff do: the sign-in by name and PIN pad, the
 * home menu, the number pads and the handheld scanner. Shared by the staff end-to-end tests.
 */

/** A page of the kiosk opened straight at `path` (e.g. `/#staff`), in the store's locale. */
export async function openStaffAt(
  browser: Browser,
  url: string,
  path = '/#staff',
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: LANDSCAPE,
    permissions: ['camera'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}${path}`);
  return { page, errors };
}

/**
 * Who signs in, by a tap on their name in the sign-in list (or, when the list is hidden, on the
 * on-screen letters), then the PIN on the number pad. Straight to the PIN when a person is chosen
 * already (a staff card was scanned, or a wrong PIN is being tried again).
 */
export async function enterCredentials(page: Page, username: string, pin: string): Promise<void> {
  await page.getByTestId('screen-staff-sign-in').waitFor();
  await page
    .getByTestId('pin')
    .or(page.getByTestId('staff-name').first())
    .or(page.getByTestId('letter-keys'))
    .waitFor();
  if (await page.getByTestId('letter-keys').isVisible()) {
    for (const letter of username) await page.getByTestId(`letter-${letter}`).click();
    expect(await page.getByTestId('staff-username').inputValue()).toBe(username);
    await page.getByTestId('staff-name-next').click();
  } else if ((await page.getByTestId('pin').count()) === 0) {
    await page.locator(`[data-testid="staff-name"][data-username="${username}"]`).click();
  }
  await page.getByTestId('pin').waitFor();
  await page.getByTestId('pin-clear').click();
  for (const digit of pin) await page.getByTestId(`pin-${digit}`).click();
  await page.getByTestId('staff-sign-in').click();
}

/** Signed in at `path` and on the home menu. */
export async function signInAt(
  browser: Browser,
  url: string,
  username: string,
  pin: string,
  path = '/#staff',
): Promise<{ page: Page; errors: string[] }> {
  const opened = await openStaffAt(browser, url, path);
  await enterCredentials(opened.page, username, pin);
  await opened.page.getByTestId('screen-staff-home').waitFor();
  return opened;
}

export async function openScreen(page: Page, id: string): Promise<void> {
  await page.getByTestId(`staff-menu-${id}`).click();
  await page.getByTestId(`screen-staff-${id}`).waitFor();
}

export async function typeOnPad(page: Page, pad: string, digits: string): Promise<void> {
  await page.getByTestId(`${pad}-clear`).click();
  for (const digit of digits) await page.getByTestId(`${pad}-${digit}`).click();
}

/** A handheld-scanner read (see `scannerBurst`), read again until `answered` says the screen reacted (three tries). */
export async function staffScan(page: Page, code: string, answered: () => Promise<boolean>): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await scannerBurst(page, code);
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline) {
      if (await answered()) return;
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`the scan of ${code} was not answered`);
}

/** Screenshots at the three sizes (staff-<name>-…) and no serious or critical axe violations. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await captureScreen(page, `staff-${name}`), `axe violations on staff-${name}`).toEqual([]);
}
