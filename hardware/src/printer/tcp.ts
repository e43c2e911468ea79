import net from 'node:net';
import { renderEscPos } from '../render/escpos';
import { DLE_EOT_PAPER, GS_R_PAPER, paperFromStatusByte } from './status-bytes';
import {
  DEFAULT_TIMEOUT_MS,
  PrinterError,
  type PrintJob,
  type PrinterConfig,
  type PrinterStatus,
  type PrinterStatusMode,
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
 *
 * Some printers and one-way print servers take bytes but never answer a status query; with status
 * confirmation they would never get a receipt. Under PRINTER_STATUS=auto a printer that has never
 * answered and lets the status query before a job time out is taken as silent (that attempt fails
 * before any receipt byte is sent, so nothing prints twice); later jobs are sent unconfirmed. A
 * printer that has answered once is never taken as silent, so a slow but talking printer keeps the
 * exactly-once guarantee; a status answer (a health check) ends the silent mode again.
 */
export class TcpPrinter implements ReceiptPrinter {
  readonly kind = 'tcp';
  private readonly timeoutMs: number;
  private readonly statusMode: PrinterStatusMode;
  /** auto: this printer was seen not to answer status; jobs go out unconfirmed until it answers. */
  private learnedSilent = false;
  /** auto: this printer answered a status query since the start, so a missing answer is a fault, not silence. */
  private hasAnswered = false;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly cfg: PrinterConfig,
  ) {
    this.timeoutMs = cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.statusMode = cfg.statusMode ?? 'auto';
  }

  /** True while jobs are sent without waiting for a status answer. */
  get silent(): boolean {
    return this.statusMode === 'off' || (this.statusMode === 'auto' && this.learnedSilent);
  }

  async print(job: PrintJob): Promise<void> {
    const bytes = renderEscPos(job.doc, { columns: this.cfg.columns, type: this.cfg.type, cjk: this.cfg.cjk });
    const conn = await Connection.open(this.host, this.port, this.timeoutMs);
    try {
      if (this.silent) {
        await conn.writeAndFlush(bytes, this.timeoutMs);
      } else if (this.cfg.type === 'epson') {
        // Checked before sending, so a printer without paper does not keep the job and print it again later.
        await this.expectPaper(conn, 'before the receipt', true);
        conn.write(bytes);
        await this.expectPaper(conn, 'after the receipt', false);
      } else {
        await conn.writeAndAwaitClose(bytes, this.timeoutMs);
      }
    } finally {
      conn.destroy();
    }
  }

  private async expectPaper(conn: Connection, when: string, beforeJob: boolean): Promise<void> {
    conn.write(DLE_EOT_PAPER);
    let answer: number;
    try {
      answer = await conn.readByte(this.timeoutMs, `no status answer from the printer ${when}`);
    } catch (err) {
      // Only before the job: no receipt byte has been sent yet, so the retry cannot print twice.
      if (
        beforeJob &&
        this.statusMode === 'auto' &&
        !this.hasAnswered &&
        err instanceof PrinterError &&
        err.code === 'PRINTER_TIMEOUT'
      ) {
        this.learnedSilent = true;
        throw new PrinterError(
          'PRINTER_TIMEOUT',
          `${err.message}; the printer seems not to answer status queries, so receipts are now sent without confirmation (PRINTER_STATUS=auto)`,
          { cause: err },
        );
      }
      throw err;
    }
    this.hasAnswered = true;
    if (paperFromStatusByte(answer) === 'out')
      throw new PrinterError('PRINTER_PAPER_OUT', 'the printer is out of paper');
  }

  async status(): Promise<PrinterStatus> {
    let conn: Connection;
    try {
      conn = await Connection.open(this.host, this.port, Math.min(this.timeoutMs, STATUS_WAIT_MS));
    } catch (err) {
      return { connected: false, paper: 'unknown', detail: (err as Error).message, silent: this.silent };
    }
    try {
      if (this.statusMode === 'off') {
        return {
          connected: true,
          paper: 'unknown',
          silent: true,
          detail: 'status is not asked (PRINTER_STATUS=off); receipts are sent without confirmation',
        };
      }
      // Both queries: DLE EOT 4 is answered even when paper is out; some clones answer only GS r 1.
      conn.write(Buffer.concat([DLE_EOT_PAPER, GS_R_PAPER]));
      const answer = await conn.readByte(STATUS_WAIT_MS, 'no status answer');
      // A printer that answers is a talking printer again: back to confirmed, exactly-once printing.
      this.hasAnswered = true;
      this.learnedSilent = false;
      return { connected: true, paper: paperFromStatusByte(answer), silent: false };
    } catch (err) {
      const detail = this.silent
        ? 'the printer does not answer status queries; receipts are sent without confirmation'
        : (err as Error).message;
      return { connected: true, paper: 'unknown', detail, silent: this.silent };
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
  private flushed = false;
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
    socket.on('finish', () => {
      this.flushed = true;
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

  /**
   * For a printer that never answers: sends the job, half-closes, and waits until every byte has been
   * handed to the operating system. Nothing confirms that the printer printed it.
   */
  async writeAndFlush(bytes: Buffer, timeoutMs: number): Promise<void> {
    this.socket.end(bytes);
    await this.waitFor(
      () => this.flushed && this.failure === undefined,
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
