import { Global, Module } from '@nestjs/common';
import { AnySessionGuard, ResidentGuard, StaffGuard } from './auth.guards';
import { SessionStore } from './session.store';

@Global()
@Module({
  providers: [SessionStore, ResidentGuard, StaffGuard, AnySessionGuard],
  exports: [SessionStore, ResidentGuard, StaffGuard, AnySessionGuard],
})
export class AuthModule {}
