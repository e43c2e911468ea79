import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SettingsService } from '../settings/settings.service';
import { BackupRepository } from './backup.repository';
import { backupFileName, backupsToDelete, dueBackup, parseBackupFileName } from './backup-schedule';
import { describeLock, holdLock, liveLock, releaseLock } from './data-dir-lock';
import type {
  BackupFileResponse,
  BackupHealthResponse,
  BackupMadeResponse,
  BackupOverviewResponse,
  BackupProblem,
} from './dto/backup.dto';
import { backupSizeBound, freeBytes, makeBackup } from './make-backup';

/** How often the schedule looks at the clock, the USB stick and the redemptions since the last backup. */
const TICK_MS = 5000;
/** Kept in DATA_DIR so a restart remembers the last outcome (and counts redemptions since the last backup). */
const STATE_FILE = 'backup-state.json';

type Trigger = 'daily' | 'redemptions' | 'manual';

interface Outcome {
  at: string;
}
interface Failure extends Outcome {
  code: BackupProblem;
  message: string;
}
interface State {
  lastSuccess?: Outcome & { file: string };
  lastFailure?: Failure;
}

const PROBLEM_WORDS: Record<BackupProblem, string> = {
  BACKUP_DIR_MISSING: 'The backup folder was not found: is the USB stick plugged in?',
  BACKUP_DISK_FULL: 'There is not enough free space for the backup.',
  BACKUP_WRITE_FAILED: 'The backup folder cannot be written to.',
  BACKUP_FAILED: 'The backup failed.',
};

/**
 * Automatic and on-demand backups of the SQLite store into BACKUP_DIR (a USB stick, say): daily
 * at the configured times (a time missed while the kiosk was off is made up at the next start)
 * and after every N redemptions, with rotation, a free-space check, and the outcome shown in
 * `/api/health`. Backups never hold up the kiosk: the snapshot is read on its own connection
 * while redemptions go on. Also holds DATA_DIR's lock, so that a restore refuses while this runs.
 */
@Injectable()
export class BackupService
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Backup');
  private state: State = {};
  private running: Promise<BackupMadeResponse> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly startedAt = new Date().toISOString();
  private missingLogged = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: BackupRepository,
    private readonly settings: SettingsService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  private get sqlite(): boolean {
    return this.config.database.type === 'sqlite';
  }

  /** Where backups go: BACKUP_DIR, else DATA_DIR/backups (for backups made from the console). */
  get folder(): string {
    return this.config.backup.dir ?? join(this.config.dataDir, 'backups');
  }

  private get automatic(): boolean {
    return this.sqlite && this.config.backup.dir !== undefined;
  }

  /** A kiosk that serves (not the seed command, which runs the same modules without HTTP). */
  private get serving(): boolean {
    return this.adapterHost.httpAdapter !== undefined;
  }

  onModuleInit(): void {
    this.state = this.loadState();
    if (!this.serving) return;
    const { dataDir } = this.config;
    // owner-only: the database, card keys and backups live here
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const other = liveLock(dataDir);
    if (other) throw new Error(`Not starting: ${describeLock(other)}. Stop it first.`);
    holdLock(dataDir, 'kiosk');
  }

  onApplicationBootstrap(): void {
    if (!this.serving) return;
    // The port is known once the server listens (PORT=0 picks one): the lock names it for the operator.
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.once('listening', () => {
      const address = server.address() as AddressInfo | null;
      if (address) holdLock(this.config.dataDir, 'kiosk', `http://${this.config.host}:${address.port}`);
    });
    if (!this.automatic) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
    setTimeout(() => void this.tick(), 1000).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // a backup under way finishes (it is short), so no half-written file is left behind
    await this.running?.catch(() => undefined);
  }

  onApplicationShutdown(): void {
    if (this.serving) releaseLock(this.config.dataDir);
  }

  /** For `/api/health`: whether backups work, in a word and a code. */
  health(): BackupHealthResponse {
    if (!this.sqlite) return { status: 'off', automatic: false };
    const automatic = this.automatic;
    const lastBackupAt = this.newestBackupAt()?.toISOString() ?? this.state.lastSuccess?.at;
    const known = { automatic, ...(lastBackupAt ? { lastBackupAt } : {}) };
    if (automatic && !this.folderPresent()) {
      const code: BackupProblem = 'BACKUP_DIR_MISSING';
      return { status: 'failed', ...known, problem: code, message: PROBLEM_WORDS[code] };
    }
    const failure = this.state.lastFailure;
    if (failure && (!this.state.lastSuccess || failure.at > this.state.lastSuccess.at)) {
      return {
        status: 'failed',
        ...known,
        problem: failure.code,
        message: failure.message,
        lastFailureAt: failure.at,
      };
    }
    return { status: automatic ? 'ok' : 'off', ...known };
  }

  overview(): BackupOverviewResponse {
    return {
      supported: this.sqlite,
      health: this.health(),
      folder: this.folder,
      passphraseSet: this.config.backup.passphrase !== undefined,
      schedule: {
        dailyAt: this.automatic ? this.config.backup.dailyAt : [],
        everyRedemptions: this.automatic ? this.config.backup.everyRedemptions : 0,
      },
      files: this.sqlite ? this.files() : [],
    };
  }

  /** This kiosk's backups in the folder, newest first. */
  files(): BackupFileResponse[] {
    if (!this.folderPresent()) return [];
    const files: BackupFileResponse[] = [];
    for (const name of readdirSync(this.folder)) {
      const parsed = parseBackupFileName(name);
      if (!parsed || parsed.kioskId !== this.settings.kioskId) continue;
      try {
        files.push({ name, createdAt: parsed.at.toISOString(), size: statSync(join(this.folder, name)).size });
      } catch {
        // deleted meanwhile (rotation, or someone tidying the stick)
      }
    }
    return files.sort((a, b) => b.name.localeCompare(a.name));
  }

  /** The path of one of this kiosk's backups, for download. */
  pathOf(name: string): string {
    const parsed = parseBackupFileName(name);
    const path = join(this.folder, name);
    if (!parsed || parsed.kioskId !== this.settings.kioskId || !existsSync(path)) {
      throw DomainError.notFound('BACKUP_NOT_FOUND', 'No such backup of this kiosk.');
    }
    return path;
  }

  /** A backup now (an admin's request); waits for one already under way, then makes its own. */
  run(trigger: Trigger, by?: string): Promise<BackupMadeResponse> {
    const label = by ? `${trigger} by ${by}` : trigger;
    const job = (this.running ?? Promise.resolve()).catch(() => undefined).then(() => this.backup(label));
    this.running = job;
    const clear = () => {
      if (this.running === job) this.running = undefined;
    };
    job.then(clear, clear);
    return job;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    const present = this.folderPresent();
    if (!present) {
      if (!this.missingLogged) this.logger.warn(`${PROBLEM_WORDS.BACKUP_DIR_MISSING} (${this.folder})`);
      this.missingLogged = true;
      return;
    }
    this.missingLogged = false;
    try {
      const everyRedemptions = this.config.backup.everyRedemptions;
      const since = this.state.lastSuccess?.at ?? this.startedAt;
      const failure = this.state.lastFailure;
      const reason = dueBackup({
        now: new Date(),
        dailyAt: this.config.backup.dailyAt,
        lastBackupAt: this.newestBackupAt(),
        lastFailure:
          failure && (!this.state.lastSuccess || failure.at > this.state.lastSuccess.at)
            ? { at: new Date(failure.at), code: failure.code }
            : undefined,
        folderPresent: present,
        everyRedemptions,
        redemptionsSince: everyRedemptions > 0 ? await this.repository.redemptionsSince(since) : 0,
      });
      if (reason) await this.run(reason);
    } catch {
      // recorded and logged by backup(); the schedule tries again later
    }
  }

  private async backup(trigger: string): Promise<BackupMadeResponse> {
    const database = this.config.database;
    if (database.type !== 'sqlite') {
      throw DomainError.conflict(
        'BACKUP_NOT_SUPPORTED',
        'This store keeps its data in PostgreSQL: back it up with pg_dump (see the README).',
      );
    }
    const passphrase = this.config.backup.passphrase;
    if (!passphrase) {
      throw DomainError.conflict(
        'BACKUP_NO_PASSPHRASE',
        'Set BACKUP_PASSPHRASE to make backups: they are encrypted with it.',
      );
    }
    const folder = this.folder;
    try {
      if (this.config.backup.dir === undefined) await mkdir(folder, { recursive: true, mode: 0o700 });
      // never created: an empty mount point would put the "USB" backup on the kiosk's own disk
      else if (!this.folderPresent()) throw this.problem('BACKUP_DIR_MISSING');
      const needed = backupSizeBound(database.path, this.config.dataDir);
      const free = await freeBytes(folder);
      if (free < needed) {
        throw this.problem(
          'BACKUP_DISK_FULL',
          `${Math.round(free / 1e6)} MB free, up to ${Math.ceil(needed / 1e6)} MB needed`,
        );
      }
      if ((await freeBytes(this.config.dataDir)) < needed) {
        throw this.problem('BACKUP_FAILED', 'not enough free space on the kiosk’s own disk for the snapshot');
      }
      let at = new Date();
      // names carry the second: a second backup within it waits for the next
      while (existsSync(join(folder, backupFileName(this.settings.kioskId, at)))) {
        await new Promise((resolve) => setTimeout(resolve, 1000 - at.getMilliseconds() + 5));
        at = new Date();
      }
      const name = backupFileName(this.settings.kioskId, at);
      const result = await makeBackup({
        databasePath: database.path,
        dataDir: this.config.dataDir,
        destination: join(folder, name),
        passphrase,
        kioskId: this.settings.kioskId,
      });
      this.state = { ...this.state, lastSuccess: { at: result.manifest.createdAt, file: name } };
      this.saveState();
      const { counts } = result.manifest;
      this.logger.log(
        `backup (${trigger}) ${name}: ${counts.entries} ledger entries, ${counts.members} members, ` +
          `${result.size} bytes in ${result.tookMs} ms`,
      );
      await this.rotate();
      return {
        name,
        createdAt: result.manifest.createdAt,
        size: result.size,
        entries: counts.entries,
        members: counts.members,
        balanceSum: counts.balanceSum,
      };
    } catch (caught) {
      const error = this.classify(caught);
      this.state = {
        ...this.state,
        lastFailure: { at: new Date().toISOString(), code: error.code as BackupProblem, message: error.message },
      };
      this.saveState();
      this.logger.error(`backup (${trigger}) failed: ${error.message}`);
      throw error;
    }
  }

  private problem(code: BackupProblem, detail?: string): DomainError {
    return DomainError.conflict(code, detail ? `${PROBLEM_WORDS[code]} (${detail})` : PROBLEM_WORDS[code]);
  }

  /** What went wrong, as one of the problems the console can say in words. */
  private classify(error: unknown): DomainError {
    if (error instanceof DomainError && (PROBLEM_WORDS as Record<string, string>)[error.code]) return error;
    const errno = (error as NodeJS.ErrnoException).code;
    const detail = error instanceof Error ? error.message : String(error);
    if (this.config.backup.dir !== undefined && !this.folderPresent()) return this.problem('BACKUP_DIR_MISSING');
    if (errno === 'ENOSPC' || errno === 'EDQUOT') return this.problem('BACKUP_DISK_FULL', detail);
    if (errno === 'EROFS' || errno === 'EACCES' || errno === 'EPERM' || errno === 'EIO') {
      return this.problem('BACKUP_WRITE_FAILED', detail);
    }
    return this.problem('BACKUP_FAILED', detail);
  }

  private async rotate(): Promise<void> {
    const ours = this.files().map((file) => ({ name: file.name, at: new Date(file.createdAt) }));
    for (const name of backupsToDelete(ours)) {
      await rm(join(this.folder, name), { force: true });
      this.logger.log(`rotation removed ${name}`);
    }
  }

  private folderPresent(): boolean {
    try {
      return statSync(this.folder).isDirectory();
    } catch {
      return false;
    }
  }

  private newestBackupAt(): Date | undefined {
    const newest = this.files()[0];
    return newest ? new Date(newest.createdAt) : undefined;
  }

  private loadState(): State {
    try {
      return JSON.parse(readFileSync(join(this.config.dataDir, STATE_FILE), 'utf8')) as State;
    } catch {
      return {};
    }
  }

  private saveState(): void {
    try {
      writeFileSync(join(this.config.dataDir, STATE_FILE), `${JSON.stringify(this.state)}\n`);
    } catch (error) {
      this.logger.warn(`could not keep the backup state: ${String(error)}`);
    }
  }
}
