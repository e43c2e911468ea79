import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { ADMIN_PIN, type Kiosk, ROOT, startKiosk, tempDataDir, VOLUNTEER_PIN } from '../support/kiosk';
import { testEngine } from '../support/postgres';
import { Db } from '../support/sqlite';
import {
  createProduct,
  dbPath,
  expectError,
  findInconsistencies,
  fundedResident,
  getBytes,
  openStore,
  redeem,
  type Redemption,
  sleep,
  staffToken,
  type Store,
  verify,
} from './helpers';

/**
 * `npm run backup` / `npm run restore` and the automatic backups (issue 16). On SQLite: backups
 * while the kiosk serves, restores that bring back everything a store relies on, refusals that
 * change nothing, the schedule and the USB stick. On PostgreSQL (the `integration-postgres`
 * project): both commands and the server refuse clearly and point to pg_dump / pg_restore.
 */
const PASSPHRASE = 'Kiosk backup passphrase 1';
const onSqlite = testEngine() === 'sqlite';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node kiosk-server/dist/cli/<command>.js` as `npm run <command>` does, with the kiosk's environment. */
function cli(command: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<Run> {
  const { DATABASE_URL: _shells, BACKUP_PASSPHRASE: _own, ...inherited } = process.env;
  const child = spawn(process.execPath, [join(ROOT, 'kiosk-server', 'dist', 'cli', `${command}.js`), ...args], {
    cwd: ROOT,
    env: { ...inherited, KIOSK_ID: 'TEST01', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

const backup = (dataDir: string, file: string, env: Record<string, string> = { BACKUP_PASSPHRASE: PASSPHRASE }) =>
  cli('backup', [file], { DATA_DIR: dataDir, ...env });
const restore = (dataDir: string, file: string, env: Record<string, string> = { BACKUP_PASSPHRASE: PASSPHRASE }) =>
  cli('restore', [file], { DATA_DIR: dataDir, ...env });

/** Every file under a folder with its SHA-256: what "nothing changed" compares. */
function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

const backupsIn = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((name) => /^kiosk-TEST01-\d{8}-\d{6}\.backup$/.test(name)) : [];

interface BackupHealth {
  status: string;
  automatic: boolean;
  problem?: string;
  message?: string;
  lastBackupAt?: string;
}

async function backupHealth(api: Api): Promise<BackupHealth> {
  const response = await api.get<{ backup: BackupHealth }>('/api/health');
  expect(response.status, response.text).toBe(200);
  return response.body.backup;
}

/** Starts a kiosk on a restored data directory, checks what the issue asks of it, and stops it. */
async function expectSoundStore(dataDir: string, env: Record<string, string> = {}): Promise<void> {
  const kiosk = await startKiosk({ dataDir, env });
  try {
    const api = new Api(kiosk.url);
    const result = await verify(api.as(await staffToken(api, 'admin')));
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  } finally {
    await kiosk.stop();
  }
}

describe.runIf(onSqlite)('npm run backup while the kiosk serves', () => {
  let store: Store;
  const files: { file: string; acknowledged: string[] }[] = [];
  const during: number[] = [];
  const work = tempDataDir('kiosk-backups-');

  beforeAll(async () => {
    store = await openStore();
    const product = await createProduct(store.admin, { pricePoints: 1, stock: 100_000 });
    const residents = await Promise.all(Array.from({ length: 8 }, () => fundedResident(store, 5000)));
    const acknowledged: string[] = [];
    let redeeming = true;
    const clients = residents.map(async (resident) => {
      while (redeeming) {
        const response = await redeem(resident.api, [{ productId: product.id, quantity: 1 }]);
        expect(response.status, response.text).toBe(201);
        acknowledged.push(response.body.id);
      }
    });
    try {
      await sleep(300);
      for (let i = 0; i < 5; i++) {
        const file = join(work, `load-${i}.backup`);
        // what the clients had been told was done before the backup started
        const before = [...acknowledged];
        const run = await backup(store.kiosk.dataDir, file);
        expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
        during.push(acknowledged.length - before.length);
        files.push({ file, acknowledged: before });
      }
    } finally {
      redeeming = false;
      await Promise.all(clients);
    }
  });

  afterAll(async () => {
    await store?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('every backup succeeds while 8 clients keep redeeming, and says what it wrote', () => {
    expect(files).toHaveLength(5);
    // the clients really went on during each backup
    expect(
      during.every((n) => n > 0),
      `redemptions during each backup: ${during.join(', ')}`,
    ).toBe(true);
  });

  it('each backup restores to a store whose chain verifies, whose balances equal its ledgers, and which holds every redemption acknowledged before the backup started', async () => {
    for (const [i, { file, acknowledged }] of files.entries()) {
      const target = tempDataDir(`kiosk-restored-${i}-`);
      try {
        const run = await restore(target, file);
        expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
        expect(run.stdout).toMatch(/hash chains and balances verified/);
        const db = await Db.open(dbPath(target));
        try {
          expect(await findInconsistencies(db)).toEqual([]);
          const ids = new Set((await db.all<{ id: string }>('SELECT id FROM redemptions')).map((row) => row.id));
          expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
        } finally {
          await db.close();
        }
        await expectSoundStore(target);
      } finally {
        rmSync(target, { recursive: true, force: true });
      }
    }
  });

  it('prints the entries, the size and the time', async () => {
    const run = await backup(store.kiosk.dataDir, join(work, 'printed.backup'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Backup written to .*printed\.backup/);
    expect(run.stdout).toMatch(/database as of \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}, kiosk TEST01/);
    expect(run.stdout).toMatch(/\d+ ledger entries, \d+ members in \d+ accounts holding \d+ points/);
    expect(run.stdout).toMatch(/\d+(\.\d)? (kB|MB), encrypted with BACKUP_PASSPHRASE/);
  });

  it('refuses without a passphrase unless told --no-encrypt, and never overwrites a file', async () => {
    const refused = await backup(store.kiosk.dataDir, join(work, 'none.backup'), {});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('BACKUP_PASSPHRASE');
    expect(existsSync(join(work, 'none.backup'))).toBe(false);

    const plain = await cli('backup', [join(work, 'plain.backup'), '--no-encrypt'], { DATA_DIR: store.kiosk.dataDir });
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('NOT encrypted');
    const restored = tempDataDir('kiosk-plain-');
    try {
      const run = await restore(restored, join(work, 'plain.backup'), {});
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('NOT encrypted');
    } finally {
      rmSync(restored, { recursive: true, force: true });
    }

    const again = await backup(store.kiosk.dataDir, join(work, 'plain.backup'));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists already');
  });

  it('given a folder, names the file after the kiosk and the time', async () => {
    const folder = join(work, 'stick');
    mkdirSync(folder);
    const run = await backup(store.kiosk.dataDir, folder);
    expect(run.code, run.stderr).toBe(0);
    expect(backupsIn(folder)).toHaveLength(1);
  });
});

describe.runIf(onSqlite)('npm run restore into an empty DATA_DIR', () => {
  let source: Store;
  let restored: Kiosk | undefined;
  let file: string;
  const target = join(tempDataDir('kiosk-restore-'), 'data');
  const balances = new Map<string, number>();
  let receipt: Redemption;
  let entries: number;
  let output: string;

  beforeAll(async () => {
    source = await openStore();
    const product = await createProduct(source.admin, { pricePoints: 3, stock: 50 });
    const resident = await fundedResident(source, 40);
    const done = await redeem(resident.api, [{ productId: product.id, quantity: 2 }]);
    expect(done.status, done.text).toBe(201);
    receipt = done.body;
    for (const card of source.kiosk.cards()) balances.set(card.qr, (await source.api.resident(card.qr)).balance);
    entries = (await verify(source.admin)).entries;
    file = join(target, '..', 'store.backup');
    const run = await backup(source.kiosk.dataDir, file);
    expect(run.code, run.stderr).toBe(0);

    const restoring = await restore(target, file);
    expect(restoring.code, `${restoring.stdout}${restoring.stderr}`).toBe(0);
    output = restoring.stdout;
    // no PINs from the environment: only the restored database can let staff in
    restored = await startKiosk({
      dataDir: target,
      env: { KIOSK_ADMIN_PIN: '', KIOSK_VOLUNTEER_PIN: '', PRINTER: 'file' },
    });
  });

  afterAll(async () => {
    await restored?.stop();
    await source?.close();
    rmSync(join(target, '..'), { recursive: true, force: true });
  });

  it('prints the backup time, entries, members and the sum of balances', () => {
    expect(output).toMatch(/backup made \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} by kiosk TEST01/);
    expect(output).toContain(`${entries} ledger entries`);
    expect(output).toMatch(/\d+ members in \d+ accounts holding \d+ points/);
    expect(output).toContain('there was no data here before');
  });

  it('the restored kiosk verifies the same ledger', async () => {
    const api = new Api(restored!.url);
    expect(await verify(api.as(await staffToken(api, 'admin')))).toEqual({ ok: true, entries });
    expect(restored!.output()).not.toContain('Generated PIN');
  });

  it('printed cards still scan, at their balances', async () => {
    const api = new Api(restored!.url);
    expect(balances.size).toBeGreaterThan(10);
    for (const [qr, balance] of balances) expect((await api.resident(qr)).balance).toBe(balance);
  });

  it('staff PINs still work', async () => {
    const api = new Api(restored!.url);
    for (const [username, pin] of [
      ['admin', ADMIN_PIN],
      ['volunteer', VOLUNTEER_PIN],
    ]) {
      const response = await api.post('/api/staff/sessions', { username, pin });
      expect(response.status, response.text).toBe(201);
    }
  });

  it('receipts still reprint', async () => {
    const api = new Api(restored!.url);
    const volunteer = api.as(await staffToken(api, 'volunteer'));
    const found = await volunteer.get<{ id: string }>(`/api/redemptions/by-receipt/${receipt.receiptNo}`);
    expect(found.status, found.text).toBe(200);
    const reprint = await volunteer.post<{ status: string; jobId: string }>(`/api/redemptions/${receipt.id}/reprint`);
    expect(reprint.status, reprint.text).toBe(202);
    const job = await waitFor('the reprint', async () => {
      const response = await volunteer.get<{ status: string }>(`/api/printer/jobs/${reprint.body.jobId}`);
      return response.body.status === 'printed' ? response.body : undefined;
    });
    expect(job.status).toBe('printed');
  });

  describe('refuses, changing nothing,', () => {
    let before: Record<string, string>;

    beforeAll(async () => {
      await restored!.stop();
      restored = undefined;
      before = fingerprint(target);
    });

    async function expectRefusal(run: Run, code: string): Promise<void> {
      expect(run.code, run.stdout).toBe(1);
      expect(run.stderr).toContain(`restore refused (${code})`);
      expect(run.stderr).toContain('Nothing was changed.');
      expect(fingerprint(target)).toEqual(before);
    }

    it('a wrong passphrase', async () => {
      await expectRefusal(
        await restore(target, file, { BACKUP_PASSPHRASE: 'not the passphrase' }),
        'BACKUP_WRONG_PASSPHRASE',
      );
    });

    it('a truncated file', async () => {
      const cut = join(target, '..', 'cut.backup');
      const bytes = readFileSync(file);
      writeFileSync(cut, bytes.subarray(0, bytes.length - 4096));
      await expectRefusal(await restore(target, cut), 'BACKUP_DAMAGED');
    });

    it('a file from another kiosk, with other keys', async () => {
      const other = await openStore();
      const otherFile = join(target, '..', 'other-kiosk.backup');
      try {
        const run = await backup(other.kiosk.dataDir, otherFile);
        expect(run.code, run.stderr).toBe(0);
      } finally {
        await other.close();
      }
      await expectRefusal(await restore(target, otherFile), 'BACKUP_OTHER_KIOSK');
    });

    it('while a kiosk runs on the same DATA_DIR', async () => {
      const kiosk = await startKiosk({ dataDir: target });
      try {
        const run = await restore(target, file);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('restore refused (KIOSK_RUNNING)');
        expect(run.stderr).toContain(kiosk.url);
      } finally {
        await kiosk.stop();
      }
    });
  });
});

describe.runIf(onSqlite)('npm run restore of a backup made by release 0.1', () => {
  it('migrates it forward; the restored kiosk verifies its chain and takes its printed cards', async () => {
    const fixture = join(ROOT, 'tests', 'fixtures', 'release-0.1');
    const old = tempDataDir('kiosk-old-');
    const target = join(old, 'restored');
    try {
      cpSync(join(fixture, 'kiosk.sqlite'), join(old, 'kiosk.sqlite'));
      cpSync(join(fixture, 'keys'), join(old, 'keys'), { recursive: true });
      const run = await backup(old, join(old, 'old.backup'), { KIOSK_ID: 'FIX01', BACKUP_PASSPHRASE: PASSPHRASE });
      expect(run.code, run.stderr).toBe(0);
      const restoring = await restore(target, join(old, 'old.backup'), {
        KIOSK_ID: 'FIX01',
        BACKUP_PASSPHRASE: PASSPHRASE,
      });
      expect(restoring.code, restoring.stderr).toBe(0);
      expect(restoring.stdout).toMatch(/schema migrated from StaffConsole\d+ to \w+/);
      const cards = JSON.parse(readFileSync(join(fixture, 'cards.json'), 'utf8')) as { members: { qr: string }[] };
      const kiosk = await startKiosk({ dataDir: target, env: { KIOSK_ID: 'FIX01' } });
      try {
        const api = new Api(kiosk.url);
        expect(await verify(api.as(await staffToken(api, 'admin')))).toMatchObject({ ok: true });
        expect((await api.post('/api/sessions', { qr: cards.members[0]!.qr })).status).toBe(201);
      } finally {
        await kiosk.stop();
      }
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  });
});

describe.runIf(onSqlite)('automatic backups into BACKUP_DIR', () => {
  let store: Store;
  let volunteer: Api;
  const usb = join(tempDataDir('kiosk-usb-'), 'stick');

  beforeAll(async () => {
    mkdirSync(usb);
    store = await openStore({
      env: { BACKUP_DIR: usb, BACKUP_PASSPHRASE: PASSPHRASE, BACKUP_EVERY_REDEMPTIONS: '3', PRINTER: 'none' },
    });
    volunteer = store.api.as(await staffToken(store.api, 'volunteer'));
  });

  afterAll(async () => {
    await store?.close();
    rmSync(join(usb, '..'), { recursive: true, force: true });
  });

  it('makes the day’s backup at start (a new stick has none), and health says so', async () => {
    const [first] = await waitFor('the first backup', () => (backupsIn(usb).length > 0 ? backupsIn(usb) : undefined));
    expect(first).toMatch(/^kiosk-TEST01-/);
    const health = await backupHealth(store.api);
    expect(health).toMatchObject({ status: 'ok', automatic: true });
    expect(health.lastBackupAt).toBeTruthy();
    expect(health.problem).toBeUndefined();
  });

  it('fires after every 3 redemptions; rotation keeps the newest of the day', async () => {
    const [first] = backupsIn(usb);
    const product = await createProduct(store.admin, { pricePoints: 1, stock: 100 });
    const resident = await fundedResident(store, 20);
    await sleep(1100); // a new second, so the next backup has a new name
    for (let i = 0; i < 3; i++)
      expect((await redeem(resident.api, [{ productId: product.id, quantity: 1 }])).status).toBe(201);
    const files = await waitFor('a backup after 3 redemptions', () => {
      const now = backupsIn(usb);
      return now.some((name) => name !== first) ? now : undefined;
    });
    // both are of today: the daily rule keeps the newest only
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe(first);
    // the automatic backup is a whole, good backup (checked into an empty folder, which stays empty)
    const empty = join(usb, '..', 'check');
    const check = await cli('restore', [join(usb, files[0]!), '--check'], {
      DATA_DIR: empty,
      BACKUP_PASSPHRASE: PASSPHRASE,
    });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('nothing was changed');
    expect(existsSync(empty)).toBe(false);
  });

  it('an admin runs one now, sees it listed and downloads it; a volunteer may not', async () => {
    await sleep(1100);
    const made = await store.admin.post<{ name: string; size: number; entries: number; members: number }>(
      '/api/backups',
    );
    expect(made.status, made.text).toBe(201);
    expect(made.body.entries).toBeGreaterThan(0);
    const overview = await store.admin.get<{ files: { name: string; size: number }[]; health: BackupHealth }>(
      '/api/backups',
    );
    expect(overview.status, overview.text).toBe(200);
    expect(overview.body.files[0]).toMatchObject({ name: made.body.name, size: made.body.size });
    const download = await getBytes(store.kiosk.url, `/api/backups/files/${made.body.name}`, store.adminToken);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(made.body.name);
    expect(download.bytes.equals(readFileSync(join(usb, made.body.name)))).toBe(true);

    expectError(await volunteer.post('/api/backups'), 403, 'FORBIDDEN');
    expectError(await volunteer.get(`/api/backups/files/${made.body.name}`), 403, 'FORBIDDEN');
    expectError(await store.admin.get('/api/backups/files/..%2F..%2Fkiosk.sqlite'), 404, 'BACKUP_NOT_FOUND');
    expectError(
      await store.admin.get('/api/backups/files/kiosk-OTHER-20260101-000000.backup'),
      404,
      'BACKUP_NOT_FOUND',
    );
  });
});

describe.runIf(onSqlite)('a missing BACKUP_DIR (the USB stick not inserted)', () => {
  let store: Store;
  const usb = join(tempDataDir('kiosk-nostick-'), 'stick');

  beforeAll(async () => {
    store = await openStore({ env: { BACKUP_DIR: usb, BACKUP_PASSPHRASE: PASSPHRASE } });
  });

  afterAll(async () => {
    await store?.close();
    rmSync(join(usb, '..'), { recursive: true, force: true });
  });

  it('is reported in health and refused for a backup now, without making the folder', async () => {
    expect(await backupHealth(store.api)).toMatchObject({
      status: 'failed',
      automatic: true,
      problem: 'BACKUP_DIR_MISSING',
    });
    expectError(await store.admin.post('/api/backups'), 409, 'BACKUP_DIR_MISSING');
    expect(existsSync(usb)).toBe(false);
  });

  it('once the stick is back, the backup is made and health is ok again', async () => {
    mkdirSync(usb);
    await waitFor('a backup on the stick', () => backupsIn(usb)[0]);
    await waitFor('health ok', async () => ((await backupHealth(store.api)).status === 'ok' ? true : undefined));
  });
});

describe.runIf(!onSqlite)('on PostgreSQL', () => {
  let store: Store;
  const work = tempDataDir('kiosk-pg-backup-');

  beforeAll(async () => {
    store = await openStore();
  });

  afterAll(async () => {
    await store?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('npm run backup and npm run restore refuse and name pg_dump / pg_restore', async () => {
    const env = {
      DATA_DIR: store.kiosk.dataDir,
      DATABASE_URL: store.kiosk.databaseUrl!,
      BACKUP_PASSPHRASE: PASSPHRASE,
    };
    const made = await cli('backup', [join(work, 'pg.backup')], env);
    expect(made.code).toBe(2);
    expect(made.stderr).toContain('this kiosk keeps its data in PostgreSQL');
    expect(made.stderr).toContain('pg_dump --format=custom');
    expect(existsSync(join(work, 'pg.backup'))).toBe(false);
    writeFileSync(join(work, 'some.backup'), 'x');
    const restored = await cli('restore', [join(work, 'some.backup')], env);
    expect(restored.code).toBe(2);
    expect(restored.stderr).toContain('pg_restore --clean');
  });

  it('the server makes no backups and says so', async () => {
    expect(await backupHealth(store.api)).toEqual({ status: 'off', automatic: false });
    expectError(await store.admin.post('/api/backups'), 409, 'BACKUP_NOT_SUPPORTED');
  });

  it('BACKUP_DIR stops the start with a clear message', async () => {
    const started = startKiosk({ env: { BACKUP_DIR: work, BACKUP_PASSPHRASE: PASSPHRASE } });
    await expect(started).rejects.toThrow('BACKUP_DIR works with the SQLite store only');
  });
});
