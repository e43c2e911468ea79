import type { Database as SqliteConnection } from 'sqlite3';
import type { DataSource, QueryRunner } from 'typeorm';
import type { SqliteDriver } from 'typeorm/driver/sqlite/SqliteDriver';
import { Database } from '../database';
import type { EngineTx } from '../sql-runner';
import { SqliteStatements } from './sqlite-statements';

/** SQLite: one connection for everything, so reads and the write transaction share its statements. */
export class SqliteDatabase extends Database {
  readonly engine = 'sqlite' as const;
  private readonly statements: SqliteStatements;

  constructor(dataSource: DataSource) {
    super(dataSource);
    const connection = (dataSource.driver as SqliteDriver).databaseConnection as SqliteConnection;
    this.statements = new SqliteStatements(connection);
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.statements.all<T>(sql, params);
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.statements.run(sql, params);
  }

  begin(runner: QueryRunner): Promise<EngineTx> {
    const { statements } = this;
    return Promise.resolve({
      engine: this.engine,
      manager: runner.manager,
      all: (sql, params) => statements.all(sql, params),
      run: (sql, params) => statements.run(sql, params),
    });
  }

  close(): Promise<void> {
    return this.statements.close();
  }
}
