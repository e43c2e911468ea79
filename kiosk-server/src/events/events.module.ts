import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

@Module({ imports: [CardsModule], controllers: [EventsController], providers: [EventsService] })
export class EventsModule {}
