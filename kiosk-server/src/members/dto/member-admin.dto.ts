import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Omittable, IsPlainText } from '../../common/validation';
import { LedgerEntryResponse } from '../../ledger/dto/ledger.dto';

export const MEMBER_LIST_DEFAULT = 20;
export const MEMBER_LIST_MAX = 100;
export const LOOKUP_ENTRIES = 50;

export class MemberListQuery {
  @ApiPropertyOptional({
    description: 'Part of a name, a household label or a card number (any case); empty lists the newest members',
    example: '3栋',
  })
  @Omittable()
  @IsString()
  @MaxLength(60)
  q?: string;

  @ApiPropertyOptional({
    description:
      'Exactly a household label: the members of that household account, the ones a member registered with this label would join (q is then ignored)',
    example: '3栋201',
  })
  @Omittable()
  @IsString()
  @MaxLength(60)
  household?: string;

  @ApiPropertyOptional({ default: MEMBER_LIST_DEFAULT, minimum: 1, maximum: MEMBER_LIST_MAX })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MEMBER_LIST_MAX)
  limit?: number;
}

export class MemberAccountResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['person', 'household'] }) kind!: string;
  @ApiProperty({ description: 'The person’s name, or the household label' }) name!: string;
  @ApiProperty() balance!: number;
}

export class MemberListItem {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '王小明' }) name!: string;
  @ApiProperty({ example: '王*明' }) displayName!: string;
  @ApiProperty({ nullable: true, type: String, example: '3栋201' }) household!: string | null;
  @ApiProperty() account!: MemberAccountResponse;
  @ApiProperty({ nullable: true, type: String, description: 'The active card, if any' }) cardNo!: string | null;
}

export class MemberDetailMember {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '王*明' }) displayName!: string;
  @ApiProperty({ nullable: true, type: String }) household!: string | null;
  @ApiProperty() createdAt!: string;
}

export class HouseholdMemberResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() displayName!: string;
}

export class MemberCardResponse {
  @ApiProperty() cardNo!: string;
  @ApiProperty({ enum: ['active', 'revoked'] }) status!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
}

export class MemberDetail {
  @ApiProperty() member!: MemberDetailMember;
  @ApiProperty() account!: MemberAccountResponse;
  @ApiProperty({
    type: [HouseholdMemberResponse],
    description: 'Everyone on the same account, this member included, oldest first',
  })
  householdMembers!: HouseholdMemberResponse[];
  @ApiProperty({ type: [MemberCardResponse], description: 'Every card the member has had, newest first' })
  cards!: MemberCardResponse[];
}

export class UpdateMemberDto {
  @ApiPropertyOptional({ example: '王小明' })
  @Omittable()
  @IsString()
  @IsPlainText()
  @Length(1, 40)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;
}

export class MoveMemberDto {
  @ApiPropertyOptional({ description: 'An existing household account to move to; or give newHousehold' })
  @Omittable()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({
    description: 'A household label: that household’s account, created when there is none yet; or give accountId',
    example: '5栋102',
  })
  @Omittable()
  @IsString()
  @IsPlainText()
  @Length(1, 60)
  @Matches(/\S/, { message: 'newHousehold must not be blank' })
  newHousehold?: string;

  @ApiPropertyOptional({
    description:
      'When the member is the last one on an account with points, move the whole balance along (two adjust entries). Otherwise the points stay with the account.',
    default: false,
  })
  @Omittable()
  @IsBoolean()
  transferBalance?: boolean;
}

export class LookupMemberDto {
  @ApiProperty({ description: 'The text read from the member card QR code' })
  @IsString()
  @MaxLength(4096)
  qr!: string;
}

export class LookupMember {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '王*明' }) displayName!: string;
}

export class MemberLookupResponse {
  @ApiProperty() member!: LookupMember;
  @ApiProperty({ description: 'A person’s own account has its name masked like the member’s' })
  account!: MemberAccountResponse;
  @ApiProperty({ type: [LedgerEntryResponse], description: `The newest ${LOOKUP_ENTRIES} entries, newest first` })
  entries!: LedgerEntryResponse[];
}

export const SHEET_MAX_MEMBERS = 300;

export class CardSheetQuery {
  @ApiPropertyOptional({
    type: String,
    description: `Comma-separated member ids (at most ${SHEET_MAX_MEMBERS}): only their active cards; without it, every active card`,
  })
  @Omittable()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @ArrayMinSize(1, { message: 'memberIds must list at least one member id' })
  @ArrayMaxSize(SHEET_MAX_MEMBERS)
  @IsUUID('all', { each: true, message: 'memberIds must be member ids separated by commas' })
  memberIds?: string[];
}
