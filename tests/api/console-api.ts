import { expect } from 'vitest';
import type { Api } from '../support/api';
import type { LedgerEntry } from './helpers';

/** Shapes of the staff console's member, card and event routes, as the UI receives them. */

export interface MemberAccount {
  id: string;
  kind: 'person' | 'household';
  name: string;
  balance: number;
}

export interface MemberListItem {
  id: string;
  name: string;
  displayName: string;
  household: string | null;
  account: MemberAccount;
  cardNo: string | null;
}

export interface MemberDetail {
  member: { id: string; name: string; displayName: string; household: string | null; createdAt: string };
  account: MemberAccount;
  householdMembers: { id: string; name: string; displayName: string }[];
  cards: { cardNo: string; status: 'active' | 'revoked'; issuedAt: string; revokedAt: string | null }[];
}

export interface MemberLookup {
  member: { id: string; displayName: string };
  account: MemberAccount;
  entries: LedgerEntry[];
}

export interface AwardEvent {
  id: string;
  activityId: string;
  activityName: string;
  name: string;
  points: number;
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
  checkInCount: number;
}

export interface CheckIn {
  member: { id: string; displayName: string };
  account: { id: string; balance: number };
  entry: LedgerEntry;
  checkInCount: number;
}

export interface AdminChange {
  id: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
  /** The staff member's display name (the username where the kiosk no longer has them). */
  actorName: string;
  /** What the change was done to, by the name a person reads (a product's name, a receipt number …). */
  subject: { kind: string; label: string | null; detail: string | null };
}

export async function memberDetail(admin: Api, memberId: string): Promise<MemberDetail> {
  const response = await admin.get<MemberDetail>(`/api/members/${memberId}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

/** The audit trail entries about one thing, newest first. */
export async function changesOf(admin: Api, entity: string, entityId: string): Promise<AdminChange[]> {
  const response = await admin.get<AdminChange[]>(`/api/audit/changes?entity=${entity}&limit=500`);
  expect(response.status, response.text).toBe(200);
  return response.body.filter((change) => change.entityId === entityId);
}

export async function activities(api: Api): Promise<{ id: string; name: string; defaultPoints: number }[]> {
  const response = await api.get<{ id: string; name: string; defaultPoints: number }[]>('/api/activities');
  expect(response.status, response.text).toBe(200);
  return response.body;
}
