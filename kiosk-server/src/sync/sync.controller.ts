import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../sessions/auth.guards';
import { SyncRoundResponse, SyncStatusResponse } from './dto/sync.dto';
import { SyncService } from './sync.service';

@ApiTags('sync')
@Controller('api/sync')
export class SyncController {
  constructor(private readonly sync: SyncService) {}

  @Get('status')
  @StaffOnly('admin')
  @ApiOkResponse({ type: SyncStatusResponse })
  status(): Promise<SyncStatusResponse> {
    return this.sync.status();
  }

  @Post('run')
  @HttpCode(200)
  @StaffOnly('admin')
  @ApiOperation({
    summary: 'One sync round now: push, pull, digest',
    description:
      'Answers when the round is done. HUB_UNREACHABLE (503) when the hub cannot be reached; the hub refusing gives 409 with its code (KIOSK_REVOKED, ENROLMENT_CODE_USED, CHAIN_BROKEN …).',
  })
  @ApiOkResponse({ type: SyncRoundResponse })
  run(): Promise<SyncRoundResponse> {
    return this.sync.run();
  }
}
