import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('products')
export class ProductEntity {
  /** UUIDv7: unique on every kiosk and at the hub. */
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  category!: string;

  @Column('integer')
  pricePoints!: number;

  /** Changed only together with a stock movement (InventoryService, RedemptionService). */
  @Column('integer')
  stock!: number;

  @Column('text', { nullable: true })
  imageUrl!: string | null;

  /** Most units one account may redeem per calendar month; null = no limit. */
  @Column('integer', { nullable: true })
  monthlyLimit!: number | null;

  @Column('integer')
  lowStockThreshold!: number;

  /** The maker's EAN/UPC, so a volunteer can scan the goods when restocking. */
  @Column('text', { nullable: true })
  barcode!: string | null;

  @Column('boolean')
  active!: boolean;

  @Column('text')
  createdAt!: string;

  @Column('text')
  updatedAt!: string;
}
