import { createHash } from 'node:crypto';
import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { QueryFailedError } from 'typeorm';
import type { SqlRunner } from '../sql-runner';

/** A pg pool or one of its clients: both answer `query(config)`. */
export interface PgQueryable {
  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>>;
}

interface Translated {
  text: string;
  name: string;
}

const translations = new Map<string, Translated>();

/**
 * The shared dialect's `?` placeholders become `$1…$n`. Our statements never hold a `?` inside a
 * string literal, so a plain scan is enough. Each text also gets a stable statement name: pg then
 * prepares it once per connection and reuses it, as the SQLite side does.
 */
export function translate(sql: string): Translated {
  let translated = translations.get(sql);
  if (!translated) {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    const name = `q${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    translated = { text, name };
    translations.set(sql, translated);
  }
  return translated;
}

/** Plain SQL on PostgreSQL, on a pool (reads) or on the write transaction's own client. */
export class PostgresRunner implements SqlRunner {
  constructor(private readonly target: PgQueryable) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  private async query(sql: string, params: readonly unknown[]): Promise<QueryResult> {
    const { text, name } = translate(sql);
    try {
      return await this.target.query({ name, text, values: params as unknown[] });
    } catch (error) {
      throw new QueryFailedError(sql, params as unknown[], error as Error);
    }
  }
}
