import { client, type Schemas, timeout } from '../../../api/client';
import { staffAuth, staffCall } from '../../api';

export type StaffMember = Schemas['StaffMemberResponse'];
export type StaffInput = Schemas['CreateStaffDto'];
export type StaffPatch = Schemas['UpdateStaffDto'];

/** The people who may sign in (admins), and one's own PIN (everyone). */
export const staffPeopleApi = {
  list: () => staffCall(() => client.GET('/api/staff', { headers: staffAuth(), signal: timeout() })),

  create: (body: StaffInput) =>
    staffCall(() => client.POST('/api/staff', { body, headers: staffAuth(), signal: timeout() })),

  update: (id: string, body: StaffPatch) =>
    staffCall(() =>
      client.PATCH('/api/staff/{id}', { params: { path: { id } }, body, headers: staffAuth(), signal: timeout() }),
    ),

  resetPin: (id: string, pin: string) =>
    staffCall(() =>
      client.POST('/api/staff/{id}/pin', {
        params: { path: { id } },
        body: { pin },
        headers: staffAuth(),
        signal: timeout(),
      }),
    ),

  changeOwnPin: (currentPin: string, newPin: string) =>
    staffCall(() =>
      client.PUT('/api/staff/current/pin', { body: { currentPin, newPin }, headers: staffAuth(), signal: timeout() }),
    ),
};

/** Where a staff member's card picture is (admins only). */
export const staffCardPath = (id: string) => `/api/staff/${id}/card.png`;
