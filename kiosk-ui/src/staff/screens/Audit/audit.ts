import type { AdminChange } from '../../api';

/** One changed field of a trail entry: the value before (null for something new) and after. */
export interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * Fields that only carry an id the entry's subject already names in words (the member of a card,
 * the account of a moved member, whose household names are recorded beside it).
 */
const ID_FIELDS = new Set(['accountId', 'memberId']);

/** The fields of an entry in a stable order: those it had before first, then the ones only after. */
export function changeRows(change: Pick<AdminChange, 'before' | 'after'>): ChangeRow[] {
  const before = change.before ?? {};
  const after = change.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (field) =>
      !ID_FIELDS.has(field) &&
      // A move records the household twice (label and account name): show the account's name once.
      !(field === 'household' && ('accountName' in before || 'accountName' in after)),
  );
  return fields.map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** An ISO instant as the server writes them (revokedAt, closedAt…). */
export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value);
}

/** The catalogue key of an action: hub actions are recorded without their kind (`create` of a kiosk). */
export function actionKey(change: Pick<AdminChange, 'action' | 'entity'>): string {
  return change.action.includes('.') ? change.action : `${change.entity}.${change.action}`;
}

/** A local calendar day (YYYY-MM-DD) as the instants it runs from and to, for the "when" filter. */
export function dayRange(day: string): { from: string; to: string } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const start = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(start.getTime())) return null;
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}
