import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { databaseForDataDir, testEngine } from './postgres';

/** The repository root, from the sources (tests/support) or the compiled benchmark (tests/dist/support). */
function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'kiosk-server', 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

export const ROOT = findRoot(__dirname);
export const SERVER_MAIN = join(ROOT, 'kiosk-server', 'dist', 'main.js');
export const ADMIN_PIN = '246810';
export const VOLUNTEER_PIN = '135790';

export interface DemoCard {
  cardNo: string;
  name: string;
  household: string | null;
  balance: number;
  qr: string;
}

export interface Kiosk {
  url: string;
  dataDir: string;
  /** The PostgreSQL database the kiosk runs on (the `integration-postgres` project); unset on SQLite. */
  databaseUrl?: string;
  child: ChildProcess;
  output: () => string;
  /** Graceful stop (SIGTERM) and wait for exit. */
  stop: () => Promise<void>;
  /** SIGKILL, as a power cut would. */
  kill: () => Promise<void>;
  cards: () => DemoCard[];
}

export function tempDataDir(prefix = 'kiosk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Starts the real server (built output) in a child process on a free port and waits until it serves.
 * On the PostgreSQL test engine each data directory gets its own database (the same one again when
 * the directory is reused).
 */
export async function startKiosk(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<Kiosk> {
  const dataDir = options.dataDir ?? tempDataDir();
  const databaseUrl = testEngine() === 'postgres' ? await databaseForDataDir(dataDir) : undefined;
  // a DATABASE_URL of the shell must not move the SQLite runs onto another database
  const { DATABASE_URL: _shells, ...inherited } = process.env;
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      ...inherited,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      KIOSK_ID: 'TEST01',
      KIOSK_ADMIN_PIN: ADMIN_PIN,
      KIOSK_VOLUNTEER_PIN: VOLUNTEER_PIN,
      PRINTER: 'none',
      LOG_LEVEL: 'warn',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`kiosk did not start in time:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /KIOSK_READY (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        ready(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`kiosk exited with ${code ?? signal} before it was ready:\n${output}`));
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    url,
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    child,
    output: () => output,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    cards: () => JSON.parse(readFileSync(join(dataDir, 'cards', 'index.json'), 'utf8')) as DemoCard[],
  };
}
