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

/** What applying a change did, for the caller's bookkeeping (overdrafts, card sessions). */
export interface Applied {
  inserted: boolean;
  /** The account whose balance moved (a ledger entry was inserted). */
  accountId?: string;
  /** A card that became revoked here. */
  revokedCard?: string;
}

/**
 * Writes rows that came from other nodes into the feature tables. It is the one writer besides
 * each feature's own repository, and it writes only what REPLICATED_TABLES names: replication
 * copies rows, it makes no decisions of the features. It never reports changes to the journal
 * (`tx.changed`): these rows already have their origin's journal row.
 */
@Injectable()
export class ReplicaRepository {
  async apply(tx: SqlRunner, change: RowChange, hlc: string): Promise<Applied> {
    const rule = REPLICATED_TABLES[change.table]!;
    const inserted = await this.insertIfAbsent(tx, change, rule);
    if (rule.merge === 'fact') return inserted ? this.afterFact(tx, change) : { inserted };
    if (rule.merge === 'record') {
      if (await this.isNewest(tx, change.table, String(change.row[rule.key]), hlc)) await this.update(tx, change, rule);
      return { inserted };
    }
    return { inserted, ...(await this.applySticky(tx, change)) };
  }

  private async insertIfAbsent(tx: SqlRunner, change: RowChange, rule: TableRule): Promise<boolean> {
    const row = { ...change.row, ...rule.derived };
    if (change.table === 'activities') row.name = await this.freeActivityName(tx, row);
    if (change.table === 'products' && row.barcode !== null) row.barcode = await this.freeBarcode(tx, row);
    const columns = Object.keys(rule.columns);
    const inserted = await tx.run(
      `INSERT INTO "${change.table}" (${columns.map((c) => `"${c}"`).join(', ')})
       VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`,
      columns.map((column) => row[column]),
    );
    return inserted === 1;
  }

  private async afterFact(tx: SqlRunner, change: RowChange): Promise<Applied> {
    const { row } = change;
    if (change.table === 'ledger_entries') {
      await tx.run(`UPDATE "accounts" SET "balance" = "balance" + ? WHERE "id" = ?`, [row.delta, row.accountId]);
      return { inserted: true, accountId: row.accountId as string };
    }
    if (change.table === 'stock_movements') {
      await tx.run(`UPDATE "products" SET "stock" = "stock" + ? WHERE "id" = ?`, [row.delta, row.productId]);
    }
    return { inserted: true };
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

  /** True, and recorded, when `hlc` is later than the last change applied to this record (one statement). */
  async isNewest(tx: SqlRunner, table: string, id: string, hlc: string): Promise<boolean> {
    const recorded = await tx.all<{ hlc: string }>(
      `INSERT INTO "sync_record_versions" ("tableName", "id", "hlc") VALUES (?, ?, ?)
       ON CONFLICT ("tableName", "id") DO UPDATE SET "hlc" = excluded."hlc"
       WHERE "sync_record_versions"."hlc" < excluded."hlc"
       RETURNING "hlc"`,
      [table, id, hlc],
    );
    return recorded.length === 1;
  }

  async setVersion(tx: SqlRunner, table: string, id: string, hlc: string): Promise<void> {
    await tx.run(
      `INSERT INTO "sync_record_versions" ("tableName", "id", "hlc") VALUES (?, ?, ?)
       ON CONFLICT ("tableName", "id") DO UPDATE SET "hlc" = excluded."hlc"`,
      [table, id, hlc],
    );
  }

  private async applySticky(tx: SqlRunner, change: RowChange): Promise<Omit<Applied, 'inserted'>> {
    const { row } = change;
    if (change.table === 'cards' && row.status === 'revoked') {
      const revoked = await tx.run(
        `UPDATE "cards" SET "status" = 'revoked', "revokedAt" = ? WHERE "cardNo" = ? AND "status" = 'active'`,
        [row.revokedAt, row.cardNo],
      );
      return revoked === 1 ? { revokedCard: row.cardNo as string } : {};
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
    return {};
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
