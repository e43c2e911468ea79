import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class StartSessionDto {
  @ApiProperty({ description: 'The text read from the member card QR code' })
  @IsString()
  @MaxLength(4096)
  qr!: string;
}

export class SessionMember {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '王*明' }) displayName!: string;
}

export class SessionAccount {
  @ApiProperty() id!: string;
  @ApiProperty() balance!: number;
}

export class ResidentSessionResponse {
  @ApiProperty() token!: string;
  @ApiProperty() member!: SessionMember;
  @ApiProperty() account!: SessionAccount;
  @ApiProperty({ description: 'Seconds of inactivity after which the session ends' }) idleSeconds!: number;
}

export class CurrentSessionResponse {
  @ApiProperty() member!: SessionMember;
  @ApiProperty() account!: SessionAccount;
  @ApiProperty() idleSeconds!: number;
}
