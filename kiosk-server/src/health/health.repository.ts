import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';

/** Whether the database answers at all. */
@Injectable()
export class HealthRepository {
  constructor(private readonly db: Database) {}

  async ping(): Promise<boolean> {
    return this.db.all(`SELECT 1 AS "one"`).then(
      () => true,
      () => false,
    );
  }
}
