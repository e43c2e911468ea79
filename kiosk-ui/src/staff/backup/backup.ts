import { call, client, type Schemas, timeout } from '../../api/client';
import { staffAuth, staffCall, staffDownload } from '../api';
import type { messages } from './messages';

export type BackupHealth = Schemas['BackupHealthResponse'];
export type BackupOverview = Schemas['BackupOverviewResponse'];
export type BackupMade = Schemas['BackupMadeResponse'];
type BackupKey = keyof (typeof messages)['zh-CN'];

/** The backup calls: health is public (any staff sees a failure), the rest are the admin's. */
export const backupApi = {
  health: async (): Promise<BackupHealth> => (await call(client.GET('/api/health', { signal: timeout() }))).backup,

  overview: () => staffCall(() => client.GET('/api/backups', { headers: staffAuth(), signal: timeout() })),

  /** A backup takes a few seconds on a big store: longer than the usual request timeout. */
  runNow: () =>
    staffCall(() => client.POST('/api/backups', { headers: staffAuth(), signal: AbortSignal.timeout(120_000) })),

  download: (name: string) => staffDownload(`/api/backups/files/${encodeURIComponent(name)}`, name),
};

const PROBLEMS: Record<string, { title: BackupKey; hint: BackupKey }> = {
  BACKUP_DIR_MISSING: { title: 'backup.failedMissing', hint: 'backup.hintMissing' },
  BACKUP_DISK_FULL: { title: 'backup.failedFull', hint: 'backup.hintFull' },
  BACKUP_WRITE_FAILED: { title: 'backup.failedWrite', hint: 'backup.hintWrite' },
  BACKUP_FAILED: { title: 'backup.failed', hint: 'backup.hint' },
};

/** What a failed backup means for the person at the kiosk: a headline and what to do; null when none failed. */
export function backupProblemWords(
  health: Pick<BackupHealth, 'status' | 'problem'>,
): { title: BackupKey; hint: BackupKey } | null {
  if (health.status !== 'failed') return null;
  return PROBLEMS[health.problem ?? ''] ?? PROBLEMS.BACKUP_FAILED!;
}

/** The words for a refused "back up now", when the refusal is about backups. */
export function backupRefusalKey(code: string): BackupKey | null {
  if (code === 'BACKUP_NO_PASSPHRASE') return 'backup.noPassphrase';
  if (code === 'BACKUP_NOT_SUPPORTED') return 'backup.unsupported';
  return PROBLEMS[code]?.title ?? null;
}

/** A file size as people read it: 850 KB, 12.4 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1000 * 1000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  return `${(bytes / 1000 / 1000).toFixed(1)} MB`;
}
