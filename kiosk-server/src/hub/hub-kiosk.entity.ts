/** A kiosk as the hub knows it: created by a hub admin, bound to a device key at enrolment. */
export interface HubKioskEntity {
  kioskId: string;
  store: string;
  name: string;
  /** SHA-256 of the one-time enrolment code. */
  codeHash: string;
  codeExpiresAt: string;
  keyId: string | null;
  publicKey: string | null;
  /** The kiosk's own id: the origin of its journal rows and ledger entries. */
  origin: string | null;
  cardKey: string | null;
  enrolledAt: string | null;
  lastSyncAt: string | null;
  /** The hub's change sequence up to which the kiosk last pulled: what it had seen. */
  pulledTo: number;
  acknowledgedSeq: number;
  /** Hash of the last acknowledged journal row. */
  head: string;
  chainProblem: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  createdAt: string;
}

export type OverdraftResolution = 'covered' | 'write-off' | 'deduct';

export interface OverdraftEntity {
  id: string;
  accountId: string;
  store: string;
  amount: number;
  /** JSON: ids of the spending entries that took the balance (further) below zero. */
  entries: string;
  /** JSON: the kiosks those entries were made at. */
  kiosks: string;
  openedAt: string;
  resolvedAt: string | null;
  /** covered: later awards brought the balance back; write-off or deduct: a district admin's decision. */
  resolution: OverdraftResolution | null;
  resolutionReason: string | null;
  resolvedBy: string | null;
}
