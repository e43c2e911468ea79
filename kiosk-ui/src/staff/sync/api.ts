import { client, type Schemas, timeout } from '../../api/client';
import { staffAuth, staffCall } from '../api';

export type SyncStatus = Schemas['SyncStatusResponse'];
export type SyncRound = Schemas['SyncRoundResponse'];
export type HubKiosk = Schemas['HubKioskResponse'];
/** A new kiosk at the hub, with its one-time code and the code's QR picture (a data: URL). */
export type CreatedKiosk = Schemas['CreatedKioskResponse'];
export type Overdraft = Schemas['OverdraftResponse'];
/** write-off: the missing points are booked back; deduct: later awards cover them. */
export type OverdraftMode = 'write-off' | 'deduct';

/** A round pushes, pulls and compares: it may take longer than an ordinary call. */
const ROUND_TIMEOUT_MS = 90_000;
const roundTimeout = () => AbortSignal.timeout(ROUND_TIMEOUT_MS);

/** The kiosk's side of the district sync. */
export const syncApi = {
  status: () => staffCall(() => client.GET('/api/sync/status', { headers: staffAuth(), signal: timeout() })),

  run: () => staffCall(() => client.POST('/api/sync/run', { headers: staffAuth(), signal: roundTimeout() })),

  /** Enrols with a code from the hub (and the hub's address when the kiosk has none), then runs the first round. */
  enrol: (enrolmentCode: string, hubUrl?: string) =>
    staffCall(() =>
      client.PUT('/api/sync/hub', {
        body: { enrolmentCode, ...(hubUrl ? { hubUrl } : {}) },
        headers: staffAuth(),
        signal: roundTimeout(),
      }),
    ),
};

/** The district hub's console. */
export const hubApi = {
  kiosks: () => staffCall(() => client.GET('/api/hub/kiosks', { headers: staffAuth(), signal: timeout() })),

  createKiosk: (store: string, name: string) =>
    staffCall(() => client.POST('/api/hub/kiosks', { body: { store, name }, headers: staffAuth(), signal: timeout() })),

  revokeKiosk: (kioskId: string, reason: string) =>
    staffCall(() =>
      client.POST('/api/hub/kiosks/{kioskId}/revoke', {
        params: { path: { kioskId } },
        body: { reason },
        headers: staffAuth(),
        signal: timeout(),
      }),
    ),

  overdrafts: () => staffCall(() => client.GET('/api/hub/overdrafts', { headers: staffAuth(), signal: timeout() })),

  /** Closes an overdraft with the hub admin's decision (answers the overdraft, resolved). */
  resolveOverdraft: (id: string, mode: OverdraftMode, reason: string) =>
    staffCall(() =>
      client.POST('/api/hub/overdrafts/{id}/resolve', {
        params: { path: { id } },
        body: { mode, reason },
        headers: staffAuth(),
        signal: timeout(),
      }),
    ),
};
