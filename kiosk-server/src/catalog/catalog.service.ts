import { Injectable } from '@nestjs/common';
import { AuditTrailService, changedFields } from '../audit/audit-trail.service';
import { DomainError } from '../common/domain-error';
import { uuidv7 } from '../common/ids';
import type { Tx } from '../database/sql-runner';
import { WriteQueue } from '../database/write-queue';
import { InventoryRepository } from '../inventory/inventory.repository';
import { CatalogRepository, type ProductChanges } from './catalog.repository';
import { BARCODE, type CreateProductDto, type ProductResponse, type UpdateProductDto } from './dto/product.dto';
import { type ImageType, ProductImageStore, reencodeImage, UPLOADS_URL } from './product-image';
import type { ProductEntity } from './product.entity';

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
    barcode: product.barcode,
  };
}

/** The product as the audit trail shows it: what an admin sees and edits. */
function auditView(product: ProductEntity): Record<string, unknown> {
  const { id: _id, ...fields } = toProductResponse(product);
  return fields;
}

function notFound(id: string): DomainError {
  return DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${id}.`);
}

@Injectable()
export class CatalogService {
  constructor(
    private readonly products: CatalogRepository,
    private readonly stock: InventoryRepository,
    private readonly writes: WriteQueue,
    private readonly audit: AuditTrailService,
    private readonly images: ProductImageStore,
  ) {}

  listActive(): Promise<ProductEntity[]> {
    return this.products.listActive();
  }

  /** Every product, also those taken off the shelf, for the staff catalogue. */
  listAll(): Promise<ProductEntity[]> {
    return this.products.listAll();
  }

  async findByBarcode(barcode: string): Promise<ProductEntity> {
    const product = BARCODE.test(barcode) ? await this.products.findByBarcode(barcode) : undefined;
    if (!product) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product with barcode ${barcode.slice(0, 40)}.`);
    return product;
  }

  create(input: CreateProductDto, actor: string): Promise<ProductEntity> {
    return this.writes.run(async (tx) => {
      const barcode = input.barcode ?? null;
      if (barcode) await this.requireFreeBarcode(tx, barcode);
      const now = new Date().toISOString();
      const id = uuidv7();
      await this.products.insert(tx, {
        id,
        name: input.name.trim(),
        category: input.category.trim(),
        pricePoints: input.pricePoints,
        stock: 0,
        imageUrl: input.imageUrl ?? null,
        monthlyLimit: input.monthlyLimit ?? null,
        lowStockThreshold: input.lowStockThreshold ?? 5,
        barcode,
        active: input.active ?? true,
        createdAt: now,
        updatedAt: now,
      });
      if (input.stock) await this.stock.moveStock(tx, { productId: id, delta: input.stock, reason: 'initial', actor });
      const product = await this.require(tx, id);
      await this.audit.record(tx, {
        actor,
        action: 'product.create',
        entity: 'product',
        entityId: id,
        before: null,
        after: auditView(product),
      });
      return product;
    });
  }

  update(id: string, patch: UpdateProductDto, actor: string): Promise<ProductEntity> {
    return this.writes.run(async (tx) => {
      const product = await this.require(tx, id);
      const { stock, ...fields } = patch;
      if (fields.barcode && fields.barcode !== product.barcode) await this.requireFreeBarcode(tx, fields.barcode, id);
      const changes: ProductChanges = { ...fields, name: fields.name?.trim(), category: fields.category?.trim() };
      if (Object.values(changes).some((value) => value !== undefined)) {
        await this.products.update(tx, id, changes, new Date().toISOString());
      }
      if (stock !== undefined && stock !== product.stock) {
        await this.stock.moveStock(tx, { productId: id, delta: stock - product.stock, reason: 'adjust', actor });
      }
      const updated = await this.require(tx, id);
      await this.recordChange(tx, actor, 'product.update', product, updated);
      await this.removeIfUnused(tx, product.imageUrl, updated.imageUrl);
      return updated;
    });
  }

  /**
   * Decodes and re-encodes the picture (see reencodeImage), stores it, then points the product at
   * it: the file is complete before any row names it. The picture it replaces is deleted when no
   * product shows it any more.
   */
  async replaceImage(id: string, type: ImageType, bytes: Buffer, actor: string): Promise<ProductEntity> {
    const webp = await reencodeImage(type, bytes);
    await this.images.save(webp);
    return this.writes.run(async (tx) => {
      const product = await this.require(tx, id);
      // writes are one at a time: an unused picture of the same bytes removed since is written back
      const imageUrl = await this.images.save(webp);
      await this.products.update(tx, id, { imageUrl }, new Date().toISOString());
      const updated = await this.require(tx, id);
      await this.recordChange(tx, actor, 'product.image', product, updated);
      await this.removeIfUnused(tx, product.imageUrl, imageUrl);
      return updated;
    });
  }

  /**
   * Deletes an uploaded picture that a change left without a product. Inside the write, so that no
   * other write points a product at it in between (each write of a picture stores its file again).
   */
  private async removeIfUnused(tx: Tx, previous: string | null, current: string | null): Promise<void> {
    if (!previous?.startsWith(UPLOADS_URL) || previous === current) return;
    if (!(await this.products.imageInUse(tx, previous))) await this.images.remove(previous);
  }

  async requireExists(id: string): Promise<void> {
    if (!(await this.products.exists(id))) throw notFound(id);
  }

  private async require(tx: Tx, id: string): Promise<ProductEntity> {
    const product = await this.products.find(tx, id);
    if (!product) throw notFound(id);
    return product;
  }

  private async recordChange(
    tx: Tx,
    actor: string,
    action: string,
    before: ProductEntity,
    after: ProductEntity,
  ): Promise<void> {
    const changed = changedFields(auditView(before), auditView(after));
    if (changed) await this.audit.record(tx, { actor, action, entity: 'product', entityId: after.id, ...changed });
  }

  private async requireFreeBarcode(tx: Tx, barcode: string, exceptId?: string): Promise<void> {
    const holder = await this.products.barcodeHolder(tx, barcode, exceptId);
    if (holder) {
      throw DomainError.conflict(
        'BARCODE_TAKEN',
        `Barcode ${barcode} already belongs to ${holder.name} (#${holder.id}).`,
      );
    }
  }
}
