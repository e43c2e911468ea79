import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../sessions/auth.guards';
import { RankingPdfQuery, RankingQuery, RankingRowResponse } from './dto/ranking.dto';
import { parseMonth, RankingsService } from './rankings.service';

@ApiTags('rankings')
@Controller('api/rankings')
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  /** Public: the resident Start screen shows it, and it is a public notice anyway (masked names only). */
  @Get('month')
  @ApiOkResponse({ type: [RankingRowResponse] })
  month(@Query() query: RankingQuery): Promise<RankingRowResponse[]> {
    return this.rankings.month(query.by ?? 'member', query.limit ?? 5, parseMonth(query.month));
  }

  @Get('month.pdf')
  @StaffOnly('admin')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The A4 notice (积分公示) to print and put up',
    schema: { type: 'string', format: 'binary' },
  })
  async notice(@Query() query: RankingPdfQuery): Promise<StreamableFile> {
    const month = parseMonth(query.month);
    const by = query.by ?? 'member';
    const name = `ranking-${month.year}-${String(month.month).padStart(2, '0')}-${by}.pdf`;
    return new StreamableFile(await this.rankings.notice(by, month), {
      type: 'application/pdf',
      disposition: `attachment; filename="${name}"`,
    });
  }
}
