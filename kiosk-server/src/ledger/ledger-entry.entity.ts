import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type LedgerKind = 'award' | 'redeem' | 'void' | 'adjust';

/**
 * Append-only. Each kiosk numbers its own entries 1, 2, 3… without gaps and chains them by hash,
 * so entries from many kiosks can be merged at the hub without being rewritten.
 */
@Entity('ledger_entries')
@Index(['kioskId', 'seq'], { unique: true })
@Index(['accountId', 'createdAt'])
export class LedgerEntryEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  accountId!: string;

  @Column('integer')
  delta!: number;

  @Column('integer')
  balanceAfter!: number;

  @Column('text')
  kind!: LedgerKind;

  @Column('text')
  reason!: string;

  /** Who did it: `staff:admin`, `member:<id>`, `system:seed`. */
  @Column('text')
  actor!: string;

  @Column('text')
  kioskId!: string;

  @Column('integer')
  seq!: number;

  /** Redemption id or activity id the entry belongs to. */
  @Column('text', { nullable: true })
  refId!: string | null;

  @Column('text')
  createdAt!: string;

  @Column('text')
  prevHash!: string;

  @Column('text')
  hash!: string;
}
