import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import type { Tx } from '../database/sql-runner';
import type { AdminChangeEntity } from './admin-change.entity';

const COLUMNS = `"id", "actor", "action", "entity", "entityId", "before", "after", "createdAt"`;

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

  /** Newest first (UUIDv7 ids sort by time); older than `beforeId` and of one kind of thing when given. */
  list(options: { limit: number; beforeId?: string; entity?: string }): Promise<AdminChangeEntity[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.beforeId) {
      where.push(`"id" < ?`);
      params.push(options.beforeId);
    }
    if (options.entity) {
      where.push(`"entity" = ?`);
      params.push(options.entity);
    }
    return this.db.all<AdminChangeEntity>(
      `SELECT ${COLUMNS} FROM "admin_changes" ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY "id" DESC LIMIT ?`,
      [...params, options.limit],
    );
  }
}
