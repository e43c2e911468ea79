import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One admin change (who, when, what, before → after). Append-only, like the ledger. */
@Entity('admin_changes')
export class AdminChangeEntity {
  @PrimaryColumn('text')
  id!: string;

  /** `role:username` of the staff member, as in ledger entries. */
  @Column('text')
  actor!: string;

  /** What was done, e.g. `product.update`, `member.move`, `card.revoke`, `settings.update`. */
  @Column('text')
  action!: string;

  /** What it was done to: `product`, `member`, `card`, `settings`, `redemption`, `event`. */
  @Column('text')
  entity!: string;

  @Column('text')
  entityId!: string;

  /** JSON of the fields that changed, as they were; null when the thing is new. */
  @Column('text', { nullable: true })
  before!: string | null;

  /** JSON of the same fields afterwards; null when the thing is gone. */
  @Column('text', { nullable: true })
  after!: string | null;

  @Column('text')
  createdAt!: string;
}
