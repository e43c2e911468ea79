import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('members')
@Index(['accountId'])
export class MemberEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  accountId!: string;

  @Column('text')
  name!: string;

  /** The household label (address such as 3栋201) when the member shares a household account. */
  @Column('text', { nullable: true })
  household!: string | null;

  @Column('text')
  createdAt!: string;
}
