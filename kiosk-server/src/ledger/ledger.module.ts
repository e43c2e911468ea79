import { Global, Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { LedgerController } from './ledger.controller';
import { LedgerService } from './ledger.service';
import { PointsService } from './points.service';

@Global()
@Module({
  imports: [CardsModule],
  controllers: [LedgerController],
  providers: [LedgerService, PointsService],
  exports: [LedgerService],
})
export class LedgerModule {}
