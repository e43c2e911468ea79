import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { HubService } from './hub.service';

/** The district admin's routes at the hub. */
@ApiTags('hub')
@Controller('api/hub')
@UseGuards(HubRoleGuard)
export class HubController {
  constructor(private readonly hub: HubService) {}

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
}
