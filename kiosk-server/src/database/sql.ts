import type { Database, Statement } from 'sqlite3';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { SqliteDriver } from 'typeorm/driver/sqlite/SqliteDriver';

/**
 * Plain SQL for the statements every redemption runs. Through TypeORM each statement is prepared,
 * run and finalized anew (three trips through node's thread pool) and that was the largest single
 * cost of a checkout; here each text is prepared once and reused.
 *
 * The statements live on TypeORM's own SQLite connection, the one the write queue's transaction
 * runs on, so they take part in it like any other query. Use them only inside write-queue work:
 * then no two callers run the same statement at once.
 */
const prepared = new WeakMap<Database, Map<string, Promise<Statement>>>();

function connectionOf(dataSource: DataSource): Database {
  return (dataSource.driver as SqliteDriver).databaseConnection as Database;
}

function statement(manager: EntityManager, sql: string): Promise<Statement> {
  const connection = connectionOf(manager.connection);
  let statements = prepared.get(connection);
  if (!statements) prepared.set(connection, (statements = new Map()));
  let stmt = statements.get(sql);
  if (!stmt) {
    stmt = new Promise<Statement>((resolve, reject) => {
      const created = connection.prepare(sql, (error: Error | null) => {
        if (!error) return resolve(created);
        statements.delete(sql);
        reject(new QueryFailedError(sql, [], error));
      });
    });
    statements.set(sql, stmt);
  }
  return stmt;
}

/** Rows of a SELECT, in the caller's transaction. */
export async function sqlAll<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const stmt = await statement(manager, sql);
  return new Promise((resolve, reject) => {
    stmt.all(params, (error: Error | null, rows: T[]) =>
      error ? reject(new QueryFailedError(sql, params, error)) : resolve(rows),
    );
  });
}

/** Runs an INSERT or UPDATE in the caller's transaction; resolves to the number of rows changed. */
export async function sqlRun(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const stmt = await statement(manager, sql);
  return new Promise((resolve, reject) => {
    stmt.run(params, function (this: { changes: number }, error: Error | null) {
      if (error) reject(new QueryFailedError(sql, params, error));
      else resolve(this.changes);
    });
  });
}

/** SQLite refuses to close a connection with statements still prepared: call before closing. */
export async function finalizeStatements(dataSource: DataSource): Promise<void> {
  if (!dataSource.isInitialized) return;
  const connection = connectionOf(dataSource);
  const statements = prepared.get(connection);
  prepared.delete(connection);
  for (const pending of statements?.values() ?? []) {
    const stmt = await pending.catch(() => undefined);
    if (stmt) await new Promise<void>((done) => stmt.finalize(() => done()));
  }
}
