import sqlite3 from 'sqlite3';

/** Opens the kiosk's own SQLite file to look at (or, in tamper tests, damage) what it stored. */
export class Db {
  private constructor(private readonly db: sqlite3.Database) {}

  static open(path: string): Promise<Db> {
    return new Promise((done, fail) => {
      const db = new sqlite3.Database(path, (error) => (error ? fail(error) : done(new Db(db))));
    });
  }

  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]> {
    return new Promise((done, fail) =>
      this.db.all(sql, params, (error, rows) => (error ? fail(error) : done(rows as T[]))),
    );
  }

  async get<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T | undefined> {
    return (await this.all<T>(sql, ...params))[0];
  }

  exec(sql: string): Promise<void> {
    return new Promise((done, fail) => this.db.exec(sql, (error) => (error ? fail(error) : done())));
  }

  close(): Promise<void> {
    return new Promise((done, fail) => this.db.close((error) => (error ? fail(error) : done())));
  }
}
