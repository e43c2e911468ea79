import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { CardsModule } from '../cards/cards.module';
import { EventRepository } from './event.repository';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

@Module({
  imports: [CardsModule, ActivitiesModule],
  controllers: [EventsController],
  providers: [EventsService, EventRepository],
})
export class EventsModule {}
