import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { StaffOnly } from '../sessions/auth.guards';
import { ActivityEntity } from './activity.entity';

class ActivityResponse {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() defaultPoints!: number;
}

@ApiTags('activities')
@Controller('api/activities')
export class ActivitiesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: [ActivityResponse] })
  @StaffOnly('volunteer', 'admin')
  async list(): Promise<ActivityResponse[]> {
    const activities = await this.dataSource
      .getRepository(ActivityEntity)
      .find({ where: { active: true }, order: { id: 'ASC' } });
    return activities.map(({ id, name, defaultPoints }) => ({ id, name, defaultPoints }));
  }
}
