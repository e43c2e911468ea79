import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig, type KioskRole } from '../config/app-config';
import { BackupService } from '../backup/backup.service';
import { BackupHealthResponse } from '../backup/dto/backup.dto';
import { PrintQueue } from '../printing/print-queue.service';
import { bearer } from '../sessions/auth.guards';
import { SessionStore } from '../sessions/session.store';
import { SettingsService } from '../settings/settings.service';
import { HealthRepository } from './health.repository';

class PrinterHealth {
  @ApiProperty() kind!: string;
  @ApiProperty() connected!: boolean;
  @ApiProperty({ enum: ['ok', 'low', 'out', 'unknown'] }) paper!: string;
  @ApiProperty({ required: false, description: 'Staff only: where receipts go, or why the printer is away' })
  detail?: string;
  @ApiProperty({
    required: false,
    description:
      'The printer does not answer status queries (PRINTER_STATUS=off, or learned under auto): receipts are sent without confirmation',
  })
  silent?: boolean;
}

class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: string;
  @ApiProperty({ enum: ['ok', 'error'] }) db!: string;
  @ApiProperty() printer!: PrinterHealth;
  @ApiProperty() kioskId!: string;
  @ApiProperty({ enum: ['kiosk', 'hub'] }) role!: KioskRole;
  @ApiProperty({ description: 'Whether backups work; the staff console says a failure in words' })
  backup!: BackupHealthResponse;
}

const STATUS_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly database: HealthRepository,
    private readonly printQueue: PrintQueue,
    private readonly settings: SettingsService,
    private readonly backups: BackupService,
    private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Whether the kiosk works',
    description:
      'Public; a staff token may be sent. Without one the answer leaves out the printer detail and the backup message: they may name the data directory or the USB stick, which is no business of anyone on the store network.',
  })
  @ApiOkResponse({ type: HealthResponse })
  async health(@Req() request: Request): Promise<HealthResponse> {
    const db = (await this.database.ping()) ? 'ok' : 'error';
    const printer = await this.printer();
    const backup = this.backups.health();
    const response: HealthResponse = {
      status: db === 'ok' ? 'ok' : 'degraded',
      db,
      printer,
      kioskId: this.settings.kioskId,
      role: this.config.role,
      backup,
    };
    if (this.isStaff(request)) return response;
    const { detail: _printerDetail, ...publicPrinter } = printer;
    const { message: _backupMessage, ...publicBackup } = backup;
    return { ...response, printer: publicPrinter, backup: publicBackup };
  }

  /** A wrong or stale token is no error here: the caller just gets the public answer. */
  private isStaff(request: Request): boolean {
    const token = bearer(request);
    return token !== undefined && this.sessions.use(token)?.kind === 'staff';
  }

  private async printer(): Promise<PrinterHealth> {
    const printer = this.printQueue.printer;
    if (!printer) return { kind: 'none', connected: false, paper: 'unknown', detail: 'PRINTER=none' };
    const timeout = new Promise<PrinterHealth>((resolve) =>
      setTimeout(
        () => resolve({ kind: printer.kind, connected: false, paper: 'unknown', detail: 'no answer' }),
        STATUS_TIMEOUT_MS,
      ).unref(),
    );
    const status = printer.status().then(
      (s) => ({ kind: printer.kind, ...s }),
      (error: unknown) => ({ kind: printer.kind, connected: false, paper: 'unknown', detail: String(error) }),
    );
    return Promise.race([status, timeout]);
  }
}
