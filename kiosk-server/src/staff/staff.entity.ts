import { Column, Entity, PrimaryColumn } from 'typeorm';

export type StaffRole = 'volunteer' | 'admin';

@Entity('staff')
export class StaffEntity {
  /** UUIDv7: unique on every kiosk and at the hub. */
  @PrimaryColumn('text')
  id!: string;

  @Column('text', { unique: true })
  username!: string;

  @Column('text')
  displayName!: string;

  @Column('text')
  role!: StaffRole;

  /** `scrypt$<salt>$<hash>` */
  @Column('text')
  pinHash!: string;

  @Column('integer')
  failedAttempts!: number;

  @Column('text', { nullable: true })
  lockedUntil!: string | null;

  @Column('boolean')
  active!: boolean;

  @Column('text')
  createdAt!: string;
}
