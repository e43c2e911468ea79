import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { IsPlainText } from '../../common/validation';

export class RevokeCardDto {
  @ApiProperty({ example: '卡片遗失' })
  @IsString()
  @IsPlainText()
  @Length(2, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class RevokedCardResponse {
  @ApiProperty({ example: '1234567897' }) cardNo!: string;
  @ApiProperty({ enum: ['revoked'] }) status!: string;
  @ApiProperty() revokedAt!: string;
}
