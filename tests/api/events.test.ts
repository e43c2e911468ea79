import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../support/api';
import { activities, type AwardEvent, changesOf, type CheckIn } from './console-api';
import {
  alteredQr,
  createMember,
  expectError,
  expectRefused,
  findInconsistencies,
  ISO_TIME,
  openStore,
  passbook,
  snapshot,
  staffToken,
  type Store,
  UUID,
  verify,
} from './helpers';

const NO_SUCH_ID = '01890000-0000-7000-8000-000000000000';

interface EventDetail {
  event: AwardEvent;
  checkIns: { memberId: string; displayName: string; createdAt: string; ledgerEntryId: string }[];
}

let store: Store;
let volunteer: Api;
let volunteerService: { id: string; name: string; defaultPoints: number };
let yardDeduction: { id: string; name: string; defaultPoints: number };

beforeAll(async () => {
  store = await openStore();
  volunteer = store.api.as(await staffToken(store.api, 'volunteer'));
  const list = await activities(store.admin);
  volunteerService = list.find((a) => a.name === '志愿服务')!;
  yardDeduction = list.find((a) => a.defaultPoints < 0)!;
  expect(volunteerService.defaultPoints).toBe(2);
  expect(yardDeduction).toBeDefined();
});

afterAll(async () => {
  await store?.close();
});

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function openEvent(body: Record<string, unknown> = {}): Promise<AwardEvent> {
  const response = await store.admin.post<AwardEvent>('/api/events', { activityId: volunteerService.id, ...body });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

function checkIn(eventId: string, qr: unknown, api: Api = store.admin) {
  return api.post<CheckIn>(`/api/events/${eventId}/check-ins`, { qr });
}

async function eventDetail(eventId: string): Promise<EventDetail> {
  const response = await store.admin.get<EventDetail>(`/api/events/${eventId}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function awardEntriesOf(eventId: string): Promise<number> {
  const row = await store.db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM ledger_entries WHERE refId = ?`,
    `event:${eventId}`,
  );
  return row!.n;
}

async function expectLedgerSound(): Promise<void> {
  expect(await findInconsistencies(store.db)).toEqual([]);
  expect((await verify(store.admin)).ok).toBe(true);
}

describe('POST /api/events (open an event)', () => {
  it('defaults to the activity’s points and "<activity> <today>" as the name, and records event.create', async () => {
    const event = await openEvent();
    expect(event).toEqual({
      id: expect.stringMatching(UUID),
      activityId: volunteerService.id,
      activityName: '志愿服务',
      name: `志愿服务 ${today()}`,
      points: 2,
      createdBy: 'staff:admin',
      createdAt: expect.stringMatching(ISO_TIME),
      closedAt: null,
      checkInCount: 0,
    });
    const [change] = await changesOf(store.admin, 'event', event.id);
    expect(change).toMatchObject({
      actor: 'staff:admin',
      action: 'event.create',
      before: null,
      after: { activityId: volunteerService.id, name: event.name, points: 2 },
    });
  });

  it('takes its own points and name', async () => {
    const event = await openEvent({ points: 5, name: ' 河道清理日 ' });
    expect(event).toMatchObject({ name: '河道清理日', points: 5, activityName: '志愿服务' });
  });

  it('404 ACTIVITY_NOT_FOUND; 400 for a malformed id, a deducting activity without points, or points ≤ 0, a blank name, unknown fields', async () => {
    await expectRefused(
      store,
      () => store.admin.post('/api/events', { activityId: '019ac2f0-5c1e-7a3b-9f00-1c2d3e4f5a6b' }),
      404,
      'ACTIVITY_NOT_FOUND',
    );
    const refused = await expectRefused(
      store,
      () => store.admin.post('/api/events', { activityId: yardDeduction.id }),
      400,
      'VALIDATION_FAILED',
    );
    expect(refused.text).toContain(yardDeduction.name);
    const yard = await store.admin.post<AwardEvent>('/api/events', { activityId: yardDeduction.id, points: 1 });
    expect(yard.status, yard.text).toBe(201);
    for (const body of [
      {},
      { activityId: 'x' },
      { activityId: 0 },
      { activityId: 9999 },
      { activityId: '9999' },
      { activityId: volunteerService.id.toUpperCase() },
      { activityId: volunteerService.id, points: 0 },
      { activityId: volunteerService.id, points: -2 },
      { activityId: volunteerService.id, points: 1.5 },
      { activityId: volunteerService.id, points: 1001 },
      { activityId: volunteerService.id, name: '  ' },
      { activityId: volunteerService.id, name: null },
      { activityId: volunteerService.id, closedAt: null },
    ]) {
      expectError(await store.admin.post('/api/events', body), 400, 'VALIDATION_FAILED');
    }
  });
});

describe('GET /api/events and GET /api/events/:id', () => {
  it('lists newest first; open=true only open events, open=false only closed ones', async () => {
    const older = await openEvent({ name: '列表旧活动' });
    const newer = await openEvent({ name: '列表新活动' });
    const closed = await store.admin.post<AwardEvent>(`/api/events/${older.id}/close`);
    expect(closed.status).toBe(200);

    const all = await store.admin.get<AwardEvent[]>('/api/events');
    expect(all.status, all.text).toBe(200);
    const ids = all.body.map((e) => e.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect([...all.body].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((e) => e.id)).toEqual(ids);

    const open = await store.admin.get<AwardEvent[]>('/api/events?open=true');
    expect(open.body.every((e) => e.closedAt === null)).toBe(true);
    expect(open.body.map((e) => e.id)).toContain(newer.id);
    expect(open.body.map((e) => e.id)).not.toContain(older.id);
    const done = await store.admin.get<AwardEvent[]>('/api/events?open=false');
    expect(done.body.every((e) => e.closedAt !== null)).toBe(true);
    expect(done.body.map((e) => e.id)).toContain(older.id);
    expect(open.body.length + done.body.length).toBe(all.body.length);

    expectError(await store.admin.get('/api/events?open=maybe'), 400, 'VALIDATION_FAILED');
  });

  it('the detail has the event and its check-ins, newest first, with masked names', async () => {
    const event = await openEvent({ name: '详情活动' });
    const first = await createMember(store.admin, '签到甲一');
    const second = await createMember(store.admin, '签到乙二');
    const a = await checkIn(event.id, first.qr);
    const b = await checkIn(event.id, second.qr);
    expect([a.status, b.status]).toEqual([201, 201]);
    const detail = await eventDetail(event.id);
    expect(detail.event).toMatchObject({ id: event.id, checkInCount: 2, closedAt: null });
    expect(detail.checkIns).toEqual([
      {
        memberId: second.memberId,
        displayName: '签**二',
        createdAt: b.body.entry.createdAt,
        ledgerEntryId: b.body.entry.id,
      },
      {
        memberId: first.memberId,
        displayName: '签**一',
        createdAt: a.body.entry.createdAt,
        ledgerEntryId: a.body.entry.id,
      },
    ]);
  });

  it('404 EVENT_NOT_FOUND; 400 for a malformed id', async () => {
    expectError(await store.admin.get(`/api/events/${NO_SUCH_ID}`), 404, 'EVENT_NOT_FOUND');
    expectError(await store.admin.get('/api/events/123'), 400, 'VALIDATION_FAILED');
  });
});

describe('POST /api/events/:id/check-ins (scan cards one after another)', () => {
  it('awards the event’s points once per member: an award entry named after the event, by the staff member', async () => {
    const event = await openEvent({ points: 3, name: '签到发分' });
    const member = await createMember(store.admin, '签到会员');
    const response = await checkIn(event.id, member.qr);
    expect(response.status, response.text).toBe(201);
    expect(response.body.member).toEqual({ id: member.memberId, displayName: '签**员' });
    expect(response.body.account).toEqual({ id: member.accountId, balance: 3 });
    expect(response.body.entry).toMatchObject({
      delta: 3,
      balanceAfter: 3,
      kind: 'award',
      reason: '签到发分',
      actor: 'staff:admin',
    });
    expect(response.body.checkInCount).toBe(1);
    const row = await store.db.get<{ id: string }>(`SELECT "id" FROM "event_check_ins" WHERE "eventId" = ?`, event.id);
    expect(row?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const book = await passbook(store.admin, member.accountId);
    expect(book.entries.map((e) => e.id)).toEqual([response.body.entry.id]);
    await expectLedgerSound();
  });

  it('the same member again → 409 ALREADY_CHECKED_IN naming the masked member, and no second entry', async () => {
    const event = await openEvent({ name: '重复签到' });
    const member = await createMember(store.admin, '重复签到人');
    expect((await checkIn(event.id, member.qr)).status).toBe(201);
    const refused = await expectRefused(store, () => checkIn(event.id, member.qr), 409, 'ALREADY_CHECKED_IN');
    expect(refused.text).toContain('重***人');
    expect(refused.text).not.toContain('重复签到人');
    // A new card for the same member is still the same member.
    const reissued = await store.admin.post<{ qr: string }>(`/api/members/${member.memberId}/cards`);
    await expectRefused(store, () => checkIn(event.id, reissued.body.qr), 409, 'ALREADY_CHECKED_IN');
    expect(await awardEntriesOf(event.id)).toBe(1);
    expect((await eventDetail(event.id)).event.checkInCount).toBe(1);
  });

  it('each member of a household checks in once, each earning points for the shared account; a running count', async () => {
    const event = await openEvent({ points: 2, name: '全家参加' });
    const members = [
      await createMember(store.admin, '家庭成员一', '签到楼1栋101'),
      await createMember(store.admin, '家庭成员二', '签到楼1栋101'),
      await createMember(store.admin, '家庭成员三', '签到楼1栋101'),
    ];
    const answers: CheckIn[] = [];
    for (const member of members) {
      const response = await checkIn(event.id, member.qr);
      expect(response.status, response.text).toBe(201);
      answers.push(response.body);
    }
    expect(answers.map((a) => a.checkInCount)).toEqual([1, 2, 3]);
    expect(answers.map((a) => a.account.balance)).toEqual([2, 4, 6]);
    expect(new Set(answers.map((a) => a.account.id))).toEqual(new Set([members[0]!.accountId]));
  });

  it('20 simultaneous scans of one card: exactly one 201 and one ledger entry, the rest 409 ALREADY_CHECKED_IN', async () => {
    const event = await openEvent({ points: 4, name: '并发签到' });
    const member = await createMember(store.admin, '并发会员');
    const before = await snapshot(store.db);
    const answers = await Promise.all(Array.from({ length: 20 }, () => checkIn(event.id, member.qr)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 201)) expectError(answer, 409, 'ALREADY_CHECKED_IN');
    const after = await snapshot(store.db);
    expect(after.ledgerEntries).toBe(before.ledgerEntries + 1);
    expect(after.balances).toBe(before.balances + 4);
    expect(await awardEntriesOf(event.id)).toBe(1);
    expect((await passbook(store.admin, member.accountId)).account.balance).toBe(4);
    const detail = await eventDetail(event.id);
    expect(detail.event.checkInCount).toBe(1);
    expect(detail.checkIns.map((c) => c.memberId)).toEqual([member.memberId]);
    await expectLedgerSound();
  });

  it('simultaneous scans of different cards all check in, each once', async () => {
    const event = await openEvent({ points: 1, name: '并发多人' });
    const members = await Promise.all(Array.from({ length: 8 }, (_, i) => createMember(store.admin, `多人并发${i}`)));
    const answers = await Promise.all(members.flatMap((m) => [checkIn(event.id, m.qr), checkIn(event.id, m.qr)]));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(8);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(8);
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.member.id)).size).toBe(8);
    expect((await eventDetail(event.id)).event.checkInCount).toBe(8);
    expect(await awardEntriesOf(event.id)).toBe(8);
    await expectLedgerSound();
  });

  it('401 CARD_INVALID for a forged or garbled card, 401 CARD_REVOKED for a cancelled one; nothing written', async () => {
    const event = await openEvent({ name: '坏卡签到' });
    const member = await createMember(store.admin, '坏卡会员');
    await expectRefused(store, () => checkIn(event.id, alteredQr(member.qr)), 401, 'CARD_INVALID');
    await expectRefused(store, () => checkIn(event.id, 'not a card'), 401, 'CARD_INVALID');
    expect((await store.admin.post(`/api/cards/${member.cardNo}/revoke`, { reason: '卡片遗失' })).status).toBe(200);
    await expectRefused(store, () => checkIn(event.id, member.qr), 401, 'CARD_REVOKED');
    for (const qr of [null, 12, ''.padEnd(5000, 'x')]) {
      await expectRefused(store, () => checkIn(event.id, qr), 400, 'VALIDATION_FAILED');
    }
    expect((await eventDetail(event.id)).checkIns).toEqual([]);
  });

  it('404 EVENT_NOT_FOUND for an unknown event, 400 for a malformed id', async () => {
    const member = await createMember(store.admin, '无活动签到');
    await expectRefused(store, () => checkIn(NO_SUCH_ID, member.qr), 404, 'EVENT_NOT_FOUND');
    await expectRefused(store, () => checkIn('nope', member.qr), 400, 'VALIDATION_FAILED');
  });
});

describe('POST /api/events/:id/close', () => {
  it('closes the event (audit event.close); check-ins are then refused with 409 EVENT_CLOSED; closing again changes nothing', async () => {
    const event = await openEvent({ name: '结束活动' });
    const early = await createMember(store.admin, '按时到场');
    const late = await createMember(store.admin, '迟到会员');
    expect((await checkIn(event.id, early.qr)).status).toBe(201);

    const closed = await store.admin.post<AwardEvent>(`/api/events/${event.id}/close`);
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ id: event.id, checkInCount: 1, closedAt: expect.stringMatching(ISO_TIME) });

    const refused = await expectRefused(store, () => checkIn(event.id, late.qr), 409, 'EVENT_CLOSED');
    expect(refused.text).toContain('结束活动');
    await expectRefused(store, () => checkIn(event.id, early.qr), 409, 'EVENT_CLOSED');

    const again = await store.admin.post<AwardEvent>(`/api/events/${event.id}/close`);
    expect(again.status).toBe(200);
    expect(again.body.closedAt).toBe(closed.body.closedAt);
    const changes = await changesOf(store.admin, 'event', event.id);
    expect(changes.map((c) => c.action)).toEqual(['event.close', 'event.create']);
    expect(changes[0]).toMatchObject({
      actor: 'staff:admin',
      before: { closedAt: null },
      after: { closedAt: closed.body.closedAt, checkInCount: 1 },
    });
    expect((await eventDetail(event.id)).event.closedAt).toBe(closed.body.closedAt);
  });

  it('404 EVENT_NOT_FOUND, 400 for a malformed id', async () => {
    expectError(await store.admin.post(`/api/events/${NO_SUCH_ID}/close`), 404, 'EVENT_NOT_FOUND');
    expectError(await store.admin.post('/api/events/x/close'), 400, 'VALIDATION_FAILED');
  });
});

describe('who may run events', () => {
  it('every event route: volunteer → 403 FORBIDDEN, no token → 401, and the volunteer’s scan awards nothing', async () => {
    const event = await openEvent({ name: '权限活动' });
    const member = await createMember(store.admin, '权限会员');
    const calls: [string, string, unknown][] = [
      ['POST', '/api/events', { activityId: volunteerService.id }],
      ['GET', '/api/events', undefined],
      ['GET', `/api/events/${event.id}`, undefined],
      ['POST', `/api/events/${event.id}/check-ins`, { qr: member.qr }],
      ['POST', `/api/events/${event.id}/close`, undefined],
    ];
    for (const [method, path, body] of calls) {
      await expectRefused(store, () => volunteer.request(method, path, body), 403, 'FORBIDDEN');
      await expectRefused(store, () => store.api.request(method, path, body), 401, 'STAFF_SESSION_REQUIRED');
    }
    expect((await eventDetail(event.id)).event).toMatchObject({ checkInCount: 0, closedAt: null });
  });
});

describe('after all of the above', () => {
  it('every balance equals the sum of its ledger and the hash chain verifies', async () => {
    await expectLedgerSound();
  });
});
