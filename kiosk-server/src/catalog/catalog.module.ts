import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { ProductImageStore } from './product-image';

@Module({ controllers: [CatalogController], providers: [CatalogService, ProductImageStore], exports: [CatalogService] })
export class CatalogModule {}
