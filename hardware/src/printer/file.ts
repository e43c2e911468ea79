import fs from 'node:fs/promises';
import path from 'node:path';
import { renderEscPos } from '../render/escpos';
import { renderPng } from '../render/png';
import { renderText } from '../render/text';
import { PrinterError, type PrintJob, type PrinterConfig, type PrinterStatus, type ReceiptPrinter } from './types';

/** Job ids become file names: no separators, no leading dot. */
const SAFE_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/**
 * The default printer of a fresh install: every receipt is kept in DATA_DIR/receipts as the exact
 * bytes a printer would get (.bin), readable text (.txt) and a picture (.png).
 */
export class FilePrinter implements ReceiptPrinter {
  readonly kind = 'file';
  readonly dir: string;

  constructor(private readonly cfg: PrinterConfig) {
    this.dir = path.join(cfg.dataDir, 'receipts');
  }

  async print(job: PrintJob): Promise<void> {
    if (!SAFE_ID.test(job.id))
      throw new PrinterError('PRINTER_FAILED', `job id ${JSON.stringify(job.id)} cannot be used as a file name`);
    const { columns, type, cjk } = this.cfg;
    try {
      const bytes = renderEscPos(job.doc, { columns, type, cjk });
      const png = await renderPng(job.doc, columns);
      await fs.mkdir(this.dir, { recursive: true });
      await writeAtomically(path.join(this.dir, `${job.id}.png`), png);
      await writeAtomically(path.join(this.dir, `${job.id}.txt`), renderText(job.doc, columns));
      // The .bin last: its presence means the whole job is there.
      await writeAtomically(path.join(this.dir, `${job.id}.bin`), bytes);
    } catch (err) {
      throw new PrinterError('PRINTER_FAILED', `could not write receipt ${job.id}: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  async status(): Promise<PrinterStatus> {
    return { connected: true, paper: 'unknown', detail: `receipts are saved in ${this.dir}` };
  }
}

/** Write to a temporary name and rename, so a crash never leaves half a file under the real name. */
async function writeAtomically(file: string, data: Buffer | string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}
