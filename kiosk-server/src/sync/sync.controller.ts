import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import { SetHubDto, SyncRoundResponse, SyncStatusResponse } from './dto/sync.dto';
import { UsbEnrolDto, UsbExportResponse, UsbKioskImportResponse } from './dto/usb.dto';
import { SyncService } from './sync.service';
import { fileBytes, USB_FILE_TYPE } from './usb-body';
import { UsbTransferService } from './usb-transfer.service';

@ApiTags('sync')
@Controller('api/sync')
export class SyncController {
  constructor(
    private readonly sync: SyncService,
    private readonly usb: UsbTransferService,
  ) {}

  @Get('status')
  @StaffOnly('admin')
  @ApiOkResponse({ type: SyncStatusResponse })
  status(): Promise<SyncStatusResponse> {
    return this.sync.status();
  }

  @Put('hub')
  @StaffOnly('admin')
  @ApiOperation({
    summary: 'Enrol this kiosk with an enrolment code typed or scanned at the console, then sync',
    description:
      'Only before the kiosk is enrolled (409 ALREADY_ENROLLED). 409 DEMO_DATA_PRESENT on a kiosk holding the demo store: start a kiosk for a hub on an empty DATA_DIR. Answers like POST /api/sync/run.',
  })
  @ApiOkResponse({ type: SyncRoundResponse })
  setHub(@Body() body: SetHubDto, @CurrentStaff() staff: StaffSession): Promise<SyncRoundResponse> {
    return this.sync.enrolWith(body.enrolmentCode, body.hubUrl, staffActor(staff));
  }

  @Post('run')
  @HttpCode(200)
  @StaffOnly('admin')
  @ApiOperation({
    summary: 'One sync round now: push, pull, digest',
    description:
      'Answers when the round is done. HUB_UNREACHABLE (503) when the hub cannot be reached; the hub refusing gives 409 with its code (KIOSK_REVOKED, ENROLMENT_CODE_USED, CHAIN_BROKEN …).',
  })
  @ApiOkResponse({ type: SyncRoundResponse })
  run(): Promise<SyncRoundResponse> {
    return this.sync.run();
  }

  @Post('usb/export')
  @HttpCode(200)
  @StaffOnly('admin')
  @ApiOperation({
    summary: 'A sync file for a USB stick: the rows the hub has not acknowledged, signed with the device key',
    description:
      'For a store without network: take the file to the district hub (POST /api/hub/usb/import) and bring its answer back (POST /api/sync/usb/import). 409 USB_NOT_ENROLLED before enrolment.',
  })
  @ApiOkResponse({ type: UsbExportResponse })
  exportUsb(): Promise<UsbExportResponse> {
    return this.usb.exportFile();
  }

  @Post('usb/enrol')
  @HttpCode(200)
  @StaffOnly('admin')
  @ApiOperation({
    summary: 'Enrol without network: a USB file asking the hub to enrol this kiosk with the code',
    description:
      "The file proves the code without carrying it. Import it at the hub; the hub's answer file, imported here, enrols the kiosk. 409 ALREADY_ENROLLED, DEMO_DATA_PRESENT.",
  })
  @ApiOkResponse({ type: UsbExportResponse })
  enrolByUsb(@Body() body: UsbEnrolDto): Promise<UsbExportResponse> {
    return this.usb.exportEnrolmentFile(body.enrolmentCode);
  }

  @Post('usb/import')
  @HttpCode(200)
  @StaffOnly('admin')
  @ApiConsumes(USB_FILE_TYPE)
  @ApiBody({ description: "The hub's answer file, unchanged", schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: "Import the hub's answer file: the store's changes and the acknowledgement",
    description:
      'Refused, changing nothing: USB_ALREADY_IMPORTED, USB_FILE_OLD, USB_OTHER_KIOSK, USB_FILE_DAMAGED, USB_WRONG_KIND, USB_HUB_KEY_UNKNOWN (409).',
  })
  @ApiOkResponse({ type: UsbKioskImportResponse })
  importUsb(@Body() body: unknown): Promise<UsbKioskImportResponse> {
    return this.usb.importFile(fileBytes(body));
  }
}
