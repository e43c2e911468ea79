import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AccountKind = 'person' | 'household';

/** A points passbook (积分存折): one person, or one household (一户一档) shared by its members. */
@Entity('accounts')
export class AccountEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  kind!: AccountKind;

  @Column('text')
  name!: string;

  /** Cached sum of the account's ledger entries; only LedgerService changes it, in the same transaction. */
  @Column('integer')
  balance!: number;

  @Column('text')
  createdAt!: string;
}
