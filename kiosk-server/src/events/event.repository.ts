import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { SqlRunner, Tx } from '../database/sql-runner';
import type { AwardEventEntity } from './award-event.entity';
import type { EventCheckInEntity } from './event-check-in.entity';

export interface EventRow extends AwardEventEntity {
  activityName: string;
  checkInCount: number;
}

export interface CheckInRow {
  memberId: string;
  name: string;
  createdAt: string;
  ledgerEntryId: string;
}

/** An event with its activity's name and how many have checked in. */
const EVENT_SELECT = `SELECT e."id" AS "id", e."activityId" AS "activityId", a."name" AS "activityName", e."name" AS "name",
    e."points" AS "points", e."createdBy" AS "createdBy", e."createdAt" AS "createdAt", e."closedAt" AS "closedAt",
    (SELECT COUNT(*) FROM "event_check_ins" c WHERE c."eventId" = e."id") AS "checkInCount"
  FROM "award_events" e JOIN "activities" a ON a."id" = e."activityId"`;

/** Award events and their check-ins. Reads join `activities` and `members` (read-only) for names. */
@Injectable()
export class EventRepository {
  constructor(private readonly db: Database) {}

  async insert(tx: Tx, event: AwardEventEntity): Promise<void> {
    await tx.run(
      `INSERT INTO "award_events" ("id", "activityId", "name", "points", "createdBy", "createdAt", "closedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [event.id, event.activityId, event.name, event.points, event.createdBy, event.createdAt, event.closedAt],
    );
    tx.changed('award_events', event);
  }

  /** Newest first; `open` true keeps the events still taking check-ins, false the closed ones. */
  list(open?: boolean): Promise<EventRow[]> {
    const where = open === undefined ? '' : `WHERE e."closedAt" IS ${open ? '' : 'NOT '}NULL`;
    return this.db.all<EventRow>(`${EVENT_SELECT} ${where} ORDER BY e."id" DESC`);
  }

  /** One event; pass the write's `tx` to read inside it. */
  async find(id: string, runner: SqlRunner = this.db): Promise<EventRow | undefined> {
    const [row] = await runner.all<EventRow>(`${EVENT_SELECT} WHERE e."id" = ?`, [id]);
    return row;
  }

  /** Newest first. */
  checkIns(eventId: string): Promise<CheckInRow[]> {
    return this.db.all<CheckInRow>(
      `SELECT c."memberId" AS "memberId", m."name" AS "name", c."createdAt" AS "createdAt",
              c."ledgerEntryId" AS "ledgerEntryId"
       FROM "event_check_ins" c JOIN "members" m ON m."id" = c."memberId"
       WHERE c."eventId" = ?
       ORDER BY c."createdAt" DESC, c."ledgerEntryId" DESC`,
      [eventId],
    );
  }

  async hasCheckIn(tx: Tx, eventId: string, memberId: string): Promise<boolean> {
    const rows = await tx.all<{ one: number }>(
      `SELECT 1 AS "one" FROM "event_check_ins" WHERE "eventId" = ? AND "memberId" = ?`,
      [eventId, memberId],
    );
    return rows.length > 0;
  }

  /**
   * Records a check-in unless the member has one at this event already: false then. A unique-key
   * error would abort the whole transaction on PostgreSQL, so the conflict is skipped, not raised.
   */
  async insertCheckIn(tx: Tx, checkIn: EventCheckInEntity): Promise<boolean> {
    const inserted = await tx.run(
      `INSERT INTO "event_check_ins" ("id", "eventId", "memberId", "ledgerEntryId", "createdAt") VALUES (?, ?, ?, ?, ?)
       ON CONFLICT ("eventId", "memberId") DO NOTHING`,
      [checkIn.id, checkIn.eventId, checkIn.memberId, checkIn.ledgerEntryId, checkIn.createdAt],
    );
    if (inserted === 1) tx.changed('event_check_ins', checkIn);
    return inserted === 1;
  }

  async countCheckIns(tx: Tx, eventId: string): Promise<number> {
    const [row] = await tx.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "event_check_ins" WHERE "eventId" = ?`, [
      eventId,
    ]);
    return row?.n ?? 0;
  }

  async close(tx: Tx, id: string, closedAt: string): Promise<void> {
    const closed = await tx.all<AwardEventEntity>(
      `UPDATE "award_events" SET "closedAt" = ? WHERE "id" = ?
       RETURNING "id", "activityId", "name", "points", "createdBy", "createdAt", "closedAt"`,
      [closedAt, id],
    );
    for (const event of closed) tx.changed('award_events', event);
  }
}
