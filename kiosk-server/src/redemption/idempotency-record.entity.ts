import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The stored answer to a redemption request, written in the redemption's own transaction. */
@Entity('idempotency_records')
export class IdempotencyRecordEntity {
  @PrimaryColumn('text')
  accountId!: string;

  @PrimaryColumn('text')
  key!: string;

  /** SHA-256 of the canonical request body: the same key with another body is refused. */
  @Column('text')
  requestHash!: string;

  @Column('text')
  redemptionId!: string;

  /** The exact JSON answered the first time, so a replay answers byte for byte the same. */
  @Column('text')
  response!: string;

  @Column('text')
  createdAt!: string;
}
