import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { ProductEntity } from '../catalog/product.entity';
import { StockMovementEntity, type StockReason } from './stock-movement.entity';

export interface StockChange {
  productId: number;
  delta: number;
  reason: StockReason;
  actor: string;
  note?: string | null;
  refId?: string | null;
}

/**
 * The only way stock changes: a guarded update that can never go below zero, and a movement
 * recording why, in the caller's transaction.
 */
export async function moveStock(manager: EntityManager, change: StockChange): Promise<number> {
  const now = new Date().toISOString();
  const result = await manager
    .createQueryBuilder()
    .update(ProductEntity)
    .set({ stock: () => `"stock" + ${Math.trunc(change.delta)}`, updatedAt: now })
    .where('id = :id AND "stock" + :delta >= 0', { id: change.productId, delta: change.delta })
    .execute();
  if (!result.affected) {
    const exists = await manager.existsBy(ProductEntity, { id: change.productId });
    if (!exists) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${change.productId}.`);
    throw DomainError.conflict('OUT_OF_STOCK', `Not enough stock of product ${change.productId}.`);
  }
  const { stock } = await manager.findOneOrFail(ProductEntity, {
    where: { id: change.productId },
    select: { stock: true },
  });
  await manager.insert(StockMovementEntity, {
    productId: change.productId,
    delta: change.delta,
    stockAfter: stock,
    reason: change.reason,
    note: change.note ?? null,
    actor: change.actor,
    refId: change.refId ?? null,
    createdAt: now,
  });
  return stock;
}
