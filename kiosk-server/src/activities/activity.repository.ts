import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { SqlRunner, Tx } from '../database/sql-runner';
import type { ActivityEntity } from './activity.entity';

interface ActivityRow extends Omit<ActivityEntity, 'active'> {
  active: boolean | number;
}

/** SQLite gives booleans as 0/1, PostgreSQL as true/false. */
function toActivity(row: ActivityRow): ActivityEntity {
  return { ...row, active: Boolean(row.active) };
}

const COLUMNS = `"id", "name", "defaultPoints", "active"`;

@Injectable()
export class ActivityRepository {
  constructor(private readonly db: Database) {}

  /** Active activities, oldest first (UUIDv7 ids sort by creation). */
  async active(): Promise<ActivityEntity[]> {
    const rows = await this.db.all<ActivityRow>(
      `SELECT ${COLUMNS} FROM "activities" WHERE "active" = TRUE ORDER BY "id"`,
    );
    return rows.map(toActivity);
  }

  /** Every activity, retired ones too, oldest first: the admin's list. */
  async all(): Promise<ActivityEntity[]> {
    const rows = await this.db.all<ActivityRow>(`SELECT ${COLUMNS} FROM "activities" ORDER BY "id"`);
    return rows.map(toActivity);
  }

  /** The activity holding this name, other than `exceptId`: names are unique. */
  async nameHolder(tx: Tx, name: string, exceptId?: string): Promise<ActivityEntity | undefined> {
    const [row] = await tx.all<ActivityRow>(`SELECT ${COLUMNS} FROM "activities" WHERE "name" = ? AND "id" <> ?`, [
      name,
      exceptId ?? '',
    ]);
    return row && toActivity(row);
  }

  /** One activity, active or not; pass the write's `tx` to read inside it. */
  async find(id: string, runner: SqlRunner = this.db): Promise<ActivityEntity | undefined> {
    const [row] = await runner.all<ActivityRow>(`SELECT ${COLUMNS} FROM "activities" WHERE "id" = ?`, [id]);
    return row && toActivity(row);
  }

  async insert(tx: Tx, activity: ActivityEntity): Promise<void> {
    await tx.run(`INSERT INTO "activities" (${COLUMNS}) VALUES (?, ?, ?, ?)`, [
      activity.id,
      activity.name,
      activity.defaultPoints,
      activity.active,
    ]);
    tx.changed('activities', activity);
  }

  /** Writes the whole activity back (it is a synced record: the row travels as it now is). */
  async update(tx: Tx, activity: ActivityEntity): Promise<void> {
    await tx.run(`UPDATE "activities" SET "name" = ?, "defaultPoints" = ?, "active" = ? WHERE "id" = ?`, [
      activity.name,
      activity.defaultPoints,
      activity.active,
      activity.id,
    ]);
    tx.changed('activities', activity);
  }

  async count(): Promise<number> {
    const [row] = await this.db.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "activities"`);
    return row?.n ?? 0;
  }
}
