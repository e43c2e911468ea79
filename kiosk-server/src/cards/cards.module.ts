import { Module } from '@nestjs/common';
import { CardRepository } from './card.repository';
import { CardsController } from './cards.controller';
import { CardsService } from './cards.service';

@Module({
  controllers: [CardsController],
  providers: [CardsService, CardRepository],
  exports: [CardsService],
})
export class CardsModule {}
