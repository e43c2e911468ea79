import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/**
 * Nest's own start-up chatter (one line per module and per route, ~80 lines) comes at the `log`
 * level, which is the default; it pushed the ready banner with the address and PINs off the screen.
 * Those framework contexts are demoted to `debug`, so `LOG_LEVEL=debug` still shows them while the
 * kiosk's own `log` lines, warnings and errors keep their level.
 */
export const STARTUP_CONTEXTS: ReadonlySet<string> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
  'Config',
]);

export class QuietStartLogger extends ConsoleLogger {
  constructor(levels: LogLevel[]) {
    super({ logLevels: levels });
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && STARTUP_CONTEXTS.has(context)) {
      this.debug(message, ...optionalParams);
      return;
    }
    super.log(message, ...optionalParams);
  }
}
