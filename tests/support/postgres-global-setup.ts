import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './net';
import { dropRunDatabases } from './postgres';

/**
 * Vitest global setup of the projects that need PostgreSQL. With KIOSK_TEST_PG_URL given (CI starts
 * its own cluster) it uses that server; otherwise it starts a throwaway cluster with postgres.sh
 * and stops it at the end. vitest.config.mts only adds this setup where postgres.sh said a cluster
 * can be started, so a failure here is an error, never a skip.
 *
 * Several projects use it in one vitest process: the first starts the cluster, the last stops it.
 * Workers inherit process.env as it is once every global setup has run.
 */
const SCRIPT = join(__dirname, 'postgres.sh');

interface Shared {
  users: number;
  stop: () => Promise<void>;
}

const KEY = Symbol.for('kiosk.tests.postgres');
const registry = globalThis as typeof globalThis & { [KEY]?: Shared };

async function start(): Promise<() => Promise<void>> {
  const run = randomBytes(3).toString('hex');
  process.env.KIOSK_TEST_PG_RUN = run;
  if (process.env.KIOSK_TEST_PG_URL) {
    // Someone else's server: leave it as found.
    return () => dropRunDatabases(run);
  }
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-test-pg-'));
  const port = await freePort();
  const started = spawnSync('bash', [SCRIPT, 'start', dir, String(port)], { encoding: 'utf8' });
  if (started.status !== 0) {
    spawnSync('bash', [SCRIPT, 'stop', dir]);
    throw new Error(`could not start PostgreSQL for the tests:\n${started.stderr}${started.stdout}`);
  }
  process.env.KIOSK_TEST_PG_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return async () => {
    spawnSync('bash', [SCRIPT, 'stop', dir]);
    delete process.env.KIOSK_TEST_PG_URL;
  };
}

export async function setup(): Promise<void> {
  const shared = registry[KEY];
  if (shared) {
    shared.users += 1;
    return;
  }
  registry[KEY] = { users: 1, stop: await start() };
}

export async function teardown(): Promise<void> {
  const shared = registry[KEY];
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  delete registry[KEY];
  await shared.stop();
}
