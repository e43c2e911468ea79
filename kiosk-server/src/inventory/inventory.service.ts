import { Injectable } from '@nestjs/common';
import { byCategoryThenId } from '../catalog/catalog.repository';
import type { ProductEntity } from '../catalog/product.entity';
import { DomainError } from '../common/domain-error';
import { WriteQueue } from '../database/write-queue';
import type {
  RestockDto,
  StockChangeResponse,
  StocktakeDto,
  StocktakeResponse,
  StockMovementResponse,
} from './dto/inventory.dto';
import { InventoryRepository } from './inventory.repository';

@Injectable()
export class InventoryService {
  constructor(
    private readonly stock: InventoryRepository,
    private readonly writes: WriteQueue,
  ) {}

  /** Active products at or below their low-stock threshold, emptiest first. */
  async lowStock(): Promise<ProductEntity[]> {
    return (await this.stock.lowStock()).sort((a, b) => a.stock - b.stock || byCategoryThenId(a, b));
  }

  /** The stock book, newest first. */
  movements(options: { productId?: string; limit: number }): Promise<StockMovementResponse[]> {
    return this.stock.movements(options);
  }

  restock(input: RestockDto, actor: string): Promise<StockChangeResponse> {
    return this.writes.run(async (tx) => {
      const after = await this.stock.moveStock(tx, {
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
    return this.writes.run(async (tx) => {
      const adjustments: StockChangeResponse[] = [];
      for (const count of input.counts) {
        const before = await this.stock.stockOf(tx, count.productId);
        if (before === undefined) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${count.productId}.`);
        const delta = count.counted - before;
        if (delta === 0) continue;
        await this.stock.moveStock(tx, {
          productId: count.productId,
          delta,
          reason: 'stocktake',
          actor,
          note: input.note,
        });
        adjustments.push({ productId: count.productId, before, after: count.counted, delta });
      }
      return { adjustments, unchanged: input.counts.length - adjustments.length };
    });
  }
}
