import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { Tx } from '../database/sql-runner';
import type { SettingEntity } from './setting.entity';

/** The store's settings: one JSON value per key. */
@Injectable()
export class SettingsRepository {
  constructor(private readonly db: Database) {}

  all(): Promise<SettingEntity[]> {
    return this.db.all<SettingEntity>(`SELECT "key", "value" FROM "settings"`);
  }

  async save(tx: Tx, key: string, value: string): Promise<void> {
    await tx.run(
      `INSERT INTO "settings" ("key", "value") VALUES (?, ?) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`,
      [key, value],
    );
  }
}
