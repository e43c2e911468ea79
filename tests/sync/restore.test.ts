import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { type Hub, kioskOf, ledgerIdsOf, startHub, startStoreKiosk, type StoreKiosk } from '../support/district';
import { ROOT, startKiosk, tempDataDir } from '../support/kiosk';
import { testEngine } from '../support/postgres';

/**
 * A kiosk of a hub restored from an older backup (its disk died): what it did after the backup
 * is at the hub, under chain numbers the restored copy would otherwise use again. It goes on under
 * a new kiosk id and gets those rows back at its first sync. Backups are SQLite files (issue 16),
 * so this runs on the SQLite project only.
 */

const onSqlite = testEngine() === 'sqlite';
const STORE = '春风社区积分超市';

function cli(command: 'backup' | 'restore', args: string[], dataDir: string, kioskId: string) {
  const { DATABASE_URL: _shells, BACKUP_PASSPHRASE: _own, ...inherited } = process.env;
  const child = spawn(process.execPath, [join(ROOT, 'kiosk-server', 'dist', 'cli', `${command}.js`), ...args], {
    cwd: ROOT,
    env: { ...inherited, DATA_DIR: dataDir, KIOSK_ID: kioskId },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((done) =>
    child.once('close', (code) => done({ code, output })),
  );
}

describe.runIf(onSqlite)('a kiosk of a hub restored from an older backup (SQLite: backups are SQLite files)', () => {
  let hub: Hub;
  let r1: StoreKiosk;
  let r2: StoreKiosk;
  const servers: { stop: () => Promise<void> }[] = [];

  beforeAll(async () => {
    hub = await startHub();
    [r1, r2] = await Promise.all([
      startStoreKiosk(hub, { store: STORE, name: '1号柜台', id: 'SR1' }),
      startStoreKiosk(hub, { store: STORE, name: '2号柜台', id: 'SR2' }),
    ]);
    servers.push(hub.server, r1.server, r2.server);
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  it('goes on under a new kiosk id, gets back what it did after the backup, and every node agrees', async () => {
    const member = await r1.admin.post<{ account: { id: string }; card: { qr: string } }>('/api/members', {
      name: '赵大爷',
    });
    const accountId = member.body.account.id;
    await r1.admin.post('/api/points/awards', { accountId, points: 50, reason: '志愿服务' });
    const eggs = await r1.admin.post<{ id: string }>('/api/products', {
      name: '鸡蛋',
      category: '食品',
      pricePoints: 10,
      stock: 20,
    });
    for (const kiosk of [r1, r2]) expect((await kiosk.sync()).status).toBe(200);

    const file = join(tempDataDir('restore-backup-'), 'r1.backup');
    const made = await cli('backup', [file, '--no-encrypt'], r1.server.dataDir, 'SR1');
    expect(made.code, made.output).toBe(0);

    // after the backup: a redemption and an award at counter 1, synced to the hub
    const { api } = await new Api(r1.server.url).resident(member.body.card.qr);
    const redeemed = await api.post<{ id: string; receiptNo: string }>(
      '/api/redemptions',
      { items: [{ productId: eggs.body.id, quantity: 1 }] },
      { 'Idempotency-Key': 'restore-test-after-backup' },
    );
    expect(redeemed.status, redeemed.text).toBe(201);
    await r1.admin.post('/api/points/awards', { accountId, points: 5, reason: '门前三包' });
    expect((await r1.sync()).status).toBe(200);
    const before = await ledgerIdsOf(r1.server.dataDir, 'SR1');
    expect(before).toHaveLength(3);

    // the disk dies; the backup comes back
    await r1.server.stop();
    const restored = await cli('restore', [file], r1.server.dataDir, 'SR1');
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toContain('SR1-R1');
    expect(await ledgerIdsOf(r1.server.dataDir, 'SR1')).toHaveLength(1);

    const server = await startKiosk({
      dataDir: r1.server.dataDir,
      env: { KIOSK_ID: 'SR1', HUB_URL: hub.server.url, HUB_KEY: r1.code, SYNC_INTERVAL_SECONDS: '0' },
    });
    servers.push(server);
    r1 = await kioskOf(server, r1.kioskId, r1.code);
    expect((await new Api(server.url).get<{ kioskId: string }>('/api/health')).body.kioskId).toBe('SR1-R1');

    const round = await r1.sync();
    expect(round.status, JSON.stringify(round.body)).toBe(200);
    expect(await ledgerIdsOf(r1.server.dataDir, 'SR1')).toEqual(before);
    const passbook = await r1.admin.get<{ account: { balance: number } }>(`/api/accounts/${accountId}/ledger`);
    expect(passbook.body.account.balance).toBe(45);
    const catalog = await new Api(server.url).get<{ id: string; stock: number }[]>('/api/catalog');
    expect(catalog.body.find((product) => product.id === eggs.body.id)?.stock).toBe(19);

    // it goes on: a new redemption under the new id, and everyone agrees
    const again = await (
      await new Api(server.url).resident(member.body.card.qr)
    ).api.post<{ receiptNo: string }>(
      '/api/redemptions',
      { items: [{ productId: eggs.body.id, quantity: 1 }] },
      { 'Idempotency-Key': 'restore-test-after-restore' },
    );
    expect(again.status, again.text).toBe(201);
    expect(again.body.receiptNo).toMatch(/^SR1-R1-000001$/);
    for (const kiosk of [r1, r2, r1]) expect((await kiosk.sync()).status).toBe(200);
    for (const api of [r1.admin, r2.admin, hub.admin]) {
      const balance = await api.get<{ account: { balance: number } }>(`/api/accounts/${accountId}/ledger`);
      expect(balance.body.account.balance).toBe(35);
      expect((await api.get<{ ok: boolean }>('/api/audit/verify')).body.ok).toBe(true);
    }
    const kiosks = await hub.admin.get<{ kioskId: string; origin: string; chain: string }[]>('/api/hub/kiosks');
    expect(kiosks.body.find((kiosk) => kiosk.kioskId === r1.kioskId)).toMatchObject({ origin: 'SR1-R1', chain: 'ok' });

    // the old id stays taken: no other kiosk can write its chain
    const copy = await startStoreKiosk(hub, { store: STORE, name: '3号柜台', id: 'SR1' });
    servers.push(copy.server);
    const refused = await copy.sync();
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('KIOSK_ID_TAKEN');
  });
});
