import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class UsbEnrolDto {
  @ApiProperty({ example: '7KQM-3WZP-9RTA', description: 'The one-time enrolment code from the hub' })
  @IsString()
  @Length(4, 40)
  enrolmentCode!: string;
}

/** A sync file to save on a USB stick: its name and its whole text (the browser offers it as a download). */
export class UsbFileResponse {
  @ApiProperty({ example: 'points-0190c3e2-20261128-101500.pksync' }) fileName!: string;
  @ApiProperty({ description: 'The file itself (JSON text, signed); save it unchanged' }) file!: string;
}

export class UsbExportResponse extends UsbFileResponse {
  @ApiProperty({ description: 'Counts up per kiosk; the answer names the export it answers' }) fileSeq!: number;
  @ApiProperty({ description: 'Journal rows in the file (those the hub has not acknowledged)' }) rows!: number;
  @ApiProperty({ description: 'More rows wait: export again after importing the answer' }) more!: boolean;
}

export class UsbKioskImportResponse {
  @ApiProperty({ description: 'The export this answer file answers' }) answersFileSeq!: number;
  @ApiProperty({ description: 'Rows of other kiosks and the hub applied here' }) received!: number;
  @ApiProperty({ description: 'Rows of this kiosk the hub newly acknowledged' }) acknowledged!: number;
  @ApiProperty() acknowledgedSeq!: number;
  @ApiProperty({ description: 'Rows of this kiosk the hub still has not acknowledged' }) pending!: number;
  @ApiProperty({ description: 'The hub had more for this kiosk: export and import again' }) more!: boolean;
  @ApiProperty({ description: 'The digests differed: the next export asks for the store from the start' })
  rescan!: boolean;
  @ApiPropertyOptional({ description: "Set when the hub refused this kiosk's rows (chain broken)" })
  problem?: string;
}

export class UsbHubImportResponse extends UsbFileResponse {
  @ApiProperty() kioskId!: string;
  @ApiProperty() store!: string;
  @ApiProperty({ description: "The kiosk's name at the hub" }) name!: string;
  @ApiProperty({ description: 'The export file answered' }) fileSeq!: number;
  @ApiProperty({ description: 'Rows in the file' }) rows!: number;
  @ApiProperty({ description: 'Rows of the kiosk newly taken in by the hub' }) received!: number;
  @ApiProperty() acknowledgedSeq!: number;
  @ApiProperty({ description: "Rows of the store's other kiosks and the hub put into the answer" }) sent!: number;
  @ApiProperty({ description: 'More rows wait for the kiosk than one answer carries' }) more!: boolean;
  @ApiPropertyOptional({ description: "Set when a row broke the kiosk's chain: nothing from there on was taken" })
  problem?: string;
}
