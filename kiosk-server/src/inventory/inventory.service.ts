import { Injectable } from '@nestjs/common';
import { ProductEntity } from '../catalog/product.entity';
import { DomainError } from '../common/domain-error';
import { WriteQueue } from '../database/write-queue';
import type { RestockDto, StockChangeResponse, StocktakeDto, StocktakeResponse } from './dto/inventory.dto';
import { moveStock } from './stock';

@Injectable()
export class InventoryService {
  constructor(private readonly writes: WriteQueue) {}

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
