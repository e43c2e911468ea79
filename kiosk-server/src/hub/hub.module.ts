import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { SyncModule } from '../sync/sync.module';
import { usbFileParser } from '../sync/usb-body';
import { HubSyncController } from './hub-sync.controller';
import { HubController } from './hub.controller';
import { HubRoleGuard } from './hub-role.guard';
import { HubRepository } from './hub.repository';
import { HubService } from './hub.service';
import { HubUsbService } from './hub-usb.service';

@Module({
  imports: [SyncModule],
  controllers: [HubController, HubSyncController],
  providers: [HubService, HubUsbService, HubRepository, HubRoleGuard],
})
export class HubModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(usbFileParser).forRoutes({ path: 'api/hub/usb/import', method: RequestMethod.POST });
  }
}
