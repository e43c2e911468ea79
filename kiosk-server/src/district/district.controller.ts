import { Controller, Get, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { HubRoleGuard } from '../hub/hub-role.guard';
import { parseMonth } from '../rankings/rankings.service';
import { StaffOnly } from '../sessions/auth.guards';
import {
  DistrictRankingPdfQuery,
  DistrictRankingQuery,
  DistrictRankingRowResponse,
  DistrictStoreResponse,
  SettlementQuery,
  SettlementResponse,
} from './dto/district.dto';
import { DistrictService, parseQuarter, quarterName } from './district.service';

const PDF_SCHEMA = { type: 'string', format: 'binary' } as const;

/** The district admin's month and quarter end at the hub: ranking notices and settlements. */
@ApiTags('hub')
@Controller('api/hub')
@UseGuards(HubRoleGuard)
export class DistrictController {
  constructor(private readonly district: DistrictService) {}

  @Get('stores')
  @StaffOnly('admin')
  @ApiOperation({ summary: 'The stores the hub has kiosks for' })
  @ApiOkResponse({ type: [DistrictStoreResponse] })
  stores(): Promise<DistrictStoreResponse[]> {
    return this.district.stores();
  }

  @Get('ranking')
  @StaffOnly('admin')
  @ApiOperation({
    summary: "A month's ranking of one store, or of the whole district (each row names its store)",
    description: '404 STORE_NOT_FOUND when the hub has no kiosk of the store.',
  })
  @ApiOkResponse({ type: [DistrictRankingRowResponse] })
  ranking(@Query() query: DistrictRankingQuery): Promise<DistrictRankingRowResponse[]> {
    return this.district.ranking(
      query.by ?? 'member',
      query.limit ?? 100,
      parseMonth(query.month),
      query.store ?? null,
    );
  }

  @Get('ranking.pdf')
  @StaffOnly('admin')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The A4 notice (积分公示) of a store or of the district (全区)', schema: PDF_SCHEMA })
  async rankingPdf(@Query() query: DistrictRankingPdfQuery): Promise<StreamableFile> {
    const month = parseMonth(query.month);
    const by = query.by ?? 'member';
    const name = `ranking-${month.year}-${String(month.month).padStart(2, '0')}-${by}.pdf`;
    return new StreamableFile(await this.district.rankingPdf(by, month, query.store ?? null), {
      type: 'application/pdf',
      disposition: `attachment; filename="${name}"`,
    });
  }

  @Get('settlement')
  @StaffOnly('admin')
  @ApiOperation({
    summary: "A store's quarterly settlement: goods redeemed and received, awards, voids, totals",
    description: '404 STORE_NOT_FOUND when the hub has no kiosk of the store.',
  })
  @ApiOkResponse({ type: SettlementResponse })
  settlement(@Query() query: SettlementQuery): Promise<SettlementResponse> {
    return this.district.settlement(query.store, parseQuarter(query.quarter));
  }

  @Get('settlement.csv')
  @StaffOnly('admin')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The settlement as CSV (UTF-8 with BOM, one section per table)', schema: PDF_SCHEMA })
  async settlementCsv(@Query() query: SettlementQuery): Promise<StreamableFile> {
    const quarter = parseQuarter(query.quarter);
    return new StreamableFile(Buffer.from(await this.district.settlementCsv(query.store, quarter), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="settlement-${quarterName(quarter)}.csv"`,
    });
  }

  @Get('settlement.pdf')
  @StaffOnly('admin')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The A4 settlement sheet for the street office to sign', schema: PDF_SCHEMA })
  async settlementPdf(@Query() query: SettlementQuery): Promise<StreamableFile> {
    const quarter = parseQuarter(query.quarter);
    return new StreamableFile(await this.district.settlementPdf(query.store, quarter), {
      type: 'application/pdf',
      disposition: `attachment; filename="settlement-${quarterName(quarter)}.pdf"`,
    });
  }
}
