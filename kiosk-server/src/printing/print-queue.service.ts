import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  buildRedemptionReceipt,
  buildTestPage,
  createPrinter,
  PrinterError,
  type ReceiptDocument,
  type ReceiptPrinter,
} from '@kiosk/hardware';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import { SettingsService } from '../settings/settings.service';
import type { PrintJobEntity, PrintJobKind } from './print-job.entity';
import { PrintJobRepository } from './print-job.repository';

export interface PrintStatus {
  status: 'queued' | 'printing' | 'printed' | 'failed' | 'disabled';
  jobId: string | null;
  error?: string | null;
}

const DISABLED: PrintStatus = { status: 'disabled', jobId: null };
const FIRST_RETRY_MS = 500;
/** A receipt may be reprinted this often per minute and in all: enough for a jammed or lost slip, not for a paper roll of copies. */
export const REPRINTS_PER_MINUTE = 3;
export const REPRINTS_PER_RECEIPT = 10;

/**
 * Receipts are jobs in the database, written in the redemption's transaction. One worker prints
 * them in order after commit; while the printer is away it retries with growing pauses, and a
 * job is marked printed only after the printer took every byte.
 */
@Injectable()
export class PrintQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Printing');
  readonly printer: ReceiptPrinter | undefined;
  private running = false;
  private stopped = false;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly jobs: PrintJobRepository,
    private readonly writes: WriteQueue,
    private readonly settings: SettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.printer =
      config.printer === 'none'
        ? undefined
        : createPrinter({
            uri: config.printer,
            type: config.printerType,
            columns: config.printerColumns,
            cjk: config.printerCjk,
            dataDir: config.dataDir,
            timeoutMs: config.printerTimeoutMs,
            statusMode: config.printerStatus,
          });
  }

  async onApplicationBootstrap(): Promise<void> {
    // A job caught mid-print by a crash or power cut is printed again: a duplicate slip beats a lost one.
    await this.writes.run((tx) => this.jobs.requeueInterrupted(tx));
    this.wake();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Adds a job in the caller's transaction; the worker starts after commit (see wake). */
  async enqueue(tx: Tx, redemptionId: string | null, kind: PrintJobKind): Promise<PrintStatus> {
    if (!this.printer) return DISABLED;
    const id = uuidv7();
    await this.jobs.insert(tx, { id, redemptionId, kind, createdAt: new Date().toISOString() });
    return { status: 'queued', jobId: id, error: null };
  }

  /**
   * Queues another copy of a receipt for `actor` (logged). The limits are counted in the write
   * transaction, so reprints sent at once cannot slip past them together.
   */
  async reprint(redemptionId: string, actor: string): Promise<PrintStatus> {
    const status = await this.writes.run(async (tx) => {
      if (!(await this.jobs.redemptionExists(tx, redemptionId))) {
        throw DomainError.notFound('REDEMPTION_NOT_FOUND', 'No such redemption.');
      }
      if (this.printer) await this.checkReprintLimits(tx, redemptionId);
      return this.enqueue(tx, redemptionId, 'reprint');
    });
    this.requirePrinter(status);
    this.logger.log(`receipt of redemption ${redemptionId} reprinted by ${actor} (job ${status.jobId})`);
    this.wake();
    return status;
  }

  private async checkReprintLimits(tx: Tx, redemptionId: string): Promise<void> {
    const times = (await this.jobs.reprintTimes(tx, redemptionId)).map((time) => Date.parse(time));
    if (times.length >= REPRINTS_PER_RECEIPT) {
      throw new DomainError(429, 'REPRINT_LIMIT', `This receipt has been reprinted ${times.length} times already.`, {
        limit: REPRINTS_PER_RECEIPT,
        reprints: times.length,
      });
    }
    const now = Date.now();
    const lastMinute = times.filter((time) => now - time < 60_000).sort((a, b) => a - b);
    if (lastMinute.length >= REPRINTS_PER_MINUTE) {
      const retryAfterSeconds = Math.max(1, Math.ceil((lastMinute[0]! + 60_000 - now) / 1000));
      throw new DomainError(
        429,
        'REPRINT_LIMIT',
        `Too many reprints of this receipt; try again in ${retryAfterSeconds} s.`,
        {
          limit: REPRINTS_PER_MINUTE,
          retryAfterSeconds,
        },
      );
    }
  }

  async testPrint(): Promise<PrintStatus> {
    const status = await this.writes.run((tx) => this.enqueue(tx, null, 'test'));
    this.requirePrinter(status);
    this.wake();
    return status;
  }

  async statusOf(redemptionId: string): Promise<PrintStatus> {
    if (!this.printer) return DISABLED;
    const job = await this.jobs.latestOf(redemptionId);
    return job ? { status: job.status, jobId: job.id, error: job.lastError } : DISABLED;
  }

  /** Every print of a redemption's receipt, oldest first, for staff. */
  jobsOf(redemptionId: string): Promise<PrintJobEntity[]> {
    return this.jobs.jobsOf(redemptionId);
  }

  async jobStatus(jobId: string): Promise<PrintStatus> {
    const job = await this.jobs.find(jobId);
    if (!job) throw DomainError.notFound('PRINT_JOB_NOT_FOUND', 'No such print job.');
    return { status: job.status, jobId: job.id, error: job.lastError };
  }

  /** Starts the worker unless it is already running or waiting out a retry pause. */
  wake(): void {
    if (!this.printer || this.running || this.stopped || this.timer) return;
    this.running = true;
    void this.drain().finally(() => (this.running = false));
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const job = await this.jobs.next();
      if (!job) return;
      if (!(await this.printOne(job))) {
        const pause = Math.min(this.config.printRetryMaxMs, FIRST_RETRY_MS * 2 ** Math.min(this.failures - 1, 16));
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.wake();
        }, pause);
        return;
      }
    }
  }

  private async printOne(job: PrintJobEntity): Promise<boolean> {
    await this.writes.run((tx) => this.jobs.markPrinting(tx, job.id, job.attempts + 1));
    try {
      const document = await this.documentFor(job);
      await this.printer!.print({ id: job.id, doc: document });
      await this.writes.run((tx) => this.jobs.markPrinted(tx, job.id, new Date().toISOString()));
      this.failures = 0;
      return true;
    } catch (error) {
      this.failures += 1;
      const reason = error instanceof PrinterError ? `${error.code}: ${error.message}` : String(error);
      if (this.failures === 1) this.logger.warn(`print job ${job.id} failed (${reason}); retrying`);
      await this.writes.run((tx) => this.jobs.markFailed(tx, job.id, reason));
      return false;
    }
  }

  private async documentFor(job: PrintJobEntity): Promise<ReceiptDocument> {
    const settings = this.settings.current;
    if (!job.redemptionId) return buildTestPage(settings.storeName, this.config.printerColumns);
    const receipt = await this.jobs.receipt(job.redemptionId);
    if (!receipt) throw new Error(`redemption ${job.redemptionId} not found`);
    const { redemption, memberName, lines } = receipt;
    return buildRedemptionReceipt(
      {
        storeName: settings.storeName,
        kioskId: redemption.kioskId,
        receiptNo: redemption.receiptNo,
        createdAt: new Date(redemption.createdAt),
        memberName,
        lines: lines.map((line) => ({
          name: line.productName,
          quantity: line.quantity,
          pricePoints: line.pricePoints,
          lineTotal: line.lineTotal,
        })),
        totalPoints: redemption.totalPoints,
        balanceBefore: redemption.balanceBefore,
        balanceAfter: redemption.balanceAfter,
        header: settings.receiptHeader || undefined,
        footer: settings.receiptFooter || undefined,
        copy: job.kind === 'reprint',
      },
      this.config.printerColumns,
    );
  }

  private requirePrinter(status: PrintStatus): void {
    if (status.status === 'disabled') {
      throw DomainError.conflict('PRINTER_DISABLED', 'No printer is configured (PRINTER=none).');
    }
  }
}
