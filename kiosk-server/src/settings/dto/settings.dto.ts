import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Omittable, IsPlainText } from '../../common/validation';

/** Any subset of the store rules; the same limits as SettingsService enforces. */
export class UpdateSettingsDto {
  @ApiPropertyOptional({ example: '幸福社区积分超市', maxLength: 40 })
  @Omittable()
  @IsString()
  @IsPlainText()
  @Length(1, 40)
  @Matches(/\S/, { message: 'storeName must not be blank' })
  storeName?: string;

  @ApiPropertyOptional({ example: 10, minimum: 0, maximum: 100000, description: 'Least balance to redeem' })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(100000)
  minRedeemBalance?: number;

  @ApiPropertyOptional({ example: 120, minimum: 15, maximum: 3600, description: 'Resident session idle timeout' })
  @Omittable()
  @IsInt()
  @Min(15)
  @Max(3600)
  residentIdleSeconds?: number;

  @ApiPropertyOptional({ example: '欢迎光临', maxLength: 80 })
  @Omittable()
  @IsString()
  @IsPlainText()
  @MaxLength(80)
  receiptHeader?: string;

  @ApiPropertyOptional({ example: '文明实践 积分兑换 谢谢您的奉献', maxLength: 80 })
  @Omittable()
  @IsString()
  @IsPlainText()
  @MaxLength(80)
  receiptFooter?: string;

  @ApiPropertyOptional({ example: true, description: 'false: member cards print the masked name' })
  @Omittable()
  @IsBoolean()
  showNameOnCard?: boolean;

  @ApiPropertyOptional({
    example: 20,
    minimum: 0,
    maximum: 100000,
    description:
      "Points an account may spend here while the store's other kiosks cannot be seen (sync stale); 0 refuses",
  })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(100000)
  offlineAllowance?: number;

  @ApiPropertyOptional({
    example: 100,
    minimum: 1,
    maximum: 100000,
    description: 'Receive goods asks once more (the number in words) before booking more pieces than this',
  })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(100000)
  largeQuantity?: number;
}

export class SettingsResponse {
  @ApiProperty({ example: '幸福社区积分超市' }) storeName!: string;
  @ApiProperty({ example: 10 }) minRedeemBalance!: number;
  @ApiProperty({ example: 120 }) residentIdleSeconds!: number;
  @ApiProperty() receiptHeader!: string;
  @ApiProperty() receiptFooter!: string;
  @ApiProperty() showNameOnCard!: boolean;
  @ApiProperty({ example: 20 }) offlineAllowance!: number;
  @ApiProperty({ example: 100 }) largeQuantity!: number;
}
