import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { StaffOnly } from '../sessions/auth.guards';
import { ActivitiesService } from './activities.service';

class ActivityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() defaultPoints!: number;
}

@ApiTags('activities')
@Controller('api/activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Get()
  @ApiOkResponse({ type: [ActivityResponse] })
  @StaffOnly('volunteer', 'admin')
  async list(): Promise<ActivityResponse[]> {
    const activities = await this.activities.list();
    return activities.map(({ id, name, defaultPoints }) => ({ id, name, defaultPoints }));
  }
}
