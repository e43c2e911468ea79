import { type CanActivate, Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** The hub's routes exist only on a server started with KIOSK_ROLE=hub. */
@Injectable()
export class HubRoleGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(): boolean {
    if (this.config.role !== 'hub')
      throw DomainError.notFound('NOT_A_HUB', 'This server is a kiosk, not the district hub.');
    return true;
  }
}
