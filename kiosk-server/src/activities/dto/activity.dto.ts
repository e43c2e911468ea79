import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Length, Matches, Max, Min, NotEquals } from 'class-validator';
import { IsPlainText, Omittable } from '../../common/validation';

/**
 * The most an award may give or take (AwardPointsDto.points), so that an activity's usual points
 * can be awarded as they are. Negative: a deduction (扣分) activity, which Points offers when deducting.
 */
export const MAX_ACTIVITY_POINTS = 1000;

export class CreateActivityDto {
  @ApiProperty({ example: '河道巡查', description: '1 to 40 characters, unique (spaces around it are dropped)' })
  @IsString()
  @IsPlainText()
  @Length(1, 40)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({
    example: 5,
    minimum: -MAX_ACTIVITY_POINTS,
    maximum: MAX_ACTIVITY_POINTS,
    description: 'Points an award with it gives by default; negative for a deduction; never 0',
  })
  @IsInt()
  @Min(-MAX_ACTIVITY_POINTS)
  @Max(MAX_ACTIVITY_POINTS)
  @NotEquals(0)
  defaultPoints!: number;
}

export class UpdateActivityDto extends PartialType(CreateActivityDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'false retires it (hidden from awards and check-ins), true restores it' })
  @Omittable()
  @IsBoolean()
  active?: boolean;
}

export class ActivityListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true (admin only): also the retired activities' })
  @Omittable()
  @IsIn(['true', 'false'])
  all?: 'true' | 'false';
}

export class ActivityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() defaultPoints!: number;
  @ApiProperty({ description: 'false: retired, kept for the awards that name it' }) active!: boolean;
}
