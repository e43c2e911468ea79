import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ROOT } from '../support/kiosk';

/** Chromium from CHROMIUM_PATH, Debian's package, or Playwright's own download; undefined when none. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here.
  }
  return candidates.find((path): path is string => !!path && existsSync(path));
}

export function hasFfmpeg(): boolean {
  return spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
}

export const UI_DIST = join(ROOT, 'kiosk-ui', 'dist', 'index.html');
export { cardVideo } from '../support/camera';

export const SCREENS_DIR = join(ROOT, 'test-artifacts', 'screens');

/**
 * Headless Chromium with a fake camera: a card picture when `cameraFile` is given, else Chromium's
 * test pattern. `env` replaces the browser's environment (e.g. a FONTCONFIG_FILE that hides fonts).
 */
export function launch(executablePath: string, cameraFile?: string, env?: Record<string, string>): Promise<Browser> {
  return chromium.launch({
    executablePath,
    ...(env ? { env } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      ...(cameraFile ? [`--use-file-for-fake-video-capture=${cameraFile}`] : []),
    ],
  });
}

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };
export const TABLET = { width: 1280, height: 800 };

/** A kiosk page in the store's locale and time zone; page errors are collected for the test to check. */
export async function openKiosk(
  browser: Browser,
  url: string,
  options: { viewport?: { width: number; height: number }; initScript?: string } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? LANDSCAPE,
    permissions: ['camera'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  // Ready when the camera has started or given up: the page is no longer busy loading the decoder.
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-testid="camera"]')?.getAttribute('data-status');
    return !!status && status !== 'off' && status !== 'starting';
  });
  return { page, errors };
}

/**
 * Saves the screen at 1080×1920, 1920×1080 and 1280×800 (tablet) to test-artifacts/screens/, and
 * runs axe-core on it; returns the serious or critical accessibility violations.
 */
export async function captureScreen(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of [
    ['portrait', PORTRAIT],
    ['landscape', LANDSCAPE],
    ['tablet', TABLET],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(200);
    await page.screenshot({
      path: join(SCREENS_DIR, `${name}-${label}-${size.width}x${size.height}.png`),
      animations: 'disabled',
    });
  }
  if (original) await page.setViewportSize(original);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

/** Something on screen that answers a scan: a lookup, a new screen, a message or a question. */
const ANSWERS = ['checking', 'screen-member', 'notice', 'switch-card', 'pending-scan']
  .map((id) => `[data-testid="${id}"]`)
  .join(',');

/**
 * What a USB handheld scanner does: the code typed in a fast burst, then Enter.
 *
 * A real scanner's keys carry the operating system's timestamps, a few milliseconds apart. Keys
 * sent through the DevTools protocol are stamped when Chromium gets to them, so on a machine busy
 * with other test suites a burst arrives with pauses inside, and the kiosk then (rightly) reads
 * only its tail or nothing. So the scanner's keydown events are dispatched in the page in one go,
 * where the kiosk's own listener reads them with their own timestamps, as from the hardware.
 */
export async function scannerBurst(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    for (const key of [...text, 'Enter']) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }
  }, code);
}

/**
 * A handheld-scanner read on the resident screens; waits until something answers it (a lookup, a
 * new screen, a message), reading again if nothing did. Pass `answered: false` when the kiosk is
 * expected to ignore the scan.
 */
export async function wedgeScan(page: Page, qr: string, options: { answered?: boolean } = {}): Promise<void> {
  const before = await page.locator(ANSWERS).count();
  for (let attempt = 1; ; attempt++) {
    await scannerBurst(page, qr);
    if (options.answered === false) return;
    const answered = await page
      .waitForFunction(
        ([selector, count]) => document.querySelectorAll(selector as string).length > (count as number),
        [ANSWERS, before] as const,
        { timeout: 3000 },
      )
      .then(
        () => true,
        () => false,
      );
    if (answered || attempt === 3) return;
  }
}

/**
 * After each test: a failed test leaves pictures of what was on screen
 * (test-artifacts/screens/failed-<prefix><test name>-<n>.png); then every page is closed.
 */
export async function closePages(
  browser: Browser,
  task: { name: string; result?: { state?: string } },
  prefix = '',
): Promise<void> {
  if (task.result?.state === 'fail') {
    const pages = browser.contexts().flatMap((context) => context.pages());
    for (const [index, page] of pages.entries()) {
      await page
        .screenshot({ path: join(SCREENS_DIR, `failed-${prefix}${task.name.slice(0, 40)}-${index}.png`) })
        .catch(() => undefined);
    }
  }
  for (const open of browser.contexts()) await open.close();
}
