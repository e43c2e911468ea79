import { Global, Module } from '@nestjs/common';
import { AuditTrailService } from './audit-trail.service';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';

/** Global: every feature that an admin changes writes to the one audit trail. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditTrailService, AuditRepository],
  exports: [AuditTrailService],
})
export class AuditModule {}
