import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { onPostgres, openTestDatabase, pgUrl, type TestDatabase } from './engines.spec-support';

/**
 * Both engines' migrations must end at one schema: a fresh SQLite file and a fresh PostgreSQL
 * database are migrated with the real migrations, read back from each engine's catalogue and
 * compared table by table. Without a PostgreSQL server those tests are skipped and say why
 * (see engines.spec-support.ts).
 */

/** TypeORM's bookkeeping, not ours: its id column is each engine's own autoincrement. */
const IGNORED_TABLES = new Set(['migrations', 'typeorm_metadata', 'sqlite_sequence']);
const APPEND_ONLY = ['ledger_entries', 'admin_changes'];

interface Column {
  type: string;
  notNull: boolean;
  default: string | null;
}

/** One table, in words both engines can be brought to; lists are sorted so order of creation does not count. */
interface Table {
  columns: Record<string, Column>;
  primaryKey: string[];
  /** `unique (a, b) where …` / `index (a)`: names differ by engine (auto-named constraints), so they are left out. */
  indexes: string[];
  /** `(a) → parent(b)` */
  foreignKeys: string[];
  /** The columns a CHECK reads and the constants it names: `(balance) 0`, `(kind) 'household' 'person'`. */
  checks: string[];
}

type Schema = Record<string, Table>;

/** Literal text of an expression, without quotes, casts, parentheses or case, for comparing predicates. */
function normaliseExpression(sql: string): string {
  return sql.replace(/::\w+/g, '').replace(/["()]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

function normaliseDefault(value: string | null): string | null {
  if (value === null) return null;
  return normaliseExpression(value).replace(/^'(.*)'$/, '$1');
}

function index(unique: boolean, columns: string[], predicate: string | null): string {
  const where = predicate ? ` where ${normaliseExpression(predicate)}` : '';
  return `${unique ? 'unique' : 'index'} (${columns.join(', ')})${where}`;
}

/** A CHECK by what it mentions: the table's columns it reads, and its string and number constants. */
function check(expression: string, columnNames: string[]): string {
  const constants = [...expression.matchAll(/'((?:[^']|'')*)'|\b(\d+)\b/g)].map((m) =>
    m[1] !== undefined ? `'${m[1]}'` : m[2]!,
  );
  const read = columnNames.filter((name) => new RegExp(`(^|[^\\w])"?${name}"?([^\\w]|$)`).test(expression));
  return `(${read.sort().join(', ')}) ${constants.sort().join(' ')}`.trim();
}

function sortTable(table: Table): Table {
  return {
    ...table,
    indexes: table.indexes.sort(),
    foreignKeys: table.foreignKeys.sort(),
    checks: table.checks.sort(),
  };
}

/** The CHECK expressions of a CREATE TABLE statement, by balanced parentheses after each CHECK. */
function sqliteChecks(createSql: string): string[] {
  const found: string[] = [];
  for (const match of createSql.matchAll(/\bCHECK\s*\(/gi)) {
    let depth = 1;
    let i = match.index + match[0].length;
    const start = i;
    for (; i < createSql.length && depth > 0; i++) {
      if (createSql[i] === '(') depth++;
      else if (createSql[i] === ')') depth--;
    }
    found.push(createSql.slice(start, i - 1));
  }
  return found;
}

async function sqliteSchema(db: Database): Promise<Schema> {
  const schema: Schema = {};
  const tables = await db.all<{ name: string; sql: string }>(
    `SELECT "name", "sql" FROM "sqlite_master" WHERE "type" = 'table' ORDER BY "name"`,
  );
  for (const { name, sql } of tables) {
    if (IGNORED_TABLES.has(name)) continue;
    const info = await db.all<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(
      `PRAGMA table_info("${name}")`,
    );
    const columns: Record<string, Column> = {};
    for (const column of info) {
      columns[column.name] = {
        type: column.type.toLowerCase(),
        // a primary key is never null on PostgreSQL; on SQLite only where declared so (ours all are)
        notNull: column.notnull === 1 || column.pk > 0,
        default: normaliseDefault(column.dflt_value),
      };
    }
    const primaryKey = info
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);

    const indexes: string[] = [];
    const list = await db.all<{ name: string; unique: number; origin: string; partial: number }>(
      `PRAGMA index_list("${name}")`,
    );
    for (const entry of list) {
      if (entry.origin === 'pk') continue;
      const columnsOf = (await db.all<{ seqno: number; name: string }>(`PRAGMA index_info("${entry.name}")`)).sort(
        (a, b) => a.seqno - b.seqno,
      );
      let predicate: string | null = null;
      if (entry.partial) {
        const [created] = await db.all<{ sql: string }>(
          `SELECT "sql" FROM "sqlite_master" WHERE "type" = 'index' AND "name" = ?`,
          [entry.name],
        );
        predicate = /\bWHERE\b([\s\S]*)$/i.exec(created!.sql)![1]!;
      }
      indexes.push(
        index(
          entry.unique === 1,
          columnsOf.map((column) => column.name),
          predicate,
        ),
      );
    }

    const references = await db.all<{ id: number; seq: number; table: string; from: string; to: string }>(
      `PRAGMA foreign_key_list("${name}")`,
    );
    const byId = new Map<number, typeof references>();
    for (const reference of references) byId.set(reference.id, [...(byId.get(reference.id) ?? []), reference]);
    const foreignKeys = [...byId.values()].map((parts) => {
      parts.sort((a, b) => a.seq - b.seq);
      return `(${parts.map((p) => p.from).join(', ')}) → ${parts[0]!.table}(${parts.map((p) => p.to).join(', ')})`;
    });

    const columnNames = Object.keys(columns);
    const checks = sqliteChecks(sql).map((expression) => check(expression, columnNames));
    schema[name] = sortTable({ columns, primaryKey, indexes, foreignKeys, checks });
  }
  return schema;
}

async function postgresSchema(db: Database): Promise<Schema> {
  const schema: Schema = {};
  const tables = await db.all<{ name: string }>(
    `SELECT "table_name" AS "name" FROM "information_schema"."tables"
      WHERE "table_schema" = 'public' AND "table_type" = 'BASE TABLE' ORDER BY "table_name"`,
  );
  for (const { name } of tables) {
    if (IGNORED_TABLES.has(name)) continue;
    const info = await db.all<{ name: string; type: string; nullable: string; default: string | null }>(
      `SELECT "column_name" AS "name", "data_type" AS "type", "is_nullable" AS "nullable", "column_default" AS "default"
         FROM "information_schema"."columns" WHERE "table_schema" = 'public' AND "table_name" = ?
        ORDER BY "ordinal_position"`,
      [name],
    );
    const columns: Record<string, Column> = {};
    for (const column of info) {
      columns[column.name] = {
        type: column.type.toLowerCase(),
        notNull: column.nullable === 'NO',
        default: normaliseDefault(column.default),
      };
    }

    const indexRows = await db.all<{ unique: boolean; primary: boolean; predicate: string | null; columns: string[] }>(
      `SELECT ix."indisunique" AS "unique", ix."indisprimary" AS "primary",
              pg_get_expr(ix."indpred", ix."indrelid") AS "predicate",
              ARRAY(SELECT a."attname"::text FROM unnest(ix."indkey") WITH ORDINALITY AS k("attnum", "n")
                      JOIN "pg_attribute" a ON a."attrelid" = ix."indrelid" AND a."attnum" = k."attnum"
                     ORDER BY k."n") AS "columns"
         FROM "pg_index" ix WHERE ix."indrelid" = ?::regclass`,
      [`"${name}"`],
    );
    const primaryKey = indexRows.find((row) => row.primary)?.columns ?? [];
    const indexes = indexRows.filter((row) => !row.primary).map((row) => index(row.unique, row.columns, row.predicate));

    const constraints = await db.all<{ kind: string; definition: string; columns: string[] }>(
      `SELECT c."contype" AS "kind", pg_get_constraintdef(c."oid") AS "definition",
              ARRAY(SELECT a."attname"::text FROM unnest(c."conkey") AS k("attnum")
                      JOIN "pg_attribute" a ON a."attrelid" = c."conrelid" AND a."attnum" = k."attnum") AS "columns"
         FROM "pg_constraint" c WHERE c."conrelid" = ?::regclass AND c."contype" IN ('f', 'c')`,
      [`"${name}"`],
    );
    const foreignKeys = constraints
      .filter((c) => c.kind === 'f')
      .map((c) => {
        // FOREIGN KEY ("a") REFERENCES b("id")
        const match = /FOREIGN KEY \((.*)\) REFERENCES "?(\w+)"?\((.*)\)/.exec(c.definition)!;
        const names = (list: string) => list.replace(/"/g, '').split(/,\s*/).join(', ');
        return `(${names(match[1]!)}) → ${match[2]}(${names(match[3]!)})`;
      });
    const columnNames = Object.keys(columns);
    const checks = constraints
      .filter((c) => c.kind === 'c')
      .map((c) => check(c.definition.replace(/^CHECK\s*/, ''), columnNames));
    schema[name] = sortTable({ columns, primaryKey, indexes, foreignKeys, checks });
  }
  return schema;
}

let sqlite: TestDatabase;
let postgres: TestDatabase | undefined;

beforeAll(async () => {
  sqlite = await openTestDatabase('sqlite', 'schema-spec');
  if (pgUrl) postgres = await openTestDatabase('postgres', 'schema-spec');
});

afterAll(async () => {
  await sqlite?.close();
  await postgres?.close();
});

describe('the schema read back from SQLite', () => {
  it('has every table of the kiosk, with the new text ids and the partial barcode index', async () => {
    const schema = await sqliteSchema(sqlite.db);
    expect(Object.keys(schema)).toEqual(
      expect.arrayContaining(['accounts', 'ledger_entries', 'products', 'redemptions', 'event_check_ins']),
    );
    expect(schema.products!.columns.id).toEqual({ type: 'text', notNull: true, default: null });
    expect(schema.products!.indexes).toContain('unique (barcode) where barcode is not null');
    expect(schema.event_check_ins!.indexes).toContain('unique (eventId, memberId)');
    expect(schema.stock_movements!.foreignKeys).toEqual(['(productId) → products(id)']);
    // a merged balance may go below zero at the hub (an overdraft, flagged); local spends check it
    expect(schema.accounts!.checks).toEqual(["(kind) 'household' 'person'"]);
  });
});

describe(onPostgres, () => {
  it.skipIf(!pgUrl)('has the same tables as SQLite', async () => {
    expect(Object.keys(await postgresSchema(postgres!.db))).toEqual(Object.keys(await sqliteSchema(sqlite.db)));
  });

  it.skipIf(!pgUrl)(
    'has, table by table, the same columns (type, nullability, default), primary key, unique and other indexes (partial ones too), foreign keys and checks',
    async () => {
      // one comparison, so a failure shows every difference at once
      expect(await postgresSchema(postgres!.db)).toEqual(await sqliteSchema(sqlite.db));
    },
  );
});

/** A ledger entry and an audit-trail row to try to change. */
async function seedAppendOnly(db: Database, suffix: string): Promise<void> {
  const now = new Date().toISOString();
  await db.run(
    `INSERT INTO "accounts" ("id", "kind", "name", "balance", "createdAt") VALUES (?, 'person', '测试', 5, ?)`,
    [`acct-${suffix}`, now],
  );
  await db.run(
    `INSERT INTO "ledger_entries" ("id", "accountId", "delta", "balanceAfter", "kind", "reason", "actor", "kioskId",
       "seq", "refId", "createdAt", "prevHash", "hash") VALUES (?, ?, 5, 5, 'award', '测试', 'staff:admin', ?, 1, NULL, ?, '0', 'h')`,
    [`entry-${suffix}`, `acct-${suffix}`, `K${suffix}`, now],
  );
  await db.run(
    `INSERT INTO "admin_changes" ("id", "actor", "action", "entity", "entityId", "before", "after", "createdAt")
     VALUES (?, 'staff:admin', 'update', 'product', 'p1', NULL, '{}', ?)`,
    [`change-${suffix}`, now],
  );
}

describe.each([
  ['on SQLite', 'sqlite' as const, false],
  [onPostgres, 'postgres' as const, !pgUrl],
])('append-only tables %s', (_title, engine, skip) => {
  const db = () => (engine === 'sqlite' ? sqlite.db : postgres!.db);
  const suffix = randomBytes(4).toString('hex');

  beforeAll(async () => {
    if (!skip) await seedAppendOnly(db(), suffix);
  });

  for (const table of APPEND_ONLY) {
    it.skipIf(skip)(
      `${table}: the database refuses UPDATE and DELETE (one row or all), and the row stays`,
      async () => {
        const id = table === 'ledger_entries' ? `entry-${suffix}` : `change-${suffix}`;
        const column = table === 'ledger_entries' ? 'reason' : 'action';
        const before = await db().all(`SELECT * FROM "${table}" WHERE "id" = ?`, [id]);
        expect(before).toHaveLength(1);
        await expect(db().run(`UPDATE "${table}" SET "${column}" = 'changed' WHERE "id" = ?`, [id])).rejects.toThrow(
          /append-only/,
        );
        await expect(db().run(`DELETE FROM "${table}" WHERE "id" = ?`, [id])).rejects.toThrow(/append-only/);
        await expect(db().run(`DELETE FROM "${table}"`)).rejects.toThrow(/append-only/);
        if (engine === 'postgres') await expect(db().run(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/append-only/);
        expect(await db().all(`SELECT * FROM "${table}" WHERE "id" = ?`, [id])).toEqual(before);
      },
    );
  }

  it.skipIf(skip)('other tables still take updates (the refusal is the trigger, not a read-only store)', async () => {
    expect(await db().run(`UPDATE "accounts" SET "name" = '改名' WHERE "id" = ?`, [`acct-${suffix}`])).toBe(1);
  });
});
