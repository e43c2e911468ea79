import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig, type KioskRole } from '../config/app-config';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import { SettingsResponse, UpdateSettingsDto } from './dto/settings.dto';
import { SettingsService, type StoreSettings } from './settings.service';

class KioskInfoResponse {
  @ApiProperty() storeName!: string;
  @ApiProperty() kioskId!: string;
  @ApiProperty() minRedeemBalance!: number;
  @ApiProperty() residentIdleSeconds!: number;
  @ApiProperty({ description: 'Receive goods asks once more before booking more pieces than this' })
  largeQuantity!: number;
  @ApiProperty({ enum: ['kiosk', 'hub'], description: 'hub: the district hub, whose console has other screens' })
  role!: KioskRole;
}

/** What the touchscreen needs before anyone signs in. */
@ApiTags('kiosk')
@Controller('api/kiosk')
export class SettingsController {
  constructor(
    private readonly settings: SettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: KioskInfoResponse })
  info(): KioskInfoResponse {
    const { storeName, minRedeemBalance, residentIdleSeconds, largeQuantity } = this.settings.current;
    return {
      storeName,
      kioskId: this.settings.kioskId,
      minRedeemBalance,
      residentIdleSeconds,
      largeQuantity,
      role: this.config.role,
    };
  }
}

/** The rules as stored are the answer, field for field (a copy, not the service's own object). */
function toSettingsResponse(settings: Readonly<StoreSettings>): SettingsResponse {
  return { ...settings };
}

/** The store rules an admin changes: minimum balance, idle time, receipt header and footer, store name. */
@ApiTags('settings')
@Controller('api/settings')
export class StoreSettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOkResponse({ type: SettingsResponse })
  @StaffOnly('admin')
  get(): SettingsResponse {
    return toSettingsResponse(this.settings.current);
  }

  @Patch()
  @ApiOkResponse({ type: SettingsResponse })
  @StaffOnly('admin')
  async update(@Body() body: UpdateSettingsDto, @CurrentStaff() staff: StaffSession): Promise<SettingsResponse> {
    return toSettingsResponse(await this.settings.update({ ...body }, staffActor(staff)));
  }
}
