import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { Tx } from '../database/sql-runner';
import type { ProductEntity } from './product.entity';

/** Every column of a product, in the shared dialect. */
export const PRODUCT_COLUMNS = `"id", "name", "category", "pricePoints", "stock", "imageUrl", "monthlyLimit",
  "lowStockThreshold", "active", "barcode", "createdAt", "updatedAt"`;

/** A product row as either engine returns it: SQLite gives booleans as 0/1. */
export type ProductRow = Omit<ProductEntity, 'active'> & { active: boolean | number };

export function productFromRow(row: ProductRow): ProductEntity {
  return { ...row, active: Boolean(row.active) };
}

/** The fields of a product an admin may change (stock changes only through a stock movement). */
export type ProductChanges = Partial<
  Pick<
    ProductEntity,
    'name' | 'category' | 'pricePoints' | 'imageUrl' | 'monthlyLimit' | 'lowStockThreshold' | 'active' | 'barcode'
  >
>;

const CHANGEABLE: readonly (keyof ProductChanges)[] = [
  'name',
  'category',
  'pricePoints',
  'imageUrl',
  'monthlyLimit',
  'lowStockThreshold',
  'active',
  'barcode',
];

/**
 * Category, then id: sorted here rather than by ORDER BY, because PostgreSQL orders text by the
 * database's locale and SQLite by code point; the catalogue must not change order with the engine.
 */
export function byCategoryThenId(a: ProductEntity, b: ProductEntity): number {
  return compareText(a.category, b.category) || compareText(a.id, b.id);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The products table. */
@Injectable()
export class CatalogRepository {
  constructor(private readonly db: Database) {}

  /** Products on offer, by category then id. */
  async listActive(): Promise<ProductEntity[]> {
    const rows = await this.db.all<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM "products" WHERE "active" = TRUE`);
    return rows.map(productFromRow).sort(byCategoryThenId);
  }

  /** Every product, also those taken off the shelf, by category then id. */
  async listAll(): Promise<ProductEntity[]> {
    const rows = await this.db.all<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM "products"`);
    return rows.map(productFromRow).sort(byCategoryThenId);
  }

  async findByBarcode(barcode: string): Promise<ProductEntity | undefined> {
    const [row] = await this.db.all<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM "products" WHERE "barcode" = ?`, [
      barcode,
    ]);
    return row && productFromRow(row);
  }

  async exists(id: string): Promise<boolean> {
    const rows = await this.db.all(`SELECT 1 AS "found" FROM "products" WHERE "id" = ?`, [id]);
    return rows.length > 0;
  }

  /** The product as the caller's transaction sees it. */
  async find(tx: Tx, id: string): Promise<ProductEntity | undefined> {
    const [row] = await tx.all<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM "products" WHERE "id" = ?`, [id]);
    return row && productFromRow(row);
  }

  /** Whether any product, on offer or not, shows this picture. */
  async imageInUse(tx: Tx, imageUrl: string): Promise<boolean> {
    const rows = await tx.all(`SELECT 1 AS "found" FROM "products" WHERE "imageUrl" = ? LIMIT 1`, [imageUrl]);
    return rows.length > 0;
  }

  /** The product that holds this barcode, other than `exceptId`. */
  async barcodeHolder(
    tx: Tx,
    barcode: string,
    exceptId?: string,
  ): Promise<Pick<ProductEntity, 'id' | 'name'> | undefined> {
    // '' is never an id, so one statement serves both cases.
    const [row] = await tx.all<Pick<ProductEntity, 'id' | 'name'>>(
      `SELECT "id", "name" FROM "products" WHERE "barcode" = ? AND "id" <> ?`,
      [barcode, exceptId ?? ''],
    );
    return row;
  }

  async insert(tx: Tx, p: ProductEntity): Promise<void> {
    await tx.run(`INSERT INTO "products" (${PRODUCT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      p.id,
      p.name,
      p.category,
      p.pricePoints,
      p.stock,
      p.imageUrl,
      p.monthlyLimit,
      p.lowStockThreshold,
      p.active,
      p.barcode,
      p.createdAt,
      p.updatedAt,
    ]);
    tx.changed('products', p);
  }

  /** Sets the given fields (only those named in ProductChanges) and the time of the change. */
  async update(tx: Tx, id: string, changes: ProductChanges, updatedAt: string): Promise<void> {
    const columns = CHANGEABLE.filter((column) => changes[column] !== undefined);
    const updated = await tx.all<ProductRow>(
      `UPDATE "products" SET ${[...columns, 'updatedAt'].map((column) => `"${column}" = ?`).join(', ')} WHERE "id" = ?
       RETURNING ${PRODUCT_COLUMNS}`,
      [...columns.map((column) => changes[column]), updatedAt, id],
    );
    for (const row of updated) tx.changed('products', productFromRow(row));
  }
}
