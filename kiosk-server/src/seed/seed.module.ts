import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module';
import { CatalogModule } from '../catalog/catalog.module';
import { MembersModule } from '../members/members.module';
import { SeedService } from './seed.service';

@Module({ imports: [CatalogModule, MembersModule, CardsModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
