import type { components } from './schema';

/**
 * The server's OpenAPI document does not describe its response bodies yet (the controllers lack
 * `@ApiOkResponse({ type })` / `@ApiCreatedResponse({ type })`). Until it does, each response type
 * below falls back to the shape the resident screens rely on. As soon as `npm run api:generate`
 * picks up a documented schema of that name, the generated type replaces the fallback.
 */
type Schemas = components['schemas'];
type Documented<Name extends string, Fallback> = Name extends keyof Schemas ? Schemas[Name] : Fallback;

export type ProductResponse = Documented<
  'ProductResponse',
  {
    id: number;
    name: string;
    category: string;
    pricePoints: number;
    stock: number;
    imageUrl: string | null;
    monthlyLimit: number | null;
    lowStockThreshold: number;
    active: boolean;
  }
>;

export type SessionMember = Documented<'SessionMember', { id: string; displayName: string }>;
export type SessionAccount = Documented<'SessionAccount', { id: string; balance: number }>;

export type CurrentSessionResponse = Documented<
  'CurrentSessionResponse',
  { member: SessionMember; account: SessionAccount; idleSeconds: number }
>;

export type ResidentSessionResponse = Documented<
  'ResidentSessionResponse',
  { token: string; member: SessionMember; account: SessionAccount; idleSeconds: number }
>;

export type PrintStatusResponse = Documented<
  'PrintStatusResponse',
  { status: 'queued' | 'printing' | 'printed' | 'failed' | 'disabled'; jobId?: string | null; error?: string | null }
>;

export type RedemptionLineResponse = Documented<
  'RedemptionLineResponse',
  { productId: number; name: string; quantity: number; pricePoints: number; lineTotal: number }
>;

export type RedemptionResponse = Documented<
  'RedemptionResponse',
  {
    id: string;
    receiptNo: string;
    accountId: string;
    totalPoints: number;
    balanceBefore: number;
    balanceAfter: number;
    lines: RedemptionLineResponse[];
    status: string;
    createdAt: string;
    print: PrintStatusResponse;
  }
>;

export type RankingRowResponse = Documented<
  'RankingRowResponse',
  { rank: number; displayName: string; points: number }
>;

export type KioskInfoResponse = Documented<
  'KioskInfoResponse',
  { storeName: string; kioskId: string; minRedeemBalance: number; residentIdleSeconds: number }
>;
