import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProductEntity } from '../catalog/product.entity';
import { DomainError } from '../common/domain-error';
import { WriteQueue } from '../database/write-queue';
import type {
  RestockDto,
  StockChangeResponse,
  StocktakeDto,
  StocktakeResponse,
  StockMovementResponse,
} from './dto/inventory.dto';
import { StockMovementEntity } from './stock-movement.entity';
import { moveStock } from './stock';

@Injectable()
export class InventoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {}

  /** Active products at or below their low-stock threshold, emptiest first. */
  lowStock(): Promise<ProductEntity[]> {
    return this.dataSource
      .getRepository(ProductEntity)
      .createQueryBuilder('p')
      .where('p.active = :active AND p.stock <= p.lowStockThreshold', { active: true })
      .orderBy('p.stock', 'ASC')
      .addOrderBy('p.category', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }

  /** The stock book, newest first. */
  async movements(options: { productId?: number; limit: number }): Promise<StockMovementResponse[]> {
    const query = this.dataSource
      .createQueryBuilder(StockMovementEntity, 'm')
      .innerJoin(ProductEntity, 'p', 'p.id = m.productId')
      .select([
        'm.id AS id',
        'm.productId AS productId',
        'p.name AS productName',
        'm.delta AS delta',
        'm.stockAfter AS stockAfter',
        'm.reason AS reason',
        'm.note AS note',
        'm.actor AS actor',
        'm.createdAt AS createdAt',
      ])
      .orderBy('m.id', 'DESC')
      .limit(options.limit);
    if (options.productId !== undefined) query.where('m.productId = :productId', { productId: options.productId });
    const rows = await query.getRawMany<StockMovementResponse>();
    return rows.map((row) => ({ ...row, id: Number(row.id), productId: Number(row.productId) }));
  }

  restock(input: RestockDto, actor: string): Promise<StockChangeResponse> {
    return this.writes.run(async (manager) => {
      const after = await moveStock(manager, {
        productId: input.productId,
        delta: input.quantity,
        reason: 'restock',
        actor,
        note: input.note?.trim() || null,
      });
      return { productId: input.productId, before: after - input.quantity, after, delta: input.quantity };
    });
  }

  /** Sets each counted product to its count; only differences become (explained) movements. */
  stocktake(input: StocktakeDto, actor: string): Promise<StocktakeResponse> {
    const ids = input.counts.map((count) => count.productId);
    if (new Set(ids).size !== ids.length) throw DomainError.validation('Each product may be counted once.');
    return this.writes.run(async (manager) => {
      const adjustments: StockChangeResponse[] = [];
      for (const count of input.counts) {
        const product = await manager.findOneBy(ProductEntity, { id: count.productId });
        if (!product) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${count.productId}.`);
        const delta = count.counted - product.stock;
        if (delta === 0) continue;
        await moveStock(manager, { productId: product.id, delta, reason: 'stocktake', actor, note: input.note });
        adjustments.push({ productId: product.id, before: product.stock, after: count.counted, delta });
      }
      return { adjustments, unchanged: input.counts.length - adjustments.length };
    });
  }
}
