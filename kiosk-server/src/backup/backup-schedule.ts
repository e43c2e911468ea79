/**
 * When automatic backups are due and which backup files to keep. Pure functions of the clock and
 * the files, so they are tested with a fake clock. Times of day and file names are in the kiosk's
 * local time: that is what the operator reads on the USB stick.
 */

export const BACKUP_EXTENSION = '.backup';

/** How many backups to keep: the newest of each of the last 7 days, 4 weeks and 12 months that have one. */
export const KEEP = { daily: 7, weekly: 4, monthly: 12 } as const;

/** After a failed automatic backup, the next try waits this long (a stick put back is tried at once). */
export const RETRY_AFTER_MS = 10 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `kiosk-<kiosk id>-YYYYMMDD-HHMMSS.backup`, local time: sorts by time, says whose it is. */
export function backupFileName(kioskId: string, at: Date): string {
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `kiosk-${kioskId}-${date}-${time}${BACKUP_EXTENSION}`;
}

const NAME = /^kiosk-([A-Za-z0-9_-]{1,32})-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.backup$/;

/** The kiosk and time a backup file name says, or undefined for any other file. */
export function parseBackupFileName(name: string): { kioskId: string; at: Date } | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const [, kioskId, y, mo, d, h, mi, s] = match;
  const at = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return Number.isNaN(at.getTime()) ? undefined : { kioskId: kioskId!, at };
}

function dayKey(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** ISO-8601 week (weeks start on Monday; a week belongs to the year of its Thursday). */
function weekKey(at: Date): string {
  // the local calendar date, computed in UTC so that daylight-saving days are 24 hours long
  const day = new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${pad(week)}`;
}

function monthKey(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}`;
}

/**
 * Grandfather-father-son rotation: the newest backup of each of the last `daily` days that have
 * one, of the last `weekly` weeks and of the last `monthly` months. Counting days that have a
 * backup (not calendar days) means a kiosk switched off for a fortnight still keeps its last week.
 * Returns the names to delete; the newest backup is always kept.
 */
export function backupsToDelete(files: readonly { name: string; at: Date }[], keep = KEEP): string[] {
  const newestFirst = [...files].sort((a, b) => b.at.getTime() - a.at.getTime() || b.name.localeCompare(a.name));
  const kept = new Set<string>();
  const rules: [number, (at: Date) => string][] = [
    [keep.daily, dayKey],
    [keep.weekly, weekKey],
    [keep.monthly, monthKey],
  ];
  for (const [count, bucketOf] of rules) {
    const seen = new Set<string>();
    for (const file of newestFirst) {
      const bucket = bucketOf(file.at);
      if (seen.has(bucket)) continue;
      if (seen.size === count) break;
      seen.add(bucket);
      kept.add(file.name);
    }
  }
  return newestFirst.filter((file) => !kept.has(file.name)).map((file) => file.name);
}

/** The latest scheduled moment (`HH:MM` local times) at or before `now`; undefined without times. */
export function lastScheduled(now: Date, times: readonly string[]): Date | undefined {
  let latest: Date | undefined;
  for (const daysBack of [0, 1]) {
    for (const time of times) {
      const [hours, minutes] = time.split(':').map(Number);
      const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysBack, hours, minutes, 0, 0);
      if (at.getTime() <= now.getTime() && (!latest || at > latest)) latest = at;
    }
  }
  return latest;
}

export interface ScheduleState {
  now: Date;
  /** `HH:MM` local times for the daily backup. */
  dailyAt: readonly string[];
  /** Newest backup of this kiosk in the backup folder (its time), if any. */
  lastBackupAt: Date | undefined;
  /** The last automatic attempt that failed, if it failed after the last backup. */
  lastFailure: { at: Date; code: string } | undefined;
  /** Whether the backup folder is there now (a USB stick may have been put back). */
  folderPresent: boolean;
  everyRedemptions: number;
  /** Redemptions made since the last backup. */
  redemptionsSince: number;
}

export type DueReason = 'daily' | 'redemptions';

/**
 * Whether an automatic backup is due now, and why: a daily time passed since the last backup
 * (also a time missed while the kiosk was off, made up at the next start), or enough redemptions
 * since the last backup. After a failure the next try waits RETRY_AFTER_MS, except that a missing
 * folder that is back is tried at once.
 */
export function dueBackup(state: ScheduleState): DueReason | undefined {
  if (!state.folderPresent) return undefined;
  const failure = state.lastFailure;
  if (failure) {
    const stickBack = failure.code === 'BACKUP_DIR_MISSING';
    if (!stickBack && state.now.getTime() - failure.at.getTime() < RETRY_AFTER_MS) return undefined;
  }
  const scheduled = lastScheduled(state.now, state.dailyAt);
  if (scheduled && (!state.lastBackupAt || state.lastBackupAt < scheduled)) return 'daily';
  if (state.everyRedemptions > 0 && state.redemptionsSince >= state.everyRedemptions) return 'redemptions';
  return undefined;
}
