import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import {
  CreatedKioskResponse,
  CreateKioskDto,
  HubKioskResponse,
  OverdraftResponse,
  ResolveOverdraftDto,
  RevokeKioskDto,
} from './dto/hub.dto';
import { HubRoleGuard } from './hub-role.guard';
import { UsbHubImportResponse } from '../sync/dto/usb.dto';
import { fileBytes, USB_FILE_TYPE } from '../sync/usb-body';
import { HubService } from './hub.service';
import { HubUsbService } from './hub-usb.service';

/** The district admin's routes at the hub. */
@ApiTags('hub')
@Controller('api/hub')
@UseGuards(HubRoleGuard)
export class HubController {
  constructor(
    private readonly hub: HubService,
    private readonly usb: HubUsbService,
  ) {}

  @Post('kiosks')
  @StaffOnly('admin')
  @ApiOperation({ summary: 'Create a kiosk of a store and give out its one-time enrolment code' })
  @ApiCreatedResponse({ type: CreatedKioskResponse })
  createKiosk(@Body() body: CreateKioskDto, @CurrentStaff() staff: StaffSession): Promise<CreatedKioskResponse> {
    return this.hub.createKiosk(body.store, body.name, staffActor(staff));
  }

  @Get('kiosks')
  @StaffOnly('admin')
  @ApiOkResponse({ type: [HubKioskResponse] })
  kiosks(): Promise<HubKioskResponse[]> {
    return this.hub.listKiosks();
  }

  @Post('kiosks/:kioskId/revoke')
  @HttpCode(200)
  @StaffOnly('admin')
  @ApiOperation({ summary: "Refuse a kiosk's sync requests from now on" })
  @ApiOkResponse({ type: HubKioskResponse })
  revoke(
    @Param('kioskId') kioskId: string,
    @Body() body: RevokeKioskDto,
    @CurrentStaff() staff: StaffSession,
  ): Promise<HubKioskResponse> {
    return this.hub.revokeKiosk(kioskId, body.reason, staffActor(staff));
  }

  @Post('overdrafts/:id/resolve')
  @HttpCode(200)
  @StaffOnly('admin')
  @ApiOperation({ summary: 'Resolve an overdraft: write it off, or leave it for later awards to cover' })
  @ApiOkResponse({ type: OverdraftResponse })
  resolve(
    @Param('id') id: string,
    @Body() body: ResolveOverdraftDto,
    @CurrentStaff() staff: StaffSession,
  ): Promise<OverdraftResponse> {
    return this.hub.resolveOverdraft(id, body.mode, body.reason.trim(), staffActor(staff));
  }

  @Get('overdrafts')
  @StaffOnly('admin')
  @ApiOperation({ summary: 'Accounts whose merged balance went below zero, with the spends and kiosks involved' })
  @ApiOkResponse({ type: [OverdraftResponse] })
  overdrafts(): Promise<OverdraftResponse[]> {
    return this.hub.overdrafts();
  }

  @Post('usb/import')
  @HttpCode(200)
  @StaffOnly('admin')
  @ApiConsumes(USB_FILE_TYPE)
  @ApiBody({ description: "A kiosk's export file, unchanged", schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: "Import a store kiosk's USB export (as a signed push) and answer with the file to take back",
    description:
      "The answer carries the acknowledgement, the store's changes after the kiosk's cursor and the digest, signed by the hub. Refused, changing nothing: USB_FILE_DAMAGED, USB_WRONG_KIND, USB_KIOSK_UNKNOWN, USB_FILE_OLD (409), KIOSK_REVOKED (403), CHAIN_BROKEN (409).",
  })
  @ApiOkResponse({ type: UsbHubImportResponse })
  importUsb(@Body() body: unknown, @CurrentStaff() staff: StaffSession): Promise<UsbHubImportResponse> {
    return this.usb.importFile(fileBytes(body), staffActor(staff));
  }
}
