import type { PaperColumns, ReceiptDocument } from '../receipt/document';

export type PrinterErrorCode = 'PRINTER_OFFLINE' | 'PRINTER_PAPER_OUT' | 'PRINTER_TIMEOUT' | 'PRINTER_FAILED';

/** Every transport failure surfaces as one of these codes, so the caller can queue the receipt and say why. */
export class PrinterError extends Error {
  readonly code: PrinterErrorCode;

  constructor(code: PrinterErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PrinterError';
    this.code = code;
  }
}

export interface PrinterStatus {
  connected: boolean;
  paper: 'ok' | 'low' | 'out' | 'unknown';
  detail?: string;
  /**
   * Set for a network printer that does not answer status queries (PRINTER_STATUS=off, or learned
   * under auto): its receipts are sent without confirmation, so a job may print twice or be lost.
   */
  silent?: boolean;
}

export interface PrintJob {
  id: string;
  doc: ReceiptDocument;
}

export interface ReceiptPrinter {
  readonly kind: 'file' | 'tcp' | 'device' | 'system' | 'none';
  /** Resolves only when the printer accepted every byte; otherwise rejects with a PrinterError. */
  print(job: PrintJob): Promise<void>;
  status(): Promise<PrinterStatus>;
}

export interface PrinterConfig {
  /** PRINTER: 'file' (default) | 'none' | 'tcp://host:9100' | '/dev/usb/lp0' | 'printer:NAME' (a CUPS queue, sent raw). */
  uri: string;
  /** PRINTER_TYPE */
  type: 'epson' | 'star';
  columns: PaperColumns;
  cjk: 'gb18030' | 'raster';
  /** The file printer writes DATA_DIR/receipts/<job id>.bin (exact bytes), .txt and .png. */
  dataDir: string;
  /** Per step (connect, answer, write); default 5000. */
  timeoutMs?: number;
  /** PRINTER_STATUS for network printers: ask for status around each job (on), never (off), or until it proves silent (auto, the default). */
  statusMode?: PrinterStatusMode;
}

export type PrinterStatusMode = 'auto' | 'on' | 'off';

export const DEFAULT_TIMEOUT_MS = 5000;
