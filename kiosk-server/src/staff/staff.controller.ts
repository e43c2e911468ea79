import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { renderCardPng } from '@kiosk/hardware';
import type { Request } from 'express';
import { CurrentStaff, StaffOnly } from '../sessions/auth.guards';
import { SessionStore, type StaffSession } from '../sessions/session.store';
import { StaffCardHolderResponse, StaffCardScanDto, StaffSessionResponse, StaffSignInDto } from './dto/staff.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@Controller('api/staff/sessions')
export class StaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly sessions: SessionStore,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: StaffSessionResponse })
  async signIn(@Body() body: StaffSignInDto, @Req() request: Request): Promise<StaffSessionResponse> {
    // the socket's peer, never a forwarded-for header a client could make up (behind a proxy: the proxy)
    const session = await this.staff.signIn(body.username, body.pin, request.socket.remoteAddress ?? 'unknown');
    return { token: session.token, role: session.role, displayName: session.displayName };
  }

  @Delete('current')
  @HttpCode(204)
  @StaffOnly('volunteer', 'admin')
  signOut(@CurrentStaff() session: StaffSession): void {
    this.sessions.end(session.token);
  }
}

@ApiTags('staff')
@Controller('api/staff/cards')
export class StaffCardsController {
  constructor(private readonly staff: StaffService) {}

  /** A staff card read on the kiosk: whose it is, so the sign-in asks only for the PIN. */
  @Post('scans')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffCardHolderResponse })
  holder(@Body() body: StaffCardScanDto): Promise<StaffCardHolderResponse> {
    return this.staff.cardHolder(body.qr);
  }

  @Get(':username.png')
  @StaffOnly('admin')
  @ApiProduces('image/png')
  @Header('Content-Type', 'image/png')
  async picture(@Param('username') username: string): Promise<StreamableFile> {
    return new StreamableFile(await renderCardPng(await this.staff.cardFace(username)));
  }
}
