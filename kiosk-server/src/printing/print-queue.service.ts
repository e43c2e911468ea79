import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  buildRedemptionReceipt,
  buildTestPage,
  createPrinter,
  PrinterError,
  type ReceiptDocument,
  type ReceiptPrinter,
} from '@kiosk/hardware';
import { DataSource, type EntityManager, In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { WriteQueue } from '../database/write-queue';
import { MemberEntity } from '../members/member.entity';
import { RedemptionEntity, RedemptionLineEntity } from '../redemption/redemption.entity';
import { SettingsService } from '../settings/settings.service';
import { PrintJobEntity, type PrintJobKind } from './print-job.entity';
import { sqlRun } from '../database/sql';

export interface PrintStatus {
  status: 'queued' | 'printing' | 'printed' | 'failed' | 'disabled';
  jobId: string | null;
  error?: string | null;
}

const DISABLED: PrintStatus = { status: 'disabled', jobId: null };
const FIRST_RETRY_MS = 500;

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
    private readonly dataSource: DataSource,
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
          });
  }

  async onApplicationBootstrap(): Promise<void> {
    // A job caught mid-print by a crash or power cut is printed again: a duplicate slip beats a lost one.
    await this.writes.run((m) => m.update(PrintJobEntity, { status: 'printing' }, { status: 'queued' }));
    this.wake();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Adds a job in the caller's transaction; the worker starts after commit (see wake). */
  async enqueue(manager: EntityManager, redemptionId: string | null, kind: PrintJobKind): Promise<PrintStatus> {
    if (!this.printer) return DISABLED;
    const id = uuidv7();
    await sqlRun(
      manager,
      `INSERT INTO "print_jobs" ("id", "redemptionId", "kind", "status", "attempts", "lastError", "createdAt", "printedAt")
       VALUES (?, ?, ?, 'queued', 0, NULL, ?, NULL)`,
      [id, redemptionId, kind, new Date().toISOString()],
    );
    return { status: 'queued', jobId: id, error: null };
  }

  async reprint(redemptionId: string): Promise<PrintStatus> {
    const status = await this.writes.run(async (manager) => {
      if (!(await manager.existsBy(RedemptionEntity, { id: redemptionId }))) {
        throw DomainError.notFound('REDEMPTION_NOT_FOUND', 'No such redemption.');
      }
      return this.enqueue(manager, redemptionId, 'reprint');
    });
    this.requirePrinter(status);
    this.wake();
    return status;
  }

  async testPrint(): Promise<PrintStatus> {
    const status = await this.writes.run((manager) => this.enqueue(manager, null, 'test'));
    this.requirePrinter(status);
    this.wake();
    return status;
  }

  async statusOf(redemptionId: string): Promise<PrintStatus> {
    if (!this.printer) return DISABLED;
    const job = await this.dataSource
      .getRepository(PrintJobEntity)
      .findOne({ where: { redemptionId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return job ? { status: job.status, jobId: job.id, error: job.lastError } : DISABLED;
  }

  async jobStatus(jobId: string): Promise<PrintStatus> {
    const job = await this.dataSource.getRepository(PrintJobEntity).findOneBy({ id: jobId });
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
      const job = await this.dataSource.getRepository(PrintJobEntity).findOne({
        where: { status: In(['queued', 'failed']) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
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
    await this.setStatus(job.id, { status: 'printing', attempts: job.attempts + 1 });
    try {
      const document = await this.documentFor(job);
      await this.printer!.print({ id: job.id, doc: document });
      await this.setStatus(job.id, { status: 'printed', lastError: null, printedAt: new Date().toISOString() });
      this.failures = 0;
      return true;
    } catch (error) {
      this.failures += 1;
      const reason = error instanceof PrinterError ? `${error.code}: ${error.message}` : String(error);
      if (this.failures === 1) this.logger.warn(`print job ${job.id} failed (${reason}); retrying`);
      await this.setStatus(job.id, { status: 'failed', lastError: reason });
      return false;
    }
  }

  private setStatus(id: string, changes: Partial<PrintJobEntity>): Promise<unknown> {
    return this.writes.run((manager) => manager.update(PrintJobEntity, { id }, changes));
  }

  private async documentFor(job: PrintJobEntity): Promise<ReceiptDocument> {
    const settings = this.settings.current;
    if (!job.redemptionId) return buildTestPage(settings.storeName, this.config.printerColumns);
    const redemption = await this.dataSource.getRepository(RedemptionEntity).findOneByOrFail({ id: job.redemptionId });
    const lines = await this.dataSource.getRepository(RedemptionLineEntity).findBy({ redemptionId: redemption.id });
    const member = await this.dataSource.getRepository(MemberEntity).findOneByOrFail({ id: redemption.memberId });
    return buildRedemptionReceipt(
      {
        storeName: settings.storeName,
        kioskId: redemption.kioskId,
        receiptNo: redemption.receiptNo,
        createdAt: new Date(redemption.createdAt),
        memberName: member.name,
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
