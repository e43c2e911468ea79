import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { SyncModule } from '../sync/sync.module';
import { RedemptionController } from './redemption.controller';
import { RedemptionRepository } from './redemption.repository';
import { RedemptionSearchService } from './redemption-search.service';
import { RedemptionService } from './redemption.service';

@Module({
  imports: [InventoryModule, SyncModule],
  controllers: [RedemptionController],
  providers: [RedemptionService, RedemptionSearchService, RedemptionRepository],
  exports: [RedemptionService],
})
export class RedemptionModule {}
