import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, Not } from 'typeorm';
import { AuditTrailService, changedFields } from '../audit/audit-trail.service';
import { DomainError } from '../common/domain-error';
import { WriteQueue } from '../database/write-queue';
import { moveStock } from '../inventory/stock';
import { BARCODE, type CreateProductDto, type ProductResponse, type UpdateProductDto } from './dto/product.dto';
import { checkSignature, type ImageType, ProductImageStore } from './product-image';
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
    barcode: product.barcode,
  };
}

/** The product as the audit trail shows it: what an admin sees and edits. */
function auditView(product: ProductEntity): Record<string, unknown> {
  const { id: _id, ...fields } = toProductResponse(product);
  return fields;
}

@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly audit: AuditTrailService,
    private readonly images: ProductImageStore,
  ) {}

  listActive(): Promise<ProductEntity[]> {
    return this.dataSource
      .getRepository(ProductEntity)
      .find({ where: { active: true }, order: { category: 'ASC', id: 'ASC' } });
  }

  /** Every product, also those taken off the shelf, for the staff catalogue. */
  listAll(): Promise<ProductEntity[]> {
    return this.dataSource.getRepository(ProductEntity).find({ order: { category: 'ASC', id: 'ASC' } });
  }

  async findByBarcode(barcode: string): Promise<ProductEntity> {
    const product = BARCODE.test(barcode)
      ? await this.dataSource.getRepository(ProductEntity).findOneBy({ barcode })
      : null;
    if (!product) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product with barcode ${barcode.slice(0, 40)}.`);
    return product;
  }

  create(input: CreateProductDto, actor: string): Promise<ProductEntity> {
    return this.writes.run(async (manager) => {
      const barcode = input.barcode ?? null;
      if (barcode) await this.requireFreeBarcode(manager, barcode);
      const now = new Date().toISOString();
      const { identifiers } = await manager.insert(ProductEntity, {
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
      const id = identifiers[0]!.id as number;
      if (input.stock) await moveStock(manager, { productId: id, delta: input.stock, reason: 'initial', actor });
      const product = await manager.findOneByOrFail(ProductEntity, { id });
      await this.audit.record(manager, {
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

  update(id: number, patch: UpdateProductDto, actor: string): Promise<ProductEntity> {
    return this.writes.run(async (manager) => {
      const product = await manager.findOneBy(ProductEntity, { id });
      if (!product) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${id}.`);
      const { stock, ...fields } = patch;
      if (fields.barcode && fields.barcode !== product.barcode)
        await this.requireFreeBarcode(manager, fields.barcode, id);
      const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      if (typeof changes.name === 'string') changes.name = changes.name.trim();
      if (typeof changes.category === 'string') changes.category = changes.category.trim();
      if (Object.keys(changes).length > 0) {
        await manager.update(ProductEntity, { id }, { ...changes, updatedAt: new Date().toISOString() });
      }
      if (stock !== undefined && stock !== product.stock) {
        await moveStock(manager, { productId: id, delta: stock - product.stock, reason: 'adjust', actor });
      }
      const updated = await manager.findOneByOrFail(ProductEntity, { id });
      await this.recordChange(manager, actor, 'product.update', product, updated);
      return updated;
    });
  }

  /** Stores the picture, then points the product at it: the file is complete before any row names it. */
  async replaceImage(id: number, type: ImageType, bytes: Buffer, actor: string): Promise<ProductEntity> {
    checkSignature(type, bytes);
    const imageUrl = await this.images.save(type, bytes);
    return this.writes.run(async (manager) => {
      const product = await manager.findOneBy(ProductEntity, { id });
      if (!product) throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${id}.`);
      await manager.update(ProductEntity, { id }, { imageUrl, updatedAt: new Date().toISOString() });
      const updated = await manager.findOneByOrFail(ProductEntity, { id });
      await this.recordChange(manager, actor, 'product.image', product, updated);
      return updated;
    });
  }

  async requireExists(id: number): Promise<void> {
    if (!(await this.dataSource.getRepository(ProductEntity).existsBy({ id }))) {
      throw DomainError.notFound('PRODUCT_NOT_FOUND', `No product ${id}.`);
    }
  }

  private async recordChange(
    manager: EntityManager,
    actor: string,
    action: string,
    before: ProductEntity,
    after: ProductEntity,
  ): Promise<void> {
    const changed = changedFields(auditView(before), auditView(after));
    if (changed) await this.audit.record(manager, { actor, action, entity: 'product', entityId: after.id, ...changed });
  }

  private async requireFreeBarcode(manager: EntityManager, barcode: string, exceptId?: number): Promise<void> {
    const holder = await manager.findOneBy(ProductEntity, {
      barcode,
      ...(exceptId === undefined ? {} : { id: Not(exceptId) }),
    });
    if (holder) {
      throw DomainError.conflict(
        'BARCODE_TAKEN',
        `Barcode ${barcode} already belongs to ${holder.name} (#${holder.id}).`,
      );
    }
  }
}
