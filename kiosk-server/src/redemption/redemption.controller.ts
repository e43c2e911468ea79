import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../common/domain-error';
import { PrintQueue } from '../printing/print-queue.service';
import {
  CurrentResident,
  CurrentSession,
  CurrentStaff,
  ResidentOnly,
  SignedIn,
  StaffOnly,
  staffActor,
} from '../sessions/auth.guards';
import type { ResidentSession, Session, StaffSession } from '../sessions/session.store';
import {
  CreateRedemptionDto,
  PrintStatusResponse,
  RedemptionPageResponse,
  RedemptionResponse,
  RedemptionSearchQuery,
  VoidRedemptionDto,
  VoidResponse,
} from './dto/redemption.dto';
import { RedemptionSearchService } from './redemption-search.service';
import { RedemptionService } from './redemption.service';

@ApiTags('redemptions')
@Controller('api/redemptions')
export class RedemptionController {
  constructor(
    private readonly redemptions: RedemptionService,
    private readonly search: RedemptionSearchService,
    private readonly printQueue: PrintQueue,
  ) {}

  @Get()
  @ApiOkResponse({ type: RedemptionPageResponse })
  @StaffOnly('volunteer', 'admin')
  list(@Query() query: RedemptionSearchQuery): Promise<RedemptionPageResponse> {
    return this.search.search({ ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  }

  @Get('by-receipt/:receiptNo')
  @ApiOkResponse({ type: RedemptionResponse, description: 'With the staff fields; the receipt QR carries the number' })
  @StaffOnly('volunteer', 'admin')
  byReceipt(@Param('receiptNo') receiptNo: string): Promise<RedemptionResponse> {
    return this.search.byReceiptNo(receiptNo);
  }

  @Post()
  @ApiCreatedResponse({ type: RedemptionResponse })
  @HttpCode(201)
  @ResidentOnly()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '8–100 printable characters, new for each checkout',
  })
  async redeem(
    @Body() body: CreateRedemptionDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentResident() session: ResidentSession,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RedemptionResponse> {
    const outcome = await this.redemptions.redeem(session, key, body.items);
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return outcome.response;
  }

  @Get(':id')
  @ApiOkResponse({ type: RedemptionResponse })
  @SignedIn()
  async find(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentSession() session: Session,
  ): Promise<RedemptionResponse> {
    if (session.kind === 'staff') return this.search.detail(id);
    const redemption = await this.redemptions.find(id);
    if (redemption.accountId !== session.accountId) {
      throw DomainError.notFound('REDEMPTION_NOT_FOUND', 'No such redemption.');
    }
    return redemption;
  }

  @Post(':id/void')
  @ApiOkResponse({ type: VoidResponse })
  @HttpCode(200)
  @StaffOnly('admin')
  void(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: VoidRedemptionDto,
    @CurrentStaff() staff: StaffSession,
  ): Promise<VoidResponse> {
    return this.redemptions.voidRedemption(id, body.reason.trim(), staffActor(staff));
  }

  @Post(':id/reprint')
  @ApiAcceptedResponse({ type: PrintStatusResponse })
  @HttpCode(202)
  @StaffOnly('volunteer', 'admin')
  reprint(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentStaff() staff: StaffSession,
  ): Promise<PrintStatusResponse> {
    return this.printQueue.reprint(id, staffActor(staff));
  }
}
