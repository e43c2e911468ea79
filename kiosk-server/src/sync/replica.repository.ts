import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import type { RowChange, SqlRunner } from '../database/sql-runner';

type ColumnType = 'text' | 'text?' | 'int' | 'int?' | 'bool';

/**
 * How each table that travels is merged (SYNC.md "Two kinds of data"):
 * - `fact`: append-only; inserted when absent, never changed. A ledger entry moves its account's
 *   balance and a stock movement its product's stock when (and only when) it is inserted, so
 *   balances and stock are sums over the facts a node holds.
 * - `record`: the latest change wins (by hybrid clock); `derived` columns (balance, stock) are
 *   never taken from a record, they follow the facts.
 * - `sticky`: inserted when absent; the one change it can undergo (a card revoked, a redemption
 *   voided, an event closed) is kept once seen, whatever the clocks say.
 */
interface TableRule {
  key: string;
  columns: Record<string, ColumnType>;
  merge: 'fact' | 'record' | 'sticky';
  derived?: Record<string, number>;
}

export const REPLICATED_TABLES: Record<string, TableRule> = {
  accounts: {
    key: 'id',
    merge: 'record',
    columns: { id: 'text', kind: 'text', name: 'text', balance: 'int', createdAt: 'text' },
    derived: { balance: 0 },
  },
  members: {
    key: 'id',
    merge: 'record',
    columns: { id: 'text', accountId: 'text', name: 'text', household: 'text?', createdAt: 'text' },
  },
  cards: {
    key: 'cardNo',
    merge: 'sticky',
    columns: {
      cardNo: 'text',
      memberId: 'text',
      status: 'text',
      keyId: 'text',
      issuedAt: 'text',
      revokedAt: 'text?',
    },
  },
  activities: {
    key: 'id',
    merge: 'record',
    columns: { id: 'text', name: 'text', defaultPoints: 'int', active: 'bool' },
  },
  products: {
    key: 'id',
    merge: 'record',
    columns: {
      id: 'text',
      name: 'text',
      category: 'text',
      pricePoints: 'int',
      stock: 'int',
      imageUrl: 'text?',
      monthlyLimit: 'int?',
      lowStockThreshold: 'int',
      active: 'bool',
      barcode: 'text?',
      createdAt: 'text',
      updatedAt: 'text',
    },
    derived: { stock: 0 },
  },
  award_events: {
    key: 'id',
    merge: 'sticky',
    columns: {
      id: 'text',
      activityId: 'text',
      name: 'text',
      points: 'int',
      createdBy: 'text',
      createdAt: 'text',
      closedAt: 'text?',
    },
  },
  ledger_entries: {
    key: 'id',
    merge: 'fact',
    columns: {
      id: 'text',
      accountId: 'text',
      delta: 'int',
      balanceAfter: 'int',
      kind: 'text',
      reason: 'text',
      actor: 'text',
      kioskId: 'text',
      seq: 'int',
      refId: 'text?',
      createdAt: 'text',
      prevHash: 'text',
      hash: 'text',
    },
  },
  stock_movements: {
    key: 'id',
    merge: 'fact',
    columns: {
      id: 'text',
      productId: 'text',
      delta: 'int',
      stockAfter: 'int',
      reason: 'text',
      note: 'text?',
      actor: 'text',
      refId: 'text?',
      createdAt: 'text',
    },
  },
  redemptions: {
    key: 'id',
    merge: 'sticky',
    columns: {
      id: 'text',
      receiptNo: 'text',
      accountId: 'text',
      memberId: 'text',
      cardNo: 'text',
      totalPoints: 'int',
      balanceBefore: 'int',
      balanceAfter: 'int',
      status: 'text',
      ledgerEntryId: 'text',
      voidLedgerEntryId: 'text?',
      voidReason: 'text?',
      voidedBy: 'text?',
      voidedAt: 'text?',
      kioskId: 'text',
      createdAt: 'text',
    },
  },
  redemption_lines: {
    key: 'id',
    merge: 'fact',
    columns: {
      id: 'text',
      redemptionId: 'text',
      productId: 'text',
      productName: 'text',
      pricePoints: 'int',
      quantity: 'int',
      lineTotal: 'int',
    },
  },
  event_check_ins: {
    key: 'id',
    merge: 'fact',
    columns: { id: 'text', eventId: 'text', memberId: 'text', ledgerEntryId: 'text', createdAt: 'text' },
  },
  admin_changes: {
    key: 'id',
    merge: 'fact',
    columns: {
      id: 'text',
      actor: 'text',
      action: 'text',
      entity: 'text',
      entityId: 'text',
      before: 'text?',
      after: 'text?',
      createdAt: 'text',
    },
  },
};

const MAX_TEXT = 4000;

/**
 * A change as received from another node, checked against the table's rule: a known table and
 * exactly its columns, each of its type. Column names reach SQL only from REPLICATED_TABLES.
 */
export function checkedChange(change: unknown): RowChange {
  const bad = (why: string) => DomainError.validation(`A journal change is malformed: ${why}.`);
  if (typeof change !== 'object' || change === null) throw bad('not an object');
  const { table, row } = change as { table?: unknown; row?: unknown };
  const rule = typeof table === 'string' ? REPLICATED_TABLES[table] : undefined;
  if (!rule) throw bad(`unknown table ${JSON.stringify(table)}`);
  if (typeof row !== 'object' || row === null) throw bad(`${String(table)} without a row`);
  const values = row as Record<string, unknown>;
  const names = Object.keys(values);
  if (names.length !== Object.keys(rule.columns).length) throw bad(`${String(table)} has other columns`);
  const clean: Record<string, unknown> = {};
  for (const [column, type] of Object.entries(rule.columns)) {
    const value = values[column];
    if (!(column in values) || !fits(value, type)) throw bad(`${String(table)}.${column} is not ${type}`);
    clean[column] = type === 'bool' ? Boolean(value) : value;
  }
  return { table: table as string, row: clean };
}

function fits(value: unknown, type: ColumnType): boolean {
  if (value === null) return type.endsWith('?');
  switch (type.replace('?', '')) {
    case 'text':
      return typeof value === 'string' && value.length <= MAX_TEXT;
    case 'int':
      return Number.isSafeInteger(value);
    default:
      return typeof value === 'boolean' || value === 0 || value === 1;
  }
}

/** A change with the clock of the journal row that carried it. */
export interface TimedChange {
  change: RowChange;
  hlc: string;
}

/** What applying changes did, for the caller's bookkeeping (overdrafts, account stores, card sessions). */
export interface Applied {
  /** Accounts new here. */
  accounts: string[];
  /** Ledger entries new here (each moved its account's balance). */
  entries: { id: string; accountId: string; delta: number }[];
  /** Cards that became revoked here. */
  revokedCards: string[];
}

/** Tables in the order their references need: a row's referenced rows are applied before it. */
const APPLY_ORDER = [
  'accounts',
  'members',
  'cards',
  'activities',
  'award_events',
  'products',
  'ledger_entries',
  'redemptions',
  'redemption_lines',
  'stock_movements',
  'event_check_ins',
  'admin_changes',
] as const;

/**
 * Rows per multi-row statement: powers of two, so that each table has a handful of statement
 * texts (each is prepared once per connection) whatever the batch.
 */
const ROW_GROUPS = [128, 32, 8, 2, 1];

export function groups<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (const size of ROW_GROUPS) {
    while (items.length - at >= size) {
      out.push(items.slice(at, at + size));
      at += size;
    }
  }
  return out;
}

/**
 * Writes rows that came from other nodes into the feature tables. It is the one writer besides
 * each feature's own repository, and it writes only what REPLICATED_TABLES names: replication
 * copies rows, it makes no decisions of the features. It never reports changes to the journal
 * (`tx.changed`): these rows already have their origin's journal row.
 *
 * A batch is applied table by table (APPLY_ORDER) with multi-row statements: facts in one
 * `INSERT … ON CONFLICT DO NOTHING RETURNING` per group of rows, balances and stock moved by one
 * grouped `UPDATE … FROM (VALUES …)`, record clocks compared in one upsert.
 */
@Injectable()
export class ReplicaRepository {
  async applyAll(tx: SqlRunner, batch: readonly TimedChange[]): Promise<Applied> {
    const applied: Applied = { accounts: [], entries: [], revokedCards: [] };
    for (const table of APPLY_ORDER) {
      const items = batch.filter((item) => item.change.table === table);
      if (items.length === 0) continue;
      const rule = REPLICATED_TABLES[table]!;
      const inserted = await this.insertAbsent(tx, table, rule, items);
      if (table === 'accounts') applied.accounts.push(...inserted.keys());
      if (rule.merge === 'fact') await this.afterFacts(tx, table, [...inserted.values()], applied);
      else if (rule.merge === 'record') await this.updateNewer(tx, table, rule, items, inserted);
      else applied.revokedCards.push(...(await this.applySticky(tx, items)));
    }
    return applied;
  }

  /** Inserts the rows not held yet; the inserted ones by key (the first change of each key). */
  private async insertAbsent(
    tx: SqlRunner,
    table: string,
    rule: TableRule,
    items: readonly TimedChange[],
  ): Promise<Map<string, RowChange>> {
    const first = new Map<string, RowChange>();
    for (const { change } of items) {
      const key = String(change.row[rule.key]);
      if (!first.has(key)) first.set(key, change);
    }
    const rows: Record<string, unknown>[] = [];
    for (const change of first.values()) {
      const row = { ...change.row, ...rule.derived };
      if (table === 'activities') row.name = await this.freeActivityName(tx, row);
      if (table === 'products' && row.barcode !== null) row.barcode = await this.freeBarcode(tx, row);
      rows.push(row);
    }
    const columns = Object.keys(rule.columns);
    const inserted = new Map<string, RowChange>();
    for (const group of groups(rows)) {
      const keys = await tx.all<{ key: string }>(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
         VALUES ${group.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}
         ON CONFLICT DO NOTHING RETURNING "${rule.key}" AS "key"`,
        group.flatMap((row) => columns.map((column) => row[column])),
      );
      for (const { key } of keys) inserted.set(String(key), first.get(String(key))!);
    }
    return inserted;
  }

  /** New ledger entries move balances, new stock movements move stock: one statement each. */
  private async afterFacts(tx: SqlRunner, table: string, rows: RowChange[], applied: Applied): Promise<void> {
    const target =
      table === 'ledger_entries'
        ? { table: 'accounts', column: 'balance', key: 'accountId' }
        : table === 'stock_movements'
          ? { table: 'products', column: 'stock', key: 'productId' }
          : undefined;
    if (!target) return;
    const sums = new Map<string, number>();
    for (const { row } of rows) {
      sums.set(row[target.key] as string, (sums.get(row[target.key] as string) ?? 0) + (row.delta as number));
      if (table === 'ledger_entries') {
        applied.entries.push({ id: row.id as string, accountId: row.accountId as string, delta: row.delta as number });
      }
    }
    for (const group of groups([...sums])) {
      // a derived table both engines read alike (SQLite's VALUES cannot name its columns)
      const moved = group
        .map(() => 'SELECT CAST(? AS text) AS "id", CAST(? AS integer) AS "delta"')
        .join(' UNION ALL ');
      await tx.run(
        `UPDATE "${target.table}" SET "${target.column}" = "${target.table}"."${target.column}" + "moved"."delta"
         FROM (${moved}) AS "moved" WHERE "${target.table}"."id" = "moved"."id"`,
        group.flat(),
      );
    }
  }

  /**
   * The latest change of each record wins: the clocks are compared in one upsert, and a record is
   * written again only when a change newer than the one just inserted (or held) arrived.
   */
  private async updateNewer(
    tx: SqlRunner,
    table: string,
    rule: TableRule,
    items: readonly TimedChange[],
    inserted: Map<string, RowChange>,
  ): Promise<void> {
    const latest = new Map<string, TimedChange>();
    for (const item of items) {
      const key = String(item.change.row[rule.key]);
      const held = latest.get(key);
      if (!held || held.hlc < item.hlc) latest.set(key, item);
    }
    const newer = new Set<string>();
    for (const group of groups([...latest.values()])) {
      const keys = await tx.all<{ id: string }>(
        `INSERT INTO "sync_record_versions" ("tableName", "id", "hlc")
         VALUES ${group.map(() => '(?, ?, ?)').join(', ')}
         ON CONFLICT ("tableName", "id") DO UPDATE SET "hlc" = excluded."hlc"
         WHERE "sync_record_versions"."hlc" < excluded."hlc"
         RETURNING "id"`,
        group.flatMap((item) => [table, String(item.change.row[rule.key]), item.hlc]),
      );
      for (const { id } of keys) newer.add(String(id));
    }
    for (const key of newer) {
      const { change } = latest.get(key)!;
      if (inserted.get(key) !== change) await this.update(tx, change, rule);
    }
  }

  private async update(tx: SqlRunner, change: RowChange, rule: TableRule): Promise<void> {
    const columns = Object.keys(rule.columns).filter(
      (column) => column !== rule.key && column !== 'createdAt' && !(rule.derived && column in rule.derived),
    );
    const row = { ...change.row };
    if (change.table === 'activities') row.name = await this.freeActivityName(tx, row);
    if (change.table === 'products' && row.barcode !== null) row.barcode = await this.freeBarcode(tx, row);
    await tx.run(
      `UPDATE "${change.table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE "${rule.key}" = ?`,
      [...columns.map((column) => row[column]), row[rule.key]],
    );
  }

  async setVersion(tx: SqlRunner, table: string, id: string, hlc: string): Promise<void> {
    await tx.run(
      `INSERT INTO "sync_record_versions" ("tableName", "id", "hlc") VALUES (?, ?, ?)
       ON CONFLICT ("tableName", "id") DO UPDATE SET "hlc" = excluded."hlc"`,
      [table, id, hlc],
    );
  }

  /** The one change a sticky row can undergo, kept once seen; the cards it revoked here. */
  private async applySticky(tx: SqlRunner, items: readonly TimedChange[]): Promise<string[]> {
    const revoked: string[] = [];
    for (const { change } of items) {
      const { row } = change;
      if (change.table === 'cards' && row.status === 'revoked') {
        const changed = await tx.run(
          `UPDATE "cards" SET "status" = 'revoked', "revokedAt" = ? WHERE "cardNo" = ? AND "status" = 'active'`,
          [row.revokedAt, row.cardNo],
        );
        if (changed === 1) revoked.push(row.cardNo as string);
      }
      if (change.table === 'redemptions' && row.status === 'voided') {
        await tx.run(
          `UPDATE "redemptions" SET "status" = 'voided', "voidLedgerEntryId" = ?, "voidReason" = ?, "voidedBy" = ?,
             "voidedAt" = ? WHERE "id" = ? AND "status" = 'completed'`,
          [row.voidLedgerEntryId, row.voidReason, row.voidedBy, row.voidedAt, row.id],
        );
      }
      if (change.table === 'award_events' && row.closedAt !== null) {
        await tx.run(`UPDATE "award_events" SET "closedAt" = ? WHERE "id" = ? AND "closedAt" IS NULL`, [
          row.closedAt,
          row.id,
        ]);
      }
    }
    return revoked;
  }

  /** Activity names are unique: two counters naming two activities alike keep both, the later one marked. */
  private async freeActivityName(tx: SqlRunner, row: Record<string, unknown>): Promise<string> {
    const name = row.name as string;
    const [other] = await tx.all<{ id: string }>(`SELECT "id" FROM "activities" WHERE "name" = ? AND "id" <> ?`, [
      name,
      row.id,
    ]);
    return other ? `${name}（${String(row.id).slice(-4)}）` : name;
  }

  /** A barcode already on another product stays there; the incoming product goes without until an admin sets it. */
  private async freeBarcode(tx: SqlRunner, row: Record<string, unknown>): Promise<string | null> {
    const [other] = await tx.all<{ id: string }>(`SELECT "id" FROM "products" WHERE "barcode" = ? AND "id" <> ?`, [
      row.barcode,
      row.id,
    ]);
    return other ? null : (row.barcode as string);
  }
}
