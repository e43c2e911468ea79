import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { maskName } from '@kiosk/hardware';
import { CardsService } from '../cards/cards.service';
import { LedgerService } from '../ledger/ledger.service';
import { SettingsService } from '../settings/settings.service';
import { CurrentResident, ResidentOnly } from './auth.guards';
import { CurrentSessionResponse, ResidentSessionResponse, StartSessionDto } from './dto/session.dto';
import { type ResidentSession, SessionStore } from './session.store';

@ApiTags('sessions')
@Controller('api/sessions')
export class SessionsController {
  constructor(
    private readonly cards: CardsService,
    private readonly sessions: SessionStore,
    private readonly settings: SettingsService,
    private readonly ledger: LedgerService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: ResidentSessionResponse })
  async start(@Body() body: StartSessionDto): Promise<ResidentSessionResponse> {
    const { card, member } = await this.cards.scan(body.qr);
    const session = this.sessions.startResident({
      accountId: member.accountId,
      memberId: member.id,
      memberName: member.name,
      cardNo: card.cardNo,
    });
    return { token: session.token, ...(await this.describe(session)) };
  }

  @Get('current')
  @ApiOkResponse({ type: CurrentSessionResponse })
  @ResidentOnly()
  current(@CurrentResident() session: ResidentSession): Promise<CurrentSessionResponse> {
    return this.describe(session);
  }

  @Delete('current')
  @HttpCode(204)
  @ResidentOnly()
  end(@CurrentResident() session: ResidentSession): void {
    this.sessions.end(session.token);
  }

  private async describe(session: ResidentSession): Promise<CurrentSessionResponse> {
    const account = await this.ledger.account(session.accountId);
    return {
      member: { id: session.memberId, displayName: maskName(session.memberName) },
      account: { id: account.id, balance: account.balance },
      idleSeconds: this.settings.current.residentIdleSeconds,
    };
  }
}
