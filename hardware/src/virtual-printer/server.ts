import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { statusAnswer } from '../printer/status-bytes';
import { EscPosStreamDecoder, type DecodedJob, type Dialect, type PrintedJob } from './decode';
import { printedJobPng, transcript } from './transcript';

export interface VirtualPrinterOptions {
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** Writes <n>.txt (transcript) and <n>.png (picture) for every job. */
  outDir?: string;
  /** Waits this long before reading a new connection, like a busy or slow printer. */
  delayMs?: number;
  /** Closes the connection after this many bytes of a connection, like a printer that is switched off mid-job. */
  dropAfterBytes?: number;
  /** 'out': answers status queries with paper end and prints nothing; 'low': paper near end. */
  paper?: 'ok' | 'low' | 'out';
  /** Prints what it receives but never answers a status query, like one-way print servers and some clones. */
  silent?: boolean;
  /** Command set the jobs are decoded with (default epson). */
  dialect?: Dialect;
  /** Called for every finished job (the command-line program prints it). */
  onJob?: (job: DecodedJob, n: number) => void;
}

export interface VirtualPrinter {
  port: number;
  jobs: DecodedJob[];
  waitForJobs(n: number, timeoutMs?: number): Promise<DecodedJob[]>;
  setBehaviour(o: Partial<VirtualPrinterOptions>): void;
  close(): Promise<void>;
}

/**
 * A stand-in for a network ESC/POS printer: it decodes what it receives, answers status queries,
 * and can be made slow, cut off, out of paper or silent. A job ends with a cut or when the sender closes
 * the connection (node-thermal-printer closes after every execute).
 */
export async function startVirtualPrinter(opts: VirtualPrinterOptions = {}): Promise<VirtualPrinter> {
  const behaviour: VirtualPrinterOptions = { ...opts };
  const jobs: DecodedJob[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<net.Socket>();
  const writes: Promise<void>[] = [];

  const record = (printed: PrintedJob) => {
    if (behaviour.paper === 'out') return; // nothing comes out of a printer without paper
    jobs.push(printed.job);
    const n = jobs.length;
    if (behaviour.outDir) writes.push(saveJob(behaviour.outDir, n, printed).catch(() => undefined));
    behaviour.onJob?.(printed.job, n);
    for (const wake of waiters) wake();
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, behaviour, record);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;

  return {
    port: address.port,
    jobs,
    waitForJobs(n, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (jobs.length < n) return;
          cleanup();
          resolve(jobs.slice());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`virtual printer: ${jobs.length} of ${n} jobs after ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    setBehaviour(o) {
      Object.assign(behaviour, o);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(writes);
    },
  };
}

function serveConnection(
  socket: net.Socket,
  behaviour: VirtualPrinterOptions,
  record: (job: PrintedJob) => void,
): void {
  const decoder = new EscPosStreamDecoder(behaviour.dialect ?? 'epson', true);
  const dropAfter = behaviour.dropAfterBytes;
  let received = 0;
  let finished = false;

  const finish = () => {
    if (finished) return;
    finished = true;
    for (const job of decoder.end()) record(job);
  };

  const onData = (chunk: Buffer) => {
    let data = chunk;
    const cutOff = dropAfter !== undefined && received + data.length >= dropAfter;
    if (cutOff) data = data.subarray(0, Math.max(0, dropAfter - received));
    received += data.length;
    for (const event of decoder.push(data)) {
      if (event.type === 'job') record(event.job);
      else if (!socket.destroyed && !behaviour.silent) {
        socket.write(Buffer.from([statusAnswer(event.query.kind, event.query.n, behaviour.paper ?? 'ok')]));
      }
    }
    if (cutOff) {
      finish();
      socket.destroy(); // unread data makes this a reset, as when a printer loses power
    }
  };

  socket.on('data', onData);
  // The sender half-closed: everything has arrived; close our side too, which confirms the job.
  socket.on('end', () => {
    finish();
    socket.end();
  });
  socket.on('close', finish);
  socket.on('error', () => undefined); // a sender that resets the connection is not a printer fault

  const delay = behaviour.delayMs ?? 0;
  if (delay > 0) {
    socket.pause();
    const timer = setTimeout(() => socket.resume(), delay);
    socket.on('close', () => clearTimeout(timer));
  }
}

async function saveJob(dir: string, n: number, printed: PrintedJob): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, `${n}.txt`), transcript(printed.job, n));
  await fs.writeFile(path.join(dir, `${n}.png`), await printedJobPng(printed));
}
