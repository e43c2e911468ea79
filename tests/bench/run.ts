import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from '../support/api';
import { type Kiosk, startKiosk, tempDataDir } from '../support/kiosk';
import { Db } from '../support/sqlite';
import { baselineRedemptions } from './baseline';
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

async function prepare(kiosk: Kiosk, shoppers: number): Promise<{ productId: number; people: Shopper[] }> {
  const api = new Api(kiosk.url);
  const admin = await api.staff('admin');
  const product = await admin.post<{ id: number }>('/api/products', {
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

async function redeemLevel(people: Shopper[], productId: number, clients: number, total: number) {
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

async function main(): Promise<void> {
  const dataDir = tempDataDir('kiosk-bench-');
  const firstStart = performance.now();
  const kiosk = await startKiosk({ dataDir });
  const firstStartMs = performance.now() - firstStart;
  const { productId, people } = await prepare(kiosk, Math.max(...LEVELS));

  // Warm up the server's code paths before measuring.
  await redeemLevel(people, productId, 4, 200);
  let done = 200;
  const rows: (string | number)[][] = [];
  const results = new Map<number, Awaited<ReturnType<typeof redeemLevel>>>();
  for (const clients of LEVELS) {
    const result = await redeemLevel(people, productId, clients, PER_LEVEL);
    results.set(clients, result);
    done += PER_LEVEL;
  }
  if (done < RSS_AFTER) await redeemLevel(people, productId, 8, RSS_AFTER - done);
  const rss = rssMb(kiosk.child.pid!);
  await kiosk.stop();

  // Baseline on a copy of the same database file, measured in this same run.
  const basePath = join(tempDataDir('kiosk-bench-base-'), 'kiosk.sqlite');
  copyFileSync(join(dataDir, 'kiosk.sqlite'), basePath);
  const db = await Db.open(basePath);
  const row = (await db.get<{ accountId: string; memberId: string }>(
    `SELECT m.accountId AS accountId, m.id AS memberId FROM members m JOIN accounts a ON a.id = m.accountId ORDER BY a.balance DESC LIMIT 1`,
  ))!;
  await db.exec(`UPDATE accounts SET balance = 1000000 WHERE id = '${row.accountId}'`);
  await db.close();
  const baseline = await baselineRedemptions(basePath, row.accountId, productId, row.memberId, PER_LEVEL);
  baseline.latencies.sort((a, b) => a - b);

  for (const clients of LEVELS) {
    const r = results.get(clients)!;
    rows.push([
      `server, ${clients} client${clients > 1 ? 's' : ''}`,
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      Math.round(r.throughput),
      `${((r.throughput / baseline.throughput) * 100).toFixed(0)}%`,
    ]);
  }
  rows.push([
    'baseline: same writes, in-process sqlite3',
    percentile(baseline.latencies, 50).toFixed(2),
    percentile(baseline.latencies, 99).toFixed(2),
    Math.round(baseline.throughput),
    '100%',
  ]);

  const starts = await coldStarts(dataDir, 5);
  const p99At8 = results.get(8)!.p99;
  const ratioAt8 = results.get(8)!.throughput / baseline.throughput;
  const out = [
    `Redemptions (${PER_LEVEL} per row, 1 point each, PRINTER=none, synchronous=FULL)`,
    table(['what', 'p50 ms', 'p99 ms', 'redemptions/s', 'vs baseline'], rows),
    '',
    table(
      ['figure', 'measured', 'target', 'met'],
      [
        ['p99 at 8 clients', `${p99At8.toFixed(2)} ms`, '≤ 10 ms', p99At8 <= 10 ? 'yes' : 'NO'],
        [
          'throughput at 8 clients vs baseline',
          `${(ratioAt8 * 100).toFixed(0)}%`,
          '≥ 50%',
          ratioAt8 >= 0.5 ? 'yes' : 'NO',
        ],
        [`server RSS after ${RSS_AFTER} redemptions`, `${rss.toFixed(0)} MB`, '≤ 120 MB', rss <= 120 ? 'yes' : 'NO'],
        [
          'cold start (median of 5, seeded data dir)',
          `${median(starts).toFixed(0)} ms`,
          '≤ 2000 ms',
          median(starts) <= 2000 ? 'yes' : 'NO',
        ],
        ['first start (migrations + demo seed)', `${firstStartMs.toFixed(0)} ms`, '—', '—'],
      ],
    ),
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

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
