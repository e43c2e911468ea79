import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { VerifyResponse } from '../ledger/dto/ledger.dto';
import { LedgerService } from '../ledger/ledger.service';
import { StaffOnly } from '../sessions/auth.guards';
import { AuditTrailService } from './audit-trail.service';
import { AdminChangeResponse, AdminChangesQuery, AuditActorResponse } from './dto/audit.dto';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly trail: AuditTrailService,
  ) {}

  @Get('verify')
  @ApiOkResponse({ type: VerifyResponse })
  @StaffOnly('admin')
  verify(): Promise<VerifyResponse> {
    return this.ledger.verify();
  }

  @Get('changes')
  @ApiOkResponse({ type: [AdminChangeResponse] })
  @StaffOnly('admin')
  changes(@Query() query: AdminChangesQuery): Promise<AdminChangeResponse[]> {
    return this.trail.list({ ...query, limit: query.limit ?? 50 });
  }

  @Get('actors')
  @ApiOkResponse({ type: [AuditActorResponse] })
  @StaffOnly('admin')
  actors(): Promise<AuditActorResponse[]> {
    return this.trail.actors();
  }
}
