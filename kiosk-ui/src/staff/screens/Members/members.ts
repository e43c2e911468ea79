import { limits } from '../../../api/limits';
import type { LedgerEntry, MemberDetail, MemberListItem } from '../../api';

/** One line of the printed passbook: the entry, and the balance the deltas add up to so far. */
export interface PassbookRow {
  entry: LedgerEntry;
  /** The sum of every delta up to and including this entry. */
  running: number;
  /** False when the stored balance after the entry differs from the sum (a damaged ledger). */
  matches: boolean;
}

export interface PassbookTotals {
  earned: number;
  spent: number;
  balance: number;
}

/** The passbook lines, oldest first as the server gives them, with the running balance. */
export function passbookRows(entries: readonly LedgerEntry[]): PassbookRow[] {
  let running = 0;
  return entries.map((entry) => {
    running += entry.delta;
    return { entry, running, matches: running === entry.balanceAfter };
  });
}

/** Points in (awards, voids, positive adjustments) and out, and the balance at the end. */
export function passbookTotals(entries: readonly LedgerEntry[]): PassbookTotals {
  let earned = 0;
  let spent = 0;
  for (const { delta } of entries) {
    if (delta > 0) earned += delta;
    else spent -= delta;
  }
  return { earned, spent, balance: earned - spent };
}

export type MemberCard = MemberDetail['cards'][number];

/** The card in use (if any) and the ones taken out of use, newest first. */
export function cardsOf(detail: MemberDetail): { active: MemberCard | null; revoked: MemberCard[] } {
  return {
    active: detail.cards.find((card) => card.status === 'active') ?? null,
    revoked: detail.cards.filter((card) => card.status !== 'active'),
  };
}

/** The household labels among the members listed, for the household field's suggestions. */
export function householdLabels(members: readonly MemberListItem[]): string[] {
  const labels = new Set<string>();
  for (const member of members) if (member.household) labels.add(member.household);
  return [...labels].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

export type MovePlan =
  | { ok: false; problem: 'empty' | 'same' }
  | { ok: true; newHousehold: string; transferBalance: boolean; pointsMoving: number };

/**
 * What moving the member to the household `label` will do. Points belong to the account: they
 * stay with the members left behind, and move along only when the member is the last one there.
 */
export function planMove(detail: MemberDetail, label: string): MovePlan {
  const newHousehold = label.trim();
  if (!newHousehold) return { ok: false, problem: 'empty' };
  if (detail.account.kind === 'household' && detail.account.name === newHousehold) {
    return { ok: false, problem: 'same' };
  }
  const last = detail.householdMembers.length <= 1;
  const pointsMoving = last && detail.account.balance > 0 ? detail.account.balance : 0;
  return { ok: true, newHousehold, transferBalance: pointsMoving > 0, pointsMoving };
}

/** The server's limits on names and household labels, from its OpenAPI document. */
export const NAME_MAX = limits.RegisterMemberDto.name.maxLength;
export const RENAME_MAX = limits.UpdateMemberDto.name.maxLength;
export const HOUSEHOLD_MAX = limits.RegisterMemberDto.household.maxLength;
export const MOVE_HOUSEHOLD_MAX = limits.MoveMemberDto.newHousehold.maxLength;
export const REVOKE_REASON_MIN = limits.RevokeCardDto.reason.minLength;
export const REVOKE_REASON_MAX = limits.RevokeCardDto.reason.maxLength;

/** A revoke reason the server accepts: REVOKE_REASON_MIN to REVOKE_REASON_MAX characters once trimmed. */
export function revokeReasonValid(reason: string): boolean {
  const trimmed = reason.trim();
  return trimmed.length >= REVOKE_REASON_MIN && trimmed.length <= REVOKE_REASON_MAX;
}

/** A name or household label as typed: trimmed, empty when only spaces. */
export function cleanText(text: string, max: number): { value: string; ok: boolean } {
  const value = text.trim();
  return { value, ok: value.length > 0 && value.length <= max };
}

/** The file names the downloads get. */
export const cardPictureName = (cardNo: string) => `card-${cardNo}.png`;
export const CARD_SHEET_NAME = 'member-cards.pdf';

/** A day (and, with `time`, the hour) in the store's way of writing dates. */
export function formatDate(iso: string, lang: string, time = false): string {
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(time ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
  }).format(new Date(iso));
}
