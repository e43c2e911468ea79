import type { HttpAdapterHost } from '@nestjs/core';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../common/domain-error';
import { loadConfig } from '../config/app-config';
import type { SettingsService } from '../settings/settings.service';
import type { BackupRepository } from './backup.repository';
import { BackupService } from './backup.service';
import * as maker from './make-backup';

/**
 * The service's own rules, without a server: where backups go, the free-space check, what a
 * failure is called in health, and the rotation after each backup. The database is the release
 * 0.1 fixture (the backup itself is tested in backup-restore.spec.ts and the API tests).
 */
const FIXTURE = resolve('tests/fixtures/release-0.1');
const PASSPHRASE = 'correct horse battery';

let root: string;
let usb: string;

function service(env: Record<string, string> = {}): BackupService {
  const config = loadConfig({ DATA_DIR: join(root, 'data'), BACKUP_PASSPHRASE: PASSPHRASE, ...env }, root);
  const repository = { redemptionsSince: () => Promise.resolve(0) } as unknown as BackupRepository;
  const settings = { kioskId: 'FIX01' } as SettingsService;
  // no HTTP server: the service neither holds the lock nor runs its schedule (as for the seed command)
  const host = { httpAdapter: undefined } as unknown as HttpAdapterHost;
  const backups = new BackupService(config, repository, settings, host);
  backups.onModuleInit();
  return backups;
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'backup-service-'));
  mkdirSync(join(root, 'data'));
  cpSync(join(FIXTURE, 'kiosk.sqlite'), join(root, 'data', 'kiosk.sqlite'));
  cpSync(join(FIXTURE, 'keys'), join(root, 'data', 'keys'), { recursive: true });
  usb = join(root, 'usb');
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

describe('BackupService', () => {
  it('writes into BACKUP_DIR and says so in health', async () => {
    mkdirSync(usb);
    const backups = service({ BACKUP_DIR: usb });
    const made = await backups.run('manual', 'admin');
    expect(made.name).toMatch(/^kiosk-FIX01-\d{8}-\d{6}\.backup$/);
    expect(readdirSync(usb)).toEqual([made.name]);
    expect(backups.health()).toMatchObject({ status: 'ok', automatic: true });
    expect(backups.overview().files).toEqual([expect.objectContaining({ name: made.name, size: made.size })]);
  });

  it('refuses when the free space is short of the database, and health names it', async () => {
    mkdirSync(usb);
    vi.spyOn(maker, 'freeBytes').mockResolvedValue(10_000);
    const backups = service({ BACKUP_DIR: usb });
    expect((await refusal(backups.run('daily'))).code).toBe('BACKUP_DISK_FULL');
    expect(readdirSync(usb)).toEqual([]);
    expect(backups.health()).toMatchObject({ status: 'failed', problem: 'BACKUP_DISK_FULL' });
    // remembered over a restart
    expect(JSON.parse(readFileSync(join(root, 'data', 'backup-state.json'), 'utf8'))).toMatchObject({
      lastFailure: { code: 'BACKUP_DISK_FULL' },
    });
    expect(service({ BACKUP_DIR: usb }).health()).toMatchObject({ problem: 'BACKUP_DISK_FULL' });
  });

  it('calls a full disk found while writing a full disk, and a read-only stick one that cannot be written', async () => {
    mkdirSync(usb);
    const backups = service({ BACKUP_DIR: usb });
    const failWith = (code: string) =>
      vi.spyOn(maker, 'makeBackup').mockRejectedValueOnce(Object.assign(new Error(code), { code }));
    failWith('ENOSPC');
    expect((await refusal(backups.run('daily'))).code).toBe('BACKUP_DISK_FULL');
    failWith('EROFS');
    expect((await refusal(backups.run('daily'))).code).toBe('BACKUP_WRITE_FAILED');
    failWith('EINVAL');
    expect((await refusal(backups.run('daily'))).code).toBe('BACKUP_FAILED');
    // a success afterwards clears the failure
    vi.mocked(maker.makeBackup).mockRestore();
    await backups.run('manual');
    expect(backups.health()).toMatchObject({ status: 'ok' });
  });

  it('never creates a missing BACKUP_DIR (an empty mount point would fill the kiosk’s own disk)', async () => {
    const backups = service({ BACKUP_DIR: usb });
    expect(backups.health()).toMatchObject({ status: 'failed', problem: 'BACKUP_DIR_MISSING', automatic: true });
    expect((await refusal(backups.run('manual'))).code).toBe('BACKUP_DIR_MISSING');
    expect(() => readdirSync(usb)).toThrow();
  });

  it('without BACKUP_DIR backs up into DATA_DIR/backups on request, and refuses without a passphrase', async () => {
    const backups = service();
    expect(backups.health()).toEqual({ status: 'off', automatic: false });
    const made = await backups.run('manual');
    expect(readdirSync(join(root, 'data', 'backups'))).toEqual([made.name]);
    expect(backups.health()).toMatchObject({ status: 'off', lastBackupAt: expect.any(String) });

    const none = new BackupService(
      loadConfig({ DATA_DIR: join(root, 'data') }, root),
      {} as BackupRepository,
      { kioskId: 'FIX01' } as SettingsService,
      { httpAdapter: undefined } as unknown as HttpAdapterHost,
    );
    expect((await refusal(none.run('manual'))).code).toBe('BACKUP_NO_PASSPHRASE');
  });

  it('keeps only the newest backup of the day after each backup', async () => {
    mkdirSync(usb);
    const backups = service({ BACKUP_DIR: usb });
    const first = await backups.run('manual');
    const second = await backups.run('manual'); // waits for the next second for its own name
    expect(second.name).not.toBe(first.name);
    expect(readdirSync(usb)).toEqual([second.name]);
  });

  it('only serves this kiosk’s own backup files', () => {
    mkdirSync(usb);
    const backups = service({ BACKUP_DIR: usb });
    for (const name of [
      '../data/kiosk.sqlite',
      'kiosk-OTHER-20260101-000000.backup',
      'kiosk-FIX01-20260101-000000.backup',
    ]) {
      expect(() => backups.pathOf(name)).toThrow(DomainError);
    }
  });
});
