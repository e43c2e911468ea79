import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../sessions/auth.guards';
import { DateRangeQuery } from './dto/export.dto';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@Controller('api/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('redemptions.csv')
  @StaffOnly('admin')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="redemptions.csv"')
  redemptions(@Query() query: DateRangeQuery): Promise<string> {
    return this.exports.redemptionsCsv(query.from, query.to);
  }

  @Get('awards.csv')
  @StaffOnly('admin')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="awards.csv"')
  awards(@Query() query: DateRangeQuery): Promise<string> {
    return this.exports.awardsCsv(query.from, query.to);
  }

  @Get('stock.csv')
  @StaffOnly('admin')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="stock.csv"')
  stock(): Promise<string> {
    return this.exports.stockCsv();
  }
}
