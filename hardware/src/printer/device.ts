import fs from 'node:fs';
import { renderEscPos } from '../render/escpos';
import {
  DEFAULT_TIMEOUT_MS,
  PrinterError,
  type PrintJob,
  type PrinterConfig,
  type PrinterStatus,
  type ReceiptPrinter,
} from './types';

/** Errors that mean "no printer there" rather than "the printer failed". */
const ABSENT = new Set(['ENOENT', 'ENODEV', 'ENXIO', 'EIO', 'ENOTDIR']);

/**
 * A printer device node such as /dev/usb/lp0. The node is opened without O_CREAT, so a printer that
 * is unplugged is reported offline instead of silently creating an ordinary file in its place.
 */
export class DevicePrinter implements ReceiptPrinter {
  readonly kind = 'device';
  private readonly timeoutMs: number;

  constructor(
    private readonly path: string,
    private readonly cfg: PrinterConfig,
  ) {
    this.timeoutMs = cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async print(job: PrintJob): Promise<void> {
    const bytes = renderEscPos(job.doc, { columns: this.cfg.columns, type: this.cfg.type, cjk: this.cfg.cjk });
    // A printer without paper blocks the write; the blocked write finishes or fails in the background.
    const writing = this.writeAll(bytes);
    writing.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new PrinterError('PRINTER_TIMEOUT', `${this.path} did not take the job within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      await Promise.race([writing, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async writeAll(bytes: Buffer): Promise<void> {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(this.path, fs.constants.O_WRONLY);
    } catch (err) {
      throw this.toPrinterError(err, 'cannot open');
    }
    try {
      await handle.writeFile(bytes);
    } catch (err) {
      throw this.toPrinterError(err, 'write failed on');
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  private toPrinterError(err: unknown, what: string): PrinterError {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const message = `${what} ${this.path}: ${(err as Error).message}`;
    if (ABSENT.has(code)) return new PrinterError('PRINTER_OFFLINE', message, { cause: err });
    if (code === 'EACCES' || code === 'EPERM') {
      return new PrinterError('PRINTER_FAILED', `${message} (the service user needs write access, e.g. the lp group)`, {
        cause: err,
      });
    }
    return new PrinterError('PRINTER_FAILED', message, { cause: err });
  }

  async status(): Promise<PrinterStatus> {
    try {
      await fs.promises.access(this.path, fs.constants.W_OK);
      // The kernel printer driver does not tell the paper state through a plain write interface.
      return { connected: true, paper: 'unknown' };
    } catch (err) {
      return { connected: false, paper: 'unknown', detail: (err as Error).message };
    }
  }
}
