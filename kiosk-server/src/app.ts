import 'reflect-metadata';
import { type LogLevel as NestLogLevel, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SEED_IMAGES_DIR } from '@kiosk/seed';
import { json, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { ErrorBody } from './common/exception.filter';
import { QuietStartLogger } from './common/quiet-logger';
import { documentValidationLimits } from './common/openapi-limits';
import { allowedHostNames, hostAllowlist, securityHeaders } from './common/security';
import { createValidationPipe, refuseDeepJson } from './common/validation';
import type { RawBodyRequest } from './hub/hub-sync.controller';
import { APP_CONFIG, type AppConfig, describeConfig, type LogLevel } from './config/app-config';

const LEVELS: NestLogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export function logLevels(level: LogLevel): NestLogLevel[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

export const MAX_BODY = '64kb';
const MAX_SYNC_BODY = '16mb';

/** The whole HTTP application: API, OpenAPI document, product images and the touchscreen UI. */
export async function createApp(level: LogLevel): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: new QuietStartLogger(logLevels(level)),
  });
  const config = app.get<AppConfig>(APP_CONFIG);
  new Logger('Config').log(JSON.stringify(describeConfig(config)));
  // first of all: a request for a host name this kiosk does not go by gets nothing else
  app.use(hostAllowlist(allowedHostNames(config.host, config.allowedHosts)));
  app.use(securityHeaders(join(config.uiDir, 'index.html')));
  // `verify` runs before parsing: a deeply nested body would otherwise overflow the stack in
  // validation. Nest's option type leaves `verify` out (it takes it for `rawBody`, unused here), hence
  // a variable rather than an object literal.
  const jsonOptions = {
    limit: MAX_BODY,
    verify: (_request: Request, _response: Response, body: Buffer) => refuseDeepJson(body),
  };
  // sync requests are larger (journal batches) and signed over their exact bytes, kept as `rawBody`
  app.use(
    '/api/hub/sync',
    json({
      limit: MAX_SYNC_BODY,
      verify: (request: Request, _response: Response, body: Buffer) => {
        refuseDeepJson(body);
        (request as RawBodyRequest).rawBody = body;
      },
    }),
  );
  app.useBodyParser('json', jsonOptions);
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Points Supermarket Kiosk API')
      .setDescription('积分超市 kiosk: members, points ledger, catalogue, redemptions')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBody] },
  );
  documentErrorShape(document);
  documentValidationLimits(document, app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  app.useStaticAssets(SEED_IMAGES_DIR, { prefix: '/images/', maxAge: '1d' });
  app.useStaticAssets(join(config.dataDir, 'images'), {
    prefix: '/images/uploads/',
    maxAge: '1d',
    setHeaders: uploadHeaders,
  });
  serveUi(app, config.uiDir);
  return app;
}

/**
 * Uploaded pictures are re-encoded before they are stored, and still served as inert as possible:
 * never sniffed as another type, and opened on their own a page without scripts, forms or origin.
 */
export function uploadHeaders(response: Response): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader(
    'Content-Security-Policy',
    "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
  );
}

/** The built touchscreen app at `/`, with every non-API path falling back to its index.html. */
function serveUi(app: NestExpressApplication, uiDir: string): void {
  const index = join(uiDir, 'index.html');
  app.useStaticAssets(uiDir, { index: 'index.html', maxAge: 0 });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage = request.method === 'GET' && !request.path.startsWith('/api') && !request.path.includes('.');
    if (isPage && existsSync(index)) response.sendFile(index);
    else next();
  });
}

/** Every operation may answer with the one error shape; clients generated from the document know it. */
function documentErrorShape(document: OpenAPIObject): void {
  const error = {
    description: 'Refused or failed: `{statusCode, code, message}`',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
  };
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const) {
      const operation = path[method];
      if (operation) operation.responses = { ...operation.responses, default: error };
    }
  }
}
