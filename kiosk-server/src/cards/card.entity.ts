import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type CardStatus = 'active' | 'revoked';

@Entity('cards')
@Index(['memberId'])
export class CardEntity {
  @PrimaryColumn('text')
  cardNo!: string;

  @Column('text')
  memberId!: string;

  @Column('text')
  status!: CardStatus;

  /** Which signing key signed the card's QR. */
  @Column('text')
  keyId!: string;

  @Column('text')
  issuedAt!: string;

  @Column('text', { nullable: true })
  revokedAt!: string | null;
}
