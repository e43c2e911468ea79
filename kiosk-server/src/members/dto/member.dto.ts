import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { Omittable, IsPlainText } from '../../common/validation';

export class RegisterMemberDto {
  @ApiProperty({ example: '王小明' })
  @IsString()
  @IsPlainText()
  @Length(1, 40)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({
    description: 'Household label such as 3栋201: members with the same label share one household account',
    example: '3栋201',
  })
  @Omittable()
  @IsString()
  @IsPlainText()
  @Length(1, 60)
  @Matches(/\S/, { message: 'household must not be blank' })
  household?: string;
}

export class CardResponse {
  @ApiProperty({ example: '1234567897' }) cardNo!: string;
  @ApiProperty({ description: 'The text encoded in the card QR code' }) qr!: string;
}

export class MemberSummary {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '王*明' }) displayName!: string;
  @ApiProperty({ nullable: true, type: String }) household!: string | null;
  @ApiProperty() accountId!: string;
}

export class AccountSummary {
  @ApiProperty() id!: string;
  @ApiProperty() balance!: number;
}

export class RegisteredMemberResponse {
  @ApiProperty() member!: MemberSummary;
  @ApiProperty() account!: AccountSummary;
  @ApiProperty() card!: CardResponse;
}
