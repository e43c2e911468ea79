import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type PrintJobStatus = 'queued' | 'printing' | 'printed' | 'failed';
export type PrintJobKind = 'receipt' | 'reprint' | 'test';

/** A receipt to print, written with its redemption so a printer failure never loses it. */
@Entity('print_jobs')
@Index(['status'])
@Index(['redemptionId'])
export class PrintJobEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { nullable: true })
  redemptionId!: string | null;

  @Column('text')
  kind!: PrintJobKind;

  @Column('text')
  status!: PrintJobStatus;

  @Column('integer')
  attempts!: number;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('text')
  createdAt!: string;

  @Column('text', { nullable: true })
  printedAt!: string | null;
}
