import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { StockReason } from './stock-movement.entity';
import { sqlAll, sqlRun } from '../database/sql';

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
 * recording why, in the caller's transaction. Plain SQL (see database/sql.ts): every redemption
 * line comes here.
 */
export async function moveStock(manager: EntityManager, change: StockChange): Promise<number> {
  const now = new Date().toISOString();
  const delta = Math.trunc(change.delta);
  const [product] = await sqlAll<{ stock: number }>(
    manager,
    `UPDATE "products" SET "stock" = "stock" + ?, "updatedAt" = ? WHERE "id" = ? AND "stock" + ? >= 0 RETURNING "stock"`,
    [delta, now, change.productId, delta],
  );
  if (!product) {
    const [exists] = await sqlAll(manager, `SELECT 1 FROM "products" WHERE "id" = ?`, [change.productId]);
    if (!exists) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${change.productId}.`);
    throw DomainError.conflict('OUT_OF_STOCK', `Not enough stock of product ${change.productId}.`);
  }
  await sqlRun(
    manager,
    `INSERT INTO "stock_movements" ("productId", "delta", "stockAfter", "reason", "note", "actor", "refId", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      change.productId,
      change.delta,
      product.stock,
      change.reason,
      change.note ?? null,
      change.actor,
      change.refId ?? null,
      now,
    ],
  );
  return product.stock;
}
