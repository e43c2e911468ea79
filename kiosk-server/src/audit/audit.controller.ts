import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { VerifyResponse } from '../ledger/dto/ledger.dto';
import { LedgerService } from '../ledger/ledger.service';
import { StaffOnly } from '../sessions/auth.guards';

@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('verify')
  @ApiOkResponse({ type: VerifyResponse })
  @StaffOnly('admin')
  verify(): Promise<VerifyResponse> {
    return this.ledger.verify();
  }
}
