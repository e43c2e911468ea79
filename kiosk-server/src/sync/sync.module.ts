import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { JournalRepository } from './journal.repository';
import { JournalService } from './journal.service';
import { ReplicaRepository } from './replica.repository';
import { SyncController } from './sync.controller';
import { SyncService } from './sync.service';
import { usbFileParser } from './usb-body';
import { UsbTransferService } from './usb-transfer.service';

@Module({
  imports: [CardsModule],
  controllers: [SyncController],
  providers: [JournalRepository, JournalService, ReplicaRepository, SyncService, UsbTransferService],
  exports: [JournalRepository, JournalService, ReplicaRepository, SyncService],
})
export class SyncModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(usbFileParser).forRoutes({ path: 'api/sync/usb/import', method: RequestMethod.POST });
  }
}
