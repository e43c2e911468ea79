import { type Pool, type PoolClient, types } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Database } from '../database';
import type { EngineTx } from '../sql-runner';
import { PostgresRunner } from './postgres-runner';

// COUNT(*) and SUM(integer) are bigint, which pg hands over as strings; our sums of points and
// stock stay far below 2^53, so they are read as numbers, as SQLite gives them.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));
types.setTypeParser(types.builtins.NUMERIC, (value) => Number(value));

/**
 * Serialises write transactions across processes as the write queue does within one: two servers
 * pointed at one database by mistake still never interleave a ledger chain.
 */
const WRITE_LOCK = 7_061_001;

/** PostgreSQL: reads from the pool; each write transaction on its own client, under the write lock. */
export class PostgresDatabase extends Database {
  readonly engine = 'postgres' as const;
  private readonly reads: PostgresRunner;

  constructor(dataSource: DataSource) {
    super(dataSource);
    this.reads = new PostgresRunner((dataSource.driver as PostgresDriver).master as Pool);
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.reads.all<T>(sql, params);
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.reads.run(sql, params);
  }

  async begin(runner: QueryRunner): Promise<EngineTx> {
    const client = (await (runner as PostgresQueryRunner).connect()) as PoolClient;
    const sql = new PostgresRunner(client);
    await sql.all(`SELECT pg_advisory_xact_lock(?)`, [WRITE_LOCK]);
    return {
      engine: this.engine,
      manager: runner.manager,
      all: (text, params) => sql.all(text, params),
      run: (text, params) => sql.run(text, params),
    };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
