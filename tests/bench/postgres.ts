import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/kiosk';
import { freePort } from '../support/net';
import { withAdmin } from '../support/postgres';

const SCRIPT = join(ROOT, 'tests', 'support', 'postgres.sh');

export interface BenchPostgres {
  /** A fresh, empty database on the server. */
  createDatabase: () => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * The PostgreSQL server the benchmark runs on: BENCH_PG_URL (a superuser URL), else a throwaway
 * cluster with durable settings (fsync and synchronous commit on, like a real server, unlike the
 * tests' cluster). Returns the reason instead where none can be had.
 */
export async function benchPostgres(): Promise<BenchPostgres | string> {
  const given = process.env.BENCH_PG_URL;
  let adminUrl: string;
  let stopCluster = async (): Promise<void> => undefined;
  if (given) {
    adminUrl = given;
  } else {
    const check = spawnSync('bash', [SCRIPT, 'check'], { encoding: 'utf8' });
    if (check.status !== 0) return (check.stdout || check.stderr).trim();
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-pg-'));
    const port = await freePort();
    const started = spawnSync('bash', [SCRIPT, 'start', dir, String(port)], {
      encoding: 'utf8',
      env: { ...process.env, POSTGRES_DURABLE: '1' },
    });
    if (started.status !== 0) return `could not start PostgreSQL: ${started.stderr.trim()}`;
    adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    stopCluster = async () => void spawnSync('bash', [SCRIPT, 'stop', dir]);
  }
  const made: string[] = [];
  return {
    createDatabase: async () => {
      const name = `kiosk_bench_${randomBytes(4).toString('hex')}`;
      await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`), adminUrl);
      made.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop: async () => {
      await withAdmin(async (client) => {
        for (const name of made) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }, adminUrl);
      await stopCluster();
    },
  };
}

/**
 * The PostgreSQL floor: the same writes a redemption makes (balance, stock, ledger entry,
 * redemption row) as one transaction, straight into the kiosk's database from one client in this
 * process, one after another. No HTTP, no validation, no framework; triggers and checks stay.
 */
export async function baselinePostgres(url: string, productId: string, count: number) {
  return withAdmin(async (db) => {
    const { rows } = await db.query<{ accountId: string; memberId: string }>(
      `SELECT m."accountId" AS "accountId", m."id" AS "memberId" FROM "members" m
       JOIN "accounts" a ON a."id" = m."accountId" ORDER BY a."balance" DESC LIMIT 1`,
    );
    const { accountId, memberId } = rows[0]!;
    await db.query(`UPDATE "accounts" SET "balance" = 1000000 WHERE "id" = $1`, [accountId]);
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      const ledgerId = randomUUID();
      const redemptionId = randomUUID();
      const now = new Date().toISOString();
      await db.query('BEGIN');
      await db.query({
        name: 'b1',
        text: `UPDATE "accounts" SET "balance" = "balance" - 1 WHERE "id" = $1 AND "balance" >= 1`,
        values: [accountId],
      });
      await db.query({
        name: 'b2',
        text: `UPDATE "products" SET "stock" = "stock" - 1 WHERE "id" = $1 AND "stock" >= 1`,
        values: [productId],
      });
      await db.query({
        name: 'b3',
        text: `INSERT INTO "ledger_entries" ("id", "accountId", "delta", "balanceAfter", "kind", "reason", "actor",
          "kioskId", "seq", "refId", "createdAt", "prevHash", "hash")
          VALUES ($1, $2, -1, 0, 'redeem', 'bench', 'bench', 'BASE', $3, $4, $5, '0', '0')`,
        values: [ledgerId, accountId, i + 1, redemptionId, now],
      });
      await db.query({
        name: 'b4',
        text: `INSERT INTO "redemptions" ("id", "receiptNo", "accountId", "memberId", "cardNo", "totalPoints",
          "balanceBefore", "balanceAfter", "status", "ledgerEntryId", "kioskId", "createdAt")
          VALUES ($1, $2, $3, $4, 'bench', 1, 1, 0, 'completed', $5, 'BASE', $6)`,
        values: [redemptionId, `BASE-${i}`, accountId, memberId, ledgerId, now],
      });
      await db.query('COMMIT');
      latencies.push(performance.now() - t0);
    }
    const seconds = (performance.now() - started) / 1000;
    return { latencies, throughput: count / seconds };
  }, url);
}
