import { cpSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashLedgerEntry } from '../../kiosk-server/src/ledger/ledger-hash';
import { tempDataDir } from '../support/kiosk';
import { copyDatabase } from '../support/postgres';
import { Db } from '../support/sqlite';
import { createProduct, dbPath, fundedResident, openStore, redeem, type Verification, verify } from './helpers';

/**
 * Someone edits the kiosk's database while the kiosk is off (the append-only triggers dropped or
 * disabled first, as a person with the SQLite file and a SQLite tool, or with the PostgreSQL
 * owner's password, could). On the next start the audit finds it.
 */

interface Row {
  id: string;
  accountId: string;
  delta: number;
  balanceAfter: number;
  kind: 'award' | 'redeem' | 'void' | 'adjust';
  reason: string;
  actor: string;
  kioskId: string;
  seq: number;
  refId: string | null;
  createdAt: string;
  prevHash: string;
  hash: string;
}

let pristine: string;
let entries: Row[];
let accountId: string;
const copies: string[] = [];

beforeAll(async () => {
  const store = await openStore();
  const product = await createProduct(store.admin, { pricePoints: 3, stock: 100 });
  const resident = await fundedResident(store, 80);
  accountId = resident.accountId;
  for (let i = 0; i < 4; i++) {
    expect((await redeem(resident.api, [{ productId: product.id, quantity: 1 + i }])).status).toBe(201);
    expect(
      (await store.admin.post('/api/points/awards', { accountId, points: 2, reason: `志愿服务 ${i}` })).status,
    ).toBe(201);
  }
  expect((await verify(store.admin)).ok).toBe(true);
  pristine = store.kiosk.dataDir;
  await store.close();
  const db = await Db.open(dbPath(pristine));
  entries = await db.all<Row>('SELECT * FROM ledger_entries ORDER BY kioskId, seq');
  await db.close();
});

afterAll(() => {
  for (const dir of [...copies, pristine]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the stopped kiosk's data directory, with a copy of its database. */
async function copyOfPristine(): Promise<string> {
  const dir = tempDataDir('kiosk-tamper-');
  copies.push(dir);
  cpSync(pristine, dir, { recursive: true });
  await copyDatabase(pristine, dir);
  return dir;
}

/** Copies the stopped kiosk's data, lets `damage` edit the database, starts a kiosk on it and asks for the audit. */
async function auditAfter(damage: (db: Db) => Promise<void>): Promise<Verification> {
  const dir = await copyOfPristine();
  const db = await Db.open(dbPath(dir));
  try {
    await damage(db);
  } finally {
    await db.close();
  }
  const store = await openStore({ dataDir: dir });
  try {
    return await verify(store.admin);
  } finally {
    await store.close();
  }
}

const unlock = (db: Db) =>
  db.engine === 'postgres'
    ? db.exec('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only')
    : db.exec('DROP TRIGGER IF EXISTS ledger_entries_no_update; DROP TRIGGER IF EXISTS ledger_entries_no_delete;');

/** An entry of the test account in the middle of the chain (not the first, not the last). */
function middleEntry(kind: Row['kind']): { entry: Row; next: Row } {
  const index = entries.findIndex(
    (entry, i) => i > 0 && i < entries.length - 1 && entry.accountId === accountId && entry.kind === kind,
  );
  expect(index).toBeGreaterThan(0);
  return { entry: entries[index]!, next: entries[index + 1]! };
}

describe('the ledger file as the kiosk left it', () => {
  it('verifies ok on a copy (so the copies below differ only by the damage)', async () => {
    const result = await auditAfter(async () => undefined);
    expect(result).toEqual({ ok: true, entries: entries.length });
  });

  it('refuses UPDATE and DELETE of a ledger entry at the database level', async () => {
    const dir = await copyOfPristine();
    const db = await Db.open(dbPath(dir));
    try {
      const { entry } = middleEntry('redeem');
      await expect(db.exec(`UPDATE ledger_entries SET delta = 0 WHERE id = '${entry.id}'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(db.exec(`DELETE FROM ledger_entries WHERE id = '${entry.id}'`)).rejects.toThrow(/append-only/);
    } finally {
      await db.close();
    }
  });
});

describe('/api/audit/verify after the file was edited', () => {
  it('reports a changed delta with firstBadEntryId = that entry', async () => {
    const { entry } = middleEntry('redeem');
    const result = await auditAfter(async (db) => {
      await unlock(db);
      await db.exec(`UPDATE ledger_entries SET delta = delta + 1 WHERE id = '${entry.id}'`);
    });
    expect(result).toMatchObject({ ok: false, entries: entries.length, firstBadEntryId: entry.id });
  });

  it('reports a changed reason with firstBadEntryId = that entry', async () => {
    const { entry } = middleEntry('award');
    const result = await auditAfter(async (db) => {
      await unlock(db);
      await db.exec(`UPDATE ledger_entries SET reason = '见义勇为' WHERE id = '${entry.id}'`);
    });
    expect(result).toMatchObject({ ok: false, firstBadEntryId: entry.id });
  });

  it('reports a changed balanceAfter or actor with firstBadEntryId = that entry', async () => {
    const { entry } = middleEntry('award');
    for (const change of [`balanceAfter = balanceAfter + 100`, `actor = 'staff:volunteer'`]) {
      const result = await auditAfter(async (db) => {
        await unlock(db);
        await db.exec(`UPDATE ledger_entries SET ${change} WHERE id = '${entry.id}'`);
      });
      expect(result, change).toMatchObject({ ok: false, firstBadEntryId: entry.id });
    }
  });

  it('reports an entry changed with its own hash recomputed: the next entry no longer links to it', async () => {
    const { entry, next } = middleEntry('redeem');
    const forged = { ...entry, delta: entry.delta + 2, balanceAfter: entry.balanceAfter + 2 };
    const hash = hashLedgerEntry(forged);
    const result = await auditAfter(async (db) => {
      await unlock(db);
      await db.exec(
        `UPDATE ledger_entries SET delta = ${forged.delta}, balanceAfter = ${forged.balanceAfter}, hash = '${hash}' WHERE id = '${entry.id}'`,
      );
    });
    expect(result).toMatchObject({ ok: false, firstBadEntryId: next.id });
  });

  it('reports a deleted middle entry (at the entry that follows the gap)', async () => {
    const { entry, next } = middleEntry('award');
    const result = await auditAfter(async (db) => {
      await unlock(db);
      await db.exec(`DELETE FROM ledger_entries WHERE id = '${entry.id}'`);
    });
    expect(result).toMatchObject({ ok: false, entries: entries.length - 1, firstBadEntryId: next.id });
  });

  it('reports a deleted last entry through the account balance', async () => {
    const last = entries.at(-1)!;
    const result = await auditAfter(async (db) => {
      await unlock(db);
      await db.exec(`DELETE FROM ledger_entries WHERE id = '${last.id}'`);
    });
    expect(result.ok).toBe(false);
    expect(result.entries).toBe(entries.length - 1);
  });

  it('reports a changed account balance (ok:false) although every entry is intact', async () => {
    const result = await auditAfter(async (db) => {
      await db.exec(`UPDATE accounts SET balance = balance + 500 WHERE id = '${accountId}'`);
    });
    expect(result.ok).toBe(false);
    expect(result.problem ?? '').toContain(accountId);
  });
});
