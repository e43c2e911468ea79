import { dirname } from 'node:path';
import { Client, types } from 'pg';
import sqlite3 from 'sqlite3';
import { storedDatabaseUrl, type TestEngine } from './postgres';

interface Connection {
  all(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the kiosk's own store to look at (or, in tamper tests, damage) what it stored: its SQLite
 * file, or on the PostgreSQL test engine the database of its data directory. The tests' SQL is
 * SQLite's (see `toPostgres` for what is translated), and rows come back as SQLite gives them:
 * booleans as 0/1, counts and sums as numbers.
 */
export class Db {
  private constructor(
    readonly engine: TestEngine,
    private readonly connection: Connection,
  ) {}

  /** `path` is the kiosk's SQLite file (`dbPath(dataDir)`); a data directory with a PostgreSQL database opens that. */
  static async open(path: string): Promise<Db> {
    const url = storedDatabaseUrl(dirname(path));
    return url ? new Db('postgres', await openPostgres(url)) : new Db('sqlite', await openSqlite(path));
  }

  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]> {
    return this.connection.all(sql, params) as Promise<T[]>;
  }

  async get<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T | undefined> {
    return (await this.all<T>(sql, ...params))[0];
  }

  exec(sql: string): Promise<void> {
    return this.connection.exec(sql);
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

function openSqlite(path: string): Promise<Connection> {
  return new Promise((done, fail) => {
    const db = new sqlite3.Database(path, (error) =>
      error
        ? fail(error)
        : done({
            all: (sql, params) =>
              new Promise((ok, no) =>
                db.all(sql, params, (e, rows) => (e ? no(e) : ok(rows as Record<string, unknown>[]))),
              ),
            exec: (sql) => new Promise((ok, no) => db.exec(sql, (e) => (e ? no(e) : ok()))),
            close: () => new Promise((ok, no) => db.close((e) => (e ? no(e) : ok()))),
          }),
    );
  });
}

/** Rows as SQLite would give them: a boolean is 0/1, a bigint (COUNT, SUM) or numeric a number. */
const sqliteLikeTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === types.builtins.BOOL) return (value: string) => (value === 't' ? 1 : 0);
    if (oid === types.builtins.INT8 || oid === types.builtins.NUMERIC) return (value: string) => Number(value);
    return types.getTypeParser(oid, format);
  }) as typeof types.getTypeParser,
};

async function openPostgres(url: string): Promise<Connection> {
  const client = new Client({ connectionString: url, types: sqliteLikeTypes });
  await client.connect();
  return {
    all: async (sql, params) => {
      const pragma = pragmaOnPostgres(sql);
      if (pragma) return pragma;
      const text = await replaceOnPostgres(client, toPostgres(sql, true));
      return (await client.query(text, params)).rows as Record<string, unknown>[];
    },
    exec: async (sql) => {
      if (pragmaOnPostgres(sql)) throw new Error(`a PRAGMA is SQLite's: ${sql}`);
      await client.query(await replaceOnPostgres(client, toPostgres(sql, false)));
    },
    close: () => client.end(),
  };
}

/**
 * The two checks of SQLite's own that the invariant helpers ask for. PostgreSQL has no SQL-level
 * page check (it checksums and WAL-protects its pages itself) and enforces every foreign key on
 * every statement, so there is nothing to report: the answers are SQLite's "all is well".
 */
function pragmaOnPostgres(sql: string): Record<string, unknown>[] | undefined {
  const pragma = /^\s*PRAGMA\s+(\w+)\s*;?\s*$/i.exec(sql)?.[1]?.toLowerCase();
  if (pragma === 'integrity_check') return [{ integrity_check: 'ok' }];
  if (pragma === 'foreign_key_check') return [];
  if (pragma) throw new Error(`PRAGMA ${pragma} has no PostgreSQL counterpart here`);
  return undefined;
}

/**
 * The tests' SQL, written for SQLite, in PostgreSQL's words. Outside string literals and quoted
 * names: `?` becomes `$1…$n`; camelCase names (`accountId`, `AS ledgerEntries`) are quoted, since
 * PostgreSQL folds unquoted names to lower case; a HAVING that compares output columns by name
 * (a SQLite liberty, e.g. `HAVING a.balance != sum`) is applied to the grouped rows instead.
 */
export function toPostgres(sql: string, placeholders: boolean): string {
  let n = 0;
  let text = '';
  // string literals and quoted names are copied as they are; only the code between them changes
  for (const [, literal, code] of sql.matchAll(/('(?:[^']|'')*'|"(?:[^"]|"")*")|([^'"]+)/g)) {
    if (literal) {
      text += literal;
      continue;
    }
    let part = code!.replace(/\b([a-z_][a-z0-9_]*[A-Z][A-Za-z0-9_]*)\b/g, '"$1"');
    if (placeholders) part = part.replace(/\?/g, () => `$${++n}`);
    text += part;
  }
  const having = /^([\s\S]*\S)\s+HAVING\s+([^()]+?)\s*;?\s*$/i.exec(text);
  if (having && !/\b(ORDER|LIMIT)\b/i.test(having[2]!)) {
    const condition = having[2]!.replace(/\b[A-Za-z_]\w*\.(?=["A-Za-z_])/g, '');
    text = `SELECT * FROM (${having[1]}) AS "grouped" WHERE ${condition}`;
  }
  return text;
}

/** SQLite's `INSERT OR REPLACE INTO t (…) VALUES (…)`: on PostgreSQL an upsert on the table's primary key. */
async function replaceOnPostgres(client: Client, sql: string): Promise<string> {
  const match = /^\s*INSERT\s+OR\s+REPLACE\s+INTO\s+"?(\w+)"?\s*\(([^)]*)\)\s*(VALUES[\s\S]*?)\s*;?\s*$/i.exec(sql);
  if (!match) return sql;
  const [, table, list, values] = match;
  const columns = list!.split(',').map((column) => column.trim().replace(/^"|"$/g, ''));
  const keys = (
    await client.query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = $1::regclass AND i.indisprimary`,
      [`"${table}"`],
    )
  ).rows.map((row) => row.name);
  const others = columns.filter((column) => !keys.includes(column));
  const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(', ');
  const update = others.length
    ? `DO UPDATE SET ${others.map((column) => `"${column}" = excluded."${column}"`).join(', ')}`
    : 'DO NOTHING';
  return `INSERT INTO "${table}" (${quoted(columns)}) ${values} ON CONFLICT (${quoted(keys)}) ${update}`;
}
