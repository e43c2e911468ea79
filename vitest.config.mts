import { svelte } from '@sveltejs/vite-plugin-svelte';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * PostgreSQL: the server given in KIOSK_TEST_PG_URL (CI starts one), else a throwaway cluster that
 * the global setup starts, where this machine has Debian's binaries to run one. Decided here,
 * before any project is built: without PostgreSQL its projects run one test reported as skipped,
 * with the reason, instead of passing.
 */
const POSTGRES_SCRIPT = fileURLToPath(new URL('tests/support/postgres.sh', import.meta.url));
const POSTGRES_SETUP = fileURLToPath(new URL('tests/support/postgres-global-setup.ts', import.meta.url));

function postgresUnavailable(): string | undefined {
  if (process.env.KIOSK_TEST_PG === 'off') return 'switched off with KIOSK_TEST_PG=off';
  if (process.env.KIOSK_TEST_PG_URL) return undefined;
  const check = spawnSync('bash', [POSTGRES_SCRIPT, 'check'], { encoding: 'utf8' });
  if (check.status === 0) return undefined;
  return (check.stdout || check.stderr || check.error?.message || 'postgres.sh check failed').trim();
}

const postgresSkipReason = postgresUnavailable();
const skipEnv = postgresSkipReason ? { KIOSK_TEST_PG_SKIP_REASON: postgresSkipReason, KIOSK_TEST_PG_URL: '' } : {};
const withPostgres = postgresSkipReason ? { env: skipEnv } : { globalSetup: [POSTGRES_SETUP] };

/**
 * The kiosk-level suites: each file starts real servers. Both engines' projects share one group of
 * two workers, so two files run at a time (on 2 cores `npm test` took 5.5 min this way, 8.8 min
 * one file at a time; no test got flaky in repeated runs).
 */
const integration = {
  testTimeout: 120_000,
  hookTimeout: 120_000,
  maxWorkers: 2,
  sequence: { groupOrder: 1 },
};

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
          // the schema comparison and the write queue run on PostgreSQL too (skipped, with the reason, without it)
          ...withPostgres,
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
          exclude: ['**/node_modules/**', 'dist/**', 'support/**'],
          ...integration,
        },
      },
      {
        // The same API and printing suites with every kiosk on its own PostgreSQL database. The browser
        // tests and the upgrade from release 0.1 (a SQLite file) stay on SQLite.
        test: {
          name: 'integration-postgres',
          root: 'tests',
          ...integration,
          ...(postgresSkipReason
            ? { include: ['support/postgres-unavailable.test.ts'], env: skipEnv }
            : {
                include: ['api/**/*.test.ts', 'printing/**/*.test.ts', 'sync/**/*.test.ts'],
                env: { KIOSK_TEST_ENGINE: 'postgres' },
                globalSetup: [POSTGRES_SETUP],
                setupFiles: ['support/postgres-per-file.ts'],
              }),
        },
      },
    ],
  },
});
