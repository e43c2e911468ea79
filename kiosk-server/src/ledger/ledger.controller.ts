import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import { AwardPointsDto, AwardResponse, PassbookResponse } from './dto/ledger.dto';
import { toLedgerEntryResponse } from './dto/ledger-entry.mapper';
import { LedgerService } from './ledger.service';
import { PointsService } from './points.service';

// Still importable from here, where the mapper used to live.
export { toLedgerEntryResponse };

@ApiTags('ledger')
@Controller('api')
export class LedgerController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly points: PointsService,
  ) {}

  @Post('points/awards')
  @ApiCreatedResponse({ type: AwardResponse })
  @StaffOnly('admin')
  async award(@Body() body: AwardPointsDto, @CurrentStaff() staff: StaffSession): Promise<AwardResponse> {
    const entry = await this.points.award(body, staffActor(staff));
    return { entry: toLedgerEntryResponse(entry), account: { id: entry.accountId, balance: entry.balanceAfter } };
  }

  @Get('accounts/:id/ledger')
  @ApiOkResponse({ type: PassbookResponse })
  @StaffOnly('admin')
  async passbook(@Param('id', new ParseUUIDPipe()) id: string): Promise<PassbookResponse> {
    const { account, entries } = await this.ledger.passbook(id);
    return {
      account: { id: account.id, balance: account.balance, kind: account.kind, name: account.name },
      entries: entries.map(toLedgerEntryResponse),
    };
  }
}
