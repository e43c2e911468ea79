import { Injectable } from '@nestjs/common';
import { uuidv7 } from '../common/ids';
import type { Tx } from '../database/sql-runner';
import { AuditRepository } from './audit.repository';

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

  /** Newest first; `beforeId` pages back through older changes. */
  async list(options: { limit: number; beforeId?: string; entity?: string }): Promise<AdminChangeRecord[]> {
    const rows = await this.repository.list(options);
    return rows.map((row) => ({
      ...row,
      before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
      after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
    }));
  }
}
