import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly, staffActor } from '../sessions/auth.guards';
import type { StaffSession } from '../sessions/session.store';
import {
  CheckInDto,
  CheckInResultResponse,
  CreateEventDto,
  EventDetailResponse,
  EventListQuery,
  EventResponse,
} from './dto/event.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @ApiCreatedResponse({ type: EventResponse })
  @StaffOnly('admin')
  create(@Body() body: CreateEventDto, @CurrentStaff() staff: StaffSession): Promise<EventResponse> {
    return this.events.create(body, staffActor(staff));
  }

  @Get()
  @ApiOkResponse({ type: [EventResponse] })
  @StaffOnly('admin')
  list(@Query() query: EventListQuery): Promise<EventResponse[]> {
    return this.events.list(query.open === undefined ? undefined : query.open === 'true');
  }

  @Get(':id')
  @ApiOkResponse({ type: EventDetailResponse })
  @StaffOnly('admin')
  detail(@Param('id', new ParseUUIDPipe()) id: string): Promise<EventDetailResponse> {
    return this.events.detail(id);
  }

  @Post(':id/check-ins')
  @ApiCreatedResponse({ type: CheckInResultResponse })
  @StaffOnly('admin')
  checkIn(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CheckInDto,
    @CurrentStaff() staff: StaffSession,
  ): Promise<CheckInResultResponse> {
    return this.events.checkIn(id, body.qr, staffActor(staff));
  }

  @Post(':id/close')
  @ApiOkResponse({ type: EventResponse })
  @HttpCode(200)
  @StaffOnly('admin')
  close(@Param('id', new ParseUUIDPipe()) id: string, @CurrentStaff() staff: StaffSession): Promise<EventResponse> {
    return this.events.close(id, staffActor(staff));
  }
}
