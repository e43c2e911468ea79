import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { renderCardPng } from '@kiosk/hardware';
import { CardsService } from '../cards/cards.service';
import { DomainError } from '../common/domain-error';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import {
  CardSheetQuery,
  LookupMemberDto,
  MemberDetail,
  MemberListItem,
  MemberListQuery,
  MemberLookupResponse,
  MoveMemberDto,
  UpdateMemberDto,
} from './dto/member-admin.dto';
import { CardResponse, RegisteredMemberResponse, RegisterMemberDto } from './dto/member.dto';
import { CardSheets } from './card-sheets';
import { MemberDirectory } from './member-directory.service';
import { MembersService, toMemberSummary } from './members.service';

@ApiTags('members')
@Controller('api/members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly directory: MemberDirectory,
    private readonly cards: CardsService,
    private readonly sheets: CardSheets,
  ) {}

  @Get()
  @ApiOkResponse({ type: [MemberListItem] })
  @StaffOnly('volunteer', 'admin')
  list(@Query() query: MemberListQuery): Promise<MemberListItem[]> {
    return this.directory.list(query.q, query.limit, query.household);
  }

  @Post()
  @ApiCreatedResponse({ type: RegisteredMemberResponse })
  @StaffOnly('admin')
  async register(
    @Body() body: RegisterMemberDto,
    @CurrentStaff() staff: StaffSession,
  ): Promise<RegisteredMemberResponse> {
    const { member, account, card } = await this.members.register(body.name, body.household, staffActor(staff));
    return { member: toMemberSummary(member), account: { id: account.id, balance: account.balance }, card };
  }

  @Post('lookup')
  @ApiOkResponse({ type: MemberLookupResponse })
  @HttpCode(200)
  @StaffOnly('volunteer', 'admin')
  lookup(@Body() body: LookupMemberDto): Promise<MemberLookupResponse> {
    return this.directory.lookup(body.qr);
  }

  @Get('cards/sheet.pdf')
  @StaffOnly('admin')
  @ApiProduces('application/pdf')
  @Header('Content-Type', 'application/pdf')
  @Header('Content-Disposition', 'attachment; filename="member-cards.pdf"')
  async cardSheet(@Query() query: CardSheetQuery): Promise<StreamableFile> {
    const faces = await this.cards.activeFaces(query.memberIds);
    if (query.memberIds && faces.length === 0) {
      throw DomainError.notFound('CARD_NOT_FOUND', 'None of these members has an active card.');
    }
    return new StreamableFile(await this.sheets.sheet(faces));
  }

  @Get(':id')
  @ApiOkResponse({ type: MemberDetail })
  @StaffOnly('admin')
  detail(@Param('id', new ParseUUIDPipe()) id: string): Promise<MemberDetail> {
    return this.directory.detail(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: MemberDetail })
  @StaffOnly('admin')
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateMemberDto,
    @CurrentStaff() staff: StaffSession,
  ): Promise<MemberDetail> {
    await this.members.update(id, body, staffActor(staff));
    return this.directory.detail(id);
  }

  @Post(':id/move')
  @ApiOkResponse({ type: MemberDetail })
  @HttpCode(200)
  @StaffOnly('admin')
  async move(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MoveMemberDto,
    @CurrentStaff() staff: StaffSession,
  ): Promise<MemberDetail> {
    await this.members.move(id, body, staffActor(staff));
    return this.directory.detail(id);
  }

  @Post(':id/cards')
  @ApiCreatedResponse({ type: CardResponse })
  @HttpCode(201)
  @StaffOnly('admin')
  reissueCard(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentStaff() staff: StaffSession,
  ): Promise<CardResponse> {
    return this.members.reissueCard(id, staffActor(staff));
  }

  @Get(':id/card.png')
  @StaffOnly('admin')
  @ApiProduces('image/png')
  @Header('Content-Type', 'image/png')
  async cardPicture(@Param('id', new ParseUUIDPipe()) id: string): Promise<StreamableFile> {
    const [face] = await this.cards.activeFaces(id);
    if (!face) throw DomainError.notFound('CARD_NOT_FOUND', 'This member has no active card.');
    return new StreamableFile(await renderCardPng(face));
  }
}
