import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { Omittable } from '../../common/validation';

export const RANKING_BASES = ['member', 'household'] as const;
export type RankingBasis = (typeof RANKING_BASES)[number];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class RankingPdfQuery {
  @ApiPropertyOptional({
    enum: RANKING_BASES,
    default: 'member',
    description: 'member: points a person earned; household: points each account (户) earned',
  })
  @Omittable()
  @IsIn(RANKING_BASES)
  by?: RankingBasis;

  @ApiPropertyOptional({ example: '2026-11', description: 'The month (YYYY-MM, local); this month by default' })
  @Omittable()
  @Matches(MONTH, { message: 'month must be YYYY-MM' })
  month?: string;
}

export class RankingQuery extends RankingPdfQuery {
  @ApiPropertyOptional({ default: 5, minimum: 1, maximum: 100 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class RankingRowResponse {
  @ApiProperty({ description: 'Equal points share a rank (1, 2, 2, 4)' }) rank!: number;
  @ApiProperty({ example: '王*明', description: 'Masked; a household reads 王*明家' }) displayName!: string;
  @ApiProperty({ description: 'Points earned in the month' }) points!: number;
}
