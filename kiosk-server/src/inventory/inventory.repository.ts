import { Injectable } from '@nestjs/common';
import { PRODUCT_COLUMNS, productFromRow, type ProductRow } from '../catalog/catalog.repository';
import type { ProductEntity } from '../catalog/product.entity';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import { Database } from '../database/database';
import type { Tx } from '../database/sql-runner';
import type { StockReason } from './stock-movement.entity';

export interface StockChange {
  productId: string;
  delta: number;
  reason: StockReason;
  actor: string;
  note?: string | null;
  refId?: string | null;
}

/** A line of the stock book, with the product's current name. */
export interface StockMovementRow {
  id: string;
  productId: string;
  productName: string;
  delta: number;
  stockAfter: number;
  reason: string;
  note: string | null;
  actor: string;
  createdAt: string;
}

/** Stock and its book: the only code that changes a product's stock or writes a stock movement. */
@Injectable()
export class InventoryRepository {
  constructor(private readonly db: Database) {}

  /**
   * The only way stock changes: a guarded update that can never go below zero, and a movement
   * recording why, in the caller's transaction. Plain SQL, two statements: every redemption line
   * comes here. Returns the stock after the change.
   */
  async moveStock(tx: Tx, change: StockChange): Promise<number> {
    const now = new Date().toISOString();
    const delta = Math.trunc(change.delta);
    const [product] = await tx.all<{ stock: number }>(
      `UPDATE "products" SET "stock" = "stock" + ?, "updatedAt" = ? WHERE "id" = ? AND "stock" + ? >= 0 RETURNING "stock"`,
      [delta, now, change.productId, delta],
    );
    if (!product) {
      // Only on the way to a refusal: tell a missing product from an empty shelf.
      const available = await this.stockOf(tx, change.productId);
      if (available === undefined) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${change.productId}.`);
      throw DomainError.conflict('OUT_OF_STOCK', `Not enough stock of product ${change.productId}.`, {
        productId: change.productId,
        available,
      });
    }
    const movement = {
      id: uuidv7(),
      productId: change.productId,
      delta,
      stockAfter: product.stock,
      reason: change.reason,
      note: change.note ?? null,
      actor: change.actor,
      refId: change.refId ?? null,
      createdAt: now,
    };
    await tx.run(
      `INSERT INTO "stock_movements" ("id", "productId", "delta", "stockAfter", "reason", "note", "actor", "refId", "createdAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      Object.values(movement),
    );
    tx.changed('stock_movements', movement);
    return product.stock;
  }

  /** A product's stock in the caller's transaction; undefined if there is no such product. */
  async stockOf(tx: Tx, productId: string): Promise<number | undefined> {
    const [row] = await tx.all<{ stock: number }>(`SELECT "stock" FROM "products" WHERE "id" = ?`, [productId]);
    return row?.stock;
  }

  /** Active products at or below their low-stock threshold (in no particular order). */
  async lowStock(): Promise<ProductEntity[]> {
    const rows = await this.db.all<ProductRow>(
      `SELECT ${PRODUCT_COLUMNS} FROM "products" WHERE "active" = TRUE AND "stock" <= "lowStockThreshold"`,
    );
    return rows.map(productFromRow);
  }

  /** The stock book, newest first (UUIDv7 ids sort by time), optionally of one product. */
  movements(options: { productId?: string; limit: number }): Promise<StockMovementRow[]> {
    const select = `SELECT m."id", m."productId", p."name" AS "productName", m."delta", m."stockAfter", m."reason",
         m."note", m."actor", m."createdAt"
       FROM "stock_movements" m JOIN "products" p ON p."id" = m."productId"`;
    return options.productId === undefined
      ? this.db.all<StockMovementRow>(`${select} ORDER BY m."id" DESC LIMIT ?`, [options.limit])
      : this.db.all<StockMovementRow>(`${select} WHERE m."productId" = ? ORDER BY m."id" DESC LIMIT ?`, [
          options.productId,
          options.limit,
        ]);
  }
}
