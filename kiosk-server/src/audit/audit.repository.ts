import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { Tx } from '../database/sql-runner';
import type { AdminChangeEntity } from './admin-change.entity';

const COLUMNS = `"id", "actor", "action", "entity", "entityId", "before", "after", "createdAt"`;

/** Which changes a page of the trail shows; every condition is optional. */
export interface AdminChangeFilter {
  limit: number;
  /** Older than this id (page back). */
  beforeId?: string;
  /** Newer than this id (page forward); the page is still newest first. */
  afterId?: string;
  entity?: string;
  action?: string;
  actor?: string;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
}

/** A trail row with what a person reads for it: the staff member's name and the subject's. */
export interface LabelledChangeRow extends AdminChangeEntity {
  actorName: string | null;
  subjectLabel: string | null;
  subjectDetail: string | null;
}

/** Staff are recorded as `staff:<username>` (older rows and other roles as `<role>:<username>`). */
const ACTOR_IS_STAFF = (change: string, staff: string) =>
  `${change}."actor" IN ('staff:' || ${staff}."username", ${staff}."role" || ':' || ${staff}."username")`;

/**
 * The subject's name and a detail beside it, per kind of thing: a redemption by its receipt
 * number and member, a card by its number and member, an event by its name and activity, and so
 * on. Joined in the one query that reads the page, so a page costs one round trip.
 */
const LABELS = `
  CASE c."entity"
    WHEN 'product' THEN p."name"
    WHEN 'member' THEN m."name"
    WHEN 'card' THEN c."entityId"
    WHEN 'redemption' THEN r."receiptNo"
    WHEN 'event' THEN e."name"
    WHEN 'activity' THEN act."name"
    WHEN 'staff' THEN st."displayName"
    WHEN 'kiosk' THEN k."name"
    WHEN 'overdraft' THEN oa."name"
  END AS "subjectLabel",
  CASE c."entity"
    WHEN 'member' THEN ma."name"
    WHEN 'card' THEN cm."name"
    WHEN 'redemption' THEN rm."name"
    WHEN 'event' THEN ea."name"
    WHEN 'kiosk' THEN k."store"
    WHEN 'overdraft' THEN o."store"
  END AS "subjectDetail"`;

const JOINS = `
  LEFT JOIN "staff" s ON ${ACTOR_IS_STAFF('c', 's')}
  LEFT JOIN "products" p ON c."entity" = 'product' AND p."id" = c."entityId"
  LEFT JOIN "members" m ON c."entity" = 'member' AND m."id" = c."entityId"
  LEFT JOIN "accounts" ma ON ma."id" = m."accountId"
  LEFT JOIN "cards" cd ON c."entity" = 'card' AND cd."cardNo" = c."entityId"
  LEFT JOIN "members" cm ON cm."id" = cd."memberId"
  LEFT JOIN "redemptions" r ON c."entity" = 'redemption' AND r."id" = c."entityId"
  LEFT JOIN "members" rm ON rm."id" = r."memberId"
  LEFT JOIN "award_events" e ON c."entity" = 'event' AND e."id" = c."entityId"
  LEFT JOIN "activities" ea ON ea."id" = e."activityId"
  LEFT JOIN "activities" act ON c."entity" = 'activity' AND act."id" = c."entityId"
  LEFT JOIN "staff" st ON c."entity" = 'staff' AND (st."id" = c."entityId" OR st."username" = c."entityId")
  LEFT JOIN "hub_kiosks" k ON c."entity" = 'kiosk' AND k."kioskId" = c."entityId"
  LEFT JOIN "hub_overdrafts" o ON c."entity" = 'overdraft' AND o."id" = c."entityId"
  LEFT JOIN "accounts" oa ON oa."id" = o."accountId"`;

/** The append-only trail of admin changes. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: Database) {}

  async insert(tx: Tx, change: AdminChangeEntity): Promise<void> {
    await tx.run(`INSERT INTO "admin_changes" (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
      change.id,
      change.actor,
      change.action,
      change.entity,
      change.entityId,
      change.before,
      change.after,
      change.createdAt,
    ]);
    tx.changed('admin_changes', change);
  }

  /**
   * One page, newest first (UUIDv7 ids sort by time), with names resolved. Paging forward
   * (`afterId`) reads the oldest changes newer than it, then turns them round.
   */
  async list(filter: AdminChangeFilter): Promise<LabelledChangeRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      where.push(condition);
      params.push(value);
    };
    if (filter.beforeId) add(`c."id" < ?`, filter.beforeId);
    if (filter.afterId) add(`c."id" > ?`, filter.afterId);
    if (filter.entity) add(`c."entity" = ?`, filter.entity);
    if (filter.action) add(`c."action" = ?`, filter.action);
    if (filter.actor) add(`c."actor" = ?`, filter.actor);
    if (filter.from) add(`c."createdAt" >= ?`, filter.from);
    if (filter.to) add(`c."createdAt" < ?`, filter.to);
    const forward = Boolean(filter.afterId && !filter.beforeId);
    const rows = await this.db.all<LabelledChangeRow>(
      `SELECT ${COLUMNS.split(', ')
        .map((column) => `c.${column}`)
        .join(', ')}, s."displayName" AS "actorName", ${LABELS}
       FROM "admin_changes" c ${JOINS}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY c."id" ${forward ? 'ASC' : 'DESC'} LIMIT ?`,
      [...params, filter.limit],
    );
    return forward ? rows.reverse() : rows;
  }

  /** Everyone who has changed something, for the "who" filter, with their names where known. */
  actors(): Promise<{ actor: string; actorName: string | null }[]> {
    return this.db.all(
      `SELECT a."actor", MIN(s."displayName") AS "actorName"
       FROM (SELECT DISTINCT "actor" FROM "admin_changes") a
       LEFT JOIN "staff" s ON ${ACTOR_IS_STAFF('a', 's')}
       GROUP BY a."actor" ORDER BY a."actor"`,
    );
  }
}
