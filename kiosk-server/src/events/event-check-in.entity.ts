import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One member checked in at one event; the primary key makes a second check-in impossible. */
@Entity('event_check_ins')
export class EventCheckInEntity {
  @PrimaryColumn('text')
  eventId!: string;

  @PrimaryColumn('text')
  memberId!: string;

  /** The award entry the check-in earned. */
  @Column('text')
  ledgerEntryId!: string;

  @Column('text')
  createdAt!: string;
}
