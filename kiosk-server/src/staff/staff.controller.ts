import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, StaffOnly } from '../sessions/auth.guards';
import { SessionStore, type StaffSession } from '../sessions/session.store';
import { StaffSessionResponse, StaffSignInDto } from './dto/staff.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@Controller('api/staff/sessions')
export class StaffController {
  constructor(
    private readonly staff: StaffService,
    private readonly sessions: SessionStore,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: StaffSessionResponse })
  async signIn(@Body() body: StaffSignInDto): Promise<StaffSessionResponse> {
    const session = await this.staff.signIn(body.username, body.pin);
    return { token: session.token, role: session.role, displayName: session.displayName };
  }

  @Delete('current')
  @HttpCode(204)
  @StaffOnly('volunteer', 'admin')
  signOut(@CurrentStaff() session: StaffSession): void {
    this.sessions.end(session.token);
  }
}
