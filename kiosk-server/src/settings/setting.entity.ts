import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('settings')
export class SettingEntity {
  @PrimaryColumn('text')
  key!: string;

  /** JSON-encoded value. */
  @Column('text')
  value!: string;
}
