import { spawn } from 'node:child_process';
import { renderEscPos } from '../render/escpos';
import {
  DEFAULT_TIMEOUT_MS,
  PrinterError,
  type PrintJob,
  type PrinterConfig,
  type PrinterStatus,
  type ReceiptPrinter,
} from './types';

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A printer queue of the operating system (CUPS), for printers installed with a vendor driver.
 * The ESC/POS bytes go through unchanged (`lp -o raw`), so the receipt looks the same as on a
 * directly connected printer.
 */
export class SystemPrinter implements ReceiptPrinter {
  readonly kind = 'system';
  private readonly timeoutMs: number;

  constructor(
    private readonly name: string,
    private readonly cfg: PrinterConfig,
  ) {
    this.timeoutMs = cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async print(job: PrintJob): Promise<void> {
    const bytes = renderEscPos(job.doc, { columns: this.cfg.columns, type: this.cfg.type, cjk: this.cfg.cjk });
    const result = await run('lp', ['-d', this.name, '-o', 'raw', '-t', job.id], bytes, this.timeoutMs);
    if (result.code !== 0) {
      const reason = result.stderr.trim() || `lp exited with code ${result.code}`;
      const unknownQueue = /does not exist|unknown destination|not found/i.test(reason);
      throw new PrinterError(unknownQueue ? 'PRINTER_OFFLINE' : 'PRINTER_FAILED', `printer ${this.name}: ${reason}`);
    }
  }

  async status(): Promise<PrinterStatus> {
    try {
      const result = await run('lpstat', ['-p', this.name], Buffer.alloc(0), this.timeoutMs);
      if (result.code !== 0)
        return { connected: false, paper: 'unknown', detail: result.stderr.trim() || result.stdout.trim() };
      const disabled = /disabled/i.test(result.stdout);
      return { connected: !disabled, paper: 'unknown', detail: result.stdout.trim() };
    } catch (err) {
      return { connected: false, paper: 'unknown', detail: (err as Error).message };
    }
  }
}

/** Runs a command with `input` on stdin; a missing command is PRINTER_OFFLINE, a hanging one PRINTER_TIMEOUT. */
function run(command: string, args: string[], input: Buffer, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new PrinterError('PRINTER_TIMEOUT', `${command} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.stdin.on('error', () => undefined); // the exit code reports the failure
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const missing = e.code === 'ENOENT';
      reject(
        new PrinterError(
          missing ? 'PRINTER_OFFLINE' : 'PRINTER_FAILED',
          missing ? `${command} not found (install cups-client)` : e.message,
          {
            cause: e,
          },
        ),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(input);
  });
}
