import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { renderCardPng, renderCardSheetPdf } from '@kiosk/hardware';
import { CardsService } from '../cards/cards.service';
import { DomainError } from '../common/domain-error';
import { StaffOnly } from '../sessions/auth.guards';
import { CardResponse, RegisteredMemberResponse, RegisterMemberDto } from './dto/member.dto';
import { MembersService, toMemberSummary } from './members.service';

@ApiTags('members')
@Controller('api/members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly cards: CardsService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: RegisteredMemberResponse })
  @StaffOnly('admin')
  async register(@Body() body: RegisterMemberDto): Promise<RegisteredMemberResponse> {
    const { member, account, card } = await this.members.register(body.name, body.household);
    return { member: toMemberSummary(member), account: { id: account.id, balance: account.balance }, card };
  }

  @Post(':id/cards')
  @ApiCreatedResponse({ type: CardResponse })
  @HttpCode(201)
  @StaffOnly('admin')
  reissueCard(@Param('id', new ParseUUIDPipe()) id: string): Promise<CardResponse> {
    return this.members.reissueCard(id);
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

  @Get('cards/sheet.pdf')
  @StaffOnly('admin')
  @ApiProduces('application/pdf')
  @Header('Content-Type', 'application/pdf')
  @Header('Content-Disposition', 'attachment; filename="member-cards.pdf"')
  async cardSheet(): Promise<StreamableFile> {
    return new StreamableFile(await renderCardSheetPdf(await this.cards.activeFaces()));
  }
}
