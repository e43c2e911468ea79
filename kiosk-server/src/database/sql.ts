import type { Database, Statement } from 'sqlite3';
import { type EntityManager, QueryFailedError } from 'typeorm';
import type { SqliteDriver } from 'typeorm/driver/sqlite/SqliteDriver';

/**
 * Plain SQL for the statements every redemption runs. Through TypeORM each statement is prepared,
 * run and finalized anew (three trips through node's thread pool) and that was the largest single
 * cost of a checkout; here each text is prepared once and reused.
 *
 * The statements live on TypeORM's own SQLite connection, the one the write queue's transaction
 * runs on, so they take part in it like any other query: use them inside write-queue work.
 */
const prepared = new WeakMap<SqliteDriver, Map<string, Promise<Statement>>>();

function statementsOf(manager: EntityManager): Map<string, Promise<Statement>> {
  const driver = manager.connection.driver as SqliteDriver;
  let statements = prepared.get(driver);
  if (!statements) {
    const mine = (statements = new Map());
    prepared.set(driver, mine);
    // SQLite refuses to close a connection with statements still prepared, so however the
    // DataSource gets closed, they are finalized first.
    const disconnect = driver.disconnect.bind(driver);
    driver.disconnect = async () => {
      prepared.delete(driver);
      await finalize(mine);
      return disconnect();
    };
  }
  return statements;
}

function statement(manager: EntityManager, sql: string): Promise<Statement> {
  const statements = statementsOf(manager);
  let stmt = statements.get(sql);
  if (!stmt) {
    const connection = (manager.connection.driver as SqliteDriver).databaseConnection as Database;
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

async function finalize(statements: Map<string, Promise<Statement>>): Promise<void> {
  for (const pending of statements.values()) {
    const stmt = await pending.catch(() => undefined);
    if (stmt) await new Promise<void>((done) => stmt.finalize(() => done()));
  }
}

/** Rows of a SELECT (or of an UPDATE … RETURNING), in the caller's transaction. */
export async function sqlAll<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const stmt = await statement(manager, sql);
  return new Promise((resolve, reject) => {
    stmt.all(params, (error: Error | null, rows: T[]) =>
      error ? reject(new QueryFailedError(sql, params, error)) : resolve(rows),
    );
  });
}

/** Runs a statement that returns no rows in the caller's transaction; resolves to the rows changed. */
export async function sqlRun(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const stmt = await statement(manager, sql);
  return new Promise((resolve, reject) => {
    stmt.run(params, function (this: { changes: number }, error: Error | null) {
      if (error) reject(new QueryFailedError(sql, params, error));
      else resolve(this.changes);
    });
  });
}
