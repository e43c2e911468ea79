import { ApiFailure, bearer, call, client, type Schemas, timeout } from '../api/client';
import type { operations } from '../api/schema';

export type StaffSignedIn = Schemas['StaffSessionResponse'];
export type StaffRole = StaffSignedIn['role'];
export type RestockInput = Schemas['RestockDto'];
export type StockChange = Schemas['StockChangeResponse'];
export type StocktakeInput = Schemas['StocktakeDto'];
export type StocktakeResult = Schemas['StocktakeResponse'];
export type PrintStatus = Schemas['PrintStatusResponse'];
export type StaffProduct = Schemas['ProductResponse'];
export type MemberLookup = Schemas['MemberLookupResponse'];
export type LedgerEntry = Schemas['LedgerEntryResponse'];
export type StaffRedemption = Schemas['RedemptionResponse'];
export type Activity = Schemas['ActivityResponse'];
export type AwardEvent = Schemas['EventResponse'];
export type AwardInput = Schemas['AwardPointsDto'];
export type MemberListItem = Schemas['MemberListItem'];
export type MemberDetail = Schemas['MemberDetail'];
export type MoveMemberInput = Schemas['MoveMemberDto'];
export type Passbook = Schemas['PassbookResponse'];
/** A member picked by card or search, with what the screens show of them. */
export interface FoundMember {
  memberId: string;
  accountId: string;
  displayName: string;
  household: string | null;
  balance: number;
}
export type RedemptionSummary = Schemas['RedemptionSummaryResponse'];
export type RedemptionFilter = NonNullable<operations['RedemptionController_list']['parameters']['query']>;
export type RankingRow = Schemas['RankingRowResponse'];
export type RankingBasis = 'member' | 'household';
export type ProductInput = Schemas['CreateProductDto'];
export type ProductPatch = Schemas['UpdateProductDto'];
export type StoreSettings = Schemas['SettingsResponse'];
export type SettingsPatch = Schemas['UpdateSettingsDto'];
export type ReportSummary = Schemas['SummaryResponse'];
export type ReportPeriod = ReportSummary['period'];
export type AdminChange = Schemas['AdminChangeResponse'];
export type AdminChangeQuery = NonNullable<operations['AuditController_changes']['parameters']['query']>;
export type AuditActor = Schemas['AuditActorResponse'];
export type LedgerVerification = Schemas['VerifyResponse'];

/** The signed-in staff member's token, set by the console; null while signed out. */
let currentToken: string | null = null;
let onSessionLost: () => void = () => undefined;

export function useStaffToken(token: string | null, sessionLost: () => void = () => undefined): void {
  currentToken = token;
  onSessionLost = sessionLost;
}

/** Headers for a staff call; refuses locally when nobody is signed in. */
function auth(): { Authorization: string } {
  if (!currentToken) throw new ApiFailure('STAFF_SESSION_REQUIRED', 401, 'Not signed in.');
  return bearer(currentToken);
}

/** Runs a staff call; a session the server no longer knows (restart, idle) signs the console out. */
export async function staffCall<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  try {
    return await call<T>(request());
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'STAFF_SESSION_REQUIRED') onSessionLost();
    throw error;
  }
}

/**
 * The staff routes the shell and the volunteer screens use. Screens added later add their calls
 * here or beside themselves the same way: `staffCall(() => client.VERB(path, { headers: auth() }))`.
 */
export const staffApi = {
  signIn: (username: string, pin: string) =>
    call<StaffSignedIn>(client.POST('/api/staff/sessions', { body: { username, pin }, signal: timeout() })),

  /** Whose staff card was scanned (no session needed: the PIN still is). */
  staffCardHolder: (qr: string) =>
    call<Schemas['StaffCardHolderResponse']>(
      client.POST('/api/staff/cards/scans', { body: { qr }, signal: timeout() }),
    ),

  /** Ends the server session; the token is passed because the console forgets it at once. */
  signOut: (token: string) =>
    call<void>(
      client.DELETE('/api/staff/sessions/current', { headers: bearer(token), keepalive: true, signal: timeout() }),
    ),

  /** Every product, also those taken off the shelf, with barcodes. */
  products: () => staffCall(() => client.GET('/api/products', { headers: auth(), signal: timeout() })),

  productByBarcode: (barcode: string) =>
    staffCall(() =>
      client.GET('/api/products/by-barcode/{barcode}', {
        params: { path: { barcode } },
        headers: auth(),
        signal: timeout(),
      }),
    ),

  lowStock: () => staffCall(() => client.GET('/api/inventory/low-stock', { headers: auth(), signal: timeout() })),

  /** A member card read at the counter: who, the balance, the passbook's newest entries. */
  lookupMember: (qr: string) =>
    staffCall(() => client.POST('/api/members/lookup', { body: { qr }, headers: auth(), signal: timeout() })),

  restock: (body: RestockInput) =>
    staffCall(() => client.POST('/api/inventory/restocks', { body, headers: auth(), signal: timeout() })),

  stocktake: (body: StocktakeInput) =>
    staffCall(() => client.POST('/api/inventory/stocktakes', { body, headers: auth(), signal: timeout() })),

  /** A receipt by its number (typed, or read from the receipt's QR code). */
  redemptionByReceipt: (receiptNo: string) =>
    staffCall(() =>
      client.GET('/api/redemptions/by-receipt/{receiptNo}', {
        params: { path: { receiptNo } },
        headers: auth(),
        signal: timeout(),
      }),
    ),

  redemption: (id: string) =>
    staffCall(() =>
      client.GET('/api/redemptions/{id}', { params: { path: { id } }, headers: auth(), signal: timeout() }),
    ),

  reprint: (id: string) =>
    staffCall(() =>
      client.POST('/api/redemptions/{id}/reprint', { params: { path: { id } }, headers: auth(), signal: timeout() }),
    ),

  printJob: (id: string) =>
    staffCall(() =>
      client.GET('/api/printer/jobs/{id}', { params: { path: { id } }, headers: auth(), signal: timeout() }),
    ),

  activities: () => staffCall(() => client.GET('/api/activities', { headers: auth(), signal: timeout() })),

  /** Members whose name, household label or card number contains `q`; the newest ones without it. */
  members: (q: string, limit = 50) =>
    staffCall(() =>
      client.GET('/api/members', {
        params: { query: { ...(q.trim() ? { q: q.trim() } : {}), limit } },
        headers: auth(),
        signal: timeout(),
      }),
    ),

  /** The members of the household a registration with this label would join (none: a new household). */
  householdMembers: (label: string) =>
    staffCall(() =>
      client.GET('/api/members', {
        params: { query: { household: label, limit: 100 } },
        headers: auth(),
        signal: timeout(),
      }),
    ),

  member: (id: string) =>
    staffCall(() => client.GET('/api/members/{id}', { params: { path: { id } }, headers: auth(), signal: timeout() })),

  /** A new member with a card; the same household label as an existing one joins that household. */
  registerMember: (name: string, household?: string) =>
    staffCall(() =>
      client.POST('/api/members', {
        body: { name, ...(household ? { household } : {}) },
        headers: auth(),
        signal: timeout(),
      }),
    ),

  renameMember: (id: string, name: string) =>
    staffCall(() =>
      client.PATCH('/api/members/{id}', {
        params: { path: { id } },
        body: { name },
        headers: auth(),
        signal: timeout(),
      }),
    ),

  moveMember: (id: string, body: MoveMemberInput) =>
    staffCall(() =>
      client.POST('/api/members/{id}/move', { params: { path: { id } }, body, headers: auth(), signal: timeout() }),
    ),

  /** A new card for the member; the active one, if any, is revoked at the same time. */
  issueCard: (memberId: string) =>
    staffCall(() =>
      client.POST('/api/members/{id}/cards', {
        params: { path: { id: memberId } },
        headers: auth(),
        signal: timeout(),
      }),
    ),

  revokeCard: (cardNo: string, reason: string) =>
    staffCall(() =>
      client.POST('/api/cards/{cardNo}/revoke', {
        params: { path: { cardNo } },
        body: { reason },
        headers: auth(),
        signal: timeout(),
      }),
    ),

  /** The passbook: every entry of the account, oldest first, with the balance after each. */
  passbook: (accountId: string) =>
    staffCall(() =>
      client.GET('/api/accounts/{id}/ledger', {
        params: { path: { id: accountId } },
        headers: auth(),
        signal: timeout(),
      }),
    ),

  award: (body: AwardInput) =>
    staffCall(() => client.POST('/api/points/awards', { body, headers: auth(), signal: timeout() })),

  openEvents: () =>
    staffCall(() =>
      client.GET('/api/events', { params: { query: { open: 'true' } }, headers: auth(), signal: timeout() }),
    ),

  event: (id: string) =>
    staffCall(() => client.GET('/api/events/{id}', { params: { path: { id } }, headers: auth(), signal: timeout() })),

  createEvent: (body: Schemas['CreateEventDto']) =>
    staffCall(() => client.POST('/api/events', { body, headers: auth(), signal: timeout() })),

  checkIn: (eventId: string, qr: string) =>
    staffCall(() =>
      client.POST('/api/events/{id}/check-ins', {
        params: { path: { id: eventId } },
        body: { qr },
        headers: auth(),
        signal: timeout(),
      }),
    ),

  closeEvent: (id: string) =>
    staffCall(() =>
      client.POST('/api/events/{id}/close', { params: { path: { id } }, headers: auth(), signal: timeout() }),
    ),

  redemptions: (query: RedemptionFilter) =>
    staffCall(() => client.GET('/api/redemptions', { params: { query }, headers: auth(), signal: timeout() })),

  voidRedemption: (id: string, reason: string) =>
    staffCall(() =>
      client.POST('/api/redemptions/{id}/void', {
        params: { path: { id } },
        body: { reason },
        headers: auth(),
        signal: timeout(),
      }),
    ),

  ranking: (month: string, by: RankingBasis) =>
    staffCall(() =>
      client.GET('/api/rankings/month', {
        params: { query: { month, by, limit: 100 } },
        headers: auth(),
        signal: timeout(),
      }),
    ),

  /** Admin: a new product (with its first stock, if any). */
  createProduct: (body: ProductInput) =>
    staffCall(() => client.POST('/api/products', { body, headers: auth(), signal: timeout() })),

  /** Admin: only the fields sent are changed. */
  updateProduct: (id: string, body: ProductPatch) =>
    staffCall(() =>
      client.PATCH('/api/products/{id}', { params: { path: { id } }, body, headers: auth(), signal: timeout() }),
    ),

  /** Admin: the product's picture, sent as the file's own bytes with its type (PNG, JPEG or WebP). */
  uploadProductImage: (id: string, file: Blob) =>
    staffCall(() =>
      client.PUT('/api/products/{id}/image', {
        params: { path: { id } },
        // The body is the picture itself, not JSON.
        body: file as unknown as string,
        bodySerializer: () => file,
        headers: { ...auth(), 'Content-Type': file.type },
        signal: AbortSignal.timeout(30_000),
      }),
    ),

  settings: () => staffCall(() => client.GET('/api/settings', { headers: auth(), signal: timeout() })),

  updateSettings: (body: SettingsPatch) =>
    staffCall(() => client.PATCH('/api/settings', { body, headers: auth(), signal: timeout() })),

  reportSummary: (period: ReportPeriod) =>
    staffCall(() =>
      client.GET('/api/reports/summary', { params: { query: { period } }, headers: auth(), signal: timeout() }),
    ),

  /** The admin changes, newest first; `beforeId` pages back, `afterId` forward; filters by who, what, when. */
  auditChanges: (query: AdminChangeQuery = {}) =>
    staffCall(() => client.GET('/api/audit/changes', { params: { query }, headers: auth(), signal: timeout() })),

  /** Everyone in the change log, by name, for its "who" filter. */
  auditActors: () => staffCall(() => client.GET('/api/audit/actors', { headers: auth(), signal: timeout() })),

  verifyLedger: () =>
    staffCall(() => client.GET('/api/audit/verify', { headers: auth(), signal: AbortSignal.timeout(60_000) })),
};

/**
 * Saves a file a staff route serves (PDF, PNG, CSV): fetched with the staff token, then handed to
 * the browser as a download named `filename`. Refusals throw an ApiFailure like the other calls.
 */
export async function staffDownload(path: string, filename: string): Promise<void> {
  const blob = await staffCall<Blob>(async () => {
    const response = await fetch(path, { headers: auth(), signal: AbortSignal.timeout(60_000) });
    if (!response.ok) {
      const error: unknown = await response.json().catch(() => ({}));
      return { error, response };
    }
    return { data: await response.blob(), response };
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob is let go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export { auth as staffAuth };
