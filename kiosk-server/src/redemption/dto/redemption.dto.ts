import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const MAX_LINES = 20;
export const MAX_QUANTITY = 99;

export class RedemptionItemDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  productId!: number;

  @ApiProperty({ example: 1, minimum: 1, maximum: MAX_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;
}

export class CreateRedemptionDto {
  @ApiProperty({ type: [RedemptionItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => RedemptionItemDto)
  items!: RedemptionItemDto[];
}

export class VoidRedemptionDto {
  @ApiProperty({ example: '误兑换，会员退回商品' })
  @IsString()
  @Length(2, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class RedemptionLineResponse {
  @ApiProperty() productId!: number;
  @ApiProperty() name!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() pricePoints!: number;
  @ApiProperty() lineTotal!: number;
}

export class PrintStatusResponse {
  @ApiProperty({ enum: ['queued', 'printing', 'printed', 'failed', 'disabled'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) jobId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error?: string | null;
}

export class RedemptionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'K1A2B3C-000042' }) receiptNo!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() totalPoints!: number;
  @ApiProperty() balanceBefore!: number;
  @ApiProperty() balanceAfter!: number;
  @ApiProperty({ type: [RedemptionLineResponse] }) lines!: RedemptionLineResponse[];
  @ApiProperty({ enum: ['completed', 'voided'] }) status!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() print!: PrintStatusResponse;
}

export class VoidResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['voided'] }) status!: string;
  @ApiProperty() pointsReturned!: number;
  @ApiProperty() balanceAfter!: number;
  @ApiProperty() ledgerEntryId!: string;
}
