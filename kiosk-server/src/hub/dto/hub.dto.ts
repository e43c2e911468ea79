import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { IsPlainText } from '../../common/validation';

export class CreateKioskDto {
  @ApiProperty({ example: '幸福社区积分超市', description: 'The store; the first kiosk of a new name creates it' })
  @IsString()
  @IsPlainText()
  @Length(1, 40)
  @Matches(/\S/, { message: 'store must not be blank' })
  store!: string;

  @ApiProperty({ example: '1号柜台' })
  @IsString()
  @IsPlainText()
  @Length(1, 40)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;
}

export class CreatedKioskResponse {
  @ApiProperty() kioskId!: string;
  @ApiProperty() store!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'K7QW-3MZP-9RTA', description: 'One-time code; the kiosk starts with HUB_KEY set to it' })
  enrolmentCode!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ description: 'The code as a QR picture (data: URL of an SVG) to scan at the kiosk' })
  enrolmentQr!: string;
}

export class HubKioskResponse {
  @ApiProperty() kioskId!: string;
  @ApiProperty() store!: string;
  @ApiProperty() name!: string;
  @ApiProperty() enrolled!: boolean;
  @ApiProperty({ nullable: true, type: String }) lastSyncAt!: string | null;
  @ApiProperty() acknowledgedSeq!: number;
  @ApiProperty({ enum: ['ok', 'broken'] }) chain!: 'ok' | 'broken';
  @ApiProperty({ nullable: true, type: String, description: 'Where and how the chain broke' })
  chainProblem!: string | null;
  @ApiProperty() revoked!: boolean;
  @ApiProperty({ nullable: true, type: String }) revokedReason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The kiosk's own id (its ledger entries carry it)" })
  origin!: string | null;
}

export class RevokeKioskDto {
  @ApiProperty({ example: '设备丢失' })
  @IsString()
  @IsPlainText()
  @Length(1, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class OverdraftResponse {
  @ApiProperty() id!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() accountName!: string;
  @ApiProperty() store!: string;
  @ApiProperty({ description: 'The deepest the merged balance went below zero' }) amount!: number;
  @ApiProperty({ description: 'The merged balance now' }) balance!: number;
  @ApiProperty({ type: [String], description: 'Ledger entries (spends) that took the balance below zero' })
  entries!: string[];
  @ApiProperty({ type: [String], description: 'Kiosks (their ids) where those spends were made' }) kiosks!: string[];
  @ApiProperty() openedAt!: string;
  @ApiProperty() resolved!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) resolvedAt!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    enum: ['covered', 'write-off', 'deduct'],
    description: 'covered: later awards brought the balance back; write-off / deduct: a district admin decided',
  })
  resolution!: 'covered' | 'write-off' | 'deduct' | null;
  @ApiPropertyOptional({ nullable: true, type: String }) resolutionReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Who decided (staff:<username>)' })
  resolvedBy!: string | null;
}

export class ResolveOverdraftDto {
  @ApiProperty({
    enum: ['write-off', 'deduct'],
    description: 'write-off: book the missing points back; deduct: leave them for later awards to cover',
  })
  @IsIn(['write-off', 'deduct'])
  mode!: 'write-off' | 'deduct';

  @ApiProperty({ example: '两台兑换机断网期间重复兑换，经社区核实' })
  @IsString()
  @IsPlainText()
  @Length(1, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
