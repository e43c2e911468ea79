import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ActivitiesModule } from './activities/activities.module';
import { AuditModule } from './audit/audit.module';
import { BackupModule } from './backup/backup.module';
import { CardsModule } from './cards/cards.module';
import { CatalogModule } from './catalog/catalog.module';
import { DomainExceptionFilter } from './common/exception.filter';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DistrictModule } from './district/district.module';
import { EventsModule } from './events/events.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { HubModule } from './hub/hub.module';
import { InventoryModule } from './inventory/inventory.module';
import { LedgerModule } from './ledger/ledger.module';
import { MembersModule } from './members/members.module';
import { PrintingModule } from './printing/printing.module';
import { RankingsModule } from './rankings/rankings.module';
import { RedemptionModule } from './redemption/redemption.module';
import { ReportsModule } from './reports/reports.module';
import { SeedModule } from './seed/seed.module';
import { AuthModule } from './sessions/auth.module';
import { SessionsModule } from './sessions/sessions.module';
import { SettingsModule } from './settings/settings.module';
import { StaffModule } from './staff/staff.module';
import { SyncModule } from './sync/sync.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    SettingsModule,
    AuthModule,
    LedgerModule,
    PrintingModule,
    CardsModule,
    MembersModule,
    SessionsModule,
    StaffModule,
    CatalogModule,
    RedemptionModule,
    InventoryModule,
    ActivitiesModule,
    AuditModule,
    ExportsModule,
    HealthModule,
    RankingsModule,
    EventsModule,
    ReportsModule,
    BackupModule,
    SyncModule,
    HubModule,
    DistrictModule,
    SeedModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: DomainExceptionFilter }],
})
export class AppModule {}
