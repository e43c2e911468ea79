import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { MemberDirectory } from './member-directory.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  imports: [CardsModule],
  controllers: [MembersController],
  providers: [MembersService, MemberDirectory],
  exports: [MembersService],
})
export class MembersModule {}
