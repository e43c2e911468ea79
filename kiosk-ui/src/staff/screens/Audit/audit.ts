import type { AdminChange } from '../../api';

/** One changed field of a trail entry: the value before (null for something new) and after. */
export interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

/** Staff actors are recorded as `staff:<username>`; anything else (the hub, a seed) is shown as it is. */
export function actorName(actor: string): string {
  return actor.startsWith('staff:') ? actor.slice('staff:'.length) : actor;
}

/** The fields of an entry in a stable order: those it had before first, then the ones only after. */
export function changeRows(change: Pick<AdminChange, 'before' | 'after'>): ChangeRow[] {
  const before = change.before ?? {};
  const after = change.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** An ISO instant as the server writes them (revokedAt, closedAt…). */
export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value);
}

/** The name an entry gives its subject, when it records one (a product's or member's name). */
export function subjectName(change: Pick<AdminChange, 'before' | 'after'>): string | null {
  const name = change.after?.name ?? change.before?.name;
  return typeof name === 'string' ? name : null;
}
