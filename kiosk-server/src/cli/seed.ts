import { NestFactory } from '@nestjs/core';
import { rmSync } from 'node:fs';
import { logLevels } from '../app';
import { QuietStartLogger } from '../common/quiet-logger';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { SeedService } from '../seed/seed.service';
import { StaffService } from '../staff/staff.service';

/**
 * `npm run seed` fills an empty store with the demo data; `npm run seed -- --reset` deletes the
 * database first (stop the kiosk before). Signing keys are kept, so printed cards stay valid.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (process.argv.includes('--reset')) {
    if (config.database.type !== 'sqlite') throw new Error('--reset only rebuilds the local SQLite store');
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.database.path}${suffix}`, { force: true });
    rmSync(`${config.dataDir}/cards`, { recursive: true, force: true });
  }
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: new QuietStartLogger(logLevels(config.logLevel)),
  });
  const pins = await app
    .get(StaffService)
    .ensureDefaultStaff({ admin: config.adminPin, volunteer: config.volunteerPin });
  for (const [role, pin] of Object.entries(pins)) process.stdout.write(`Generated PIN for "${role}": ${pin}\n`);
  const seed = app.get(SeedService);
  if (await seed.isEmpty()) {
    const summary = await seed.seedDemo();
    process.stdout.write(`Seeded: ${JSON.stringify(summary)}\n`);
  } else {
    process.stdout.write('The store already has data; use --reset to rebuild it from the demo data.\n');
  }
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
