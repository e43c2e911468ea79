import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  MaxLength,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsId, IsPlainText, Omittable } from '../../common/validation';

export class RestockDto {
  @IsId() productId!: string;
  @ApiProperty({ example: 20 }) @IsInt() @Min(1) @Max(10000) quantity!: number;
  @ApiPropertyOptional({ example: '街道配送第 12 批' })
  @Omittable()
  @IsString()
  @IsPlainText()
  @MaxLength(200)
  note?: string;
}

export class StockCountDto {
  @IsId() productId!: string;
  @ApiProperty({ example: 18 }) @IsInt() @Min(0) @Max(100000) counted!: number;
}

export class StocktakeDto {
  @ApiProperty({ type: [StockCountDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => StockCountDto)
  counts!: StockCountDto[];

  @ApiProperty({ example: '月末盘点' }) @IsString() @IsPlainText() @MaxLength(200) note!: string;
}

export class StockChangeResponse {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty() before!: number;
  @ApiProperty() after!: number;
  @ApiProperty() delta!: number;
}

export class StocktakeResponse {
  @ApiProperty({ type: [StockChangeResponse] }) adjustments!: StockChangeResponse[];
  @ApiProperty() unchanged!: number;
}

export class MovementsQuery {
  @IsId({ required: false, description: 'Only this product' })
  @Omittable()
  productId?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class StockMovementResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ example: '食用油 5L' }) productName!: string;
  @ApiProperty({ example: 20, description: 'Units in (positive) or out (negative)' }) delta!: number;
  @ApiProperty() stockAfter!: number;
  @ApiProperty({ enum: ['initial', 'restock', 'stocktake', 'redemption', 'void', 'adjust'] }) reason!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ example: 'staff:volunteer' }) actor!: string;
  @ApiProperty() createdAt!: string;
}
