import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { createKiosk, type Hub, kioskOf, startHub, startStoreKiosk, type StoreKiosk } from '../support/district';
import { startKiosk } from '../support/kiosk';
import { freePort } from '../support/net';
import { Db } from '../support/sqlite';

/**
 * A store without network: its kiosk was enrolled once, then runs with a hub address that answers
 * nothing. Its rounds go by USB stick: export at the kiosk, import at the hub, the hub's answer
 * file imported back at the kiosk. Another kiosk of the same store syncs over the network.
 */

const STORE = '光明社区积分超市';

interface ExportFile {
  fileName: string;
  file: string;
  fileSeq: number;
  rows: number;
  more: boolean;
}

interface HubAnswer extends ExportFile {
  kioskId: string;
  received: number;
  acknowledgedSeq: number;
  sent: number;
  problem?: string;
}

interface KioskImport {
  answersFileSeq: number;
  received: number;
  acknowledged: number;
  acknowledgedSeq: number;
  pending: number;
  more: boolean;
  rescan: boolean;
  code?: string;
  message?: string;
}

let hub: Hub;
let offline: StoreKiosk;
let online: StoreKiosk;
const started: { stop: () => Promise<void> }[] = [];

function sendFile<T>(api: Api, path: string, file: string | Buffer) {
  return api.request<T & { code?: string; message?: string }>('POST', path, file as string, {
    'content-type': 'application/octet-stream',
  });
}

async function exportAt(kiosk: StoreKiosk): Promise<ExportFile> {
  const exported = await kiosk.admin.post<ExportFile>('/api/sync/usb/export');
  expect(exported.status, exported.text).toBe(200);
  return exported.body;
}

async function importAtHub(file: string): Promise<HubAnswer> {
  const answered = await sendFile<HubAnswer>(hub.admin, '/api/hub/usb/import', file);
  expect(answered.status, answered.text).toBe(200);
  return answered.body;
}

async function importAtKiosk(kiosk: StoreKiosk, file: string): Promise<KioskImport> {
  const imported = await sendFile<KioskImport>(kiosk.admin, '/api/sync/usb/import', file);
  expect(imported.status, imported.text).toBe(200);
  return imported.body;
}

/** One round by USB stick for a kiosk. */
async function usbRound(
  kiosk: StoreKiosk,
): Promise<{ exported: ExportFile; answer: HubAnswer; imported: KioskImport }> {
  const exported = await exportAt(kiosk);
  const answer = await importAtHub(exported.file);
  const imported = await importAtKiosk(kiosk, answer.file);
  return { exported, answer, imported };
}

/** What a node holds that a refused file must not change. */
async function held(dataDir: string): Promise<unknown> {
  const db = await Db.open(join(dataDir, 'kiosk.sqlite'));
  try {
    return {
      state: await db.all(`SELECT "key", "value" FROM "sync_state" ORDER BY "key"`),
      ledger: await db.all(`SELECT "id", "accountId", "delta" FROM "ledger_entries" ORDER BY "id"`),
      journal: await db.all(`SELECT "origin", "seq", "hash" FROM "sync_journal" ORDER BY "origin", "seq"`),
      kiosks: await db.all(`SELECT * FROM "hub_kiosks" ORDER BY "kioskId"`).catch(() => []),
      audit: await db.all(`SELECT COUNT(*) AS "n" FROM "admin_changes"`).catch(() => []),
    };
  } finally {
    await db.close();
  }
}

async function ledgerIds(dataDir: string, origin: string): Promise<string[]> {
  const db = await Db.open(join(dataDir, 'kiosk.sqlite'));
  try {
    const rows = await db.all<{ id: string }>(
      `SELECT "id" FROM "ledger_entries" WHERE "kioskId" = ? ORDER BY "seq"`,
      origin,
    );
    return rows.map((row) => row.id);
  } finally {
    await db.close();
  }
}

/** Refused with this code, and neither the kiosk nor the hub changed. */
async function refused(
  api: Api,
  path: string,
  file: string | Buffer,
  code: string,
): Promise<{ status: number; message: string }> {
  const before = [await held(offline.server.dataDir), await held(hub.server.dataDir)];
  const answer = await sendFile(api, path, file);
  expect(answer.body.code, answer.text).toBe(code);
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect([await held(offline.server.dataDir), await held(hub.server.dataDir)]).toEqual(before);
  return { status: answer.status, message: answer.body.message ?? '' };
}

async function balanceAt(api: Api, accountId: string): Promise<number> {
  const passbook = await api.get<{ account: { balance: number } }>(`/api/accounts/${accountId}/ledger`);
  expect(passbook.status, passbook.text).toBe(200);
  return passbook.body.account.balance;
}

async function stockAt(url: string, productId: string): Promise<number | undefined> {
  const catalog = await new Api(url).get<{ id: string; stock: number }[]>('/api/catalog');
  return catalog.body.find((product) => product.id === productId)?.stock;
}

/** One byte of the file changed (a letter or digit to another), about halfway through. */
function altered(file: string): string {
  for (let i = Math.floor(file.length / 2); i < file.length; i++) {
    const char = file[i]!;
    if (/[0-9a-z]/.test(char)) {
      const other = char === '0' ? '1' : /[0-9]/.test(char) ? '0' : char === 'a' ? 'b' : 'a';
      return file.slice(0, i) + other + file.slice(i + 1);
    }
  }
  throw new Error('nothing to alter');
}

beforeAll(async () => {
  hub = await startHub();
  started.push(hub.server);
  const first = await startStoreKiosk(hub, { store: STORE, name: '1号柜台', id: 'UA1' });
  online = await startStoreKiosk(hub, { store: STORE, name: '2号柜台', id: 'UA2' });
  started.push(online.server);
  // enrolled over the network once, then the network is gone: the hub's address answers nothing
  expect((await first.sync()).status).toBe(200);
  expect((await online.sync()).status).toBe(200);
  await first.server.stop();
  const server = await startKiosk({
    dataDir: first.server.dataDir,
    env: { KIOSK_ID: 'UA1', HUB_URL: `http://127.0.0.1:${await freePort()}`, SYNC_INTERVAL_SECONDS: '0' },
  });
  started.push(server);
  offline = await kioskOf(server, first.kioskId, first.code);
});

afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
});

describe('a store without network syncs by USB stick', () => {
  let accountId: string;
  let qr: string;
  let soap: string;

  it('the kiosk cannot reach the hub, and the counter keeps working', async () => {
    const round = await offline.sync();
    expect(round.status).toBe(503);
    expect(round.body.code).toBe('HUB_UNREACHABLE');
    const member = await offline.admin.post<{ account: { id: string }; card: { qr: string } }>('/api/members', {
      name: '赵六',
    });
    expect(member.status, member.text).toBe(201);
    accountId = member.body.account.id;
    qr = member.body.card.qr;
    const award = await offline.admin.post('/api/points/awards', { accountId, points: 50, reason: '志愿服务' });
    expect(award.status, award.text).toBe(201);
    const product = await offline.admin.post<{ id: string }>('/api/products', {
      name: '肥皂',
      category: '日用',
      pricePoints: 5,
      stock: 10,
    });
    expect(product.status, product.text).toBe(201);
    soap = product.body.id;
    const { api } = await new Api(offline.server.url).resident(qr);
    const redeemed = await api.post(
      '/api/redemptions',
      { items: [{ productId: soap, quantity: 2 }] },
      {
        'Idempotency-Key': `usb-${Date.now()}`,
      },
    );
    expect(redeemed.status, redeemed.text).toBe(201);
    const status = await offline.admin.get<{ pending: number; lastUsbExportAt: string | null }>('/api/sync/status');
    expect(status.body.pending).toBeGreaterThan(0);
    expect(status.body.lastUsbExportAt).toBeNull();
  });

  it('export → hub import → answer → kiosk import: the hub holds what the kiosk holds, and the kiosk has its acknowledgement', async () => {
    const pending = (await offline.admin.get<{ pending: number }>('/api/sync/status')).body.pending;
    const exported = await exportAt(offline);
    expect(exported.fileName).toMatch(new RegExp(`^points-${offline.kioskId}-\\d{8}-\\d{6}\\.pksync$`));
    expect(exported).toMatchObject({ rows: pending, more: false });
    // exporting does not count as acknowledged: the rows still wait
    expect((await offline.admin.get<{ pending: number }>('/api/sync/status')).body.pending).toBe(pending);

    const answer = await importAtHub(exported.file);
    expect(answer).toMatchObject({ kioskId: offline.kioskId, fileSeq: exported.fileSeq, received: pending });
    expect(answer.fileName).toMatch(new RegExp(`^points-${offline.kioskId}-answer-\\d{8}-\\d{6}\\.pksync$`));
    expect(answer.problem).toBeUndefined();
    expect(await balanceAt(hub.admin, accountId)).toBe(40);
    expect(await stockAt(hub.server.url, soap)).toBe(8);
    expect(await ledgerIds(hub.server.dataDir, 'UA1')).toEqual(await ledgerIds(offline.server.dataDir, 'UA1'));

    const imported = await importAtKiosk(offline, answer.file);
    expect(imported).toMatchObject({ answersFileSeq: exported.fileSeq, acknowledged: pending, pending: 0 });
    const status = await offline.admin.get<Record<string, unknown>>('/api/sync/status');
    expect(status.body).toMatchObject({ pending: 0, acknowledgedSeq: answer.acknowledgedSeq });
    expect(status.body.lastUsbExportAt).toEqual(expect.any(String));
    expect(status.body.lastUsbImportAt).toEqual(expect.any(String));
  });

  it("a change at the store's other kiosk reaches the offline kiosk through the answer file", async () => {
    expect((await online.sync()).status).toBe(200);
    expect(await balanceAt(online.admin, accountId)).toBe(40);
    const award = await online.admin.post('/api/points/awards', { accountId, points: 7, reason: '垃圾分类' });
    expect(award.status, award.text).toBe(201);
    const { api } = await new Api(online.server.url).resident(qr);
    const redeemed = await api.post(
      '/api/redemptions',
      { items: [{ productId: soap, quantity: 1 }] },
      {
        'Idempotency-Key': `usb-online-${Date.now()}`,
      },
    );
    expect(redeemed.status, redeemed.text).toBe(201);
    expect((await online.sync()).status).toBe(200);

    const { imported } = await usbRound(offline);
    expect(imported.received).toBeGreaterThanOrEqual(2);
    expect(await balanceAt(offline.admin, accountId)).toBe(42);
    expect(await stockAt(offline.server.url, soap)).toBe(7);
    expect(await ledgerIds(offline.server.dataDir, 'UA2')).toEqual(await ledgerIds(hub.server.dataDir, 'UA2'));
    expect(await ledgerIds(offline.server.dataDir, 'UA1')).toEqual(await ledgerIds(hub.server.dataDir, 'UA1'));
    for (const api of [offline.admin, hub.admin]) {
      expect((await api.get('/api/audit/verify')).body).toMatchObject({ ok: true });
    }
  });

  it('an export with nothing waiting still brings back what is new', async () => {
    const award = await online.admin.post('/api/points/awards', { accountId, points: 3, reason: '河道巡查' });
    expect(award.status, award.text).toBe(201);
    expect((await online.sync()).status).toBe(200);
    const { exported, imported } = await usbRound(offline);
    expect(exported.rows).toBe(0);
    expect(imported).toMatchObject({ received: 1, acknowledged: 0, pending: 0 });
    expect(await balanceAt(offline.admin, accountId)).toBe(45);
  });

  it('the same answer twice, an older answer, another kiosk’s answer and the wrong kind of file are refused and change nothing', async () => {
    await offline.admin.post('/api/points/awards', { accountId, points: 1, reason: '志愿服务' });
    const first = await exportAt(offline);
    const second = await exportAt(offline);
    expect(second.fileSeq).toBe(first.fileSeq + 1);
    const firstAnswer = await importAtHub(first.file);
    const secondAnswer = await importAtHub(second.file);
    // the hub took the row once: the second file brought it again, the same
    expect([firstAnswer.received, secondAnswer.received]).toEqual([1, 0]);
    await importAtKiosk(offline, secondAnswer.file);

    const again = await refused(offline.admin, '/api/sync/usb/import', secondAnswer.file, 'USB_ALREADY_IMPORTED');
    expect(again.status).toBe(409);
    await refused(offline.admin, '/api/sync/usb/import', firstAnswer.file, 'USB_FILE_OLD');

    const others = await importAtHub((await exportAt(online)).file);
    await refused(offline.admin, '/api/sync/usb/import', others.file, 'USB_OTHER_KIOSK');

    await refused(offline.admin, '/api/sync/usb/import', first.file, 'USB_WRONG_KIND');
    await refused(hub.admin, '/api/hub/usb/import', secondAnswer.file, 'USB_WRONG_KIND');
  });

  it('a file with one byte altered, or not a sync file at all, is USB_FILE_DAMAGED at either end', async () => {
    await offline.admin.post('/api/points/awards', { accountId, points: 2, reason: '志愿服务' });
    const exported = await exportAt(offline);
    await refused(hub.admin, '/api/hub/usb/import', altered(exported.file), 'USB_FILE_DAMAGED');
    await refused(hub.admin, '/api/hub/usb/import', exported.file.slice(0, -20), 'USB_FILE_DAMAGED');
    await refused(hub.admin, '/api/hub/usb/import', Buffer.from('PK\u0003\u0004 a zip file'), 'USB_FILE_DAMAGED');
    // the row was not taken: the unaltered file brings it
    const answer = await importAtHub(exported.file);
    expect(answer.received).toBe(1);
    await refused(offline.admin, '/api/sync/usb/import', altered(answer.file), 'USB_FILE_DAMAGED');
    const forged = JSON.parse(answer.file) as { body: string };
    forged.body = forged.body.replace(`"kioskId":"${offline.kioskId}"`, `"kioskId":"${online.kioskId}"`);
    await refused(offline.admin, '/api/sync/usb/import', JSON.stringify(forged), 'USB_FILE_DAMAGED');
    const imported = await importAtKiosk(offline, answer.file);
    expect(imported.pending).toBe(0);
    expect(await balanceAt(offline.admin, accountId)).toBe(48);
    expect(await balanceAt(hub.admin, accountId)).toBe(48);
  });

  it('the same export imported at the hub again is answered again and takes nothing twice', async () => {
    await offline.admin.post('/api/points/awards', { accountId, points: 4, reason: '志愿服务' });
    const exported = await exportAt(offline);
    const once = await importAtHub(exported.file);
    const ledgerBefore = await ledgerIds(hub.server.dataDir, 'UA1');
    const twice = await importAtHub(exported.file);
    expect([once.received, twice.received]).toEqual([1, 0]);
    expect(twice.acknowledgedSeq).toBe(once.acknowledgedSeq);
    expect(await ledgerIds(hub.server.dataDir, 'UA1')).toEqual(ledgerBefore);
    // the kiosk takes one answer per export: either, not both
    await importAtKiosk(offline, twice.file);
    await refused(offline.admin, '/api/sync/usb/import', once.file, 'USB_ALREADY_IMPORTED');
    expect(await balanceAt(offline.admin, accountId)).toBe(52);
    expect(await balanceAt(hub.admin, accountId)).toBe(52);
  });

  it("a kiosk that does not know the hub's key refuses its answer files until a round over the network gives it", async () => {
    const db = await Db.open(join(online.server.dataDir, 'kiosk.sqlite'));
    try {
      // as a kiosk enrolled before hubs signed answer files
      await db.exec(`DELETE FROM "sync_state" WHERE "key" = 'hubPublicKey'`);
    } finally {
      await db.close();
    }
    const answer = await importAtHub((await exportAt(online)).file);
    const before = await held(online.server.dataDir);
    const unknown = await sendFile(online.admin, '/api/sync/usb/import', answer.file);
    expect(unknown.body.code, unknown.text).toBe('USB_HUB_KEY_UNKNOWN');
    expect(await held(online.server.dataDir)).toEqual(before);
    expect((await online.sync()).status).toBe(200);
    const imported = await importAtKiosk(online, answer.file);
    expect(imported.pending).toBe(0);
  });

  it('only admins move files, and a revoked kiosk’s file is refused at the hub', async () => {
    const volunteer = await new Api(offline.server.url).staff('volunteer');
    expect((await volunteer.post('/api/sync/usb/export')).status).toBe(403);
    expect((await new Api(hub.server.url).post('/api/hub/usb/import')).status).toBe(401);
    const exported = await exportAt(offline);
    const revoke = await hub.admin.post(`/api/hub/kiosks/${offline.kioskId}/revoke`, { reason: '设备遗失' });
    expect(revoke.status, revoke.text).toBe(200);
    await refused(hub.admin, '/api/hub/usb/import', exported.file, 'KIOSK_REVOKED');
  });
});

describe('a kiosk enrolled by USB stick, never on the network', () => {
  it('the enrolment file proves the code without carrying it; the hub enrols the kiosk and its answer brings the store', async () => {
    const { kioskId, code } = await createKiosk(hub, STORE, '3号柜台');
    const kiosk = await startStoreKiosk(hub, {
      store: STORE,
      name: '3号柜台',
      id: 'UA3',
      code,
      codeAtConsole: true,
      env: { HUB_URL: `http://127.0.0.1:${await freePort()}` },
    });
    started.push(kiosk.server);
    kiosk.kioskId = kioskId;
    const plain = await kiosk.admin.post<{ code: string }>('/api/sync/usb/export');
    expect(plain.body.code).toBe('USB_NOT_ENROLLED');

    // a wrong code: the hub finds no kiosk waiting for it, and enrols nothing
    const wrong = await kiosk.admin.post<ExportFile>('/api/sync/usb/enrol', { enrolmentCode: 'AAAA-BBBB-CCCC' });
    expect(wrong.status, wrong.text).toBe(200);
    const refusedAtHub = await sendFile(hub.admin, '/api/hub/usb/import', wrong.body.file);
    expect(refusedAtHub.body.code, refusedAtHub.text).toBe('ENROLMENT_CODE_INVALID');
    const listed = async () =>
      (await hub.admin.get<{ kioskId: string; enrolled: boolean }[]>('/api/hub/kiosks')).body.find(
        (entry) => entry.kioskId === kioskId,
      );
    expect(await listed()).toMatchObject({ enrolled: false });

    const exported = await kiosk.admin.post<ExportFile>('/api/sync/usb/enrol', { enrolmentCode: code.toLowerCase() });
    expect(exported.status, exported.text).toBe(200);
    expect(exported.body.file).not.toContain(code);
    expect(exported.body.file).not.toContain(code.replace(/-/g, ''));
    const pending = await kiosk.admin.get<Record<string, unknown>>('/api/sync/status');
    expect(pending.body).toMatchObject({ enrolled: false, usbEnrolmentPending: true });

    const answer = await importAtHub(exported.body.file);
    expect(answer.kioskId).toBe(kioskId);
    expect(await listed()).toMatchObject({ enrolled: true });
    // the hub holds the code's hash only, and so does the kiosk's proof: the same file again is harmless
    const again = await importAtHub(exported.body.file);
    expect(again.received).toBe(0);

    // an answer made for another kiosk does not enrol this one; a damaged one neither
    const forOther = await importAtHub((await exportAt(online)).file);
    const notForMe = await sendFile(kiosk.admin, '/api/sync/usb/import', forOther.file);
    expect(notForMe.body.code, notForMe.text).toBe('USB_NOT_ENROLLED');
    const damagedAnswer = await sendFile(kiosk.admin, '/api/sync/usb/import', altered(answer.file));
    expect(damagedAnswer.body.code, damagedAnswer.text).toBe('USB_FILE_DAMAGED');
    expect((await kiosk.admin.get('/api/sync/status')).body).toMatchObject({ enrolled: false });

    // a round over the network cannot enrol it (no code, no hub): the page says so until the file does
    const lastErrorCode = async () =>
      (await kiosk.admin.get<{ lastError: { code: string } | null }>('/api/sync/status')).body.lastError?.code;
    expect((await kiosk.admin.post('/api/sync/run')).status).toBeGreaterThanOrEqual(400);
    expect(await lastErrorCode()).toBe('ENROLMENT_CODE_MISSING');
    await importAtKiosk(kiosk, answer.file);
    expect(await lastErrorCode()).toBeUndefined();
    const status = await kiosk.admin.get<Record<string, unknown>>('/api/sync/status');
    // one row waits: the store's name taken from the hub, in the change log, goes up with the next file
    expect(status.body).toMatchObject({ enrolled: true, kioskId, store: STORE, name: '3号柜台', pending: 1 });
    expect(status.body.usbEnrolmentPending).toBe(false);
    // the start screen and receipts name the store the hub knows
    expect((await new Api(kiosk.server.url).get<{ storeName: string }>('/api/kiosk')).body.storeName).toBe(STORE);
    const members = await kiosk.admin.get<{ name: string }[]>('/api/members');
    expect(members.body.map((member) => member.name)).toContain('赵六');
    // from now on ordinary rounds by USB stick
    const member = await kiosk.admin.post<{ account: { id: string } }>('/api/members', { name: '周八' });
    expect(member.status, member.text).toBe(201);
    const { answer: next, imported } = await usbRound(kiosk);
    expect(next.received).toBeGreaterThan(0);
    expect(imported.pending).toBe(0);
    expect((await hub.admin.get(`/api/accounts/${member.body.account.id}/ledger`)).status).toBe(200);
  });
});
