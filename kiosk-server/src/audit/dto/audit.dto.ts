import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { Omittable } from '../../common/validation';

export const AUDITED_ENTITIES = ['product', 'member', 'card', 'settings', 'redemption', 'event', 'staff'] as const;

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

  @ApiPropertyOptional({ enum: AUDITED_ENTITIES })
  @Omittable()
  @IsIn(AUDITED_ENTITIES)
  entity?: string;
}

export class AdminChangeResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'admin:admin' }) actor!: string;
  @ApiProperty({ example: 'product.update' }) action!: string;
  @ApiProperty({ example: 'product' }) entity!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { pricePoints: 30 } })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { pricePoints: 28 } })
  after!: Record<string, unknown> | null;
  @ApiProperty() createdAt!: string;
}
