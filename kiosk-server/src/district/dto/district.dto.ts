import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsPlainText, Omittable } from '../../common/validation';
import { RankingPdfQuery, RankingRowResponse } from '../../rankings/dto/ranking.dto';

const QUARTER = /^\d{4}-Q[1-4]$/;

export class DistrictRankingPdfQuery extends RankingPdfQuery {
  @ApiPropertyOptional({ example: '幸福社区积分超市', description: 'One store; the whole district (全区) without it' })
  @Omittable()
  @IsString()
  @IsPlainText()
  @Length(1, 40)
  store?: string;
}

export class DistrictRankingQuery extends DistrictRankingPdfQuery {
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class DistrictRankingRowResponse extends RankingRowResponse {
  @ApiProperty({ example: '幸福社区积分超市', description: 'The store of the account' }) store!: string;
}

export class DistrictStoreResponse {
  @ApiProperty({ example: '幸福社区积分超市' }) store!: string;
}

export class SettlementQuery {
  @ApiProperty({ example: '幸福社区积分超市' })
  @IsString()
  @IsPlainText()
  @Length(1, 40)
  store!: string;

  @ApiPropertyOptional({ example: '2026-Q4', description: 'The quarter (YYYY-Qn, local); this quarter by default' })
  @Omittable()
  @Matches(QUARTER, { message: 'quarter must be YYYY-Qn' })
  quarter?: string;
}

export class SettlementRedeemedResponse {
  @ApiProperty() productId!: string;
  @ApiProperty({ description: 'As the receipt named it' }) productName!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() points!: number;
}

export class SettlementVoidResponse {
  @ApiProperty({ example: 'SA1-000012' }) receiptNo!: string;
  @ApiProperty() points!: number;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) voidedAt!: string | null;
}

export class SettlementReceivedResponse {
  @ApiProperty() productId!: string;
  @ApiProperty() productName!: string;
  @ApiProperty({ description: 'Units received (new stock and restocks)' }) quantity!: number;
}

export class SettlementEntryLineResponse {
  @ApiProperty({ example: 'award', description: 'Ledger entry kind: award, adjust (deductions, write-offs) …' })
  kind!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The activity of an award; null when none is named' })
  activityId!: string | null;
  @ApiProperty({ nullable: true, type: String }) activityName!: string | null;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Sum of the entries (negative for deductions)' }) points!: number;
}

export class SettlementTotalsResponse {
  @ApiProperty() redeemedQuantity!: number;
  @ApiProperty() redeemedPoints!: number;
  @ApiProperty() voidCount!: number;
  @ApiProperty() voidPoints!: number;
  @ApiProperty() receivedQuantity!: number;
  @ApiProperty() awardCount!: number;
  @ApiProperty() awardedPoints!: number;
  @ApiProperty({ description: 'Sum of the other entry lines (deductions, adjustments)' }) otherPoints!: number;
}

export class SettlementResponse {
  @ApiProperty() store!: string;
  @ApiProperty({ example: '2026-Q4' }) quarter!: string;
  @ApiProperty({ description: 'First instant of the quarter (local midnight)' }) from!: string;
  @ApiProperty({ description: 'First instant after the quarter' }) to!: string;
  @ApiProperty({ type: [SettlementRedeemedResponse], description: 'Completed redemptions only' })
  redeemed!: SettlementRedeemedResponse[];
  @ApiProperty({ type: [SettlementVoidResponse] }) voids!: SettlementVoidResponse[];
  @ApiProperty({ type: [SettlementReceivedResponse] }) received!: SettlementReceivedResponse[];
  @ApiProperty({ type: [SettlementEntryLineResponse], description: 'Awards per activity' })
  awards!: SettlementEntryLineResponse[];
  @ApiProperty({
    type: [SettlementEntryLineResponse],
    description: 'Entries other than awards, redemptions and voids (deductions, adjustments), per kind',
  })
  otherEntries!: SettlementEntryLineResponse[];
  @ApiProperty({ type: SettlementTotalsResponse }) totals!: SettlementTotalsResponse;
}
