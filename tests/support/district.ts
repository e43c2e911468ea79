import { join } from 'node:path';
import { Api } from './api';
import { type Kiosk, startKiosk, tempDataDir } from './kiosk';
import { freePort } from './net';
import { Db } from './sqlite';

/** A hub and its admin, started as `KIOSK_ROLE=hub npm start` would. */
export interface Hub {
  server: Kiosk;
  admin: Api;
}

/**
 * Starts a hub; again on the same data directory and port after a stop (the kiosks keep its address).
 */
export async function startHub(dataDir = tempDataDir('hub-test-'), port?: number): Promise<Hub> {
  const env = { KIOSK_ROLE: 'hub', KIOSK_ID: 'HUB', PORT: String(port ?? (await freePort())) };
  const server = await startKiosk({ dataDir, env });
  return { server, admin: await new Api(server.url).staff('admin') };
}

/** A kiosk of a store: created at the hub, started with its enrolment code, no automatic rounds. */
export interface StoreKiosk {
  server: Kiosk;
  admin: Api;
  kioskId: string;
  code: string;
  /** One sync round now; the answer as the kiosk gives it. */
  sync: () => Promise<{ status: number; body: Record<string, unknown> & { code?: string } }>;
}

export async function createKiosk(hub: Hub, store: string, name: string): Promise<{ kioskId: string; code: string }> {
  const created = await hub.admin.post<{ kioskId: string; enrolmentCode: string }>('/api/hub/kiosks', { store, name });
  if (created.status !== 201) throw new Error(`kiosk not created: ${created.text}`);
  return { kioskId: created.body.kioskId, code: created.body.enrolmentCode };
}

export async function startStoreKiosk(
  hub: Hub,
  options: {
    store: string;
    name: string;
    id: string;
    env?: Record<string, string>;
    dataDir?: string;
    /** Enrol with this code (one already given out) instead of a new kiosk's. */
    code?: string;
    /** Start without HUB_KEY: the admin enters the code at the console. */
    codeAtConsole?: boolean;
  },
): Promise<StoreKiosk> {
  const { kioskId, code } = options.code
    ? { kioskId: '', code: options.code }
    : await createKiosk(hub, options.store, options.name);
  const server = await startKiosk({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    env: {
      KIOSK_ID: options.id,
      HUB_URL: hub.server.url,
      ...(options.codeAtConsole ? {} : { HUB_KEY: code }),
      SYNC_INTERVAL_SECONDS: '0',
      ...options.env,
    },
  });
  return kioskOf(server, kioskId, code);
}

/** The handle of a kiosk process (again, after a restart on the same data directory). */
export async function kioskOf(server: Kiosk, kioskId: string, code: string): Promise<StoreKiosk> {
  const admin = await new Api(server.url).staff('admin');
  return {
    server,
    admin,
    kioskId,
    code,
    sync: () => admin.post('/api/sync/run') as Promise<{ status: number; body: Record<string, unknown> }>,
  };
}

/** The ids of the ledger entries a node holds that were made at one kiosk, in chain order. */
export async function ledgerIdsOf(dataDir: string, kioskId: string): Promise<string[]> {
  const db = await Db.open(join(dataDir, 'kiosk.sqlite'));
  try {
    const rows = await db.all<{ id: string }>(
      `SELECT "id" FROM "ledger_entries" WHERE "kioskId" = ? ORDER BY "seq"`,
      kioskId,
    );
    return rows.map((row) => row.id);
  } finally {
    await db.close();
  }
}
