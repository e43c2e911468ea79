import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `DATA_DIR/kiosk.lock`: which process works on this data directory (a serving kiosk, or a
 * restore). A restore refuses while a kiosk holds it, and a kiosk refuses to start during a
 * restore or beside another kiosk on the same files.
 *
 * A lock left by a process that died (kill -9, power cut) must not block anyone, and after a
 * reboot its pid may belong to another program: on Linux the lock also records the process's
 * start time (/proc/<pid>/stat), so only that very process counts as alive.
 */
export const LOCK_FILE = 'kiosk.lock';

export interface DataDirLock {
  pid: number;
  /** Clock ticks after boot at which the process started (Linux); absent elsewhere. */
  started?: string;
  role: 'kiosk' | 'restore';
  /** Where the kiosk serves, once it listens. */
  url?: string;
  at: string;
}

/** The process's state letter and start time from /proc (Linux); undefined elsewhere or when it is gone. */
function procStat(pid: number): { state: string; started: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces: count the fields after it
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, started: fields[19]! };
  } catch {
    return undefined;
  }
}

function alive(lock: DataDirLock): boolean {
  try {
    process.kill(lock.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(lock.pid);
  if (!stat) return true; // no /proc here: the pid is all there is to go by
  // a zombie has exited; another program under a reused pid started at another time
  return stat.state !== 'Z' && (lock.started === undefined || stat.started === lock.started);
}

/** The lock of a live process other than this one, if any. */
export function liveLock(dataDir: string): DataDirLock | undefined {
  let lock: DataDirLock;
  try {
    lock = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as DataDirLock;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(lock.pid) || lock.pid === process.pid) return undefined;
  return alive(lock) ? lock : undefined;
}

export function holdLock(dataDir: string, role: DataDirLock['role'], url?: string): void {
  const started = procStat(process.pid)?.started;
  const lock: DataDirLock = {
    pid: process.pid,
    ...(started !== undefined ? { started } : {}),
    role,
    ...(url ? { url } : {}),
    at: new Date().toISOString(),
  };
  writeFileSync(join(dataDir, LOCK_FILE), `${JSON.stringify(lock)}\n`, { mode: 0o644 });
}

/** Removes the lock if this process holds it. */
export function releaseLock(dataDir: string): void {
  try {
    const lock = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as DataDirLock;
    if (lock.pid === process.pid) rmSync(join(dataDir, LOCK_FILE), { force: true });
  } catch {
    // no lock, or not readable: nothing of ours to remove
  }
}

export function describeLock(lock: DataDirLock): string {
  return lock.role === 'restore'
    ? `a restore (pid ${lock.pid}) is working on this DATA_DIR`
    : `a kiosk (pid ${lock.pid}${lock.url ? `, ${lock.url}` : ''}) is running on this DATA_DIR`;
}
