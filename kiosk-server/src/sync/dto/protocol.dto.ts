import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Omittable } from '../../common/validation';
import type { JournalRow, OriginDigest } from '../journal';

/** The kiosk ↔ hub protocol (SYNC.md "Protocol"). Every request is signed with the device key. */

const HASH = /^[0-9a-f]{64}$/;
const ORIGIN = /^[A-Za-z0-9_-]{1,32}$/;
/** Rows per push or pull; a round takes as many as it needs. */
export const SYNC_BATCH = 500;
export const MAX_CHANGES_TEXT = 256 * 1024;

export class EnrolRequest {
  @ApiProperty({ description: 'The one-time enrolment code a hub admin gave out' })
  @IsString()
  @Length(4, 40)
  code!: string;

  @ApiProperty({ description: "The kiosk's own id: the origin of its journal and ledger chain" })
  @Matches(ORIGIN)
  origin!: string;

  @ApiProperty({ description: "The kiosk's device public key (PEM); requests are signed with it" })
  @IsString()
  @Length(40, 400)
  publicKey!: string;

  @ApiProperty({ description: "The kiosk's card-signing public key (PEM): its store's kiosks accept its cards" })
  @IsString()
  @Length(40, 400)
  cardKey!: string;
}

export class OriginRequest {
  @ApiProperty({ description: 'The id the kiosk goes on under (after a restore from a backup)' })
  @Matches(ORIGIN)
  origin!: string;
}

export class EnrolResponse {
  @ApiProperty() kioskId!: string;
  @ApiProperty() store!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ description: "The hub's own public key (PEM): it signs the USB answer files" })
  hubKey?: string;
}

export class JournalRowDto implements JournalRow {
  @ApiProperty() @Matches(ORIGIN) origin!: string;
  @ApiProperty() @IsInt() @Min(1) seq!: number;
  @ApiProperty() @IsString() @Length(20, 60) hlc!: string;
  @ApiProperty({ description: 'The changes as JSON text' }) @IsString() @Length(2, MAX_CHANGES_TEXT) changes!: string;
  @ApiProperty() @IsString() @Length(10, 40) createdAt!: string;
  @ApiProperty() @Matches(HASH) prevHash!: string;
  @ApiProperty() @Matches(HASH) hash!: string;
}

export class PushRequest {
  @ApiProperty({ type: [JournalRowDto] })
  @IsArray()
  @ArrayMaxSize(SYNC_BATCH)
  @ValidateNested({ each: true })
  @Type(() => JournalRowDto)
  rows!: JournalRowDto[];
}

export class PushResponse {
  @ApiProperty({ description: 'Every row of the kiosk up to this one is held by the hub' })
  acknowledgedSeq!: number;
  @ApiProperty() head!: string;
  @ApiPropertyOptional({ description: 'Set when a row broke the chain: nothing from there on is taken' })
  problem?: string;
}

export class PullRequest {
  @ApiProperty({ description: "The hub's change sequence the kiosk has applied up to" })
  @IsInt()
  @Min(0)
  after!: number;

  @ApiPropertyOptional({ maximum: SYNC_BATCH })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(SYNC_BATCH)
  limit?: number;
}

export class PulledRow extends JournalRowDto {
  @ApiProperty() hubSeq!: number;
}

export class PullResponse {
  @ApiProperty({ type: [PulledRow] }) rows!: PulledRow[];
  @ApiProperty({ description: 'The cursor to ask from next time' }) next!: number;
  @ApiProperty() more!: boolean;
  @ApiProperty() store!: string;
  @ApiProperty({ description: "Card-signing public keys (PEM) of the store's other kiosks" }) cardKeys!: string[];
  @ApiProperty({ description: 'Kiosks of the store that can spend points (for the offline allowance)' })
  spendingPoints!: number;
  @ApiPropertyOptional({ description: "The hub's public key (PEM), for kiosks enrolled before it was handed out" })
  hubKey?: string;
}

export class OriginDigestDto implements OriginDigest {
  @ApiProperty() @Matches(ORIGIN) origin!: string;
  @ApiProperty() @IsInt() @Min(0) count!: number;
  @ApiProperty() @IsInt() @Min(0) lastSeq!: number;
  @ApiProperty() @Matches(HASH) head!: string;
}

export class DigestRequest {
  @ApiProperty({ description: 'The pull cursor the digest is taken at' }) @IsInt() @Min(0) cursor!: number;

  @ApiProperty({ type: [OriginDigestDto] })
  @IsArray()
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => OriginDigestDto)
  origins!: OriginDigestDto[];
}

export class DigestResponse {
  @ApiProperty({ description: 'The kiosk misses rows it should hold: it pulls its store again from the start' })
  rescan!: boolean;
  @ApiProperty({ description: 'Where hub and kiosk disagree, in words' }) problems!: string[];
}
