import { client, type Schemas, timeout } from '../../../api/client';
import { staffAuth, staffCall } from '../../api';

export type StaffActivity = Schemas['ActivityResponse'];
export type ActivityInput = Schemas['CreateActivityDto'];
export type ActivityPatch = Schemas['UpdateActivityDto'];

/** The activities (积分项目) as an admin keeps them: every one, retired ones too. */
export const activitiesApi = {
  all: () =>
    staffCall(() =>
      client.GET('/api/activities', { params: { query: { all: 'true' } }, headers: staffAuth(), signal: timeout() }),
    ),

  create: (body: ActivityInput) =>
    staffCall(() => client.POST('/api/activities', { body, headers: staffAuth(), signal: timeout() })),

  update: (id: string, body: ActivityPatch) =>
    staffCall(() =>
      client.PATCH('/api/activities/{id}', {
        params: { path: { id } },
        body,
        headers: staffAuth(),
        signal: timeout(),
      }),
    ),
};
