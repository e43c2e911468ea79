import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RankingsService } from './rankings.service';

class RankingRowResponse {
  @ApiProperty() rank!: number;
  @ApiProperty({ example: '王*明' }) displayName!: string;
  @ApiProperty() points!: number;
}

@ApiTags('rankings')
@Controller('api/rankings')
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  @Get('month')
  @ApiOkResponse({ type: [RankingRowResponse] })
  month(): Promise<RankingRowResponse[]> {
    return this.rankings.month(5);
  }
}
