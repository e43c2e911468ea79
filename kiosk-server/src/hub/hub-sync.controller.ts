import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import {
  DigestRequest,
  DigestResponse,
  EnrolRequest,
  EnrolResponse,
  OriginRequest,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../sync/dto/protocol.dto';
import { SIGNATURE_HEADERS } from '../sync/request-signature';
import type { HubKioskEntity } from './hub-kiosk.entity';
import { HubRoleGuard } from './hub-role.guard';
import { HubService, type SignedRequest } from './hub.service';

/** The body as it came over the wire: the signature covers these bytes (see app.ts). */
export type RawBodyRequest = Request & { rawBody?: Buffer };

/** The routes kiosks call, each signed with the kiosk's device key (SYNC.md "Identity and trust"). */
@ApiTags('hub sync')
@Controller('api/hub/sync')
@UseGuards(HubRoleGuard)
export class HubSyncController {
  constructor(private readonly hub: HubService) {}

  @Post('enrol')
  @HttpCode(200)
  @ApiOperation({ summary: 'A kiosk binds its device key with a one-time enrolment code' })
  @ApiOkResponse({ type: EnrolResponse })
  async enrol(@Req() request: RawBodyRequest, @Body() body: EnrolRequest): Promise<EnrolResponse> {
    await this.hub.authenticate(signed(request), body.publicKey);
    return this.hub.enrol(String(request.headers[SIGNATURE_HEADERS.key]), body);
  }

  @Post('origin')
  @HttpCode(200)
  @ApiOperation({ summary: 'A kiosk restored from a backup goes on under a new id' })
  @ApiOkResponse({ type: OriginRequest })
  async origin(@Req() request: RawBodyRequest, @Body() body: OriginRequest): Promise<OriginRequest> {
    return this.hub.takeOrigin(await this.kiosk(request), body.origin);
  }

  @Post('push')
  @HttpCode(200)
  @ApiOperation({ summary: "A kiosk's journal rows after the hub's acknowledged sequence" })
  @ApiOkResponse({ type: PushResponse })
  async push(@Req() request: RawBodyRequest, @Body() body: PushRequest): Promise<PushResponse> {
    return this.hub.push(await this.kiosk(request), body.rows);
  }

  @Post('pull')
  @HttpCode(200)
  @ApiOperation({ summary: "The store's changes after the kiosk's cursor" })
  @ApiOkResponse({ type: PullResponse })
  async pull(@Req() request: RawBodyRequest, @Body() body: PullRequest): Promise<PullResponse> {
    return this.hub.pull(await this.kiosk(request), body.after, body.limit);
  }

  @Post('digest')
  @HttpCode(200)
  @ApiOperation({ summary: 'Compare what the kiosk holds with the hub, per origin' })
  @ApiOkResponse({ type: DigestResponse })
  async digest(@Req() request: RawBodyRequest, @Body() body: DigestRequest): Promise<DigestResponse> {
    return this.hub.digest(await this.kiosk(request), body);
  }

  private async kiosk(request: RawBodyRequest): Promise<HubKioskEntity> {
    const kiosk = await this.hub.authenticate(signed(request));
    if (!kiosk?.origin)
      throw DomainError.unauthorized('SIGNATURE_INVALID', 'Sync request refused: the kiosk is not enrolled.');
    return kiosk;
  }
}

function signed(request: RawBodyRequest): SignedRequest {
  return {
    method: request.method,
    path: request.originalUrl,
    headers: request.headers,
    rawBody: request.rawBody ?? Buffer.alloc(0),
  };
}
