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
};

export { auth as staffAuth };
