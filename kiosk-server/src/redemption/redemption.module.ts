import { Module } from '@nestjs/common';
import { RedemptionController } from './redemption.controller';
import { RedemptionSearchService } from './redemption-search.service';
import { RedemptionService } from './redemption.service';

@Module({
  controllers: [RedemptionController],
  providers: [RedemptionService, RedemptionSearchService],
  exports: [RedemptionService],
})
export class RedemptionModule {}
