import { Module } from '@nestjs/common';
import { SyncModule } from '../sync/sync.module';
import { HubSyncController } from './hub-sync.controller';
import { HubController } from './hub.controller';
import { HubRoleGuard } from './hub-role.guard';
import { HubRepository } from './hub.repository';
import { HubService } from './hub.service';

@Module({
  imports: [SyncModule],
  controllers: [HubController, HubSyncController],
  providers: [HubService, HubRepository, HubRoleGuard],
})
export class HubModule {}
