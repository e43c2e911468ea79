import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

/** Where `npm run dev` sends API and image requests: the kiosk server on its default port. */
const server = process.env.KIOSK_SERVER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [svelte()],
  server: {
    proxy: {
      '/api': server,
      '/images': server,
    },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // The QR engine is a dynamic import and stays out of the first paint.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
    // Font slices stay files: inlined, the small ones (and their unused WOFF fallbacks) would make
    // every page download them inside the font CSS instead of only the slices it shows.
    assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined),
  },
});
