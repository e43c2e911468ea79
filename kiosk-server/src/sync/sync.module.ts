import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { JournalRepository } from './journal.repository';
import { JournalService } from './journal.service';
import { ReplicaRepository } from './replica.repository';
import { SyncController } from './sync.controller';
import { SyncService } from './sync.service';

@Module({
  imports: [CardsModule],
  controllers: [SyncController],
  providers: [JournalRepository, JournalService, ReplicaRepository, SyncService],
  exports: [JournalRepository, JournalService, ReplicaRepository, SyncService],
})
export class SyncModule {}
