import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Client } from 'pg';
import { Api } from '../support/api';
import { ADMIN_PIN, type Kiosk, ROOT, startKiosk, tempDataDir } from '../support/kiosk';
import { withAdmin } from '../support/postgres';
import { benchPostgres } from './postgres';
import { median, percentile, table } from './stats';

/*
 * District reports at scale: a hub (the built server, KIOSK_ROLE=hub, on PostgreSQL) whose tables are
 * filled straight with SQL (generate_series) as a district of hundreds of stores would have them
 * after a year, then the ranking, the settlement and the passbook read over HTTP, and the same
 * report SQL run directly to separate the database's share from HTTP, tallying and rendering.
 *
 * The fixture is not a test of sync: ledger rows carry placeholder hashes (`prevHash` '0', `hash` an
 * md5), so the hash chains do NOT verify; balances and `balanceAfter` are placeholders too. The
 * reports read neither.
 */

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const STORES = env('BENCH_DISTRICT_STORES', 200);
/** Accounts; every fourth is a household of two members, so 800 000 accounts hold 1 000 000 members. */
const ACCOUNTS = env('BENCH_DISTRICT_ACCOUNTS', 800_000);
const ENTRIES = env('BENCH_DISTRICT_ENTRIES', 5_000_000);
/** Sync journal rows (a tenth carry a goods delivery), what the settlement's goods received reads. */
const JOURNAL = env('BENCH_DISTRICT_JOURNAL', 500_000);
const RUNS = env('BENCH_DISTRICT_RUNS', 7);
const BALANCE_READS = env('BENCH_DISTRICT_READS', 200);
/** A report call taking longer is abandoned (and the hub restarted: it may be stuck computing). */
const TIMEOUT_MS = env('BENCH_DISTRICT_TIMEOUT_S', 60) * 1000;
const GOAL_MS = 1000;
/** The README's goal for reading one balance at the hub on 5 000 000 entries (p99). */
const BALANCE_GOAL_MS = 5;

// Twelve months of data; the reports ask for a month and a quarter inside them.
const START = '2025-11-01T00:00:00Z';
const SPAN_SECONDS = 365 * 86_400;
const MONTH = { year: 2026, month: 9 };
const QUARTER = { year: 2026, quarter: 3 };
const MONTH_TEXT = `${MONTH.year}-${String(MONTH.month).padStart(2, '0')}`;
const QUARTER_TEXT = `${QUARTER.year}-Q${QUARTER.quarter}`;
const PRODUCTS = 50;
const ACTIVITIES = 10;
/** Consecutive ledger entries per award event (a member checked in twice keeps the first). */
const EVENT_BLOCK = 500;

// The product's own report SQL, from its built output: the direct baseline runs exactly what the hub runs.
const server = createRequire(join(ROOT, 'kiosk-server', 'dist', 'main.js'));
const { DistrictRepository } = server(
  './district/district.repository.js',
) as typeof import('../../kiosk-server/dist/district/district.repository');
const { monthBounds } = server(
  './rankings/rankings.service.js',
) as typeof import('../../kiosk-server/dist/rankings/rankings.service');
const { quarterBounds } = server(
  './district/district.service.js',
) as typeof import('../../kiosk-server/dist/district/district.service');

type Row = (string | number)[];
interface Statement {
  text: string;
  values: unknown[];
}

/** The statements a repository call sends, with `?` turned into PostgreSQL's `$n`. */
async function statementsOf(
  call: (repository: InstanceType<typeof DistrictRepository>) => Promise<unknown>,
): Promise<Statement[]> {
  const sent: Statement[] = [];
  const recorder = {
    all: (sql: string, params: readonly unknown[] = []) => {
      let n = 0;
      sent.push({ text: sql.replace(/\?/g, () => `$${++n}`), values: [...params] });
      return Promise.resolve([]);
    },
  };
  await call(new DistrictRepository(recorder as unknown as ConstructorParameters<typeof DistrictRepository>[0]));
  return sent;
}

// ---- the fixture ----------------------------------------------------------------------------------

const iso = (ts: string) => `to_char((${ts}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** The instant of the n-th of `count` rows spread evenly over the twelve months. */
const at = (n: string, count: number) =>
  `(TIMESTAMPTZ '${START}' + (${n}::float8 * ${SPAN_SECONDS} / ${count}) * INTERVAL '1 second')`;
/** A deterministic id shaped like the product's (version 7, RFC variant), which the routes validate. */
const uuid = (prefix: string, n: string) =>
  `overlay(overlay(md5('${prefix}' || (${n})) placing '7' from 13) placing '8' from 17)::uuid::text`;
const storeOf = (account: string) => `((${account}) % ${STORES} + 1)`;
const storeName = (store: string) => `'店' || lpad((${store})::text, 3, '0')`;
const originOf = (store: string) => `'O' || lpad((${store})::text, 3, '0')`;
/** A number in [0, n) from a hash of `x`: spreads rows over accounts and stores without patterns. */
const spread = (x: string, n: number) => `((hashint8((${x})::bigint)::bigint + 2147483648) % ${n})`;
/** The account of the i-th ledger entry. */
const accountOf = (i: string) => `(${spread(i, ACCOUNTS)} + 1)`;

async function timed(db: Client, label: string, sql: string, fill: Row[]): Promise<void> {
  const t0 = performance.now();
  const result = await db.query(sql);
  fill.push([label, result.rowCount ?? 0, ((performance.now() - t0) / 1000).toFixed(1)]);
}

/**
 * Fills the hub's tables. Secondary indexes are dropped first and built again after (exactly as
 * the migrations made them), and foreign-key triggers are off for the session
 * (session_replication_role): the rows are consistent by construction and this is much faster.
 */
async function fill(db: Client, stores: string[]): Promise<Row[]> {
  const rows: Row[] = [];
  const tables = [
    'accounts',
    'members',
    'ledger_entries',
    'event_check_ins',
    'award_events',
    'redemptions',
    'redemption_lines',
    'sync_journal',
    'hub_account_stores',
  ];
  await db.query(`SET session_replication_role = replica`);
  await db.query(`SET synchronous_commit = off`);
  await db.query(`SET maintenance_work_mem = '256MB'`);
  // the check-ins' unique index stays: a member checked in twice at one event keeps the first row
  const { rows: indexes } = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1)
        AND indexname NOT IN (SELECT conname FROM pg_constraint)
        AND indexname <> 'IDX_event_check_ins_event_member'`,
    [tables],
  );
  for (const index of indexes) await db.query(`DROP INDEX "${index.indexname}"`);

  const origins = stores.map((_, i) => `('O${String(i + 1).padStart(3, '0')}', ${i + 1})`).join(', ');
  await db.query(
    `INSERT INTO "hub_origins" ("origin", "kioskId", "boundAt")
     SELECT v.origin, k."kioskId", '${START}' FROM (VALUES ${origins}) v(origin, n)
       JOIN "hub_kiosks" k ON k."store" = ${storeName('v.n')}`,
  );
  await db.query(
    `UPDATE "hub_kiosks" k SET "origin" = o."origin" FROM "hub_origins" o WHERE o."kioskId" = k."kioskId"`,
  );
  await db.query(
    `INSERT INTO "activities" ("id", "name", "defaultPoints")
     SELECT ${uuid('act', 'n')}, '活动类型' || n, 10 FROM generate_series(0, ${ACTIVITIES - 1}) n`,
  );
  await db.query(
    `INSERT INTO "products" ("id", "name", "category", "pricePoints", "stock", "createdAt", "updatedAt")
     SELECT ${uuid('p', 'n')}, '商品' || n, '日化', 10, 1000, '${START}', '${START}'
       FROM generate_series(0, ${PRODUCTS - 1}) n`,
  );
  await timed(
    db,
    'accounts (every 4th a household)',
    `INSERT INTO "accounts" ("id", "kind", "name", "balance", "createdAt")
     SELECT ${uuid('a', 'a')}, CASE WHEN a % 4 = 0 THEN 'household' ELSE 'person' END, '居民' || a, 1000,
            ${iso(`TIMESTAMPTZ '2025-01-01T00:00:00Z' + a * INTERVAL '1 second'`)}
       FROM generate_series(1, ${ACCOUNTS}) a`,
    rows,
  );
  await timed(
    db,
    'hub_account_stores',
    `INSERT INTO "hub_account_stores" ("accountId", "store")
     SELECT ${uuid('a', 'a')}, ${storeName(storeOf('a'))} FROM generate_series(1, ${ACCOUNTS}) a`,
    rows,
  );
  await timed(
    db,
    'members (households: two)',
    `INSERT INTO "members" ("id", "accountId", "name", "household", "createdAt")
     SELECT ${uuid('m', 'a')}, ${uuid('a', 'a')}, '居民' || a, NULL,
            ${iso(`TIMESTAMPTZ '2025-01-01T00:00:00Z' + a * INTERVAL '1 second'`)}
       FROM generate_series(1, ${ACCOUNTS}) a
     UNION ALL
     SELECT ${uuid('n', 'a')}, ${uuid('a', 'a')}, '家人' || a, NULL,
            ${iso(`TIMESTAMPTZ '2025-06-01T00:00:00Z' + a * INTERVAL '1 second'`)}
       FROM generate_series(4, ${ACCOUNTS}, 4) a`,
    rows,
  );
  // i % 20: 0–13 award (0–2 at an event, 3–4 for an activity), 14–18 redeem, 19 adjust.
  await timed(
    db,
    'ledger_entries (70% award, 25% redeem, 5% adjust)',
    `INSERT INTO "ledger_entries" ("id", "accountId", "delta", "balanceAfter", "kind", "reason", "actor",
            "kioskId", "seq", "refId", "createdAt", "prevHash", "hash")
     SELECT ${uuid('l', 'i')}, ${uuid('a', accountOf('i'))},
            CASE WHEN i % 20 < 14 THEN 10 + (i % 5) * 10 WHEN i % 20 < 19 THEN -(5 + (i % 4) * 5)
                 WHEN i % 40 = 19 THEN 20 ELSE -5 END,
            1000,
            CASE WHEN i % 20 < 14 THEN 'award' WHEN i % 20 < 19 THEN 'redeem' ELSE 'adjust' END,
            CASE WHEN i % 20 < 14 THEN '志愿服务' WHEN i % 20 < 19 THEN '兑换' ELSE '更正' END,
            'staff:admin', ${originOf(storeOf(accountOf('i')))}, i,
            CASE WHEN i % 20 < 3 THEN 'event:' || ${uuid('e', `i / ${EVENT_BLOCK}`)}
                 WHEN i % 20 < 5 THEN 'activity:' || ${uuid('act', `i % ${ACTIVITIES}`)}
                 WHEN i % 20 BETWEEN 14 AND 18 THEN ${uuid('r', 'i')} END,
            ${iso(at('i', ENTRIES))}, '0', md5('h' || i)
       FROM generate_series(1, ${ENTRIES}) i`,
    rows,
  );
  await timed(
    db,
    'award_events',
    `INSERT INTO "award_events" ("id", "activityId", "name", "points", "createdBy", "createdAt", "closedAt")
     SELECT ${uuid('e', 'b')}, ${uuid('act', `b % ${ACTIVITIES}`)}, '活动' || b, 20, 'staff:admin',
            ${iso(at(`b * ${EVENT_BLOCK}`, ENTRIES))}, NULL
       FROM generate_series(0, ${Math.floor(ENTRIES / EVENT_BLOCK)}) b`,
    rows,
  );
  await timed(
    db,
    'event_check_ins (15% of entries)',
    `INSERT INTO "event_check_ins" ("id", "eventId", "memberId", "ledgerEntryId", "createdAt")
     SELECT ${uuid('c', 'i')}, ${uuid('e', `i / ${EVENT_BLOCK}`)},
            CASE WHEN ${accountOf('i')} % 4 = 0 AND i % 2 = 0 THEN ${uuid('n', accountOf('i'))}
                 ELSE ${uuid('m', accountOf('i'))} END,
            ${uuid('l', 'i')}, ${iso(at('i', ENTRIES))}
       FROM generate_series(1, ${ENTRIES}) i WHERE i % 20 < 3
     ON CONFLICT DO NOTHING`,
    rows,
  );
  const { from, to } = quarterBounds(QUARTER);
  const inQuarter = `FROM generate_series(1, ${ENTRIES}) i
       WHERE i % 20 BETWEEN 14 AND 18 AND ${at('i', ENTRIES)} >= TIMESTAMPTZ '${from}'
         AND ${at('i', ENTRIES)} < TIMESTAMPTZ '${to}'`;
  await timed(
    db,
    `redemptions (the redeem entries of ${QUARTER_TEXT}, 2% voided)`,
    `INSERT INTO "redemptions" ("id", "receiptNo", "accountId", "memberId", "cardNo", "totalPoints", "balanceBefore",
            "balanceAfter", "status", "ledgerEntryId", "voidReason", "voidedBy", "voidedAt", "kioskId", "createdAt")
     SELECT ${uuid('r', 'i')}, 'R' || i, ${uuid('a', accountOf('i'))}, ${uuid('m', accountOf('i'))},
            'C' || ${accountOf('i')}, 5 + (i % 4) * 5, 1000, 995 - (i % 4) * 5,
            CASE WHEN i % 50 = 14 THEN 'voided' ELSE 'completed' END, ${uuid('l', 'i')},
            CASE WHEN i % 50 = 14 THEN '退货' END, CASE WHEN i % 50 = 14 THEN 'staff:admin' END,
            CASE WHEN i % 50 = 14 THEN ${iso(at('i', ENTRIES))} END,
            ${originOf(storeOf(accountOf('i')))}, ${iso(at('i', ENTRIES))}
       ${inQuarter}`,
    rows,
  );
  await timed(
    db,
    'redemption_lines (one a redemption)',
    `INSERT INTO "redemption_lines" ("id", "redemptionId", "productId", "productName", "pricePoints", "quantity",
            "lineTotal")
     SELECT ${uuid('rl', 'i')}, ${uuid('r', 'i')}, ${uuid('p', `i % ${PRODUCTS}`)}, '商品' || (i % ${PRODUCTS}),
            5 + (i % 4) * 5, 1, 5 + (i % 4) * 5
       ${inQuarter}`,
    rows,
  );
  // A tenth of the journal rows carry a delivery (restock) of goods, the rest a ledger entry.
  const movement = `'[{"table":"stock_movements","row":{"id":"' || ${uuid('s', 'j')} || '","productId":"' ||
      ${uuid('p', `j % ${PRODUCTS}`)} || '","delta":24,"stockAfter":100,"reason":"restock","note":null,' ||
      '"actor":"staff:admin","refId":null,"createdAt":"' || ${iso(at('j', JOURNAL))} || '"}}]'`;
  const entry = `'[{"table":"ledger_entries","row":{"id":"' || ${uuid('jl', 'j')} || '","accountId":"' ||
      ${uuid('a', accountOf('j'))} || '","delta":10,"balanceAfter":1000,"kind":"award","reason":"志愿服务",' ||
      '"actor":"staff:admin","createdAt":"' || ${iso(at('j', JOURNAL))} || '"}}]'`;
  await timed(
    db,
    'sync_journal (10% deliveries)',
    `INSERT INTO "sync_journal" ("origin", "seq", "hlc", "changes", "prevHash", "hash", "store", "hubSeq", "createdAt")
     SELECT ${originOf(`${spread(`-j`, STORES)} + 1`)}, j, lpad(j::text, 13, '0') || '.0000', 
            CASE WHEN j % 10 = 0 THEN ${movement} ELSE ${entry} END, '0', md5('j' || j),
            ${storeName(`${spread(`-j`, STORES)} + 1`)}, j, ${iso(at('j', JOURNAL))}
       FROM generate_series(1, ${JOURNAL}) j`,
    rows,
  );
  const t0 = performance.now();
  for (const index of indexes) await db.query(index.indexdef);
  rows.push([`${indexes.length} secondary indexes built again`, '', ((performance.now() - t0) / 1000).toFixed(1)]);
  await db.query(`RESET session_replication_role`);
  const t1 = performance.now();
  // as autovacuum would have done on a hub that grew over a year (visibility map, statistics)
  await db.query(`VACUUM ANALYZE`);
  rows.push(['VACUUM ANALYZE', '', ((performance.now() - t1) / 1000).toFixed(1)]);
  return rows;
}

// ---- measuring --------------------------------------------------------------------------------------

interface Hub {
  kiosk: Kiosk;
  admin: Api;
  token: string;
}

async function startHub(dataDir: string, databaseUrl: string): Promise<Hub> {
  const kiosk = await startKiosk({ dataDir, env: { KIOSK_ROLE: 'hub', KIOSK_ID: 'HUB', DATABASE_URL: databaseUrl } });
  const session = await new Api(kiosk.url).post<{ token: string }>('/api/staff/sessions', {
    username: 'admin',
    pin: ADMIN_PIN,
  });
  if (session.status !== 201) throw new Error(`staff sign-in failed: ${session.text}`);
  return { kiosk, admin: new Api(kiosk.url, session.body.token), token: session.body.token };
}

/** One GET with the admin's token; throws on a status other than 200 or after the timeout. */
async function get(hub: Hub, path: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(`${hub.kiosk.url}${path}`, {
    headers: { authorization: `Bearer ${hub.token}` },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = await response.arrayBuffer();
  const ms = performance.now() - t0;
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${Buffer.from(body).toString()}`);
  return ms;
}

interface Timing {
  cold: number;
  times: number[];
  /** Set when the first call did not answer in time. */
  timedOut?: boolean;
}

/** A call abandoned after TIMEOUT_MS: fetch's abort, or PostgreSQL's statement_timeout. */
function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || (error as { code?: string }).code === '57014');
}

/** RUNS calls one after another; the first that times out ends them (the rest would only wait as long). */
async function repeat(call: () => Promise<number>): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    try {
      times.push(await call());
    } catch (error) {
      if (!isTimeout(error)) throw error;
      return { cold: times[0] ?? TIMEOUT_MS, times, timedOut: true };
    }
  }
  return { cold: times[0]!, times };
}

function sorted(values: number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function reportRow(what: string, timing: Timing | undefined, goal: number | null, note = ''): Row {
  if (!timing) return [what, '—', '—', '—', goal === null ? '—' : `≤ ${goal} ms`, note || 'not run'];
  if (timing.timedOut) {
    const cold = timing.times.length > 0 ? timing.cold.toFixed(1) : `> ${TIMEOUT_MS}`;
    return [what, `> ${TIMEOUT_MS}`, '—', cold, goal === null ? '—' : `≤ ${goal} ms`, 'NO (timed out)'];
  }
  const s = sorted(timing.times);
  const med = median(s);
  const p95 = percentile(s, 95);
  const met = goal === null ? '—' : p95 <= goal ? 'yes' : 'NO';
  return [what, med.toFixed(1), p95.toFixed(1), timing.cold.toFixed(1), goal === null ? '—' : `≤ ${goal} ms`, met];
}

async function runStatements(db: Client, statements: Statement[]): Promise<number> {
  const t0 = performance.now();
  for (const statement of statements) await db.query(statement);
  return performance.now() - t0;
}

/** The plans of a report's statements, as run; a statement that does not finish in time gets its plan only. */
async function explain(db: Client, label: string, statements: Statement[]): Promise<string[]> {
  const out = [`EXPLAIN (ANALYZE, BUFFERS) of ${label}:`];
  for (const statement of statements) {
    let plan: { 'QUERY PLAN': string }[];
    try {
      plan = (
        await db.query<{ 'QUERY PLAN': string }>({ ...statement, text: `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}` })
      ).rows;
    } catch (error) {
      if (!isTimeout(error)) throw error;
      out.push(`  (did not finish in ${TIMEOUT_MS} ms: EXPLAIN without ANALYZE)`);
      plan = (await db.query<{ 'QUERY PLAN': string }>({ ...statement, text: `EXPLAIN ${statement.text}` })).rows;
    }
    out.push(...plan.map((row) => `  ${row['QUERY PLAN']}`), '');
  }
  return out;
}

async function main(): Promise<void> {
  const postgres = await benchPostgres();
  if (typeof postgres === 'string') {
    process.stdout.write(`District figures skipped: the hub needs PostgreSQL (${postgres})\n`);
    return;
  }
  let hub: Hub | undefined;
  try {
    const databaseUrl = await postgres.createDatabase();
    const dataDir = tempDataDir('kiosk-bench-district-');
    hub = await startHub(dataDir, databaseUrl);
    const stores = Array.from({ length: STORES }, (_, i) => `店${String(i + 1).padStart(3, '0')}`);
    for (const store of stores) {
      const created = await hub.admin.post('/api/hub/kiosks', { store, name: '一号机' });
      if (created.status !== 201) throw new Error(`kiosk not created at the hub: ${created.text}`);
    }
    const store = stores[Math.floor(STORES / 2)]!;
    const fillStarted = performance.now();
    const { fillRows, size, countMs, accounts } = await withAdmin(async (db) => {
      const fillRows = await fill(db, stores);
      const size = (
        await db.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`)
      ).rows[0]!.size;
      const counts: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await db.query(`SELECT COUNT(*) FROM "ledger_entries"`);
        counts.push(performance.now() - t0);
      }
      const { rows } = await db.query<{ id: string }>(
        `SELECT "id" FROM "accounts" TABLESAMPLE SYSTEM (1) ORDER BY random() LIMIT ${BALANCE_READS}`,
      );
      return { fillRows, size, countMs: counts, accounts: rows.map((row) => row.id) };
    }, databaseUrl);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    process.stdout.write(
      `District fixture (${STORES} stores, ${ACCOUNTS} accounts, ${ENTRIES} ledger entries, ${JOURNAL} journal rows): ` +
        `filled in ${fillSeconds.toFixed(0)} s, database ${size}\n${table(['table', 'rows', 'seconds'], fillRows)}\n\n`,
    );

    // The report SQL as the hub sends it, run directly (one client, no HTTP, no tallying or rendering).
    const month = monthBounds(MONTH);
    const quarter = quarterBounds(QUARTER);
    const rankingSql = await statementsOf(async (r) => {
      await r.earnings(month.from, month.to, null);
      await r.membersOfEarners(month.from, month.to, null);
    });
    const storeRankingSql = await statementsOf(async (r) => {
      await r.hasStore(store);
      await r.earnings(month.from, month.to, store);
      await r.membersOfEarners(month.from, month.to, store);
    });
    const settlementSql = await statementsOf(async (r) => {
      await r.hasStore(store);
      await r.redeemedProducts(store, quarter.from, quarter.to);
      await r.voids(store, quarter.from, quarter.to);
      await r.entryGroups(store, quarter.from, quarter.to);
      await r.receivedMovements(store, quarter.from, quarter.to);
    });
    const direct = await withAdmin(async (db) => {
      await db.query(`SET statement_timeout = ${TIMEOUT_MS}`);
      const ranking = await repeat(() => runStatements(db, rankingSql));
      const storeRanking = await repeat(() => runStatements(db, storeRankingSql));
      const settlement = await repeat(() => runStatements(db, settlementSql));
      const balance: number[] = [];
      for (const id of accounts) {
        const t0 = performance.now();
        await db.query({ name: 'balance', text: `SELECT "balance" FROM "accounts" WHERE "id" = $1`, values: [id] });
        balance.push(performance.now() - t0);
      }
      return { ranking, storeRanking, settlement, balance };
    }, databaseUrl);

    // A benchmark of empty reports would prove nothing: the store's month and quarter must have figures.
    const sample = await hub.admin.get<{ totals: Record<string, number> }>(
      `/api/hub/settlement?store=${encodeURIComponent(store)}&quarter=${QUARTER_TEXT}`,
    );
    const ranked = await hub.admin.get<unknown[]>(
      `/api/hub/ranking?month=${MONTH_TEXT}&by=member&store=${encodeURIComponent(store)}`,
    );
    const totals = sample.body.totals;
    if (!totals || !(totals.redeemedQuantity! > 0 && totals.voidCount! > 0 && totals.receivedQuantity! > 0)) {
      throw new Error(`the fixture's settlement has empty sections: ${sample.text}`);
    }
    if (!Array.isArray(ranked.body) || ranked.body.length === 0) throw new Error(`empty ranking: ${ranked.text}`);
    process.stdout.write(
      `${store}, ${QUARTER_TEXT}: ${JSON.stringify(totals)}; ${MONTH_TEXT} ranking: ${ranked.body.length} rows\n\n`,
    );

    // Over HTTP. The district-wide ranking runs last: if it does not answer, the hub is restarted.
    const q = encodeURIComponent(store);
    const h = hub;
    const storeRanking = await repeat(() => get(h, `/api/hub/ranking?month=${MONTH_TEXT}&by=member&store=${q}`));
    const settlement = await repeat(() => get(h, `/api/hub/settlement?store=${q}&quarter=${QUARTER_TEXT}`));
    const settlementCsv = await repeat(() => get(h, `/api/hub/settlement.csv?store=${q}&quarter=${QUARTER_TEXT}`));
    const settlementPdf = await repeat(() => get(h, `/api/hub/settlement.pdf?store=${q}&quarter=${QUARTER_TEXT}`));
    const passbook: number[] = [];
    for (const id of accounts) passbook.push(await get(h, `/api/accounts/${id}/ledger`));
    const district = async (path: string): Promise<Timing> => {
      const timing = await repeat(() => get(hub!, path));
      if (timing.timedOut) {
        // the hub may still be busy with it, and so may its database: both stop, the hub starts again
        await hub!.kiosk.kill();
        await withAdmin(
          (db) =>
            db.query(
              `SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
            ),
          databaseUrl,
        );
        hub = await startHub(dataDir, databaseUrl);
      }
      return timing;
    };
    const ranking = await district(`/api/hub/ranking?month=${MONTH_TEXT}&by=member`);
    // the notice runs the same ranking first: after a timeout it would only hang the same way
    const rankingPdf = ranking.timedOut
      ? undefined
      : await district(`/api/hub/ranking.pdf?month=${MONTH_TEXT}&by=member`);

    const passbookSorted = sorted(passbook);
    const balanceSorted = sorted(direct.balance);
    const rows: Row[] = [
      reportRow(`district ranking by member, ${MONTH_TEXT} (HTTP)`, ranking, GOAL_MS),
      reportRow('  same SQL direct (earnings + members)', direct.ranking, null),
      reportRow(
        `district ranking PDF (HTTP)`,
        rankingPdf,
        GOAL_MS,
        ranking.timedOut ? 'not run (ranking timed out)' : '',
      ),
      reportRow(`one store's ranking (${store}, HTTP)`, storeRanking, GOAL_MS),
      reportRow('  same SQL direct', direct.storeRanking, null),
      reportRow(`settlement JSON (${store}, ${QUARTER_TEXT}, HTTP)`, settlement, GOAL_MS),
      reportRow('settlement CSV (HTTP)', settlementCsv, GOAL_MS),
      reportRow('settlement PDF (HTTP)', settlementPdf, GOAL_MS),
      reportRow('  same SQL direct (4 queries)', direct.settlement, null),
      [
        `passbook GET /api/accounts/:id/ledger, ${accounts.length} random accounts (p50 / p99)`,
        percentile(passbookSorted, 50).toFixed(1),
        percentile(passbookSorted, 99).toFixed(1),
        passbook[0]!.toFixed(1),
        `p99 ≤ ${BALANCE_GOAL_MS} ms`,
        percentile(passbookSorted, 99) <= BALANCE_GOAL_MS ? 'yes' : 'NO',
      ],
      [
        '  SELECT balance FROM accounts WHERE id (direct, p50 / p99)',
        percentile(balanceSorted, 50).toFixed(2),
        percentile(balanceSorted, 99).toFixed(2),
        direct.balance[0]!.toFixed(2),
        '—',
        '—',
      ],
      reportRow(`baseline: SELECT COUNT(*) FROM ledger_entries`, { cold: countMs[0]!, times: countMs }, null),
    ];
    process.stdout.write(
      `District reports at the hub (${RUNS} calls each, one after another; median / p95 over all ${RUNS}, the first = cold)\n` +
        `${table(['what', 'median ms', 'p95 ms', 'cold ms', 'goal', 'met?'], rows)}\n\n`,
    );

    // Where a report misses its goal, the plan of its SQL says which step costs.
    const plans: string[] = [];
    await withAdmin(async (db) => {
      await db.query(`SET statement_timeout = ${TIMEOUT_MS}`);
      const missed = (timing: Timing | undefined) =>
        timing !== undefined && (timing.timedOut === true || median(timing.times) > GOAL_MS);
      if (missed(ranking) || missed(rankingPdf)) plans.push(...(await explain(db, 'the district ranking', rankingSql)));
      if (missed(storeRanking)) plans.push(...(await explain(db, "one store's ranking", storeRankingSql)));
      if (missed(settlement) || missed(settlementCsv) || missed(settlementPdf)) {
        plans.push(...(await explain(db, 'the settlement', settlementSql)));
      }
    }, databaseUrl);
    if (plans.length > 0) process.stdout.write(`${plans.join('\n')}\n`);
  } finally {
    if (hub) await hub.kiosk.stop().catch(() => undefined);
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
