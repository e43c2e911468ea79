import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { StaffCardsController, StaffController, StaffPeopleController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

@Module({
  imports: [CardsModule],
  controllers: [StaffController, StaffCardsController, StaffPeopleController],
  providers: [StaffService, StaffRepository],
  exports: [StaffService],
})
export class StaffModule {}
