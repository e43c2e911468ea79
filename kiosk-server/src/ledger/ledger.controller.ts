import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import { AwardPointsDto, AwardResponse, LedgerEntryResponse, PassbookResponse } from './dto/ledger.dto';
import type { LedgerEntryEntity } from './ledger-entry.entity';
import { LedgerService } from './ledger.service';
import { PointsService } from './points.service';

export function toLedgerEntryResponse(entry: LedgerEntryEntity): LedgerEntryResponse {
  return {
    id: entry.id,
    delta: entry.delta,
    balanceAfter: entry.balanceAfter,
    kind: entry.kind,
    reason: entry.reason,
    actor: entry.actor,
    kioskId: entry.kioskId,
    seq: entry.seq,
    createdAt: entry.createdAt,
    hash: entry.hash,
  };
}

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
