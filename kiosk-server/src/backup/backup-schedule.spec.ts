import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupsToDelete,
  dueBackup,
  KEEP,
  lastScheduled,
  parseBackupFileName,
  RETRY_AFTER_MS,
  type ScheduleState,
} from './backup-schedule';

/** Local time, as the kiosk's clock shows it. */
const at = (y: number, mo: number, d: number, h = 20, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s);

/** What a kiosk's backup folder holds after the rotation ran after every backup, as the service does. */
function simulate(backupTimes: Date[]): string[] {
  let folder: { name: string; at: Date }[] = [];
  for (const time of backupTimes) {
    folder.push({ name: backupFileName('K1', time), at: time });
    const gone = new Set(backupsToDelete(folder));
    folder = folder.filter((file) => !gone.has(file.name));
  }
  return folder.map((file) => file.name).sort();
}

describe('backup file names', () => {
  it('carry the kiosk and the local time, and are read back', () => {
    const name = backupFileName('K3F2A1B', at(2026, 11, 2, 9, 5, 7));
    expect(name).toBe('kiosk-K3F2A1B-20261102-090507.backup');
    expect(parseBackupFileName(name)).toEqual({ kioskId: 'K3F2A1B', at: at(2026, 11, 2, 9, 5, 7) });
    expect(parseBackupFileName('kiosk-K1-20261102-090507.backup.partial')).toBeUndefined();
    expect(parseBackupFileName('notes.txt')).toBeUndefined();
  });
});

describe('rotation (7 daily, 4 weekly, 12 monthly)', () => {
  it('after a year and a half of daily backups keeps the last 7 days, 4 weeks and 12 months', () => {
    const times: Date[] = [];
    for (
      let day = at(2025, 6, 1);
      day <= at(2026, 11, 25);
      day = at(day.getFullYear(), day.getMonth() + 1, day.getDate() + 1)
    ) {
      times.push(day);
    }
    const kept = simulate(times);
    const days = (list: string[]) => list.map((name) => name.slice('kiosk-K1-'.length, 'kiosk-K1-YYYYMMDD'.length));
    // Wednesday 25 November 2026 is the last day. Daily: 19–25 Nov. Weekly (ISO weeks end on
    // Sunday): the newest of this week is the 25th; the last three full weeks end 22, 15, 8 Nov.
    // Monthly: the newest of Nov (25th) and the last day of Dec 2025 … Oct 2026.
    expect(days(kept)).toEqual([
      '20251231',
      '20260131',
      '20260228',
      '20260331',
      '20260430',
      '20260531',
      '20260630',
      '20260731',
      '20260831',
      '20260930',
      '20261031',
      '20261108',
      '20261115',
      '20261119',
      '20261120',
      '20261121',
      '20261122',
      '20261123',
      '20261124',
      '20261125',
    ]);
    expect(kept.length).toBeLessThanOrEqual(KEEP.daily + KEEP.weekly + KEEP.monthly);
  });

  it('keeps only the newest of several backups in a day once the day is over', () => {
    const kept = simulate([
      at(2026, 11, 20, 10),
      at(2026, 11, 20, 12),
      at(2026, 11, 20, 20),
      at(2026, 11, 21, 9),
      at(2026, 11, 21, 11),
    ]);
    expect(kept).toEqual(['kiosk-K1-20261120-200000.backup', 'kiosk-K1-20261121-110000.backup']);
  });

  it('counts days that have a backup: a kiosk off for a month still keeps its last days before', () => {
    const before = [14, 15, 16, 17, 18, 19, 20].map((d) => at(2026, 10, d));
    const kept = simulate([...before, at(2026, 11, 25)]);
    // 7 days with a backup: the 25th and the six before it; the 14th is neither the newest of its
    // week (the 18th) nor of its month (the 20th)
    expect(kept).toEqual([
      ...[15, 16, 17, 18, 19, 20].map((d) => `kiosk-K1-202610${d}-200000.backup`),
      'kiosk-K1-20261125-200000.backup',
    ]);
  });

  it('never deletes the newest backup', () => {
    expect(backupsToDelete([{ name: 'x', at: at(2026, 1, 1) }])).toEqual([]);
  });
});

describe('when an automatic backup is due', () => {
  const base: ScheduleState = {
    now: at(2026, 11, 22, 20, 0, 5),
    dailyAt: ['20:00'],
    lastBackupAt: at(2026, 11, 21, 20, 0, 1),
    lastFailure: undefined,
    folderPresent: true,
    everyRedemptions: 50,
    redemptionsSince: 0,
  };

  it('at the daily time, once', () => {
    expect(dueBackup({ ...base, now: at(2026, 11, 22, 19, 59, 59) })).toBeUndefined();
    expect(dueBackup(base)).toBe('daily');
    expect(dueBackup({ ...base, lastBackupAt: at(2026, 11, 22, 20, 0, 5) })).toBeUndefined();
  });

  it('at start, for a daily time missed while the kiosk was off, and for a new USB stick', () => {
    expect(dueBackup({ ...base, now: at(2026, 11, 23, 8), lastBackupAt: at(2026, 11, 21, 20) })).toBe('daily');
    expect(dueBackup({ ...base, now: at(2026, 11, 23, 8), lastBackupAt: undefined })).toBe('daily');
  });

  it('after every N redemptions', () => {
    const quiet = { ...base, lastBackupAt: at(2026, 11, 22, 20, 0, 1) };
    expect(dueBackup({ ...quiet, redemptionsSince: 49 })).toBeUndefined();
    expect(dueBackup({ ...quiet, redemptionsSince: 50 })).toBe('redemptions');
    expect(dueBackup({ ...quiet, redemptionsSince: 500, everyRedemptions: 0 })).toBeUndefined();
  });

  it('never while the folder is missing; at once when the stick is back', () => {
    expect(dueBackup({ ...base, folderPresent: false })).toBeUndefined();
    const stickWasMissing = { at: at(2026, 11, 22, 20, 0, 4), code: 'BACKUP_DIR_MISSING' };
    expect(dueBackup({ ...base, lastFailure: stickWasMissing })).toBe('daily');
  });

  it('after another failure, again only after a pause', () => {
    const full = { at: base.now, code: 'BACKUP_DISK_FULL' };
    expect(dueBackup({ ...base, lastFailure: full })).toBeUndefined();
    const later = new Date(base.now.getTime() + RETRY_AFTER_MS);
    expect(dueBackup({ ...base, now: later, lastFailure: full })).toBe('daily');
  });

  it('with several daily times, the latest one passed', () => {
    expect(lastScheduled(at(2026, 11, 22, 13), ['12:30', '20:00'])).toEqual(at(2026, 11, 22, 12, 30));
    expect(lastScheduled(at(2026, 11, 22, 9), ['12:30', '20:00'])).toEqual(at(2026, 11, 21, 20));
    expect(lastScheduled(at(2026, 11, 22, 9), [])).toBeUndefined();
  });
});
