import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type StockReason = 'initial' | 'restock' | 'stocktake' | 'redemption' | 'void' | 'adjust';

/** Every change of a product's stock, with why and who: stock = sum of movements. */
@Entity('stock_movements')
@Index(['productId'])
export class StockMovementEntity {
  /** UUIDv7: unique on every kiosk and at the hub. */
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  productId!: string;

  @Column('integer')
  delta!: number;

  @Column('integer')
  stockAfter!: number;

  @Column('text')
  reason!: StockReason;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('text')
  actor!: string;

  @Column('text', { nullable: true })
  refId!: string | null;

  @Column('text')
  createdAt!: string;
}
