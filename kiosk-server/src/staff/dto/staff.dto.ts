import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength } from 'class-validator';

export class StaffSignInDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 40)
  username!: string;

  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{4,12}$/, { message: 'pin must be 4 to 12 digits' })
  pin!: string;
}

export class StaffSessionResponse {
  @ApiProperty() token!: string;
  @ApiProperty({ enum: ['volunteer', 'admin'] }) role!: string;
  @ApiProperty() displayName!: string;
}

export class StaffCardScanDto {
  @ApiProperty({ description: 'The text read from a staff card QR code (PSKS1.…)' })
  @IsString()
  @MaxLength(4096)
  qr!: string;
}

export class StaffCardHolderResponse {
  @ApiProperty({ example: 'volunteer' }) username!: string;
  @ApiProperty({ example: '值班志愿者' }) displayName!: string;
}
