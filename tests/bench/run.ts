import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from '../support/api';
import { type Kiosk, startKiosk, tempDataDir } from '../support/kiosk';
import { Db } from '../support/sqlite';
import { baselineRedemptions } from './baseline';
import { baselinePostgres, benchPostgres } from './postgres';
import { median, percentile, table } from './stats';

const LEVELS = [1, 8, 32];
const PER_LEVEL = Number(process.env.BENCH_REDEMPTIONS ?? 2000);
const RSS_AFTER = 10_000;

interface Shopper {
  api: Api;
  accountId: string;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function prepare(kiosk: Kiosk, shoppers: number): Promise<{ productId: string; people: Shopper[] }> {
  const api = new Api(kiosk.url);
  const admin = await api.staff('admin');
  const product = await admin.post<{ id: string }>('/api/products', {
    name: '压测香皂',
    category: '日化',
    pricePoints: 1,
    stock: 100_000,
  });
  const people: Shopper[] = [];
  for (let i = 0; i < shoppers; i++) {
    const member = await admin.post<{ account: { id: string }; card: { qr: string } }>('/api/members', {
      name: `压测${i}`,
    });
    for (let k = 0; k < 5; k++) {
      await admin.post('/api/points/awards', { accountId: member.body.account.id, points: 1000, reason: '压测' });
    }
    const { api: resident, accountId } = await api.resident(member.body.card.qr);
    people.push({ api: resident, accountId });
  }
  return { productId: product.body.id, people };
}

let keyCounter = 0;

async function redeemLevel(people: Shopper[], productId: string, clients: number, total: number) {
  const latencies: number[] = [];
  let remaining = total;
  const started = performance.now();
  await Promise.all(
    people.slice(0, clients).map(async (shopper) => {
      while (remaining > 0) {
        remaining -= 1;
        const t0 = performance.now();
        const response = await shopper.api.post(
          '/api/redemptions',
          { items: [{ productId, quantity: 1 }] },
          {
            'idempotency-key': `bench-${process.pid}-${++keyCounter}`,
          },
        );
        latencies.push(performance.now() - t0);
        if (response.status !== 201) throw new Error(`redemption failed: ${response.status} ${response.text}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), throughput: total / seconds };
}

async function coldStarts(dataDir: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const kiosk = await startKiosk({ dataDir });
    times.push(performance.now() - t0);
    await kiosk.stop();
  }
  return times;
}

type Level = Awaited<ReturnType<typeof redeemLevel>>;

interface ServerRun {
  levels: Map<number, Level>;
  rssMb: number;
  productId: string;
}

/** Warm-up, then every level of clients, then enough redemptions for the memory figure; stops the kiosk. */
async function measureServer(kiosk: Kiosk): Promise<ServerRun> {
  const { productId, people } = await prepare(kiosk, Math.max(...LEVELS));
  await redeemLevel(people, productId, 4, 200);
  let done = 200;
  const levels = new Map<number, Level>();
  for (const clients of LEVELS) {
    levels.set(clients, await redeemLevel(people, productId, clients, PER_LEVEL));
    done += PER_LEVEL;
  }
  if (done < RSS_AFTER) await redeemLevel(people, productId, 8, RSS_AFTER - done);
  const rss = rssMb(kiosk.child.pid!);
  await kiosk.stop();
  return { levels, rssMb: rss, productId };
}

function rowsOf(engine: string, run: ServerRun, baseline: { latencies: number[]; throughput: number }) {
  const rows: (string | number)[][] = LEVELS.map((clients) => {
    const r = run.levels.get(clients)!;
    return [
      `${engine} server, ${clients} client${clients > 1 ? 's' : ''}`,
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      Math.round(r.throughput),
      `${((r.throughput / baseline.throughput) * 100).toFixed(0)}%`,
    ];
  });
  const sorted = [...baseline.latencies].sort((a, b) => a - b);
  rows.push([
    `${engine} baseline: same writes, in-process`,
    percentile(sorted, 50).toFixed(2),
    percentile(sorted, 99).toFixed(2),
    Math.round(baseline.throughput),
    '100%',
  ]);
  return rows;
}

function targetRows(engine: string, run: ServerRun, baseline: { throughput: number }): (string | number)[][] {
  const p99At8 = run.levels.get(8)!.p99;
  const ratioAt8 = run.levels.get(8)!.throughput / baseline.throughput;
  return [
    [`${engine}: p99 at 8 clients`, `${p99At8.toFixed(2)} ms`, '≤ 10 ms', p99At8 <= 10 ? 'yes' : 'NO'],
    [
      `${engine}: throughput at 8 clients vs baseline`,
      `${(ratioAt8 * 100).toFixed(0)}%`,
      '≥ 50%',
      ratioAt8 >= 0.5 ? 'yes' : 'NO',
    ],
    [
      `${engine}: server RSS after ${RSS_AFTER} redemptions`,
      `${run.rssMb.toFixed(0)} MB`,
      '≤ 120 MB',
      run.rssMb <= 120 ? 'yes' : 'NO',
    ],
  ];
}

/** The SQLite baseline on a copy of the kiosk's own database file, measured in this same run. */
async function sqliteBaseline(dataDir: string, productId: string) {
  const basePath = join(tempDataDir('kiosk-bench-base-'), 'kiosk.sqlite');
  copyFileSync(join(dataDir, 'kiosk.sqlite'), basePath);
  const db = await Db.open(basePath);
  const row = (await db.get<{ accountId: string; memberId: string }>(
    `SELECT m."accountId" AS "accountId", m."id" AS "memberId" FROM "members" m
     JOIN "accounts" a ON a."id" = m."accountId" ORDER BY a."balance" DESC LIMIT 1`,
  ))!;
  await db.exec(`UPDATE "accounts" SET "balance" = 1000000 WHERE "id" = '${row.accountId}'`);
  await db.close();
  return baselineRedemptions(basePath, row.accountId, productId, row.memberId, PER_LEVEL);
}

async function main(): Promise<void> {
  const dataDir = tempDataDir('kiosk-bench-');
  const firstStart = performance.now();
  const kiosk = await startKiosk({ dataDir });
  const firstStartMs = performance.now() - firstStart;
  const sqlite = await measureServer(kiosk);
  const sqliteBase = await sqliteBaseline(dataDir, sqlite.productId);
  const rows = rowsOf('SQLite', sqlite, sqliteBase);
  const targets = targetRows('SQLite', sqlite, sqliteBase);

  // The same on PostgreSQL: a fresh database for the server, the baseline on that same database after it.
  const postgres = await benchPostgres();
  let postgresNote = '';
  if (typeof postgres === 'string') {
    postgresNote = `PostgreSQL rows skipped: ${postgres}`;
  } else {
    try {
      const url = await postgres.createDatabase();
      const pgRun = await measureServer(
        await startKiosk({ dataDir: tempDataDir('kiosk-bench-pg-'), env: { DATABASE_URL: url } }),
      );
      const pgBase = await baselinePostgres(url, pgRun.productId, PER_LEVEL);
      rows.push(...rowsOf('PostgreSQL', pgRun, pgBase));
      targets.push(...targetRows('PostgreSQL', pgRun, pgBase));
    } finally {
      await postgres.stop();
    }
  }

  const starts = await coldStarts(dataDir, 5);
  targets.push(
    [
      'cold start (median of 5, seeded SQLite data dir)',
      `${median(starts).toFixed(0)} ms`,
      '≤ 2000 ms',
      median(starts) <= 2000 ? 'yes' : 'NO',
    ],
    ['first start (migrations + demo seed)', `${firstStartMs.toFixed(0)} ms`, '—', '—'],
  );
  const out = [
    `Redemptions (${PER_LEVEL} per row, 1 point each, PRINTER=none; SQLite synchronous=FULL, PostgreSQL fsync and synchronous_commit on)`,
    table(['what', 'p50 ms', 'p99 ms', 'redemptions/s', 'vs baseline'], rows),
    ...(postgresNote ? [postgresNote] : []),
    '',
    table(['figure', 'measured', 'target', 'met'], targets),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  await uiFigures();
}

/** The touchscreen's own figures (bundle size, first paint, scan to balance) when the browser is there. */
async function uiFigures(): Promise<void> {
  try {
    // resolved at run time: the figures module needs the browser packages, the server benchmark does not
    const { measureUi } = (await import(join(__dirname, 'ui-figures.js'))) as {
      measureUi: () => Promise<Record<string, string | number>>;
    };
    const figures = await measureUi();
    process.stdout.write(`\nTouchscreen\n${table(['figure', 'measured'], Object.entries(figures))}\n`);
  } catch (error) {
    process.stdout.write(`\nTouchscreen figures skipped: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

// `npm run bench -- sync` (or BENCH=sync) runs the sync figures instead: they start a hub and kiosks of their own
const which = process.argv[2] ?? process.env.BENCH;
if (which === 'sync') void import(join(__dirname, 'sync.js'));
// `npm run bench -- district`: the hub's district reports on a filled district (a hub of its own)
else if (which === 'district') void import(join(__dirname, 'district.js'));
else {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
