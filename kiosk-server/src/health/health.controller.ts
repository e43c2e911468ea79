import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { BackupService } from '../backup/backup.service';
import { BackupHealthResponse } from '../backup/dto/backup.dto';
import { PrintQueue } from '../printing/print-queue.service';
import { SettingsService } from '../settings/settings.service';
import { HealthRepository } from './health.repository';

class PrinterHealth {
  @ApiProperty() kind!: string;
  @ApiProperty() connected!: boolean;
  @ApiProperty({ enum: ['ok', 'low', 'out', 'unknown'] }) paper!: string;
  @ApiProperty({ required: false }) detail?: string;
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
  ) {}

  @Get()
  @ApiOkResponse({ type: HealthResponse })
  async health(): Promise<HealthResponse> {
    const db = (await this.database.ping()) ? 'ok' : 'error';
    const printer = await this.printer();
    return {
      status: db === 'ok' ? 'ok' : 'degraded',
      db,
      printer,
      kioskId: this.settings.kioskId,
      backup: this.backups.health(),
    };
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
