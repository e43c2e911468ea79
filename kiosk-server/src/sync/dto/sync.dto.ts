import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { Omittable } from '../../common/validation';

export class SyncErrorDto {
  @ApiProperty({ example: 'HUB_UNREACHABLE' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty() at!: string;
}

export class SetHubDto {
  @ApiPropertyOptional({
    example: 'http://hub.example:3000',
    description: 'The hub (needed when the kiosk was started without HUB_URL)',
  })
  @Omittable()
  @IsString()
  @Length(8, 200)
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'hubUrl must be an http:// or https:// address' })
  hubUrl?: string;

  @ApiProperty({ example: '7KQM-3WZP-9RTA', description: 'The one-time enrolment code from the hub' })
  @IsString()
  @Length(4, 40)
  enrolmentCode!: string;
}

export class SyncStatusResponse {
  @ApiProperty({ nullable: true, type: String }) hubUrl!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "This kiosk's name at the hub" }) name!: string | null;
  @ApiProperty({ description: 'Rounds run by themselves (SYNC_INTERVAL_SECONDS > 0)' }) automatic!: boolean;
  @ApiProperty({ description: 'A round is under way now' }) running!: boolean;
  @ApiProperty() enrolled!: boolean;
  @ApiProperty({ nullable: true, type: String, description: "The hub's id for this kiosk" }) kioskId!: string | null;
  @ApiProperty({ nullable: true, type: String }) store!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastSyncAt!: string | null;
  @ApiProperty({ nullable: true, type: SyncErrorDto }) lastError!: SyncErrorDto | null;
  @ApiProperty({ description: 'Journal rows the hub has not acknowledged yet' }) pending!: number;
  @ApiProperty() acknowledgedSeq!: number;
  @ApiProperty({ nullable: true, type: String, description: 'The last file written for a USB stick' })
  lastUsbExportAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The last hub answer file imported from a USB stick' })
  lastUsbImportAt!: string | null;
  @ApiProperty({ description: 'An enrolment file was exported: the answer file from the hub enrols this kiosk' })
  usbEnrolmentPending!: boolean;
}

export class SyncRoundResponse {
  @ApiProperty({ description: 'Journal rows the hub took in this round' }) pushed!: number;
  @ApiProperty({ description: 'Rows of other kiosks and the hub applied here' }) pulled!: number;
  @ApiProperty() acknowledgedSeq!: number;
  @ApiProperty() pullCursor!: number;
  @ApiProperty() store!: string;
  @ApiProperty({ description: 'The digests differed and the store was pulled again from the start' })
  rescanned!: boolean;
  @ApiProperty({ type: [String] }) problems!: string[];
  @ApiProperty() durationMs!: number;
}
