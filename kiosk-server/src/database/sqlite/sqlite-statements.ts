import type { Database as SqliteConnection, Statement } from 'sqlite3';
import { QueryFailedError } from 'typeorm';
import type { SqlRunner } from '../sql-runner';

/**
 * Prepared-once statements on one SQLite connection. Through TypeORM each statement is prepared,
 * run and finalized anew (three trips through node's thread pool), which was the largest single
 * cost of a checkout; here each text is prepared on first use and reused.
 *
 * The connection is TypeORM's own, the one its transactions run on, so these statements take
 * part in the write queue's transaction like any other query. `close()` finalizes them: SQLite
 * refuses to close a connection with statements still prepared.
 */
export class SqliteStatements implements SqlRunner {
  private readonly statements = new Map<string, Promise<Statement>>();
  private closed = false;

  constructor(private readonly connection: SqliteConnection) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const stmt = await this.statement(sql);
    return new Promise((resolve, reject) => {
      stmt.all(params as unknown[], (error: Error | null, rows: T[]) =>
        error ? reject(new QueryFailedError(sql, params as unknown[], error)) : resolve(rows),
      );
    });
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const stmt = await this.statement(sql);
    return new Promise((resolve, reject) => {
      stmt.run(params as unknown[], function (this: { changes: number }, error: Error | null) {
        if (error) reject(new QueryFailedError(sql, params as unknown[], error));
        else resolve(this.changes);
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.statements.values()) {
      const stmt = await pending.catch(() => undefined);
      if (stmt) await new Promise<void>((done) => stmt.finalize(() => done()));
    }
    this.statements.clear();
  }

  private statement(sql: string): Promise<Statement> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = new Promise<Statement>((resolve, reject) => {
        const created = this.connection.prepare(sql, (error: Error | null) => {
          if (!error) return resolve(created);
          this.statements.delete(sql);
          reject(new QueryFailedError(sql, [], error));
        });
      });
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}
