import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A kind of public-spirited work that earns points (积分项目), with its usual points. */
@Entity('activities')
export class ActivityEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('text', { unique: true })
  name!: string;

  @Column('integer')
  defaultPoints!: number;

  @Column('boolean')
  active!: boolean;
}
