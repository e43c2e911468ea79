import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { CardsModule } from '../cards/cards.module';
import { CatalogModule } from '../catalog/catalog.module';
import { MembersModule } from '../members/members.module';
import { StaffModule } from '../staff/staff.module';
import { SeedService } from './seed.service';

@Module({
  imports: [CatalogModule, MembersModule, CardsModule, StaffModule, ActivitiesModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
