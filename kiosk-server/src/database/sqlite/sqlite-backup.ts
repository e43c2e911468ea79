import sqlite3 from 'sqlite3';

/**
 * A consistent copy of a live SQLite store while the kiosk keeps serving: `VACUUM INTO` reads
 * one snapshot and writes a compact new file. The destination must not exist yet.
 */
export function backupSqlite(databasePath: string, destination: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(databasePath, sqlite3.OPEN_READWRITE, (openError) => {
      if (openError) return reject(openError);
      db.run('PRAGMA busy_timeout = 5000');
      db.run('VACUUM INTO ?', [destination], (error) => {
        db.close();
        if (error) reject(error);
        else resolve();
      });
    });
  });
}
