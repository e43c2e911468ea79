import net from 'node:net';
import { renderEscPos } from '../render/escpos';
import { DLE_EOT_PAPER, GS_R_PAPER, paperFromStatusByte } from './status-bytes';
import {
  DEFAULT_TIMEOUT_MS,
  PrinterError,
  type PrintJob,
  type PrinterConfig,
  type PrinterStatus,
  type ReceiptPrinter,
} from './types';

/** How long status() waits for the printer's answer: a health check must not hang. */
const STATUS_WAIT_MS = 1500;

/**
 * A network printer on a raw port (usually 9100).
 *
 * node-thermal-printer's network interface resolves as soon as the bytes are handed to the
 * operating system, so a printer that stops reading or drops the connection still looks like a
 * success. Here a job counts as printed only when the printer confirms it: Epson-type printers
 * answer a paper status query sent after the job (a real-time command, answered once every byte
 * before it has arrived); Star printers in line mode have no such query, so their job is confirmed
 * when the printer closes the connection after ours.
 */
export class TcpPrinter implements ReceiptPrinter {
  readonly kind = 'tcp';
  private readonly timeoutMs: number;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly cfg: PrinterConfig,
  ) {
    this.timeoutMs = cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async print(job: PrintJob): Promise<void> {
    const bytes = renderEscPos(job.doc, { columns: this.cfg.columns, type: this.cfg.type, cjk: this.cfg.cjk });
    const conn = await Connection.open(this.host, this.port, this.timeoutMs);
    try {
      if (this.cfg.type === 'epson') {
        // Checked before sending, so a printer without paper does not keep the job and print it again later.
        await this.expectPaper(conn, 'before the receipt');
        conn.write(bytes);
        await this.expectPaper(conn, 'after the receipt');
      } else {
        await conn.writeAndAwaitClose(bytes, this.timeoutMs);
      }
    } finally {
      conn.destroy();
    }
  }

  private async expectPaper(conn: Connection, when: string): Promise<void> {
    conn.write(DLE_EOT_PAPER);
    const answer = await conn.readByte(this.timeoutMs, `no status answer from the printer ${when}`);
    if (paperFromStatusByte(answer) === 'out')
      throw new PrinterError('PRINTER_PAPER_OUT', 'the printer is out of paper');
  }

  async status(): Promise<PrinterStatus> {
    let conn: Connection;
    try {
      conn = await Connection.open(this.host, this.port, Math.min(this.timeoutMs, STATUS_WAIT_MS));
    } catch (err) {
      return { connected: false, paper: 'unknown', detail: (err as Error).message };
    }
    try {
      // Both queries: DLE EOT 4 is answered even when paper is out; some clones answer only GS r 1.
      conn.write(Buffer.concat([DLE_EOT_PAPER, GS_R_PAPER]));
      const answer = await conn.readByte(STATUS_WAIT_MS, 'no status answer');
      return { connected: true, paper: paperFromStatusByte(answer) };
    } catch (err) {
      return { connected: true, paper: 'unknown', detail: (err as Error).message };
    } finally {
      conn.destroy();
    }
  }
}

/** A socket with promise-based reads that turn every failure into a PrinterError. */
class Connection {
  private received: number[] = [];
  private failure: PrinterError | undefined;
  private closed = false;
  private wake: (() => void) | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received.push(...chunk);
      this.notify();
    });
    socket.on('error', (err) => {
      this.failure ??= new PrinterError('PRINTER_FAILED', `connection to the printer failed mid-job: ${err.message}`, {
        cause: err,
      });
      this.notify();
    });
    socket.on('close', () => {
      this.closed = true;
      this.notify();
    });
  }

  static open(host: string, port: number, timeoutMs: number): Promise<Connection> {
    const where = `${host}:${port}`;
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrinterError('PRINTER_OFFLINE', `printer at ${where} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new Connection(socket));
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        socket.destroy();
        reject(
          new PrinterError('PRINTER_OFFLINE', `printer at ${where} is not reachable: ${err.message}`, { cause: err }),
        );
      });
    });
  }

  write(bytes: Buffer): void {
    if (!this.closed) this.socket.write(bytes);
  }

  /** Waits for the next byte from the printer. */
  async readByte(timeoutMs: number, timeoutMessage: string): Promise<number> {
    await this.waitFor(
      () => this.received.length > 0,
      timeoutMs,
      timeoutMessage,
      'the printer closed the connection before answering',
    );
    return this.received.shift()!;
  }

  /** Sends the job, half-closes, and waits until the printer has read everything and closed its side. */
  async writeAndAwaitClose(bytes: Buffer, timeoutMs: number): Promise<void> {
    this.socket.end(bytes);
    await this.waitFor(
      () => this.closed && this.failure === undefined,
      timeoutMs,
      'the printer did not take the whole job',
      undefined,
    );
  }

  private async waitFor(
    done: () => boolean,
    timeoutMs: number,
    timeoutMessage: string,
    closedMessage: string | undefined,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (done()) return;
      if (this.failure) throw this.failure;
      if (this.closed && closedMessage) throw new PrinterError('PRINTER_FAILED', closedMessage);
      const left = deadline - Date.now();
      if (left <= 0) throw new PrinterError('PRINTER_TIMEOUT', `${timeoutMessage} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private notify(): void {
    this.wake?.();
  }

  destroy(): void {
    this.socket.destroy();
  }
}
