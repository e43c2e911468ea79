import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { isIP } from 'node:net';
import type { ErrorBody } from './exception.filter';

/**
 * The names a browser may use to reach this kiosk. A page on another site can make its own name
 * resolve to the kiosk's LAN address (DNS rebinding) and then talk to the API as same-origin; the
 * browser still sends that name as Host, so refusing unknown names ends the attack. An IP address
 * as Host cannot be rebound (the page's origin would be that address), so addresses pass.
 */
export function allowedHostNames(host: string, extra: readonly string[], machine = hostname()): Set<string> {
  const names = ['localhost', '127.0.0.1', '::1', machine, `${machine}.local`, ...extra];
  // the wildcard listen addresses are no name anyone browses to
  if (host !== '0.0.0.0' && host !== '::') names.push(host);
  return new Set(names.map(normalHost));
}

/** Lower case, no trailing dot, no IPv6 brackets: how two spellings of one name compare equal. */
function normalHost(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[(.*)\]$/, '$1');
}

/** The name part of a Host header (`kiosk.local:3000`, `[::1]:3000`); undefined when malformed. */
export function hostOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(header.trim());
  return match ? normalHost(match[1]!) : undefined;
}

export function isAllowedHost(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  const name = hostOf(header);
  if (name === undefined) return false;
  return allowed.has(name) || isIP(name) !== 0;
}

/** Answers 421 HOST_NOT_ALLOWED to a request for a name this kiosk does not go by. */
export function hostAllowlist(allowed: ReadonlySet<string>): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (isAllowedHost(request.headers.host, allowed)) {
      next();
      return;
    }
    const body: ErrorBody = {
      statusCode: 421,
      code: 'HOST_NOT_ALLOWED',
      message: 'This kiosk does not answer to that host name; add it to ALLOWED_HOSTS if it is right.',
    };
    response.status(421).json(body);
  };
}

/**
 * The hashes of the inline `<style>` blocks of the built UI's index.html (the boot screen painted
 * before the app's script runs), so the CSP can allow exactly those and no other inline style.
 */
export function inlineStyleHashes(indexHtml: string): string[] {
  if (!existsSync(indexHtml)) return [];
  const html = readFileSync(indexHtml, 'utf8');
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`,
  );
}

/**
 * Security headers for every answer. The touchscreen loads its scripts, styles, fonts and images
 * from this server only (images also as data: URLs); nothing may frame it (a framed kiosk could
 * be clicked through by another page). The kiosk is served over plain HTTP on the store LAN, so
 * neither HSTS nor upgrade-insecure-requests: both would break it there.
 */
export function securityHeaders(indexHtml: string): RequestHandler {
  const common = {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
  };
  const options = {
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
  };
  const app = helmet({
    ...options,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...common, 'style-src': ["'self'", ...inlineStyleHashes(indexHtml)] },
    },
  });
  // the API docs page (Swagger UI) carries its own inline style block
  const docs = helmet({
    ...options,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...common, 'style-src': ["'self'", "'unsafe-inline'"] },
    },
  });
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.path.startsWith('/api/docs')) docs(request, response, next);
    else app(request, response, next);
  };
}
