import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { WriteQueue } from '../database/write-queue';
import { moveStock } from '../inventory/stock';
import type { CreateProductDto, ProductResponse, UpdateProductDto } from './dto/product.dto';
import { ProductEntity } from './product.entity';

export function toProductResponse(product: ProductEntity): ProductResponse {
  return {
    id: product.id,
    name: product.name,
    category: product.category,
    pricePoints: product.pricePoints,
    stock: product.stock,
    imageUrl: product.imageUrl,
    monthlyLimit: product.monthlyLimit,
    lowStockThreshold: product.lowStockThreshold,
    active: Boolean(product.active),
  };
}

@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {}

  listActive(): Promise<ProductEntity[]> {
    return this.dataSource
      .getRepository(ProductEntity)
      .find({ where: { active: true }, order: { category: 'ASC', id: 'ASC' } });
  }

  create(input: CreateProductDto, actor: string): Promise<ProductEntity> {
    return this.writes.run(async (manager) => {
      const now = new Date().toISOString();
      const { identifiers } = await manager.insert(ProductEntity, {
        name: input.name.trim(),
        category: input.category.trim(),
        pricePoints: input.pricePoints,
        stock: 0,
        imageUrl: input.imageUrl ?? null,
        monthlyLimit: input.monthlyLimit ?? null,
        lowStockThreshold: input.lowStockThreshold ?? 5,
        active: input.active ?? true,
        createdAt: now,
        updatedAt: now,
      });
      const id = identifiers[0]!.id as number;
      if (input.stock) await moveStock(manager, { productId: id, delta: input.stock, reason: 'initial', actor });
      return manager.findOneByOrFail(ProductEntity, { id });
    });
  }

  update(id: number, patch: UpdateProductDto, actor: string): Promise<ProductEntity> {
    return this.writes.run(async (manager) => {
      const product = await manager.findOneBy(ProductEntity, { id });
      if (!product) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${id}.`);
      const { stock, ...fields } = patch;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      if (Object.keys(changes).length > 0) {
        await manager.update(ProductEntity, { id }, { ...changes, updatedAt: new Date().toISOString() });
      }
      if (stock !== undefined && stock !== product.stock) {
        await moveStock(manager, { productId: id, delta: stock - product.stock, reason: 'adjust', actor });
      }
      return manager.findOneByOrFail(ProductEntity, { id });
    });
  }
}
