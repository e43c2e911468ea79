import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Omittable } from '../../common/validation';

export const PERIODS = ['today', 'month'] as const;
export type Period = (typeof PERIODS)[number];

export class SummaryQuery {
  @ApiPropertyOptional({ enum: PERIODS, default: 'today', description: 'The kiosk’s local day or calendar month' })
  @Omittable()
  @IsIn(PERIODS)
  period?: Period;
}

export class TopProductResponse {
  @ApiProperty({ type: String, format: 'uuid' }) productId!: string;
  @ApiProperty({ example: '食用油 5L' }) name!: string;
  @ApiProperty({ description: 'Units redeemed (voided redemptions not counted)' }) quantity!: number;
  @ApiProperty({ description: 'Points spent on it' }) points!: number;
}

export class StockValueResponse {
  @ApiProperty({ description: 'Active products' }) products!: number;
  @ApiProperty({ description: 'Units on the shelf' }) units!: number;
  @ApiProperty({ description: 'Sum of stock × price of active products' }) valuePoints!: number;
}

export class SummaryResponse {
  @ApiProperty({ enum: PERIODS }) period!: Period;
  @ApiProperty({ description: 'Start of the period (inclusive), ISO instant' }) from!: string;
  @ApiProperty({ description: 'End of the period (exclusive), ISO instant' }) to!: string;
  @ApiProperty({ description: 'Redemptions made in the period, voided or not' }) redemptions!: number;
  @ApiProperty({ description: 'Redemptions voided in the period' }) voids!: number;
  @ApiProperty({ description: 'Points deducted by redemptions' }) pointsSpent!: number;
  @ApiProperty({ description: 'Points given back by voids' }) pointsReturned!: number;
  @ApiProperty({ description: 'Points awarded (award entries and positive adjustments)' }) pointsAwarded!: number;
  @ApiProperty({ description: 'Points deducted by admins (e.g. yard inspection), as a positive number' })
  pointsDeducted!: number;
  @ApiProperty({ type: [TopProductResponse], description: 'Top 5 by quantity' }) topProducts!: TopProductResponse[];
  @ApiProperty() stock!: StockValueResponse;
}
