import { limits } from '../../../api/limits';
import { changedFields, type FieldProblem, textField, wholeNumber } from '../../forms';
import type { ActivityInput, ActivityPatch, StaffActivity } from './api';

/** An activity that earns points, or one that takes them (扣分, offered when Points deducts). */
export type ActivityKind = 'award' | 'deduct';

/** The form as typed: the points are text until checked, without their sign (that is `kind`). */
export interface ActivityForm {
  name: string;
  kind: ActivityKind;
  defaultPoints: string;
}

export type ActivityField = Exclude<keyof ActivityForm, 'kind'>;

const activity = limits.CreateActivityDto;

/** The server's limits (CreateActivityDto, from its OpenAPI document). */
export const LIMITS = {
  name: activity.name.maxLength,
  /** How many, either way: the server takes -max…-1 and 1…max. */
  points: { min: 1, max: activity.defaultPoints.maximum },
} as const;

export function emptyForm(): ActivityForm {
  return { name: '', kind: 'award', defaultPoints: '' };
}

export function formOf(activity: StaffActivity): ActivityForm {
  return {
    name: activity.name,
    kind: activity.defaultPoints < 0 ? 'deduct' : 'award',
    defaultPoints: String(Math.abs(activity.defaultPoints)),
  };
}

export type ActivityCheck =
  { ok: true; body: ActivityInput } | { ok: false; problems: Partial<Record<ActivityField, FieldProblem>> };

/** The form checked field by field; when all is well, the body the server takes. */
export function checkActivity(form: ActivityForm): ActivityCheck {
  const name = textField(form.name, LIMITS.name, true);
  const points = wholeNumber(form.defaultPoints, LIMITS.points.min, LIMITS.points.max);
  if (!name.ok || !points.ok) {
    return {
      ok: false,
      problems: { ...(name.ok ? {} : { name: name.problem }), ...(points.ok ? {} : { defaultPoints: points.problem }) },
    };
  }
  const sign = form.kind === 'deduct' ? -1 : 1;
  return { ok: true, body: { name: name.value, defaultPoints: sign * points.value } };
}

/** What an edit changes: only the fields that differ from the activity as it is. */
export function activityChanges(activity: StaffActivity, body: ActivityInput): ActivityPatch {
  return changedFields<ActivityPatch>(activity, body);
}

/** Active ones first (what Points and CheckIn offer), each group oldest first as the server lists them. */
export function inListOrder(activities: readonly StaffActivity[]): StaffActivity[] {
  return [...activities.filter((one) => one.active), ...activities.filter((one) => !one.active)];
}
