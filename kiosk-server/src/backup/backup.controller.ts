import { Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createReadStream, statSync } from 'node:fs';
import { CurrentStaff, StaffOnly } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import { BackupService } from './backup.service';
import { BackupMadeResponse, BackupOverviewResponse } from './dto/backup.dto';

@ApiTags('backups')
@Controller('api/backups')
export class BackupController {
  constructor(private readonly backups: BackupService) {}

  @Get()
  @StaffOnly('admin')
  @ApiOkResponse({ type: BackupOverviewResponse })
  overview(): BackupOverviewResponse {
    return this.backups.overview();
  }

  /** A backup now, into the backup folder; 409 with a BACKUP_… code when it cannot be made. */
  @Post()
  @HttpCode(201)
  @StaffOnly('admin')
  @ApiCreatedResponse({ type: BackupMadeResponse })
  run(@CurrentStaff() staff: StaffSession): Promise<BackupMadeResponse> {
    return this.backups.run('manual', staff.username);
  }

  @Get('files/:name')
  @StaffOnly('admin')
  @ApiParam({ name: 'name', example: 'kiosk-K3F2A1B-20261122-200000.backup' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The encrypted backup file', schema: { type: 'string', format: 'binary' } })
  download(@Param('name') name: string): StreamableFile {
    const path = this.backups.pathOf(name);
    return new StreamableFile(createReadStream(path), {
      type: 'application/octet-stream',
      length: statSync(path).size,
      disposition: `attachment; filename="${name}"`,
    });
  }
}
