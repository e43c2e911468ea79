import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { SettingsService } from './settings.service';

class KioskInfoResponse {
  @ApiProperty() storeName!: string;
  @ApiProperty() kioskId!: string;
  @ApiProperty() minRedeemBalance!: number;
  @ApiProperty() residentIdleSeconds!: number;
}

/** What the touchscreen needs before anyone signs in. */
@ApiTags('kiosk')
@Controller('api/kiosk')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOkResponse({ type: KioskInfoResponse })
  info(): KioskInfoResponse {
    const { storeName, minRedeemBalance, residentIdleSeconds } = this.settings.current;
    return { storeName, kioskId: this.settings.kioskId, minRedeemBalance, residentIdleSeconds };
  }
}
