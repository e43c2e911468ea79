import type { DataSource, QueryRunner } from 'typeorm';
import type { Engine, EngineTx, SqlRunner } from './sql-runner';

/**
 * The one door to the database for repositories: plain SQL in the shared dialect (see
 * sql-runner.ts) outside any transaction, the DataSource for entity operations, and the engine's
 * way of opening a write transaction for the write queue. Services never see it.
 */
export abstract class Database implements SqlRunner {
  abstract readonly engine: Engine;

  constructor(readonly dataSource: DataSource) {}

  abstract all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  abstract run(sql: string, params?: readonly unknown[]): Promise<number>;

  /** The transaction handle for a query runner whose transaction has just started. */
  abstract begin(runner: QueryRunner): Promise<EngineTx>;

  /** Releases what the engine holds on the connection, before the DataSource closes it. */
  abstract close(): Promise<void>;
}
