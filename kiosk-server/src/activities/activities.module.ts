import { Module } from '@nestjs/common';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { ActivityRepository } from './activity.repository';

@Module({
  controllers: [ActivitiesController],
  providers: [ActivitiesService, ActivityRepository],
  exports: [ActivitiesService],
})
export class ActivitiesModule {}
