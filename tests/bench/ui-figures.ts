import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { cardVideo } from '../support/camera';
import { type Kiosk, ROOT, startKiosk } from '../support/kiosk';
import { median } from './stats';

/*
 * The touchscreen's figures: how much JavaScript the first screen needs, how soon it paints, and
 * how long a resident waits from holding the card up to the camera until the balance shows.
 * Browser figures need Chromium (CHROMIUM_PATH, /usr/bin/chromium or Playwright's own); the
 * camera figure also needs ffmpeg. What cannot be measured here is reported as skipped.
 */

const DIST = join(ROOT, 'kiosk-ui', 'dist');
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 5);
const INITIAL_JS_BUDGET_KB = 60;
const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;

/** The files index.html makes the browser load before the first paint: entry script, preloads, styles. */
function initialFiles(): { js: string[]; css: string[] } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = (pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]!.replace(/^\//, ''));
  return {
    js: [
      ...refs(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
      ...refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ],
    css: refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g),
  };
}

function bundleFigures(): Record<string, string> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('kiosk-ui/dist is missing: run `npm run build` first');
  const { js, css } = initialFiles();
  const initialJs = js.reduce((sum, file) => sum + gzipped(file), 0);
  const scanner = readdirSync(join(DIST, 'assets')).filter((file) => /^qr-engine-.*\.js$/.test(file));
  const scannerJs = scanner.reduce((sum, file) => sum + gzipped(join('assets', file)), 0);
  return {
    'initial JS, gzip (entry chunks of index.html)': `${kb(initialJs)} (budget ${INITIAL_JS_BUDGET_KB} KB: ${
      initialJs <= INITIAL_JS_BUDGET_KB * 1024 ? 'met' : 'NOT met'
    })`,
    'initial CSS, gzip': kb(css.reduce((sum, file) => sum + gzipped(file), 0)),
    'QR scanner chunk, gzip (loaded lazily after first paint)': scanner.length ? kb(scannerJs) : 'not found',
  };
}

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // No browser of Playwright's own.
  }
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** First paint and first contentful paint of the Start screen, each load in a fresh profile (cold cache). */
async function paintFigures(browser: Browser, url: string): Promise<Record<string, string>> {
  const firstPaint: number[] = [];
  const firstContentful: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, permissions: ['camera'] });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="screen-start"]');
    await page.waitForTimeout(300);
    const paints = (await page.evaluate(
      'performance.getEntriesByType("paint").map((entry) => [entry.name, entry.startTime])',
    )) as [string, number][];
    const entries = new Map(paints);
    if (entries.has('first-paint')) firstPaint.push(entries.get('first-paint')!);
    if (entries.has('first-contentful-paint')) firstContentful.push(entries.get('first-contentful-paint')!);
    await context.close();
  }
  const show = (values: number[]) => (values.length ? `${median(values).toFixed(0)} ms` : 'not reported');
  return {
    [`Start screen first paint (median of ${RUNS})`]: show(firstPaint),
    [`Start screen first contentful paint (median of ${RUNS})`]: show(firstContentful),
  };
}

/**
 * From the first camera frame showing the card (the fake camera plays the card from its first
 * frame, see `cardVideo`) to the balance on the Member screen.
 */
async function scanFigures(chromiumPath: string, kiosk: Kiosk): Promise<Record<string, string>> {
  const key = `card held up to the camera → balance on screen (median of ${RUNS})`;
  if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status !== 0) {
    return { [key]: 'skipped: ffmpeg not found' };
  }
  const card = kiosk.cards()[0]!;
  const y4m = join(mkdtempSync(join(tmpdir(), 'kiosk-bench-camera-')), 'card.y4m');
  try {
    cardVideo(join(kiosk.dataDir, 'cards', `${card.cardNo}.png`), y4m);
  } catch {
    return { [key]: 'skipped: ffmpeg could not convert the card picture' };
  }

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...BROWSER_ARGS, `--use-file-for-fake-video-capture=${y4m}`],
  });
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, permissions: ['camera'] });
      await context.addInitScript(`
        document.addEventListener('playing', () => { window.__cardShownAt ??= performance.now(); }, true);
        new MutationObserver((_, observer) => {
          if (document.querySelector('[data-testid="balance"]')) {
            window.__balanceAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      `);
      const page = await context.newPage();
      await page.goto(kiosk.url);
      await page.waitForSelector('[data-testid="balance"]', { timeout: 30_000 });
      const [shown, balance] = (await page.evaluate('[window.__cardShownAt, window.__balanceAt]')) as [number, number];
      if (typeof shown === 'number' && typeof balance === 'number') times.push(balance - shown);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { [key]: times.length ? `${median(times).toFixed(0)} ms` : 'not measured' };
}

/** Figures for `npm run bench`: sizes always; paint and scan timing when Chromium (and ffmpeg) are there. */
export async function measureUi(): Promise<Record<string, string | number>> {
  const figures: Record<string, string | number> = bundleFigures();
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    figures['browser figures'] = 'skipped: no Chromium at CHROMIUM_PATH, /usr/bin/chromium or Playwright’s own';
    return figures;
  }
  const kiosk = await startKiosk();
  try {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: BROWSER_ARGS });
    try {
      Object.assign(figures, await paintFigures(browser, kiosk.url));
    } finally {
      await browser.close();
    }
    Object.assign(figures, await scanFigures(chromiumPath, kiosk));
  } finally {
    await kiosk.stop();
  }
  return figures;
}
