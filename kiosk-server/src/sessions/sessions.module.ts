import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { SessionsController } from './sessions.controller';

@Module({ imports: [CardsModule], controllers: [SessionsController] })
export class SessionsModule {}
