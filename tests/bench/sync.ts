import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Api } from '../support/api';
import { type Kiosk, ROOT, startKiosk, tempDataDir } from '../support/kiosk';
import { withAdmin } from '../support/postgres';
import { type BenchPostgres, benchPostgres } from './postgres';
import { median, percentile, table } from './stats';

/*
 * Sync figures: the hub taking in many kiosks' journals, one kiosk's round, and the counter while a
 * round runs. The hub is the built server on PostgreSQL (KIOSK_ROLE=hub), the kiosks the built
 * server on SQLite; simulated kiosks speak the wire protocol themselves, signed with device keys.
 */

const KIOSKS = Number(process.env.BENCH_SYNC_KIOSKS ?? 100);
/** Journal rows pushed into the hub in all; the goal of the issue is 1,000,000. */
const ROWS = Number(process.env.BENCH_SYNC_ROWS ?? 200_000);
const IN_FLIGHT = Number(process.env.BENCH_SYNC_INFLIGHT ?? 8);
const ROUND_ROWS = Number(process.env.BENCH_SYNC_ROUND_ROWS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 3);
const COUNTER = Number(process.env.BENCH_SYNC_COUNTER ?? 300);
const READS = Number(process.env.BENCH_SYNC_READS ?? 500);
/** Which figures to run (1–4), e.g. BENCH_SYNC_FIGURES=2,3. */
const FIGURES = new Set((process.env.BENCH_SYNC_FIGURES ?? '1,2,3,4').split(',').map((f) => Number(f.trim())));
const BATCH = 500; // SYNC_BATCH of the protocol

// The server's own hashing, signing and ids, from its built output: a row the hub accepts must hash
// exactly as the server hashes it.
const server = createRequire(join(ROOT, 'kiosk-server', 'dist', 'main.js'));

type JournalRow = import('../../kiosk-server/dist/sync/journal').JournalRow;
type LedgerEntry = import('../../kiosk-server/dist/ledger/ledger-entry.entity').LedgerEntryEntity;
type LedgerKind = import('../../kiosk-server/dist/ledger/ledger-entry.entity').LedgerKind;
type Signatures = typeof import('../../kiosk-server/dist/sync/request-signature');
type DeviceKey = ReturnType<Signatures['DeviceKey']['loadOrCreate']>;

const { DeviceKey } = server('./sync/request-signature.js') as Signatures;
const { hashJournalRow, JOURNAL_GENESIS } = server(
  './sync/journal.js',
) as typeof import('../../kiosk-server/dist/sync/journal');
const { hashLedgerEntry, GENESIS_HASH } = server(
  './ledger/ledger-hash.js',
) as typeof import('../../kiosk-server/dist/ledger/ledger-hash');
const { uuidv7 } = server('./common/ids.js') as typeof import('../../kiosk-server/dist/common/ids');

type Row = (string | number)[];

// ---- simulated kiosks -------------------------------------------------------------------------

interface Resident {
  accountId: string;
  memberId: string;
  cardNo: string;
  balance: number;
}

/**
 * A kiosk's journal as the kiosk would have written it: one product first, then an account, member
 * and card for each resident, then awards and redemptions taking turns per resident (every
 * resident's balance stays above zero), each ledger entry chained to the kiosk's previous one.
 */
function simulatedJournal(origin: string, count: number, keyId: string): JournalRow[] {
  const rows: JournalRow[] = [];
  let head = JOURNAL_GENESIS;
  let ledgerHead = GENESIS_HASH;
  let ledgerSeq = 0;
  let clock = Date.now() - count; // one millisecond a write, ending about now
  const append = (changes: { table: string; row: Record<string, unknown> }[]) => {
    clock += 1;
    const unhashed = {
      origin,
      seq: rows.length + 1,
      hlc: `${String(clock).padStart(13, '0')}.0000.${origin}`,
      changes: JSON.stringify(changes),
      createdAt: new Date(clock).toISOString(),
      prevHash: head,
    };
    head = hashJournalRow(unhashed);
    rows.push({ ...unhashed, hash: head });
  };
  const ledgerEntry = (
    resident: Resident,
    delta: number,
    kind: LedgerKind,
    reason: string,
    actor: string,
    refId: string | null,
  ) => {
    resident.balance += delta;
    const unhashed: Omit<LedgerEntry, 'hash'> = {
      id: uuidv7(clock),
      accountId: resident.accountId,
      delta,
      balanceAfter: resident.balance,
      kind,
      reason,
      actor,
      kioskId: origin,
      seq: ++ledgerSeq,
      refId,
      createdAt: new Date(clock).toISOString(),
      prevHash: ledgerHead,
    };
    const entry: LedgerEntry = { ...unhashed, hash: hashLedgerEntry(unhashed) };
    ledgerHead = entry.hash;
    return { table: 'ledger_entries', row: { ...entry } as Record<string, unknown> };
  };

  const now = () => new Date(clock).toISOString();
  const productId = uuidv7(clock);
  append([
    {
      table: 'products',
      row: {
        id: productId,
        name: '香皂',
        category: '日化',
        pricePoints: 5,
        stock: 0,
        imageUrl: null,
        monthlyLimit: null,
        lowStockThreshold: 5,
        barcode: null,
        active: true,
        createdAt: now(),
        updatedAt: now(),
      },
    },
    {
      table: 'stock_movements',
      row: {
        id: uuidv7(clock),
        productId,
        delta: 1_000_000,
        stockAfter: 1_000_000,
        reason: 'initial',
        note: null,
        actor: 'staff:admin',
        refId: null,
        createdAt: now(),
      },
    },
  ]);

  const residentCount = Math.max(1, Math.min(200, Math.floor(count / 20)));
  const residents: Resident[] = [];
  for (let i = 0; i < residentCount && rows.length < count; i++) {
    const resident = { accountId: uuidv7(clock), memberId: uuidv7(clock), cardNo: `${origin}${i}`, balance: 0 };
    residents.push(resident);
    append([
      {
        table: 'accounts',
        row: { id: resident.accountId, kind: 'person', name: `居民${i}`, balance: 0, createdAt: now() },
      },
      {
        table: 'members',
        row: {
          id: resident.memberId,
          accountId: resident.accountId,
          name: `居民${i}`,
          household: null,
          createdAt: now(),
        },
      },
      {
        table: 'cards',
        row: {
          cardNo: resident.cardNo,
          memberId: resident.memberId,
          status: 'active',
          keyId,
          issuedAt: now(),
          revokedAt: null,
        },
      },
      {
        table: 'admin_changes',
        row: {
          id: uuidv7(clock),
          actor: 'staff:admin',
          action: 'member.register',
          entity: 'member',
          entityId: resident.memberId,
          before: null,
          after: JSON.stringify({
            name: `居民${i}`,
            household: null,
            accountId: resident.accountId,
            cardNo: resident.cardNo,
          }),
          createdAt: now(),
        },
      },
    ]);
  }

  for (let i = 0; rows.length < count; i++) {
    const resident = residents[i % residents.length]!;
    const award = Math.floor(i / residents.length) % 2 === 0;
    if (award) {
      append([ledgerEntry(resident, 10, 'award', '志愿服务', 'staff:admin', null)]);
      continue;
    }
    const redemptionId = uuidv7(clock);
    const actor = `member:${resident.memberId}`;
    const before = resident.balance;
    const entry = ledgerEntry(resident, -5, 'redeem', '兑换 香皂×1', actor, redemptionId);
    append([
      entry,
      {
        table: 'redemptions',
        row: {
          id: redemptionId,
          receiptNo: `${origin}-${String(rows.length + 1).padStart(6, '0')}`,
          accountId: resident.accountId,
          memberId: resident.memberId,
          cardNo: resident.cardNo,
          totalPoints: 5,
          balanceBefore: before,
          balanceAfter: resident.balance,
          status: 'completed',
          ledgerEntryId: entry.row.id,
          voidLedgerEntryId: null,
          voidReason: null,
          voidedBy: null,
          voidedAt: null,
          kioskId: origin,
          createdAt: now(),
        },
      },
      {
        table: 'redemption_lines',
        row: {
          id: uuidv7(clock),
          redemptionId,
          productId,
          productName: '香皂',
          pricePoints: 5,
          quantity: 1,
          lineTotal: 5,
        },
      },
      {
        table: 'stock_movements',
        row: {
          id: uuidv7(clock),
          productId,
          delta: -1,
          stockAfter: 999_999,
          reason: 'redemption',
          note: null,
          actor,
          refId: redemptionId,
          createdAt: now(),
        },
      },
    ]);
  }
  return rows;
}

/** A signed protocol request, as the kiosk's HubClient sends it. */
async function signedPost<T>(hubUrl: string, key: DeviceKey, path: string, body: unknown): Promise<T> {
  // a body given as bytes is sent as it is: the signature covers the bytes either way
  const text = Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const response = await fetch(`${hubUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...key.headers('POST', path, text) },
    body: text,
  });
  const answer = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${answer.slice(0, 300)}`);
  return JSON.parse(answer) as T;
}

/**
 * A simulated kiosk's pushes, made before the clock starts: each body already serialized (UTF-8
 * buffers keep a million rows out of the JS heap) with the last sequence it carries.
 */
interface SimKiosk {
  origin: string;
  key: DeviceKey;
  batches: { body: Buffer; lastSeq: number; rows: number }[];
}

/** Every server started here, for their output when something fails. */
const servers: Kiosk[] = [];

async function startHub(postgres: BenchPostgres): Promise<{ hub: Kiosk; admin: Api; databaseUrl: string }> {
  const databaseUrl = await postgres.createDatabase();
  const hub = await startKiosk({
    dataDir: tempDataDir('kiosk-bench-hub-'),
    env: { KIOSK_ROLE: 'hub', KIOSK_ID: 'HUB', DATABASE_URL: databaseUrl },
  });
  servers.push(hub);
  return { hub, admin: await new Api(hub.url).staff('admin'), databaseUrl };
}

async function createAtHub(admin: Api, store: string, name: string): Promise<string> {
  const created = await admin.post<{ enrolmentCode: string }>('/api/hub/kiosks', { store, name });
  if (created.status !== 201) throw new Error(`kiosk not created at the hub: ${created.text}`);
  return created.body.enrolmentCode;
}

/** Each simulated kiosk made at the hub and enrolled with a device key of its own. */
async function enrolSimulated(hubUrl: string, admin: Api, count: number, prefix = 'SIM'): Promise<SimKiosk[]> {
  const kiosks: SimKiosk[] = [];
  for (let i = 0; i < count; i++) {
    const origin = `${prefix}${String(i).padStart(4, '0')}`;
    const code = await createAtHub(admin, `街道${i % 10}`, origin);
    const key = DeviceKey.loadOrCreate(tempDataDir('kiosk-bench-sim-'));
    const cardKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();
    await signedPost(hubUrl, key, '/api/hub/sync/enrol', { code, origin, publicKey: key.publicKeyPem, cardKey });
    kiosks.push({ origin, key, batches: [] });
  }
  return kiosks;
}

/** Every kiosk's rows in batches of SYNC_BATCH, IN_FLIGHT kiosks at once; the time of each push. */
async function pushAll(hubUrl: string, kiosks: SimKiosk[]): Promise<{ seconds: number; pushes: number[] }> {
  const pushes: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(IN_FLIGHT, kiosks.length) }, async () => {
      while (next < kiosks.length) {
        const kiosk = kiosks[next++]!;
        for (const batch of kiosk.batches) {
          const t0 = performance.now();
          const answer = await signedPost<{ acknowledgedSeq: number; problem?: string }>(
            hubUrl,
            kiosk.key,
            '/api/hub/sync/push',
            batch.body,
          );
          pushes.push(performance.now() - t0);
          if (answer.problem || answer.acknowledgedSeq !== batch.lastSeq) {
            throw new Error(
              `hub took ${kiosk.origin} up to ${answer.acknowledgedSeq} of ${batch.lastSeq}: ${answer.problem}`,
            );
          }
        }
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, pushes };
}

/** Signed pulls of one row, one every 100 ms, until `stop` says so; the time of each. */
async function pullsUntil(hubUrl: string, key: DeviceKey, stop: (done: number) => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!stop(latencies.length)) {
    const t0 = performance.now();
    await signedPost(hubUrl, key, '/api/hub/sync/pull', { after: 0, limit: 1 });
    latencies.push(performance.now() - t0);
    await new Promise((done) => setTimeout(done, 100));
  }
  return latencies;
}

/**
 * The floor: the same sync_journal rows (with store and hub sequence) written into a fresh table
 * shaped like sync_journal (same keys and indexes), 500 rows per multi-row INSERT, one client.
 * pg-copy-streams is not installed, so this is INSERT, not COPY. No HTTP, no checks, no replicas.
 */
async function baselineInsert(databaseUrl: string, kiosks: SimKiosk[]): Promise<number> {
  return withAdmin(async (db) => {
    await db.query(`CREATE TABLE "bench_journal" (LIKE "sync_journal" INCLUDING ALL)`);
    let hubSeq = 0;
    let ms = 0;
    for (const kiosk of kiosks) {
      for (const batch of kiosk.batches) {
        // only the INSERT is timed: reading the rows back out of the body is this bench's own work
        const { rows } = JSON.parse(batch.body.toString()) as { rows: JournalRow[] };
        const values: unknown[] = [];
        const tuples = rows.map((row, i) => {
          values.push(
            row.origin,
            row.seq,
            row.hlc,
            row.changes,
            row.createdAt,
            row.prevHash,
            row.hash,
            'store',
            ++hubSeq,
          );
          const at = i * 9;
          return `(${Array.from({ length: 9 }, (_, k) => `$${at + k + 1}`).join(', ')})`;
        });
        const t0 = performance.now();
        await db.query(
          `INSERT INTO "bench_journal" ("origin", "seq", "hlc", "changes", "createdAt", "prevHash", "hash", "store", "hubSeq")
           VALUES ${tuples.join(', ')}`,
          values,
        );
        ms += performance.now() - t0;
      }
    }
    await db.query(`DROP TABLE "bench_journal"`);
    return ms / 1000;
  }, databaseUrl);
}

interface HubFigures {
  rows: Row[];
  /** A store kiosk's pull at the hub, idle and during the ingest. */
  pulls: Row[];
  note: string;
  databaseUrl: string;
  hubUrl: string;
  admin: Api;
  hub: Kiosk;
  accounts: string[];
}

async function hubIngest(postgres: BenchPostgres): Promise<HubFigures> {
  const { hub, admin, databaseUrl } = await startHub(postgres);
  const enrolStart = performance.now();
  const kiosks = await enrolSimulated(hub.url, admin, KIOSKS);
  const enrolSeconds = (performance.now() - enrolStart) / 1000;
  const perKiosk = Math.floor(ROWS / KIOSKS);
  const extra = ROWS - perKiosk * KIOSKS;
  let bytes = 0;
  const accounts: string[] = [];
  // one more kiosk of the district that only asks for its store's changes: what its rounds wait for
  const [listener] = await enrolSimulated(hub.url, admin, 1, 'LISTEN');
  for (const [i, kiosk] of kiosks.entries()) {
    // let the event loop breathe between kiosks, so idle keep-alive sockets closed by the hub are noticed
    await new Promise((done) => setImmediate(done));
    const rows = simulatedJournal(kiosk.origin, perKiosk + (i < extra ? 1 : 0), kiosk.key.publicKeyPem.slice(-12, -4));
    for (const row of rows.slice(1, 3)) {
      for (const change of JSON.parse(row.changes) as { table: string; row: { id: string } }[]) {
        if (change.table === 'accounts') accounts.push(change.row.id);
      }
    }
    for (let from = 0; from < rows.length; from += BATCH) {
      const slice = rows.slice(from, from + BATCH);
      const body = Buffer.from(JSON.stringify({ rows: slice }));
      bytes += body.length;
      kiosk.batches.push({ body, lastSeq: slice[slice.length - 1]!.seq, rows: slice.length });
    }
  }
  const idlePulls = await pullsUntil(hub.url, listener!.key, (n) => n >= 50);
  let pushing = true;
  const during = pullsUntil(hub.url, listener!.key, () => !pushing);
  const { seconds, pushes } = await pushAll(hub.url, kiosks).finally(() => (pushing = false));
  const duringPulls = await during;
  const baseSeconds = await baselineInsert(databaseUrl, kiosks);
  const sorted = [...pushes].sort((a, b) => a - b);
  const pullRow = (what: string, latencies: number[]): Row => {
    const ordered = [...latencies].sort((a, b) => a - b);
    return [what, latencies.length, percentile(ordered, 50).toFixed(1), percentile(ordered, 99).toFixed(1)];
  };
  return {
    pulls: [
      pullRow('idle hub (before the pushes)', idlePulls),
      pullRow(`while the ${KIOSKS} kiosks push`, duringPulls),
    ],
    rows: [
      [
        `hub: signed pushes over HTTP, ${IN_FLIGHT} kiosk${IN_FLIGHT > 1 ? 's' : ''} in flight`,
        ROWS,
        seconds.toFixed(1),
        Math.round(ROWS / seconds),
        `${median(pushes).toFixed(0)} / ${percentile(sorted, 99).toFixed(0)}`,
        `${((baseSeconds / seconds) * 100).toFixed(1)}%`,
      ],
      [
        'baseline: multi-row INSERT (500/stmt) into a copy of sync_journal, 1 client',
        ROWS,
        baseSeconds.toFixed(1),
        Math.round(ROWS / baseSeconds),
        '—',
        '100%',
      ],
    ],
    note:
      `${KIOSKS} simulated kiosks, ${ROWS} journal rows in all (goal of the issue: 1,000,000; BENCH_SYNC_ROWS to scale), ` +
      `${(bytes / ROWS).toFixed(0)} bytes a row on the wire; enrolling them through the API took ${enrolSeconds.toFixed(1)} s`,
    databaseUrl,
    hubUrl: hub.url,
    admin,
    hub,
    accounts,
  };
}

// ---- a real kiosk's round ---------------------------------------------------------------------

interface RealKiosk {
  kiosk: Kiosk;
  admin: Api;
  sync: () => Promise<{ ms: number; body: { pushed: number; pulled: number; durationMs: number } }>;
}

async function startStoreKiosk(hubUrl: string, hubAdmin: Api, store: string, id: string): Promise<RealKiosk> {
  const code = await createAtHub(hubAdmin, store, id);
  const kiosk = await startKiosk({
    dataDir: tempDataDir('kiosk-bench-store-'),
    // a kiosk that syncs every minute always has a fresh view of its store, so no offline allowance
    env: { KIOSK_ID: id, HUB_URL: hubUrl, HUB_KEY: code, SYNC_INTERVAL_SECONDS: '0', SYNC_FRESH_SECONDS: '3600' },
  });
  servers.push(kiosk);
  const admin = await new Api(kiosk.url).staff('admin');
  const sync = async () => {
    const t0 = performance.now();
    const answer = await admin.post<{ pushed: number; pulled: number; durationMs: number }>('/api/sync/run');
    if (answer.status !== 200) throw new Error(`sync round at ${id} failed: ${answer.text}`);
    return { ms: performance.now() - t0, body: answer.body };
  };
  await sync(); // enrolment and the empty first round are not what is measured
  return { kiosk, admin, sync };
}

/** `count` journal rows at the kiosk through its API: awards to one member, 8 at a time. */
async function makeRows(kiosk: RealKiosk, count: number): Promise<void> {
  const member = await kiosk.admin.post<{ account: { id: string } }>('/api/members', { name: '积分居民' });
  let left = count - 1; // registering the member is a journal row too
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (left > 0) {
        left -= 1;
        const award = await kiosk.admin.post('/api/points/awards', {
          accountId: member.body.account.id,
          points: 1,
          reason: '志愿服务',
        });
        if (award.status !== 201) throw new Error(`award failed: ${award.text}`);
      }
    }),
  );
}

/**
 * The transport floor of a round: the same number of rows, shaped like the rows the kiosk sends,
 * as JSON batches of 500 to a bare loopback HTTP server that parses each and echoes it back (up
 * as a push, down as a pull). No signing, no database on either side.
 */
async function transportFloor(count: number): Promise<number> {
  const rows = simulatedJournal('FLOOR', count, 'floor');
  const echo = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as unknown;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((done) => echo.listen(0, '127.0.0.1', done));
  const { port } = echo.address() as { port: number };
  const started = performance.now();
  for (let from = 0; from < rows.length; from += BATCH) {
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rows: rows.slice(from, from + BATCH) }),
    });
    await response.json();
  }
  const ms = performance.now() - started;
  await new Promise<void>((done) => echo.close(() => done()));
  return ms;
}

async function kioskRounds(hubUrl: string, hubAdmin: Api): Promise<{ rows: Row[]; a: RealKiosk; b: RealKiosk }> {
  const a = await startStoreKiosk(hubUrl, hubAdmin, '幸福里', 'ROUNDA');
  const b = await startStoreKiosk(hubUrl, hubAdmin, '幸福里', 'ROUNDB');
  const pushes: number[] = [];
  const pulls: number[] = [];
  const floors: number[] = [];
  let makeSeconds = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await makeRows(a, ROUND_ROWS);
    makeSeconds += (performance.now() - t0) / 1000;
    const push = await a.sync();
    if (push.body.pushed !== ROUND_ROWS) throw new Error(`round pushed ${push.body.pushed} of ${ROUND_ROWS} rows`);
    const pull = await b.sync();
    if (pull.body.pulled < ROUND_ROWS) throw new Error(`round pulled ${pull.body.pulled} of ${ROUND_ROWS} rows`);
    pushes.push(push.ms);
    pulls.push(pull.ms);
    floors.push(await transportFloor(ROUND_ROWS));
  }
  const floor = median(floors);
  const ratio = (ms: number) => `${(ms / floor).toFixed(1)}×`;
  const goal = (ms: number) => (ms <= 3000 ? 'yes' : 'NO');
  return {
    rows: [
      [
        `kiosk A round: push ${ROUND_ROWS} new rows + pull + digest`,
        median(pushes).toFixed(0),
        Math.max(...pushes).toFixed(0),
        ratio(median(pushes)),
        goal(median(pushes)),
      ],
      [
        `kiosk B (same store) round: pull those ${ROUND_ROWS} rows + digest`,
        median(pulls).toFixed(0),
        Math.max(...pulls).toFixed(0),
        ratio(median(pulls)),
        goal(median(pulls)),
      ],
      [
        `baseline: ${ROUND_ROWS} rows as JSON batches of 500 up and back to a bare loopback server`,
        floor.toFixed(0),
        Math.max(...floors).toFixed(0),
        '1.0×',
        '—',
      ],
      [
        `(not timed in the rounds) making ${ROUND_ROWS} award rows at kiosk A, 8 at a time`,
        ((makeSeconds / ROUNDS) * 1000).toFixed(0),
        '—',
        '—',
        '—',
      ],
    ],
    a,
    b,
  };
}

// ---- the counter while a round runs -----------------------------------------------------------

interface Counter {
  redeem: () => Promise<number>;
}

let keyCounter = 0;

/** A product and a resident with points at the kiosk, and one redemption of 1 point at a time. */
async function counterAt(kiosk: RealKiosk): Promise<Counter> {
  const product = await kiosk.admin.post<{ id: string }>('/api/products', {
    name: '压测香皂',
    category: '日化',
    pricePoints: 1,
    stock: 100_000,
  });
  const member = await kiosk.admin.post<{ account: { id: string }; card: { qr: string } }>('/api/members', {
    name: '柜台居民',
  });
  for (let k = 0; k < 10; k++) {
    await kiosk.admin.post('/api/points/awards', { accountId: member.body.account.id, points: 1000, reason: '压测' });
  }
  const { api } = await new Api(kiosk.kiosk.url).resident(member.body.card.qr);
  return {
    redeem: async () => {
      const t0 = performance.now();
      const response = await api.post(
        '/api/redemptions',
        { items: [{ productId: product.body.id, quantity: 1 }] },
        { 'idempotency-key': `bench-sync-${process.pid}-${++keyCounter}` },
      );
      if (response.status !== 201) throw new Error(`redemption failed: ${response.status} ${response.text}`);
      return performance.now() - t0;
    },
  };
}

async function redeemIdle(counter: Counter, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) latencies.push(await counter.redeem());
  return latencies;
}

/** One redemption after another at the counter for as long as the round takes. */
async function redeemDuring(
  counter: Counter,
  round: () => Promise<unknown>,
): Promise<{ latencies: number[]; roundMs: number }> {
  const latencies: number[] = [];
  let done = false;
  const t0 = performance.now();
  const running = round().finally(() => (done = true));
  while (!done) latencies.push(await counter.redeem());
  await running;
  return { latencies, roundMs: performance.now() - t0 };
}

async function counterLatency(a: RealKiosk, b: RealKiosk): Promise<Row[]> {
  const atA = await counterAt(a);
  const atB = await counterAt(b);
  await a.sync();
  await b.sync();
  await redeemIdle(atA, 50); // warm-up
  await redeemIdle(atB, 50);
  const idleA = await redeemIdle(atA, COUNTER);
  const idleB = await redeemIdle(atB, COUNTER);
  await makeRows(a, ROUND_ROWS);
  const duringPush = await redeemDuring(atA, a.sync);
  const duringPull = await redeemDuring(atB, b.sync);
  const line = (what: string, latencies: number[], idle: number[]): Row => {
    const sorted = [...latencies].sort((x, y) => x - y);
    const idleSorted = [...idle].sort((x, y) => x - y);
    const p99 = percentile(sorted, 99);
    return [
      what,
      latencies.length,
      percentile(sorted, 50).toFixed(2),
      p99.toFixed(2),
      `${(percentile(sorted, 50) / percentile(idleSorted, 50)).toFixed(1)}× / ${(p99 / percentile(idleSorted, 99)).toFixed(1)}×`,
    ];
  };
  return [
    line('kiosk A idle (baseline)', idleA, idleA),
    line(
      `kiosk A while its round pushes ${ROUND_ROWS} rows (${duringPush.roundMs.toFixed(0)} ms)`,
      duringPush.latencies,
      idleA,
    ),
    line('kiosk B idle (baseline)', idleB, idleB),
    line(
      `kiosk B while its round pulls ${ROUND_ROWS} rows (${duringPull.roundMs.toFixed(0)} ms)`,
      duringPull.latencies,
      idleB,
    ),
  ];
}

// ---- reads at a hub holding many ledger entries ------------------------------------------------

async function hubReads(figures: HubFigures): Promise<Row[]> {
  const passbook: number[] = [];
  for (let i = 0; i < READS; i++) {
    const id = figures.accounts[i % figures.accounts.length]!;
    const t0 = performance.now();
    const response = await figures.admin.get(`/api/accounts/${id}/ledger`);
    passbook.push(performance.now() - t0);
    if (response.status !== 200) throw new Error(`passbook read failed: ${response.status} ${response.text}`);
  }
  const direct: number[] = [];
  const entries = await withAdmin(async (db) => {
    for (let i = 0; i < READS; i++) {
      const id = figures.accounts[i % figures.accounts.length]!;
      const t0 = performance.now();
      await db.query({ name: 'balance', text: `SELECT "balance" FROM "accounts" WHERE "id" = $1`, values: [id] });
      direct.push(performance.now() - t0);
    }
    const { rows } = await db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "ledger_entries"`);
    return Number(rows[0]!.n);
  }, figures.databaseUrl);
  const sortedPassbook = [...passbook].sort((a, b) => a - b);
  const sortedDirect = [...direct].sort((a, b) => a - b);
  return [
    [
      `GET /api/accounts/:id/ledger (passbook) at the hub, ${entries} ledger entries held`,
      READS,
      percentile(sortedPassbook, 50).toFixed(2),
      percentile(sortedPassbook, 99).toFixed(2),
      `${(percentile(sortedPassbook, 99) / percentile(sortedDirect, 99)).toFixed(1)}×`,
    ],
    [
      'baseline: SELECT balance FROM accounts WHERE id (prepared, in-process client)',
      READS,
      percentile(sortedDirect, 50).toFixed(2),
      percentile(sortedDirect, 99).toFixed(2),
      '1.0×',
    ],
  ];
}

// ---- main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const postgres = await benchPostgres();
  if (typeof postgres === 'string') {
    process.stdout.write(`Sync figures skipped: the hub needs PostgreSQL (${postgres})\n`);
    return;
  }
  const out: string[] = [];
  const print = (lines: string[]) => {
    out.push(...lines, '');
    process.stdout.write(`${lines.join('\n')}\n\n`);
  };
  const stops: (() => Promise<void>)[] = [];
  try {
    if (FIGURES.has(1) || FIGURES.has(4)) {
      const ingest = await hubIngest(postgres);
      stops.push(ingest.hub.stop);
      print([
        `1. Hub ingest on PostgreSQL (${ingest.note})`,
        table(['what', 'rows', 'seconds', 'rows/s', 'push p50 / p99 ms', 'vs baseline (goal ≥ 30%)'], ingest.rows),
        '',
        "1b. Another kiosk's signed pull (1 row) at that hub, one every 100 ms",
        table(['when', 'pulls', 'p50 ms', 'p99 ms'], ingest.pulls),
      ]);
      if (FIGURES.has(4)) {
        print([
          `4. Reads at that hub (${READS} reads, one after another, over ${ingest.accounts.length} accounts)`,
          table(['what', 'reads', 'p50 ms', 'p99 ms', 'p99 vs baseline'], await hubReads(ingest)),
        ]);
      }
    }
    if (FIGURES.has(2) || FIGURES.has(3)) {
      const { hub, admin } = await startHub(postgres);
      stops.push(hub.stop);
      const rounds = await kioskRounds(hub.url, admin);
      stops.push(rounds.a.kiosk.stop, rounds.b.kiosk.stop);
      if (FIGURES.has(2)) {
        print([
          `2. One kiosk's round on loopback (hub on PostgreSQL, kiosks on SQLite; ${ROUNDS} rounds of ${ROUND_ROWS} new award rows; time of POST /api/sync/run)`,
          table(['what', 'median ms', 'max ms', 'vs baseline', '≤ 3 s'], rounds.rows),
        ]);
      }
      if (FIGURES.has(3)) {
        print([
          `3. Counter while a round runs (one redemption after another, 1 point each; ${COUNTER} idle, as many as fit in the round)`,
          table(
            ['what', 'redemptions', 'p50 ms', 'p99 ms', 'p50 / p99 vs idle (goal ≤ 2×)'],
            await counterLatency(rounds.a, rounds.b),
          ),
        ]);
      }
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  const cause = error instanceof Error && error.cause ? `\ncause: ${String(error.cause)}` : '';
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}${cause}\n`);
  // a server that fell over says why in its own output
  for (const server of servers) {
    const exited = server.child.exitCode ?? server.child.signalCode;
    process.stderr.write(
      `\n--- ${server.url} (exit: ${exited ?? 'running'}), last output:\n${server.output().slice(-3000)}\n`,
    );
  }
  process.exit(1);
});
