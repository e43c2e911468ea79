import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Length, Matches, Max, Min, NotEquals } from 'class-validator';
import { IsId, Omittable, IsPlainText } from '../../common/validation';

export class AwardPointsDto {
  @ApiPropertyOptional({ description: 'The account to credit; or give qr' })
  @Omittable()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ description: 'A scanned member card; or give accountId' })
  @Omittable()
  @IsString()
  @Length(1, 4096)
  qr?: string;

  @ApiPropertyOptional({
    description: 'Points; negative for a deduction. Defaults to the activity’s points.',
    example: 2,
  })
  @Omittable()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  @NotEquals(0)
  points?: number;

  @IsId({ required: false, description: 'The activity from the activity catalogue' })
  @Omittable()
  activityId?: string;

  @ApiPropertyOptional({ example: '参加河道巡查' })
  @Omittable()
  @IsString()
  @IsPlainText()
  @Length(1, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason?: string;
}

export class LedgerEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() delta!: number;
  @ApiProperty() balanceAfter!: number;
  @ApiProperty({ enum: ['award', 'redeem', 'void', 'adjust'] }) kind!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ example: 'staff:admin' }) actor!: string;
  @ApiPropertyOptional({
    example: '李阿姨',
    description: "In passbooks: the display name of this kiosk's staff member who made the entry",
  })
  actorName?: string;
  @ApiProperty() kioskId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() hash!: string;
}

export class AccountBalanceResponse {
  @ApiProperty() id!: string;
  @ApiProperty() balance!: number;
}

export class PassbookAccountResponse extends AccountBalanceResponse {
  @ApiProperty({ enum: ['person', 'household'] }) kind!: string;
  @ApiProperty({ description: 'The person’s name, or the household label' }) name!: string;
}

export class AwardResponse {
  @ApiProperty() entry!: LedgerEntryResponse;
  @ApiProperty() account!: AccountBalanceResponse;
}

export class PassbookResponse {
  @ApiProperty() account!: PassbookAccountResponse;
  @ApiProperty({ type: [LedgerEntryResponse] }) entries!: LedgerEntryResponse[];
}

export class VerifyResponse {
  @ApiProperty() ok!: boolean;
  @ApiProperty() entries!: number;
  @ApiPropertyOptional() firstBadEntryId?: string;
  @ApiPropertyOptional() problem?: string;
}
