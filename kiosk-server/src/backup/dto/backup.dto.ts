import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const BACKUP_PROBLEMS = [
  'BACKUP_DIR_MISSING',
  'BACKUP_DISK_FULL',
  'BACKUP_WRITE_FAILED',
  'BACKUP_FAILED',
] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

/** The backup line of `/api/health`: no paths or file names, only what staff need to act. */
export class BackupHealthResponse {
  @ApiProperty({
    enum: ['ok', 'failed', 'off'],
    description: 'off: automatic backups are not set up (no BACKUP_DIR), or the store is on PostgreSQL',
  })
  status!: 'ok' | 'failed' | 'off';

  @ApiProperty({ description: 'Whether backups are made by themselves (BACKUP_DIR is set)' })
  automatic!: boolean;

  @ApiPropertyOptional({
    enum: BACKUP_PROBLEMS,
    description: 'Why the last backup failed, or why the next one cannot be made (the USB stick is not there)',
  })
  problem?: BackupProblem;

  @ApiPropertyOptional({
    description: 'The problem in plain English (the console says it in its own words); staff only on /api/health',
  })
  message?: string;

  @ApiPropertyOptional({ description: 'Time of the newest backup (ISO-8601)' })
  lastBackupAt?: string;

  @ApiPropertyOptional({ description: 'Time of the last failed backup (ISO-8601)' })
  lastFailureAt?: string;
}

export class BackupFileResponse {
  @ApiProperty({ example: 'kiosk-K3F2A1B-20261122-200000.backup' }) name!: string;
  @ApiProperty({ description: 'When the backup was made (ISO-8601)' }) createdAt!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
}

export class BackupMadeResponse extends BackupFileResponse {
  @ApiProperty({ description: 'Ledger entries in the backup' }) entries!: number;
  @ApiProperty() members!: number;
  @ApiProperty({ description: 'Sum of every account balance in the backup' }) balanceSum!: number;
}

export class BackupScheduleResponse {
  @ApiProperty({ type: [String], example: ['20:00'], description: 'Local times of the daily backup' })
  dailyAt!: string[];

  @ApiProperty({ description: 'A backup after this many redemptions; 0: never' })
  everyRedemptions!: number;
}

export class BackupOverviewResponse {
  @ApiProperty({ description: 'false on PostgreSQL, whose backups are made with pg_dump' })
  supported!: boolean;

  @ApiProperty() health!: BackupHealthResponse;

  @ApiProperty({ description: 'Where backups are written (BACKUP_DIR, else DATA_DIR/backups)' })
  folder!: string;

  @ApiProperty({ description: 'Whether a passphrase is set, without which no backup is made' })
  passphraseSet!: boolean;

  @ApiProperty() schedule!: BackupScheduleResponse;

  @ApiProperty({ type: [BackupFileResponse], description: 'This kiosk’s backups in the folder, newest first' })
  files!: BackupFileResponse[];
}
