import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { CatalogController } from './catalog.controller';
import { CatalogRepository } from './catalog.repository';
import { CatalogService } from './catalog.service';
import { ProductImageStore } from './product-image';

@Module({
  imports: [InventoryModule],
  controllers: [CatalogController],
  providers: [CatalogService, CatalogRepository, ProductImageStore],
  exports: [CatalogService],
})
export class CatalogModule {}
