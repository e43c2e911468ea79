import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../sessions/auth.guards';
import { SummaryQuery, SummaryResponse } from './dto/report.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @ApiOkResponse({ type: SummaryResponse })
  @StaffOnly('admin')
  summary(@Query() query: SummaryQuery): Promise<SummaryResponse> {
    return this.reports.summary(query.period ?? 'today');
  }
}
