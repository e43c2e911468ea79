import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type StockReason = 'initial' | 'restock' | 'stocktake' | 'redemption' | 'void' | 'adjust';

/** Every change of a product's stock, with why and who: stock = sum of movements. */
@Entity('stock_movements')
@Index(['productId'])
export class StockMovementEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('integer')
  productId!: number;

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
