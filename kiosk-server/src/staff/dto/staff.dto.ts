import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsPlainText, Omittable } from '../../common/validation';

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

const PIN = /^\d{6,12}$/;
const PIN_MESSAGE = 'pin must be 6 to 12 digits';

/** A staff member as the admin screen lists them (never the PIN hash). */
export class StaffMemberResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'staff3', description: 'Made by the kiosk; stays the same when the person is renamed' })
  username!: string;
  @ApiProperty({ example: '李阿姨' }) displayName!: string;
  @ApiProperty({ enum: ['volunteer', 'admin'] }) role!: 'volunteer' | 'admin';
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Wrong PINs have locked the person out for now' }) locked!: boolean;
  @ApiProperty({ description: 'Their staff card signs them in (active staff only)' }) hasCard!: boolean;
}

/** A name on the sign-in screen: whom to tap, nothing more. */
export class SignInNameResponse {
  @ApiProperty({ example: 'staff3' }) username!: string;
  @ApiProperty({ example: '李阿姨' }) displayName!: string;
}

export class CreateStaffDto {
  @ApiProperty({ example: '李阿姨' })
  @IsString()
  @IsPlainText()
  @Matches(/\S/, { message: 'displayName must not be blank' })
  @Length(1, 30)
  displayName!: string;

  @ApiProperty({ enum: ['volunteer', 'admin'] })
  @IsIn(['volunteer', 'admin'])
  role!: 'volunteer' | 'admin';

  @ApiProperty({ example: '246810' })
  @IsString()
  @Matches(PIN, { message: PIN_MESSAGE })
  pin!: string;
}

export class UpdateStaffDto {
  @ApiPropertyOptional({ example: '李阿姨' })
  @Omittable()
  @IsString()
  @IsPlainText()
  @Matches(/\S/, { message: 'displayName must not be blank' })
  @Length(1, 30)
  displayName?: string;

  @ApiPropertyOptional({ enum: ['volunteer', 'admin'] })
  @Omittable()
  @IsIn(['volunteer', 'admin'])
  role?: 'volunteer' | 'admin';

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  active?: boolean;
}

export class ResetPinDto {
  @ApiProperty({ example: '135790' })
  @IsString()
  @Matches(PIN, { message: PIN_MESSAGE })
  pin!: string;
}

export class ChangeOwnPinDto {
  @ApiProperty({ example: '246810' })
  @IsString()
  @Matches(/^\d{4,12}$/, { message: 'currentPin must be 4 to 12 digits' })
  currentPin!: string;

  @ApiProperty({ example: '135790' })
  @IsString()
  @Matches(PIN, { message: 'newPin must be 6 to 12 digits' })
  newPin!: string;
}
