import type { EntityManager } from 'typeorm';

export type Engine = 'sqlite' | 'postgres';

/**
 * Plain SQL on either engine. Statements are written once, in the dialect both engines share:
 * `?` placeholders, double-quoted identifiers and aliases, `RETURNING`, `ON CONFLICT`, `TRUE`/`FALSE`.
 * Each engine's runner turns that into its own calls (prepared statements on SQLite, named
 * statements and `$n` placeholders on PostgreSQL).
 */
export interface SqlRunner {
  /** Rows of a SELECT, or of an INSERT/UPDATE … RETURNING. */
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** A statement that returns no rows; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/**
 * One write transaction of the write queue. Services receive it and hand it on to repositories;
 * only persistence code looks inside.
 */
export interface Tx extends SqlRunner {
  readonly engine: Engine;
  /** TypeORM's manager of the same transaction, for repositories that use entity operations. */
  readonly manager: EntityManager;
}
