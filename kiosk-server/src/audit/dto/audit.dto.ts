import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsPlainText, Omittable } from '../../common/validation';

/** The kinds of thing the trail records; `kiosk` and `overdraft` are the district hub's. */
export const AUDITED_ENTITIES = [
  'product',
  'member',
  'card',
  'settings',
  'redemption',
  'event',
  'activity',
  'staff',
  'kiosk',
  'overdraft',
] as const;

export class AdminChangesQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Page back: changes older than this id' })
  @Omittable()
  @IsUUID()
  beforeId?: string;

  @ApiPropertyOptional({ description: 'Page forward: changes newer than this id (still newest first)' })
  @Omittable()
  @IsUUID()
  afterId?: string;

  @ApiPropertyOptional({ enum: AUDITED_ENTITIES })
  @Omittable()
  @IsIn(AUDITED_ENTITIES)
  entity?: string;

  @ApiPropertyOptional({ example: 'redemption.void', description: 'One action only' })
  @Omittable()
  @Matches(/^[a-z]+([.-][a-z]+)*$/, { message: '$property must be an action such as product.update' })
  @MaxLength(40)
  action?: string;

  @ApiPropertyOptional({ example: 'staff:admin', description: 'Changes by this actor only, as recorded' })
  @Omittable()
  @IsString()
  @IsPlainText()
  @MaxLength(100)
  actor?: string;

  @ApiPropertyOptional({ example: '2026-11-27T16:00:00.000Z', description: 'From this instant (inclusive)' })
  @Omittable()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-28T16:00:00.000Z', description: 'Until this instant (exclusive)' })
  @Omittable()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditSubject {
  @ApiProperty({ enum: AUDITED_ENTITIES, example: 'redemption' }) kind!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'R20261128-0007',
    description: 'What a person calls it: a product’s or member’s name, a receipt or card number, an event’s name',
  })
  label!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '王小明',
    description: 'Beside the label: the member of a card or redemption, the household of a member, an event’s activity',
  })
  detail!: string | null;
}

export class AdminChangeResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'staff:admin' }) actor!: string;
  @ApiProperty({ example: '社区管理员', description: 'The staff member’s name, or the username if unknown' })
  actorName!: string;
  @ApiProperty({ example: 'product.update' }) action!: string;
  @ApiProperty({ example: 'product' }) entity!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: AuditSubject }) subject!: AuditSubject;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { pricePoints: 30 } })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { pricePoints: 28 } })
  after!: Record<string, unknown> | null;
  @ApiProperty() createdAt!: string;
}

export class AuditActorResponse {
  @ApiProperty({ example: 'staff:admin' }) actor!: string;
  @ApiProperty({ example: '社区管理员' }) name!: string;
}
