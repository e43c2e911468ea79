import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PrintStatusResponse } from '../redemption/dto/redemption.dto';
import { StaffOnly } from '../sessions/auth.guards';
import { PrintQueue } from './print-queue.service';

@ApiTags('printing')
@Controller('api/printer')
export class PrintingController {
  constructor(private readonly printQueue: PrintQueue) {}

  @Post('test')
  @ApiAcceptedResponse({ type: PrintStatusResponse })
  @HttpCode(202)
  @StaffOnly('admin')
  test(): Promise<PrintStatusResponse> {
    return this.printQueue.testPrint();
  }

  @Get('jobs/:id')
  @ApiOkResponse({ type: PrintStatusResponse })
  @StaffOnly('volunteer', 'admin')
  job(@Param('id', new ParseUUIDPipe()) id: string): Promise<PrintStatusResponse> {
    return this.printQueue.jobStatus(id);
  }
}
