import {
  applyDecorators,
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import type { StaffRole } from '../staff/staff.entity';
import { type ResidentSession, type Session, SessionStore, type StaffSession } from './session.store';

const ROLES = 'staffRoles';

type AuthedRequest = Request & { session?: Session };

/** The bearer token of a request, if it carries one. */
export function bearer(request: Request): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

@Injectable()
export class ResidentGuard implements CanActivate {
  constructor(private readonly sessions: SessionStore) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearer(request);
    const session = token ? this.sessions.use(token) : undefined;
    if (!session || session.kind !== 'resident') {
      throw DomainError.unauthorized('SESSION_REQUIRED', 'Please show your points card again.');
    }
    request.session = session;
    return true;
  }
}

@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionStore,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearer(request);
    const session = token ? this.sessions.use(token) : undefined;
    if (!session || session.kind !== 'staff') {
      throw DomainError.unauthorized('STAFF_SESSION_REQUIRED', 'Staff sign-in required.');
    }
    const roles = this.reflector.get<StaffRole[]>(ROLES, context.getHandler()) ?? [];
    if (!roles.includes(session.role)) throw DomainError.forbidden();
    request.session = session;
    return true;
  }
}

/** A route for a resident session or any signed-in staff; the handler decides what each may see. */
@Injectable()
export class AnySessionGuard implements CanActivate {
  constructor(private readonly sessions: SessionStore) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearer(request);
    const session = token ? this.sessions.use(token) : undefined;
    if (!session) throw DomainError.unauthorized('SESSION_REQUIRED', 'Please show your points card again.');
    request.session = session;
    return true;
  }
}

export const SignedIn = () => applyDecorators(UseGuards(AnySessionGuard), ApiBearerAuth());

export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Session => context.switchToHttp().getRequest<AuthedRequest>().session!,
);

/** A route for signed-in staff of these roles. */
export const StaffOnly = (...roles: StaffRole[]) =>
  applyDecorators(SetMetadata(ROLES, roles), UseGuards(StaffGuard), ApiBearerAuth());

/** A route for a resident whose card was scanned. */
export const ResidentOnly = () => applyDecorators(UseGuards(ResidentGuard), ApiBearerAuth());

export const CurrentResident = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ResidentSession =>
    context.switchToHttp().getRequest<AuthedRequest>().session as ResidentSession,
);

export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffSession =>
    context.switchToHttp().getRequest<AuthedRequest>().session as StaffSession,
);

export function staffActor(staff: StaffSession): string {
  return `staff:${staff.username}`;
}
