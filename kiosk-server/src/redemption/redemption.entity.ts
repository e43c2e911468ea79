import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type RedemptionStatus = 'completed' | 'voided';

@Entity('redemptions')
@Index(['accountId', 'createdAt'])
@Index(['createdAt'])
export class RedemptionEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { unique: true })
  receiptNo!: string;

  @Column('text')
  accountId!: string;

  @Column('text')
  memberId!: string;

  @Column('text')
  cardNo!: string;

  @Column('integer')
  totalPoints!: number;

  @Column('integer')
  balanceBefore!: number;

  @Column('integer')
  balanceAfter!: number;

  @Column('text')
  status!: RedemptionStatus;

  @Column('text')
  ledgerEntryId!: string;

  @Column('text', { nullable: true })
  voidLedgerEntryId!: string | null;

  @Column('text', { nullable: true })
  voidReason!: string | null;

  @Column('text', { nullable: true })
  voidedBy!: string | null;

  @Column('text', { nullable: true })
  voidedAt!: string | null;

  @Column('text')
  kioskId!: string;

  @Column('text')
  createdAt!: string;
}

@Entity('redemption_lines')
@Index(['redemptionId'])
@Index(['productId'])
export class RedemptionLineEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  redemptionId!: string;

  @Column('text')
  productId!: string;

  /** Name and price as they were at the time of redemption. */
  @Column('text')
  productName!: string;

  @Column('integer')
  pricePoints!: number;

  @Column('integer')
  quantity!: number;

  @Column('integer')
  lineTotal!: number;
}
