import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../common/domain-error';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import { CardsService } from './cards.service';
import { RevokeCardDto, RevokedCardResponse } from './dto/card.dto';

@ApiTags('cards')
@Controller('api/cards')
export class CardsController {
  constructor(private readonly cards: CardsService) {}

  @Post(':cardNo/revoke')
  @ApiOkResponse({ type: RevokedCardResponse })
  @ApiParam({ name: 'cardNo', example: '1234567897' })
  @HttpCode(200)
  @StaffOnly('admin')
  revoke(
    @Param('cardNo') cardNo: string,
    @Body() body: RevokeCardDto,
    @CurrentStaff() staff: StaffSession,
  ): Promise<RevokedCardResponse> {
    if (!/^[0-9]{10}$/.test(cardNo)) throw DomainError.validation('A card number has ten digits.');
    return this.cards.revoke(cardNo, body.reason.trim(), staffActor(staff));
  }
}
