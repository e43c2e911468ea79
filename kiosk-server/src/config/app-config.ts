import { isAbsolute, resolve } from 'node:path';

export type KioskRole = 'kiosk' | 'hub';
export type PrinterType = 'epson' | 'star';
export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

export interface AppConfig {
  port: number;
  host: string;
  /**
   * Host names the kiosk answers to besides localhost, its addresses, HOST and the machine's name
   * (ALLOWED_HOSTS): a request naming any other host is refused, which defeats DNS rebinding.
   */
  allowedHosts: string[];
  dataDir: string;
  /** SQLite file path, or a postgres:// URL for a hub. */
  database: { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };
  role: KioskRole;
  /** Unset means: generated once and kept in the database (see SettingsService). */
  kioskId: string | undefined;
  storeName: string | undefined;
  printer: string;
  printerType: PrinterType;
  printerColumns: 32 | 48;
  printerCjk: 'gb18030' | 'raster';
  /** How long the printer may take to accept a job before the attempt counts as failed. */
  printerTimeoutMs: number;
  /** Longest wait between two attempts while the printer is away. */
  printRetryMaxMs: number;
  /**
   * Whether a network printer is asked for its status around each job: `on` always (a job that gets
   * no answer is retried), `off` never (bytes are sent unconfirmed, for one-way print servers),
   * `auto` asks until the printer proves silent, then prints without asking.
   */
  printerStatus: 'auto' | 'on' | 'off';
  adminPin: string | undefined;
  volunteerPin: string | undefined;
  /** The district hub a kiosk syncs with (http or https); unset: a store on its own. */
  hubUrl: string | undefined;
  /** The one-time enrolment code; spent at the first sync. */
  hubKey: string | undefined;
  /** Time between automatic sync rounds (SYNC_INTERVAL_SECONDS); 0: only on demand. */
  syncIntervalMs: number;
  /**
   * How long after its last pull a kiosk counts its view of the store as fresh (SYNC_FRESH_SECONDS,
   * default three intervals or 3 minutes); after that the offline allowance limits spends.
   */
  syncFreshMs: number;
  logLevel: LogLevel;
  /** Where the built touchscreen UI lives; served at `/` when present. */
  uiDir: string;
  backup: BackupConfig;
}

export interface BackupConfig {
  /** Where automatic backups go (a USB stick's mount point); unset: no automatic backups. */
  dir: string | undefined;
  /** Encrypts every backup file; required with `dir`, since the file carries the card-signing key. */
  passphrase: string | undefined;
  /** Local times of day (`HH:MM`) for the daily backup; empty: none. */
  dailyAt: string[];
  /** A backup after this many redemptions since the last one; 0: never. */
  everyRedemptions: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function port(env: Env): number {
  const raw = env.PORT?.trim() || '3000';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`PORT must be a port number 0–65535 (got "${raw}")`);
  }
  return value;
}

function pin(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  // at least six digits: a short PIN falls to a few slowed guesses per address (the sign-in DTO still
  // takes 4 to 12, so a PIN set before this rule can still be tried and then replaced)
  if (!/^\d{6,12}$/.test(value)) throw new ConfigError(`${name} must be 6 to 12 digits`);
  return value;
}

function hubUrl(env: Env): string | undefined {
  const raw = optional(env, 'HUB_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`HUB_URL must be an address such as http://hub.example:3000 (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError('HUB_URL must start with http:// or https://');
  return url.origin;
}

function syncInterval(env: Env): number {
  const raw = env.SYNC_INTERVAL_SECONDS?.trim();
  if (raw === '0') return 0;
  return seconds(env, 'SYNC_INTERVAL_SECONDS', 60) * 1000;
}

function seconds(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 3600) {
    throw new ConfigError(`${name} must be a number of seconds between 0 and 3600 (got "${raw}")`);
  }
  return value;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

function hostNames(env: Env, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  const names = raw.split(',').map((host) => host.trim().toLowerCase().replace(/\.$/, ''));
  for (const host of names) {
    if (!HOST_NAME.test(host)) {
      throw new ConfigError(`${name} must be host names separated by commas, like kiosk.store.lan (got "${raw}")`);
    }
  }
  return [...new Set(names)];
}

function optional(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

const MIN_PASSPHRASE = 8;

function backup(env: Env, cwd: string, database: AppConfig['database']): BackupConfig {
  const rawDir = optional(env, 'BACKUP_DIR');
  const dir = rawDir ? resolve(cwd, rawDir) : undefined;
  // kept as given (not trimmed): a passphrase may end in a space
  const passphrase = env.BACKUP_PASSPHRASE || undefined;
  if (passphrase !== undefined && passphrase.length < MIN_PASSPHRASE) {
    throw new ConfigError(`BACKUP_PASSPHRASE must be at least ${MIN_PASSPHRASE} characters`);
  }
  if (dir && database.type === 'postgres') {
    throw new ConfigError(
      'BACKUP_DIR works with the SQLite store only; back up a PostgreSQL store with pg_dump (see the README)',
    );
  }
  if (dir && !passphrase) {
    // a backup holds the card-signing key: on a lost USB stick it must not let anyone mint cards
    throw new ConfigError('BACKUP_DIR needs BACKUP_PASSPHRASE: backups are encrypted with it');
  }
  const at = optional(env, 'BACKUP_AT') ?? '20:00';
  let dailyAt: string[] = [];
  if (at !== 'off') {
    dailyAt = at.split(',').map((time) => time.trim());
    for (const time of dailyAt) {
      const match = /^(\d{1,2}):(\d{2})$/.exec(time);
      if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
        throw new ConfigError(`BACKUP_AT must be times of day like 20:00 or 12:30,20:00, or off (got "${at}")`);
      }
    }
    dailyAt = [...new Set(dailyAt.map((time) => time.padStart(5, '0')))].sort();
  }
  const rawEvery = optional(env, 'BACKUP_EVERY_REDEMPTIONS') ?? '50';
  const everyRedemptions = Number(rawEvery);
  if (!Number.isInteger(everyRedemptions) || everyRedemptions < 0 || everyRedemptions > 100000) {
    throw new ConfigError(`BACKUP_EVERY_REDEMPTIONS must be a whole number 0–100000 (got "${rawEvery}")`);
  }
  return { dir, passphrase, dailyAt, everyRedemptions };
}

/** The one reader of the environment. Every setting is optional; bad values stop the start with a clear message. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const dataDir = resolve(cwd, env.DATA_DIR?.trim() || 'data');
  const url = optional(env, 'DATABASE_URL');
  let database: AppConfig['database'];
  if (!url) database = { type: 'sqlite', path: resolve(dataDir, 'kiosk.sqlite') };
  else if (/^postgres(ql)?:\/\//.test(url)) database = { type: 'postgres', url };
  else if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    database = { type: 'sqlite', path: isAbsolute(path) ? path : resolve(cwd, path) };
  } else throw new ConfigError('DATABASE_URL must start with postgres:// or sqlite:');

  const kioskId = optional(env, 'KIOSK_ID');
  if (kioskId && !/^[A-Za-z0-9_-]{1,32}$/.test(kioskId)) {
    throw new ConfigError('KIOSK_ID may hold letters, digits, - and _ (at most 32)');
  }
  const columns = oneOf(env, 'PRINTER_COLUMNS', ['32', '48'], '32');
  return {
    port: port(env),
    host: optional(env, 'HOST') ?? '127.0.0.1',
    allowedHosts: hostNames(env, 'ALLOWED_HOSTS'),
    dataDir,
    database,
    role: oneOf(env, 'KIOSK_ROLE', ['kiosk', 'hub'], 'kiosk'),
    kioskId,
    storeName: optional(env, 'STORE_NAME'),
    printer: optional(env, 'PRINTER') ?? 'file',
    printerType: oneOf(env, 'PRINTER_TYPE', ['epson', 'star'], 'epson'),
    printerColumns: columns === '48' ? 48 : 32,
    printerCjk: oneOf(env, 'PRINTER_CJK', ['gb18030', 'raster'], 'gb18030'),
    printerTimeoutMs: seconds(env, 'PRINTER_TIMEOUT_SECONDS', 5) * 1000,
    printRetryMaxMs: seconds(env, 'PRINT_RETRY_MAX_SECONDS', 30) * 1000,
    printerStatus: oneOf(env, 'PRINTER_STATUS', ['auto', 'on', 'off'], 'auto'),
    adminPin: pin(env, 'KIOSK_ADMIN_PIN'),
    volunteerPin: pin(env, 'KIOSK_VOLUNTEER_PIN'),
    hubUrl: hubUrl(env),
    hubKey: optional(env, 'HUB_KEY'),
    syncIntervalMs: syncInterval(env),
    syncFreshMs: seconds(env, 'SYNC_FRESH_SECONDS', Math.max(3 * syncInterval(env), 180_000) / 1000) * 1000,
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug', 'verbose'], 'log'),
    uiDir: resolve(__dirname, '../../../kiosk-ui/dist'),
    backup: backup(env, cwd, database),
  };
}

/** The effective configuration for the start-up log, secrets masked. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  const mask = (value: string | undefined) => (value ? '****' : '(unset)');
  const database =
    config.database.type === 'sqlite'
      ? `sqlite:${config.database.path}`
      : config.database.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:****@');
  return {
    ...config,
    database,
    adminPin: mask(config.adminPin),
    volunteerPin: mask(config.volunteerPin),
    hubKey: mask(config.hubKey),
    backup: { ...config.backup, passphrase: mask(config.backup.passphrase) },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
