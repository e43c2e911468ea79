import { client, type Schemas, timeout } from '../../api/client';
import { staffAuth, staffCall } from '../api';

export type SyncStatus = Schemas['SyncStatusResponse'];
export type SyncRound = Schemas['SyncRoundResponse'];
export type HubKiosk = Schemas['HubKioskResponse'];
/** A new kiosk at the hub, with its one-time code and the code's QR picture (a data: URL). */
export type CreatedKiosk = Schemas['CreatedKioskResponse'];
export type Overdraft = Schemas['OverdraftResponse'];
export type UsbExport = Schemas['UsbExportResponse'];
export type UsbKioskImport = Schemas['UsbKioskImportResponse'];
export type UsbHubImport = Schemas['UsbHubImportResponse'];
/** write-off: the missing points are booked back; deduct: later awards cover them. */
export type OverdraftMode = 'write-off' | 'deduct';

/** A round pushes, pulls and compares: it may take longer than an ordinary call. */
const ROUND_TIMEOUT_MS = 90_000;
const roundTimeout = () => AbortSignal.timeout(ROUND_TIMEOUT_MS);

/** A USB sync file goes up as it is: its signature covers its exact text. */
const fileUpload = (file: string) => ({
  body: file,
  bodySerializer: (body: string) => body,
  headers: { ...staffAuth(), 'content-type': 'application/octet-stream' },
  signal: roundTimeout(),
});

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

  /** A file for a USB stick with what the hub has not acknowledged (a store without network). */
  usbExport: () =>
    staffCall(() => client.POST('/api/sync/usb/export', { headers: staffAuth(), signal: roundTimeout() })),

  /** Enrolment without network: a file for the hub that proves the code (the answer file enrols). */
  usbEnrol: (enrolmentCode: string) =>
    staffCall(() =>
      client.POST('/api/sync/usb/enrol', { body: { enrolmentCode }, headers: staffAuth(), signal: roundTimeout() }),
    ),

  /** The hub's answer file, brought back on the USB stick. */
  usbImport: (file: string) => staffCall(() => client.POST('/api/sync/usb/import', fileUpload(file))),
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

  /** A store kiosk's USB export: taken in as a push; answers the file to take back. */
  usbImport: (file: string) => staffCall(() => client.POST('/api/hub/usb/import', fileUpload(file))),
};
