import { ApiProperty } from '@nestjs/swagger';

export class SyncErrorDto {
  @ApiProperty({ example: 'HUB_UNREACHABLE' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty() at!: string;
}

export class SyncStatusResponse {
  @ApiProperty({ nullable: true, type: String }) hubUrl!: string | null;
  @ApiProperty() enrolled!: boolean;
  @ApiProperty({ nullable: true, type: String, description: "The hub's id for this kiosk" }) kioskId!: string | null;
  @ApiProperty({ nullable: true, type: String }) store!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastSyncAt!: string | null;
  @ApiProperty({ nullable: true, type: SyncErrorDto }) lastError!: SyncErrorDto | null;
  @ApiProperty({ description: 'Journal rows the hub has not acknowledged yet' }) pending!: number;
  @ApiProperty() acknowledgedSeq!: number;
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
