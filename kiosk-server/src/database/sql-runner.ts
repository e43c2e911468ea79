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

/** A write transaction as an engine opens it. */
export interface EngineTx extends SqlRunner {
  readonly engine: Engine;
  /** TypeORM's manager of the same transaction, for repositories that use entity operations. */
  readonly manager: EntityManager;
}

/** A row as a write left it: what the sync journal carries to the hub and the store's other kiosks. */
export interface RowChange {
  table: string;
  row: Record<string, unknown>;
}

/**
 * One write job of the write queue. Services receive it and hand it on to repositories; only
 * persistence code looks inside. A repository that writes a table which travels says so with
 * `changed`; the job's changes go into the sync journal in the same transaction.
 */
export interface Tx extends EngineTx {
  changed(table: string, row: object): void;
}
