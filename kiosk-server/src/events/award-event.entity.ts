import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An event check-in (积分活动签到): an activity held on one day, where each member's card is
 * scanned once and earns the event's points.
 */
@Entity('award_events')
export class AwardEventEntity {
  /** UUIDv7, so events sort by creation. */
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  activityId!: string;

  @Column('text')
  name!: string;

  /** Points each checked-in member earns; always positive (a deduction is not an event). */
  @Column('integer')
  points!: number;

  @Column('text')
  createdBy!: string;

  @Column('text')
  createdAt!: string;

  /** Set once the event is closed; no check-ins after that. */
  @Column('text', { nullable: true })
  closedAt!: string | null;
}
