import { ApiFailure, bearer, call, client, type Schemas, timeout } from '../api/client';

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
export type ProductInput = Schemas['CreateProductDto'];
export type ProductPatch = Schemas['UpdateProductDto'];
export type StoreSettings = Schemas['SettingsResponse'];
export type SettingsPatch = Schemas['UpdateSettingsDto'];
export type ReportSummary = Schemas['SummaryResponse'];
export type ReportPeriod = ReportSummary['period'];
export type AdminChange = Schemas['AdminChangeResponse'];
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

  /** Admin: a new product (with its first stock, if any). */
  createProduct: (body: ProductInput) =>
    staffCall(() => client.POST('/api/products', { body, headers: auth(), signal: timeout() })),

  /** Admin: only the fields sent are changed. */
  updateProduct: (id: number, body: ProductPatch) =>
    staffCall(() =>
      client.PATCH('/api/products/{id}', { params: { path: { id } }, body, headers: auth(), signal: timeout() }),
    ),

  /** Admin: the product's picture, sent as the file's own bytes with its type (PNG, JPEG or WebP). */
  uploadProductImage: (id: number, file: Blob) =>
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

  /** The admin changes, newest first; `beforeId` pages back. */
  auditChanges: (query: { limit?: number; beforeId?: string } = {}) =>
    staffCall(() => client.GET('/api/audit/changes', { params: { query }, headers: auth(), signal: timeout() })),

  verifyLedger: () =>
    staffCall(() => client.GET('/api/audit/verify', { headers: auth(), signal: AbortSignal.timeout(60_000) })),
};

/**
 * Saves a file the server makes for signed-in staff (CSV, PDF, PNG): fetched with the bearer
 * token, then handed to the browser as a download named `filename`. Refusals throw an ApiFailure
 * like every other staff call.
 */
export function staffDownload(path: string, filename: string): Promise<void> {
  return staffCall(async () => {
    const response = await fetch(path, { headers: auth(), signal: AbortSignal.timeout(60_000) });
    if (!response.ok) {
      const error: unknown = await response.json().catch(() => ({}));
      return { error, response };
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked later: the browser reads the object URL after the click has returned.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { data: undefined, response };
  });
}

export { auth as staffAuth };
