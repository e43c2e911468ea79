import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { renderCardPng } from '@kiosk/hardware';
import type { Request } from 'express';
import { ParseIdPipe } from '../catalog/parse-id.pipe';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import { SessionStore, type StaffSession } from '../sessions/session.store';
import {
  ChangeOwnPinDto,
  CreateStaffDto,
  ResetPinDto,
  SignInNameResponse,
  StaffCardHolderResponse,
  StaffCardScanDto,
  StaffMemberResponse,
  StaffSessionResponse,
  StaffSignInDto,
  UpdateStaffDto,
} from './dto/staff.dto';
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

/** The people who may sign in: an admin adds, renames, deactivates them and resets their PINs. */
@ApiTags('staff')
@Controller('api/staff')
export class StaffPeopleController {
  constructor(private readonly staff: StaffService) {}

  /**
   * The names on the sign-in screen, for anyone on the kiosk's network: names and usernames only
   * (no roles, no ids). Tapping a name replaces spelling a username; the PIN is still needed, and
   * wrong PINs are limited per person.
   */
  @Get('sign-in-names')
  @ApiOkResponse({ type: [SignInNameResponse] })
  signInNames(): Promise<SignInNameResponse[]> {
    return this.staff.signInNames();
  }

  @Get()
  @StaffOnly('admin')
  @ApiOkResponse({ type: [StaffMemberResponse] })
  list(): Promise<StaffMemberResponse[]> {
    return this.staff.list();
  }

  @Post()
  @StaffOnly('admin')
  @ApiCreatedResponse({ type: StaffMemberResponse })
  create(@Body() body: CreateStaffDto, @CurrentStaff() session: StaffSession): Promise<StaffMemberResponse> {
    return this.staff.create(body, staffActor(session));
  }

  /** Any signed-in staff member changes their own PIN (the current one is asked). */
  @Put('current/pin')
  @HttpCode(204)
  @StaffOnly('volunteer', 'admin')
  @ApiNoContentResponse()
  async changeOwnPin(
    @Body() body: ChangeOwnPinDto,
    @CurrentStaff() session: StaffSession,
    @Req() request: Request,
  ): Promise<void> {
    await this.staff.changeOwnPin(session, body.currentPin, body.newPin, request.socket.remoteAddress ?? 'unknown');
  }

  @Patch(':id')
  @StaffOnly('admin')
  @ApiOkResponse({ type: StaffMemberResponse })
  update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateStaffDto,
    @CurrentStaff() session: StaffSession,
  ): Promise<StaffMemberResponse> {
    return this.staff.update(id, body, staffActor(session));
  }

  /** Sets a new PIN for someone who forgot theirs, and lifts any lock on them. */
  @Post(':id/pin')
  @HttpCode(204)
  @StaffOnly('admin')
  @ApiNoContentResponse()
  async resetPin(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ResetPinDto,
    @CurrentStaff() session: StaffSession,
  ): Promise<void> {
    await this.staff.resetPin(id, body.pin, staffActor(session));
  }

  @Get(':id/card.png')
  @StaffOnly('admin')
  @ApiProduces('image/png')
  @Header('Content-Type', 'image/png')
  async card(@Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    return new StreamableFile(await renderCardPng(await this.staff.cardFaceById(id)));
  }
}
