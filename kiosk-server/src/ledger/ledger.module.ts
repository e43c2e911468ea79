import { Global, Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { CardsModule } from '../cards/cards.module';
import { LedgerController } from './ledger.controller';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { PointsService } from './points.service';

@Global()
@Module({
  imports: [CardsModule, ActivitiesModule],
  controllers: [LedgerController],
  providers: [LedgerService, LedgerRepository, PointsService],
  // members open, rename and look up accounts through the repository
  exports: [LedgerService, LedgerRepository],
})
export class LedgerModule {}
