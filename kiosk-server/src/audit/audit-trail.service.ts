import { Injectable } from '@nestjs/common';
import { uuidv7 } from '../common/ids';
import type { Tx } from '../database/sql-runner';
import { type AdminChangeFilter, AuditRepository } from './audit.repository';

export interface AdminChange {
  actor: string;
  action: string;
  entity: string;
  entityId: string | number;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AdminChangeRecord {
  id: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

/** A trail entry with the names a person reads: who did it and what it was done to. */
export interface LabelledAdminChange extends AdminChangeRecord {
  /** The staff member's display name; their username when the staff list no longer has them. */
  actorName: string;
  subject: { kind: string; label: string | null; detail: string | null };
}

/** `staff:admin` → `admin`; an actor of another form (`system:seed`) stays as it is. */
function username(actor: string): string {
  const colon = actor.indexOf(':');
  return colon >= 0 && actor.slice(0, colon) !== 'system' ? actor.slice(colon + 1) : actor;
}

/** Keeps only the fields whose value differs, so the trail shows what really changed. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (keys.length === 0) return null;
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])),
  };
}

/**
 * The supervision committee's trail of admin changes. `record` takes the caller's transaction
 * so the change and its trail entry commit together or not at all.
 */
@Injectable()
export class AuditTrailService {
  constructor(private readonly repository: AuditRepository) {}

  async record(tx: Tx, change: AdminChange): Promise<void> {
    await this.repository.insert(tx, {
      id: uuidv7(),
      actor: change.actor,
      action: change.action,
      entity: change.entity,
      entityId: String(change.entityId),
      before: change.before ? JSON.stringify(change.before) : null,
      after: change.after ? JSON.stringify(change.after) : null,
      createdAt: new Date().toISOString(),
    });
  }

  /** Newest first; `beforeId` pages back, `afterId` forward; filters by kind, action, actor and time. */
  async list(filter: AdminChangeFilter): Promise<LabelledAdminChange[]> {
    // Stored instants are all `toISOString()` text, so the bounds are too, to compare as text.
    const instant = (value?: string) => (value ? new Date(value).toISOString() : undefined);
    const rows = await this.repository.list({ ...filter, from: instant(filter.from), to: instant(filter.to) });
    return rows.map(({ actorName, subjectLabel, subjectDetail, ...row }) => ({
      ...row,
      before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
      after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
      actorName: actorName ?? username(row.actor),
      subject: { kind: row.entity, label: subjectLabel, detail: subjectDetail },
    }));
  }

  /** Everyone who appears in the trail, by name, for filtering. */
  async actors(): Promise<{ actor: string; name: string }[]> {
    const rows = await this.repository.actors();
    return rows
      .map((row) => ({ actor: row.actor, name: row.actorName ?? username(row.actor) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }
}
