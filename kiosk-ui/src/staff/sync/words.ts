import type { Params } from '../../i18n/types';
import type { StaffMessageKey } from '../i18n';
import type { HubKiosk, Overdraft } from './api';

/*
 * Pure helpers of the sync screens: a time in words, a sync refusal in plain words, the enrolment
 * code as typed or scanned, and the hub's lists in the order an admin reads them.
 */

const MINUTE = 60_000;

/** "刚刚", "3 分钟前", "今天 14:05", "昨天 18:05", "11月20日 18:05": when something happened, said plainly. */
export function timeInWords(
  iso: string,
  now: Date,
  lang: string,
): { key: Extract<StaffMessageKey, `when.${string}`>; params: Params } {
  const then = new Date(iso);
  const ago = now.getTime() - then.getTime();
  if (Number.isNaN(ago)) return { key: 'when.justNow', params: {} };
  // A clock a little ahead of ours still means "now".
  if (ago < MINUTE) return { key: 'when.justNow', params: {} };
  if (ago < 60 * MINUTE) return { key: 'when.minutesAgo', params: { n: Math.floor(ago / MINUTE) } };
  const time = `${String(then.getHours()).padStart(2, '0')}:${String(then.getMinutes()).padStart(2, '0')}`;
  const days = dayNumber(now) - dayNumber(then);
  if (days === 0) return { key: 'when.today', params: { time } };
  if (days === 1) return { key: 'when.yesterday', params: { time } };
  const date = new Intl.DateTimeFormat(lang, {
    ...(then.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    month: lang.startsWith('zh') ? 'long' : 'short',
    day: 'numeric',
  }).format(then);
  return { key: 'when.date', params: { date, time } };
}

/** Days since the epoch in local time, so "yesterday" follows the calendar, not 24 hours. */
function dayNumber(date: Date): number {
  return Math.floor(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / (24 * 60 * MINUTE));
}

/** What went wrong with a round or an enrolment, as one word the screen has a sentence and a to-do for. */
const SYNC_PROBLEMS = {
  HUB_UNREACHABLE: 'unreachable',
  NETWORK: 'network',
  HUB_ERROR: 'hubError',
  SYNC_NOT_CONFIGURED: 'notConfigured',
  ENROLMENT_CODE_MISSING: 'codeMissing',
  ENROLMENT_CODE_USED: 'codeUsed',
  ENROLMENT_CODE_EXPIRED: 'codeExpired',
  ENROLMENT_CODE_INVALID: 'codeInvalid',
  KIOSK_REVOKED: 'revoked',
  CHAIN_BROKEN: 'chainBroken',
  SIGNATURE_INVALID: 'signatureInvalid',
  KIOSK_ID_TAKEN: 'idTaken',
  ALREADY_ENROLLED: 'alreadyEnrolled',
  DEMO_DATA_PRESENT: 'demoData',
  VALIDATION_FAILED: 'hubUrlNeeded',
  STAFF_SESSION_REQUIRED: 'signedOut',
  FORBIDDEN: 'forbidden',
  USB_ALREADY_IMPORTED: 'usbAlreadyImported',
  USB_FILE_OLD: 'usbOld',
  USB_OTHER_KIOSK: 'usbOtherKiosk',
  USB_FILE_DAMAGED: 'usbDamaged',
  USB_WRONG_KIND: 'usbWrongKind',
  USB_HUB_KEY_UNKNOWN: 'usbHubKeyUnknown',
  USB_NOT_ENROLLED: 'usbNotEnrolled',
  USB_NEEDS_NETWORK: 'usbNeedsNetwork',
  USB_KIOSK_UNKNOWN: 'usbKioskUnknown',
} as const;

export type SyncProblem = (typeof SYNC_PROBLEMS)[keyof typeof SYNC_PROBLEMS] | 'other';

export function syncProblem(code: string): SyncProblem {
  return Object.hasOwn(SYNC_PROBLEMS, code) ? (SYNC_PROBLEMS as Record<string, SyncProblem>)[code]! : 'other';
}

/**
 * The enrolment code as the hub prints it (`7KQM-3WZP-9RTA`): capitals, no spaces; twelve letters
 * and digits typed without dashes get them.
 */
export function normaliseEnrolmentCode(text: string): string {
  const code = text
    .toUpperCase()
    .replace(/[\s\u3000]+/g, '')
    .replace(/[－—–_]/g, '-');
  return /^[0-9A-Z]{12}$/.test(code) ? `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}` : code;
}

/** A hub address as typed: `http://` added when left out, no trailing slash. */
export function normaliseHubUrl(text: string): string {
  const url = text.trim().replace(/\/+$/, '');
  if (!url) return '';
  return /^https?:\/\//i.test(url) ? url : `http://${url}`;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** The hub's kiosks by store (stores by name), each store's kiosks by name with switched-off ones last. */
export function groupByStore(kiosks: readonly HubKiosk[]): { store: string; kiosks: HubKiosk[] }[] {
  const stores = new Map<string, HubKiosk[]>();
  for (const kiosk of kiosks) {
    const list = stores.get(kiosk.store) ?? [];
    list.push(kiosk);
    stores.set(kiosk.store, list);
  }
  return [...stores.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([store, list]) => ({
      store,
      kiosks: list.sort((a, b) => Number(a.revoked) - Number(b.revoked) || collator.compare(a.name, b.name)),
    }));
}

/** A kiosk's state at the hub, worst first: what the list shows beside its name. */
export type KioskState = 'revoked' | 'broken' | 'waiting' | 'enrolled';

export function kioskState(kiosk: HubKiosk): KioskState {
  if (kiosk.revoked) return 'revoked';
  if (kiosk.chain === 'broken') return 'broken';
  return kiosk.enrolled ? 'enrolled' : 'waiting';
}

/** The name the next kiosk of a store could take: "3号柜台" after "1号柜台" and "2号柜台". */
export function nextKioskName(kiosks: readonly HubKiosk[], store: string): string {
  const taken = new Set(kiosks.filter((kiosk) => kiosk.store === store).map((kiosk) => kiosk.name));
  let n = 1;
  while (taken.has(`${n}号柜台`)) n++;
  return `${n}号柜台`;
}

/** Open overdrafts first (deepest first), then the resolved ones, latest decision first. */
export function overdraftOrder(overdrafts: readonly Overdraft[]): Overdraft[] {
  return [...overdrafts].sort((a, b) => {
    if (a.resolved !== b.resolved) return a.resolved ? 1 : -1;
    if (!a.resolved) return b.amount - a.amount || a.openedAt.localeCompare(b.openedAt);
    return (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? '');
  });
}

/** Kiosk ids (the hub's, or the kiosk's own) as "store · name" where the hub knows them. */
export function kioskNames(ids: readonly string[], kiosks: readonly HubKiosk[]): string[] {
  return ids.map((id) => {
    const kiosk = kiosks.find((known) => known.kioskId === id || known.origin === id);
    return kiosk ? kiosk.name : id;
  });
}

/** Why the hub refused a store's USB file, as one word its panel has a sentence and a to-do for. */
const HUB_USB_PROBLEMS = {
  USB_FILE_DAMAGED: 'damaged',
  USB_WRONG_KIND: 'wrongKind',
  USB_KIOSK_UNKNOWN: 'kioskUnknown',
  USB_FILE_OLD: 'old',
  KIOSK_REVOKED: 'revoked',
  CHAIN_BROKEN: 'chainBroken',
  VALIDATION_FAILED: 'damaged',
  ENROLMENT_CODE_INVALID: 'codeInvalid',
  ENROLMENT_CODE_EXPIRED: 'codeExpired',
} as const;

export type HubUsbProblem = (typeof HUB_USB_PROBLEMS)[keyof typeof HUB_USB_PROBLEMS] | 'other';

export function hubUsbProblem(code: string): HubUsbProblem {
  return Object.hasOwn(HUB_USB_PROBLEMS, code) ? (HUB_USB_PROBLEMS as Record<string, HubUsbProblem>)[code]! : 'other';
}
