import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../catalog/parse-id.pipe';
import { DomainError } from '../common/domain-error';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import { ActivitiesService } from './activities.service';
import type { ActivityEntity } from './activity.entity';
import { ActivityListQuery, ActivityResponse, CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';

function toResponse({ id, name, defaultPoints, active }: ActivityEntity): ActivityResponse {
  return { id, name, defaultPoints, active };
}

@ApiTags('activities')
@Controller('api/activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Get()
  @ApiOkResponse({ type: [ActivityResponse], description: 'The active activities; `all=true` (admin): every one' })
  @StaffOnly('volunteer', 'admin')
  async list(@Query() query: ActivityListQuery, @CurrentStaff() staff: StaffSession): Promise<ActivityResponse[]> {
    if (query.all !== 'true') return (await this.activities.list()).map(toResponse);
    if (staff.role !== 'admin') throw DomainError.forbidden('Only an admin sees the retired activities.');
    return (await this.activities.listAll()).map(toResponse);
  }

  @Post()
  @ApiCreatedResponse({ type: ActivityResponse })
  @StaffOnly('admin')
  async create(@Body() body: CreateActivityDto, @CurrentStaff() staff: StaffSession): Promise<ActivityResponse> {
    return toResponse(await this.activities.create(body, staffActor(staff)));
  }

  @Patch(':id')
  @ApiParam({ name: 'id', type: String, format: 'uuid' })
  @ApiOkResponse({ type: ActivityResponse })
  @StaffOnly('admin')
  async update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateActivityDto,
    @CurrentStaff() staff: StaffSession,
  ): Promise<ActivityResponse> {
    return toResponse(await this.activities.update(id, body, staffActor(staff)));
  }
}
