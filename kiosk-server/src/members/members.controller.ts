import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../sessions/auth.guards';
import { CardResponse, RegisteredMemberResponse, RegisterMemberDto } from './dto/member.dto';
import { MembersService, toMemberSummary } from './members.service';

@ApiTags('members')
@Controller('api/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Post()
  @StaffOnly('admin')
  async register(@Body() body: RegisterMemberDto): Promise<RegisteredMemberResponse> {
    const { member, account, card } = await this.members.register(body.name, body.household);
    return { member: toMemberSummary(member), account: { id: account.id, balance: account.balance }, card };
  }

  @Post(':id/cards')
  @HttpCode(201)
  @StaffOnly('admin')
  reissueCard(@Param('id', new ParseUUIDPipe()) id: string): Promise<CardResponse> {
    return this.members.reissueCard(id);
  }
}
