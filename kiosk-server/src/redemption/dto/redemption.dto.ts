import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsId, IsPlainText, Omittable } from '../../common/validation';
import type { RedemptionStatus } from '../redemption.entity';

export const MAX_LINES = 20;
export const MAX_QUANTITY = 99;

export class RedemptionItemDto {
  @IsId()
  productId!: string;

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
  @IsPlainText()
  @Length(2, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class RedemptionLineResponse {
  @ApiProperty({ format: 'uuid' }) productId!: string;
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

export class RedemptionMemberResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '王*明', description: 'The masked name, as on the receipt' }) displayName!: string;
  @ApiProperty({ example: '王小明' }) name!: string;
}

export class PrintJobResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['receipt', 'reprint', 'test'] }) kind!: string;
  @ApiProperty({ enum: ['queued', 'printing', 'printed', 'failed'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) printedAt!: string | null;
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

  // Staff only (a resident asking for their own redemption gets the fields above):
  @ApiPropertyOptional({ type: RedemptionMemberResponse, description: 'Staff only' })
  member?: RedemptionMemberResponse;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Staff only' }) voidReason?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Staff only' }) voidedBy?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Staff only' }) voidedAt?: string | null;
  @ApiPropertyOptional({ type: [PrintJobResponse], description: 'Staff only: every print of the receipt' })
  printJobs?: PrintJobResponse[];
}

export class VoidResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['voided'] }) status!: string;
  @ApiProperty() pointsReturned!: number;
  @ApiProperty() balanceAfter!: number;
  @ApiProperty() ledgerEntryId!: string;
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class RedemptionSearchQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First local day (inclusive)' })
  @Omittable()
  @Matches(DAY, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last local day (inclusive)' })
  @Omittable()
  @Matches(DAY, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ description: 'Redemptions made with this member’s card' })
  @Omittable()
  @IsUUID()
  memberId?: string;

  @IsId({ required: false, description: 'Redemptions with a line of this product' })
  @Omittable()
  productId?: string;

  @ApiPropertyOptional({ example: '000042', description: 'Receipt number or a part of it' })
  @Omittable()
  @IsString()
  @Length(1, 40)
  receiptNo?: string;

  @ApiPropertyOptional({ enum: ['completed', 'voided'] })
  @Omittable()
  @IsIn(['completed', 'voided'])
  status?: RedemptionStatus;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export class RedemptionSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'K1A2B3C-000042' }) receiptNo!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() member!: RedemptionMemberResponse;
  @ApiProperty() accountId!: string;
  @ApiProperty() totalPoints!: number;
  @ApiProperty({ enum: ['completed', 'voided'] }) status!: string;
  @ApiProperty() lineCount!: number;
}

export class RedemptionPageResponse {
  @ApiProperty({ description: 'How many redemptions match, over all pages' }) total!: number;
  @ApiProperty({ type: [RedemptionSummaryResponse] }) items!: RedemptionSummaryResponse[];
}
