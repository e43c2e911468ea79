/**
 * The kiosk's own Chinese web font (Noto Sans SC from `@fontsource/noto-sans-sc`, served by the
 * kiosk itself), so a machine without a CJK font still shows proper characters. Each weight is
 * ~100 @font-face rules with `unicode-range`: the browser fetches only the slices whose characters
 * a page shows, and `font-display: swap` draws with a fallback until they arrive. Only 400 and 700
 * are shipped; text set at 800 uses 700, the nearest heavier-or-lighter face.
 *
 * main.ts imports this module dynamically after mounting, so the ~64 KB (gzip) of rules stay out
 * of the first paint's CSS and JS.
 */
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
