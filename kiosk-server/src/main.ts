import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config';
import { SeedService } from './seed/seed.service';
import { SettingsService } from './settings/settings.service';
import { StaffService } from './staff/staff.service';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const started = performance.now();
  const app = await createApp(config.logLevel);
  // lifecycle hooks (kiosk id, settings from the environment) must run before staff and seed use them
  await app.init();

  const pins = await app
    .get(StaffService)
    .ensureDefaultStaff(
      { admin: config.adminPin, volunteer: config.volunteerPin },
      config.role === 'hub' ? ['admin'] : ['admin', 'volunteer'],
    );
  const seed = app.get(SeedService);
  // a hub, and a kiosk that takes its store from the hub, start empty
  const demo = config.role === 'kiosk' && !config.hubUrl;
  const seeded = demo && (await seed.isEmpty()) && (await seed.seedDemo());

  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const settings = app.get(SettingsService);
  const lines = [
    '',
    config.role === 'hub'
      ? `  District hub is ready (${Math.round(performance.now() - started)} ms)`
      : `  ${settings.current.storeName} — kiosk ${settings.kioskId} is ready (${Math.round(performance.now() - started)} ms)`,
    `  Open ${url}  ·  API docs ${url}/api/docs`,
    config.role === 'hub'
      ? `  District admins sign in with username "admin" and the PIN.`
      : `  Staff sign in with username "admin" or "volunteer" and the PIN.`,
    ...(config.hubUrl ? [`  Syncs with the district hub at ${config.hubUrl}`] : []),
    ...Object.entries(pins).map(
      ([role, pin]) =>
        `  Generated PIN for "${role}": ${pin}  (shown once; set KIOSK_${role.toUpperCase()}_PIN to choose your own)`,
    ),
    ...(seeded
      ? [`  Demo data seeded; printable member cards are in ${config.dataDir}/cards/, staff cards in cards/staff/`]
      : []),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(`KIOSK_READY ${url}\n`);
}

main().catch((error: unknown) => {
  new Logger('Main').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
