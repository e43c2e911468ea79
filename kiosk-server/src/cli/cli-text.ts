import type { BackupCounts } from '../backup/backup-file';

/* Words the backup and restore commands share. */

export const POSTGRES_BACKUP = `npm run backup copies a SQLite store; this kiosk keeps its data in PostgreSQL (DATABASE_URL).
Back it up with PostgreSQL's own tool, and the card-signing keys with it (see the README, "Data and backup"):
  pg_dump --format=custom --file=kiosk.dump "$DATABASE_URL"
  tar -C "$DATA_DIR" -cz keys | gpg --symmetric --output kiosk-keys.tar.gz.gpg`;

export const POSTGRES_RESTORE = `npm run restore restores a SQLite store; this kiosk keeps its data in PostgreSQL (DATABASE_URL).
Restore it with PostgreSQL's own tool, with the kiosk stopped, and put the keys back (see the README, "Data and backup"):
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" kiosk.dump
  gpg --decrypt kiosk-keys.tar.gz.gpg | tar -C "$DATA_DIR" -xz`;

/** Local time, as the operator reads a clock: 2026-11-22 20:00:05. */
export function localTime(iso: string): string {
  const at = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`;
}

export function describeCounts(counts: BackupCounts): string {
  return (
    `${counts.entries} ledger entries, ${counts.members} members in ${counts.accounts} accounts ` +
    `holding ${counts.balanceSum} points, ${counts.redemptions} redemptions`
  );
}

export function megabytes(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}
