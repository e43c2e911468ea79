import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kiosk, startKiosk } from '../support/kiosk';
import { findChromium, launch, UI_DIST } from './browser';

/*
 * The touchscreen on a machine without a Chinese font: Chromium sees only DejaVu (a fontconfig
 * file listing that one directory), as on a fresh Debian. The kiosk's own web font must draw the
 * Chinese, fetched slice by slice (unicode-range) after the first paint.
 */

const CHROMIUM = findChromium();
const LATIN_ONLY_DIR = '/usr/share/fonts/truetype/dejavu';
const skipReason = !CHROMIUM
  ? ' (skipped: no Chromium at CHROMIUM_PATH, /usr/bin/chromium or Playwright’s own)'
  : !existsSync(LATIN_ONLY_DIR)
    ? ` (skipped: ${LATIN_ONLY_DIR} not found, needed as the only system font; apt-get install fonts-dejavu-core)`
    : '';

describe.skipIf(skipReason !== '')(`kiosk UI without system CJK fonts${skipReason}`, () => {
  let kiosk: Kiosk;
  let browser: Browser;
  let fontConfig: string;

  beforeAll(async () => {
    if (!existsSync(UI_DIST)) throw new Error('kiosk-ui/dist is missing: run `npm run build` first (npm test does)');
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-latin-fonts-'));
    fontConfig = join(dir, 'fonts.conf');
    writeFileSync(
      fontConfig,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${LATIN_ONLY_DIR}</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`,
    );
    kiosk = await startKiosk();
    browser = await launch(CHROMIUM!, undefined, { ...process.env, FONTCONFIG_FILE: fontConfig } as Record<
      string,
      string
    >);
  });

  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('has no system font with Chinese in this setup (so the web font is what draws it)', () => {
    const list = spawnSync('fc-list', [':lang=zh', 'family'], {
      env: { ...process.env, FONTCONFIG_FILE: fontConfig },
      encoding: 'utf8',
    });
    if (list.error) return; // no fc-list: Chromium's own view is checked below by the drawing test
    expect(list.stdout.trim()).toBe('');
  });

  it('keeps the font rules out of the first paint: index.html links no font stylesheet', () => {
    const html = readFileSync(UI_DIST, 'utf8');
    expect(html).not.toMatch(/fonts-[\w-]+\.css/);
    expect(html).not.toMatch(/\.woff2/);
  });

  it('draws Chinese with the bundled Noto Sans SC, fetching only the slices the page uses', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    try {
      const slices: string[] = [];
      const view = await context.newPage();
      view.on('request', (request) => {
        if (/\.woff2$/.test(request.url())) slices.push(request.url());
      });
      await view.goto(kiosk.url);
      await view.getByTestId('camera').waitFor();
      // Two strings of the same length: drawn as boxes (no font) they look alike, drawn as glyphs not.
      await view.evaluate(() => {
        for (const [id, text, top] of [
          ['a', '请出示积分卡', 0],
          ['b', '欢迎光临本店', 100],
        ] as const) {
          const span = document.createElement('span');
          span.id = `font-probe-${id}`;
          span.textContent = text;
          span.style.cssText = `position:fixed;left:0;top:${top}px;z-index:99;font:700 48px "Noto Sans SC";background:#fff;color:#000`;
          document.body.append(span);
        }
      });
      await expect
        .poll(() =>
          view.evaluate(
            () =>
              [...document.fonts].filter(
                (f) => f.family.replaceAll('"', '') === 'Noto Sans SC' && f.status === 'loaded',
              ).length,
          ),
        )
        .toBeGreaterThan(0);
      await view.evaluate(() => document.fonts.ready);
      const faces = await view.evaluate(
        () => [...document.fonts].filter((f) => f.family.replaceAll('"', '') === 'Noto Sans SC').length,
      );
      // 400 and 700, each cut into about a hundred unicode-range slices: a page needs a few.
      expect(faces).toBeGreaterThan(150);
      expect(slices.length).toBeGreaterThan(0);
      expect(slices.length).toBeLessThan(faces / 4);

      const a = await view.locator('#font-probe-a').screenshot();
      const b = await view.locator('#font-probe-b').screenshot();
      expect(a.equals(b)).toBe(false);
    } finally {
      await context.close();
    }
  });
});
