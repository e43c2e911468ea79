import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { CardSheets } from './card-sheets';
import { MemberDirectory } from './member-directory.service';
import { MemberRepository } from './member.repository';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  imports: [CardsModule],
  controllers: [MembersController],
  providers: [MembersService, MemberDirectory, MemberRepository, CardSheets],
  // the seed asks whether the store is empty and what each printed card holds
  exports: [MembersService, MemberRepository],
})
export class MembersModule {}
