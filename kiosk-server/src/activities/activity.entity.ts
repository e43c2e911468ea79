import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A kind of public-spirited work that earns points (积分项目), with its usual points. */
@Entity('activities')
export class ActivityEntity {
  /** UUIDv7: unique on every kiosk and at the hub. */
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { unique: true })
  name!: string;

  @Column('integer')
  defaultPoints!: number;

  @Column('boolean')
  active!: boolean;
}
