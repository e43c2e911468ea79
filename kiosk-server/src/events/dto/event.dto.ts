import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsId, Omittable, IsPlainText } from '../../common/validation';
import { LedgerEntryResponse } from '../../ledger/dto/ledger.dto';

export class CreateEventDto {
  @IsId({ description: 'The activity from the activity catalogue' })
  activityId!: string;

  @ApiPropertyOptional({ example: 2, description: 'Points per check-in; defaults to the activity’s points' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(1000)
  points?: number;

  @ApiPropertyOptional({
    example: '志愿服务 2026-11-22',
    description: 'Defaults to the activity’s name and today’s date',
  })
  @Omittable()
  @IsString()
  @IsPlainText()
  @Length(1, 60)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;
}

export class EventListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: open events only; false: closed ones only' })
  @Omittable()
  @IsIn(['true', 'false'])
  open?: 'true' | 'false';
}

export class CheckInDto {
  @ApiProperty({ description: 'The text read from the member card QR code' })
  @IsString()
  @MaxLength(4096)
  qr!: string;
}

export class EventResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ example: '志愿服务' }) activityName!: string;
  @ApiProperty({ example: '志愿服务 2026-11-22' }) name!: string;
  @ApiProperty({ example: 2 }) points!: number;
  @ApiProperty({ example: 'staff:admin' }) createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty() checkInCount!: number;
}

export class CheckInResponse {
  @ApiProperty() memberId!: string;
  @ApiProperty({ example: '王*明' }) displayName!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() ledgerEntryId!: string;
}

export class EventDetailResponse {
  @ApiProperty() event!: EventResponse;
  @ApiProperty({ type: [CheckInResponse], description: 'Newest first' }) checkIns!: CheckInResponse[];
}

export class CheckInMember {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '王*明' }) displayName!: string;
}

export class CheckInAccount {
  @ApiProperty() id!: string;
  @ApiProperty() balance!: number;
}

export class CheckInResultResponse {
  @ApiProperty() member!: CheckInMember;
  @ApiProperty() account!: CheckInAccount;
  @ApiProperty() entry!: LedgerEntryResponse;
  @ApiProperty({ description: 'Members checked in at this event so far, this one included' }) checkInCount!: number;
}
