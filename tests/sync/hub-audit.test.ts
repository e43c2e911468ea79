import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminChange as Change } from '../api/console-api';
import { createKiosk, type Hub, startHub } from '../support/district';

/** The hub's own admin actions in its change log, named as people read them. */

let hub: Hub;

beforeAll(async () => {
  hub = await startHub();
});

afterAll(async () => {
  await hub?.server.stop();
});

describe('the hub change log', () => {
  it('names a kiosk that was added and revoked by its name and store', async () => {
    const { kioskId } = await createKiosk(hub, '和平里积分超市', '2号柜台');
    const revoked = await hub.admin.post(`/api/hub/kiosks/${kioskId}/revoke`, { reason: '设备丢失' });
    expect(revoked.status, revoked.text).toBe(200);

    const log = await hub.admin.get<Change[]>('/api/audit/changes?entity=kiosk');
    expect(log.status, log.text).toBe(200);
    const ofKiosk = log.body.filter((change) => change.entityId === kioskId);
    expect(ofKiosk.map((change) => change.action)).toEqual(['revoke', 'create']);
    for (const change of ofKiosk) {
      expect(change.subject).toEqual({ kind: 'kiosk', label: '2号柜台', detail: '和平里积分超市' });
      expect(change.actorName).not.toMatch(/:/);
    }
    expect(ofKiosk[0]!.after).toEqual({ reason: '设备丢失' });

    const revokes = await hub.admin.get<Change[]>('/api/audit/changes?action=revoke');
    expect(revokes.body.map((change) => change.entityId)).toEqual([kioskId]);
  });
});
