import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// One command runs every suite; each package keeps its tests beside its code.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'hardware',
          root: 'hardware',
          include: ['src/**/*.spec.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          root: 'kiosk-server',
          include: ['src/**/*.spec.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // Compiles the UI's rune modules (`*.svelte.ts`) so their state classes can be tested too.
        plugins: [svelte({ configFile: false })],
        test: {
          name: 'ui',
          root: 'kiosk-ui',
          include: ['src/**/*.spec.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          root: 'tests',
          include: ['**/*.test.ts'],
          exclude: ['**/node_modules/**', 'dist/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
