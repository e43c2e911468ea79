import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import { SetHubDto, SyncRoundResponse, SyncStatusResponse } from './dto/sync.dto';
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

  @Put('hub')
  @StaffOnly('admin')
  @ApiOperation({
    summary: 'Enrol this kiosk with an enrolment code typed or scanned at the console, then sync',
    description:
      'Only before the kiosk is enrolled (409 ALREADY_ENROLLED). 409 DEMO_DATA_PRESENT on a kiosk holding the demo store: start a kiosk for a hub on an empty DATA_DIR. Answers like POST /api/sync/run.',
  })
  @ApiOkResponse({ type: SyncRoundResponse })
  setHub(@Body() body: SetHubDto, @CurrentStaff() staff: StaffSession): Promise<SyncRoundResponse> {
    return this.sync.enrolWith(body.enrolmentCode, body.hubUrl, staffActor(staff));
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
