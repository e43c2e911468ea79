import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One member checked in at one event; the unique index makes a second check-in impossible. */
@Entity('event_check_ins')
@Index(['eventId', 'memberId'], { unique: true })
export class EventCheckInEntity {
  /** UUIDv7, so a check-in can travel to the hub like any other fact. */
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  eventId!: string;

  @Column('text')
  memberId!: string;

  /** The award entry the check-in earned. */
  @Column('text')
  ledgerEntryId!: string;

  @Column('text')
  createdAt!: string;
}
