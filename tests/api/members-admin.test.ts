import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api, ApiResponse } from '../support/api';
import { changesOf, memberDetail, type MemberDetail, type MemberListItem, type MemberLookup } from './console-api';
import {
  alteredQr,
  award,
  createMember,
  expectError,
  expectRefused,
  findInconsistencies,
  getBytes,
  ISO_TIME,
  openStore,
  passbook,
  scan,
  snapshot,
  staffToken,
  type Store,
  verify,
} from './helpers';

const NO_SUCH_ID = '01890000-0000-7000-8000-000000000000';

let store: Store;
let volunteer: Api;

beforeAll(async () => {
  store = await openStore();
  volunteer = store.api.as(await staffToken(store.api, 'volunteer'));
});

afterAll(async () => {
  await store?.close();
});

/** The ledger still adds up and its hash chain holds. */
async function expectLedgerSound(): Promise<void> {
  expect(await findInconsistencies(store.db)).toEqual([]);
  expect((await verify(store.admin)).ok).toBe(true);
}

function list(api: Api, query = ''): Promise<ApiResponse<MemberListItem[]>> {
  return api.get<MemberListItem[]>(`/api/members${query}`);
}

async function listed(query: string): Promise<MemberListItem[]> {
  const response = await store.admin.get<MemberListItem[]>(`/api/members${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

describe('GET /api/members (search)', () => {
  it('lists the newest members first, 20 by default, each with masked name, account, balance and active card', async () => {
    const newest = await createMember(store.admin, '列表最新');
    await award(store.admin, newest.accountId, 12);
    const members = await listed('');
    expect(members.length).toBe(20);
    expect(members[0]).toEqual({
      id: newest.memberId,
      name: '列表最新',
      displayName: '列**新',
      household: null,
      account: { id: newest.accountId, kind: 'person', name: '列表最新', balance: 12 },
      cardNo: newest.cardNo,
    });
    const created = await Promise.all(members.slice(0, 5).map((m) => memberDetail(store.admin, m.id)));
    const times = created.map((d) => d.member.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('finds by part of a name, a household label or a card number, in any letter case', async () => {
    const alice = await createMember(store.admin, 'Alice Zhang', '搜索楼9栋301');
    const bob = await createMember(store.admin, '搜索张三');
    expect((await listed('?q=ALICE%20zh')).map((m) => m.id)).toEqual([alice.memberId]);
    expect((await listed(`?q=${encodeURIComponent('搜索楼9栋')}`)).map((m) => m.id)).toEqual([alice.memberId]);
    expect((await listed(`?q=${encodeURIComponent('索张')}`)).map((m) => m.id)).toEqual([bob.memberId]);
    const byCard = await listed(`?q=${bob.cardNo}`);
    expect(byCard.map((m) => m.id)).toEqual([bob.memberId]);
    expect(byCard[0]!.cardNo).toBe(bob.cardNo);
    expect(byCard[0]!.household).toBeNull();
    expect((await listed(`?q=${encodeURIComponent('搜索')}`)).map((m) => m.id)).toEqual([bob.memberId, alice.memberId]);
    expect(await listed(`?q=${encodeURIComponent('没有这个人')}`)).toEqual([]);
  });

  it('household=: exactly the members a registration with that label would join, not labels containing it', async () => {
    const first = await createMember(store.admin, '户主王', '精确楼3栋201');
    const second = await createMember(store.admin, '家人李', '精确楼3栋201');
    await createMember(store.admin, '邻居赵', '精确楼13栋2010');
    await createMember(store.admin, '精确楼3栋201'); // a person whose own account bears the label's text
    const label = encodeURIComponent(' 精确楼3栋201 ');
    const household = await listed(`?household=${label}&q=${encodeURIComponent('邻居')}`);
    expect(household.map((m) => m.id)).toEqual([second.memberId, first.memberId]);
    expect(household.every((m) => m.account.id === first.accountId && m.account.kind === 'household')).toBe(true);
    expect(await listed(`?household=${encodeURIComponent('精确楼3栋2')}`)).toEqual([]);
    expectError(await store.admin.get(`/api/members?household=${'长'.repeat(61)}`), 400, 'VALIDATION_FAILED');
  });

  it('treats % and _ as plain characters, not wildcards', async () => {
    const percent = await createMember(store.admin, '百分100%号');
    expect((await listed('?q=%25')).map((m) => m.id)).toEqual([percent.memberId]);
    expect(await listed('?q=_')).toEqual([]);
  });

  it('limit: 1–100; 0, 101, a fraction or text → 400 VALIDATION_FAILED', async () => {
    expect((await listed('?limit=3')).length).toBe(3);
    expect((await listed('?limit=100')).length).toBeGreaterThan(20);
    for (const limit of ['0', '101', '2.5', 'many', '-1']) {
      expectError(await store.admin.get(`/api/members?limit=${limit}`), 400, 'VALIDATION_FAILED');
    }
    expectError(await store.admin.get(`/api/members?q=${'长'.repeat(61)}`), 400, 'VALIDATION_FAILED');
  });

  it('is open to volunteers; without a token → 401', async () => {
    const response = await list(volunteer, '?limit=1');
    expect(response.status, response.text).toBe(200);
    expectError(await list(store.api), 401, 'STAFF_SESSION_REQUIRED');
  });
});

describe('GET /api/members/:id (detail)', () => {
  it('shows the member, the account, everyone on the account and every card, newest card first', async () => {
    const first = await createMember(store.admin, '详情户主', '详情楼1栋101');
    const second = await createMember(store.admin, '详情家属', '详情楼1栋101');
    await award(store.admin, first.accountId, 40);
    const reissued = await store.admin.post<{ cardNo: string }>(`/api/members/${second.memberId}/cards`);
    expect(reissued.status).toBe(201);

    const detail = await memberDetail(store.admin, second.memberId);
    expect(detail.member).toMatchObject({
      id: second.memberId,
      name: '详情家属',
      displayName: '详**属',
      household: '详情楼1栋101',
    });
    expect(detail.member.createdAt).toMatch(ISO_TIME);
    expect(detail.account).toEqual({ id: first.accountId, kind: 'household', name: '详情楼1栋101', balance: 40 });
    expect(detail.householdMembers).toEqual([
      { id: first.memberId, name: '详情户主', displayName: '详**主' },
      { id: second.memberId, name: '详情家属', displayName: '详**属' },
    ]);
    expect(detail.cards.map((c) => [c.cardNo, c.status])).toEqual([
      [reissued.body.cardNo, 'active'],
      [second.cardNo, 'revoked'],
    ]);
    expect(detail.cards[0]!.revokedAt).toBeNull();
    expect(detail.cards[1]!.revokedAt).toMatch(ISO_TIME);
  });

  it('404 MEMBER_NOT_FOUND, 400 for a malformed id, 403 for a volunteer, 401 without a token', async () => {
    const member = await createMember(store.admin);
    expectError(await store.admin.get(`/api/members/${NO_SUCH_ID}`), 404, 'MEMBER_NOT_FOUND');
    expectError(await store.admin.get('/api/members/not-an-id'), 400, 'VALIDATION_FAILED');
    expectError(await volunteer.get(`/api/members/${member.memberId}`), 403, 'FORBIDDEN');
    expectError(await store.api.get(`/api/members/${member.memberId}`), 401, 'STAFF_SESSION_REQUIRED');
  });
});

describe('PATCH /api/members/:id (rename)', () => {
  it('renames the member (and a person’s own account), answers the detail and records member.update before → after', async () => {
    const member = await createMember(store.admin, '改名之前');
    const response = await store.admin.patch<MemberDetail>(`/api/members/${member.memberId}`, { name: ' 改名之后 ' });
    expect(response.status, response.text).toBe(200);
    expect(response.body.member).toMatchObject({ name: '改名之后', displayName: '改**后' });
    expect(response.body.account.name).toBe('改名之后');
    const [change, ...older] = await changesOf(store.admin, 'member', member.memberId);
    expect(change).toMatchObject({
      actor: 'staff:admin',
      action: 'member.update',
      before: { name: '改名之前' },
      after: { name: '改名之后' },
    });
    expect(older.map((c) => c.action)).toEqual(['member.register']);
    // The kiosk greets the resident by the new name.
    const session = await store.api.post<{ member: { displayName: string } }>('/api/sessions', { qr: member.qr });
    expect(session.body.member.displayName).toBe('改**后');
  });

  it('leaves a household account’s label alone', async () => {
    const member = await createMember(store.admin, '户内改名', '改名楼2栋202');
    const response = await store.admin.patch<MemberDetail>(`/api/members/${member.memberId}`, { name: '户内新名' });
    expect(response.status, response.text).toBe(200);
    expect(response.body.account.name).toBe('改名楼2栋202');
    expect(response.body.member.household).toBe('改名楼2栋202');
  });

  it('the same name or an empty body changes nothing and writes no audit entry', async () => {
    const member = await createMember(store.admin, '不变的名字');
    for (const body of [{}, { name: '不变的名字' }]) {
      const response = await store.admin.patch<MemberDetail>(`/api/members/${member.memberId}`, body);
      expect(response.status, response.text).toBe(200);
      expect(response.body.member.name).toBe('不变的名字');
    }
    expect((await changesOf(store.admin, 'member', member.memberId)).map((c) => c.action)).toEqual(['member.register']);
  });

  it('400 for a blank, null, too long or unknown field; 404 MEMBER_NOT_FOUND; 403 for a volunteer', async () => {
    const member = await createMember(store.admin, '校验改名');
    for (const body of [{ name: '   ' }, { name: '' }, { name: null }, { name: '长'.repeat(41) }, { household: 'x' }]) {
      expectError(await store.admin.patch(`/api/members/${member.memberId}`, body), 400, 'VALIDATION_FAILED');
    }
    expectError(await store.admin.patch(`/api/members/${NO_SUCH_ID}`, { name: '谁' }), 404, 'MEMBER_NOT_FOUND');
    expectError(await volunteer.patch(`/api/members/${member.memberId}`, { name: '志愿者改名' }), 403, 'FORBIDDEN');
    expectError(
      await store.api.patch(`/api/members/${member.memberId}`, { name: '匿名改名' }),
      401,
      'STAFF_SESSION_REQUIRED',
    );
    expect((await memberDetail(store.admin, member.memberId)).member.name).toBe('校验改名');
  });
});

describe('POST /api/members/:id/move (between households)', () => {
  const move = (memberId: string, body: unknown) =>
    store.admin.post<MemberDetail>(`/api/members/${memberId}/move`, body);

  it('to an existing household account: the member follows its label, the points stay with the old household', async () => {
    const stays = await createMember(store.admin, '留守成员', '迁出楼1栋101');
    const leaves = await createMember(store.admin, '迁走成员', '迁出楼1栋101');
    const target = await createMember(store.admin, '目标户主', '迁入楼2栋202');
    await award(store.admin, stays.accountId, 50);
    await award(store.admin, target.accountId, 7);
    const before = await snapshot(store.db);

    const response = await move(leaves.memberId, { accountId: target.accountId, transferBalance: true });
    expect(response.status, response.text).toBe(200);
    expect(response.body.member.household).toBe('迁入楼2栋202');
    expect(response.body.account).toEqual({
      id: target.accountId,
      kind: 'household',
      name: '迁入楼2栋202',
      balance: 7,
    });
    // Oldest first: the one who moved in registered before the target's first member.
    expect(response.body.householdMembers.map((m) => m.id)).toEqual([leaves.memberId, target.memberId]);
    // Someone is left on the old account, so its points stay there: no ledger entry at all.
    expect((await snapshot(store.db)).ledgerEntries).toBe(before.ledgerEntries);
    const old = await memberDetail(store.admin, stays.memberId);
    expect(old.account.balance).toBe(50);
    expect(old.householdMembers.map((m) => m.id)).toEqual([stays.memberId]);

    const [change] = await changesOf(store.admin, 'member', leaves.memberId);
    expect(change).toMatchObject({
      actor: 'staff:admin',
      action: 'member.move',
      before: { accountId: stays.accountId, household: '迁出楼1栋101' },
      after: { accountId: target.accountId, household: '迁入楼2栋202', transferredPoints: 0 },
    });
    // The moved member's card now opens the new household's account.
    expect((await scan(store.api, leaves.qr)).accountId).toBe(target.accountId);
    await expectLedgerSound();
  });

  it('to a new household label: creates the household account (registering into that label later joins it)', async () => {
    const member = await createMember(store.admin, '新户成员');
    const response = await move(member.memberId, { newHousehold: ' 新建楼8栋808 ' });
    expect(response.status, response.text).toBe(200);
    expect(response.body.account).toMatchObject({ kind: 'household', name: '新建楼8栋808', balance: 0 });
    expect(response.body.member.household).toBe('新建楼8栋808');
    expect(response.body.account.id).not.toBe(member.accountId);
    const joiner = await createMember(store.admin, '后来加入', '新建楼8栋808');
    expect(joiner.accountId).toBe(response.body.account.id);
    // The same label again is an existing household, so it is reused rather than duplicated.
    const other = await createMember(store.admin, '再迁一人');
    const again = await move(other.memberId, { newHousehold: '新建楼8栋808' });
    expect(again.body.account.id).toBe(response.body.account.id);
  });

  it('the last member of an account with points: 409 ACCOUNT_NOT_EMPTY, nothing changed', async () => {
    const member = await createMember(store.admin, '最后一人');
    await award(store.admin, member.accountId, 30);
    const changes = (await changesOf(store.admin, 'member', member.memberId)).length;
    const refused = await expectRefused(
      store,
      () => move(member.memberId, { newHousehold: '空户楼3栋303' }),
      409,
      'ACCOUNT_NOT_EMPTY',
    );
    expect(refused.text).toContain('30');
    await expectRefused(
      store,
      () => move(member.memberId, { newHousehold: '空户楼3栋303', transferBalance: false }),
      409,
      'ACCOUNT_NOT_EMPTY',
    );
    const detail = await memberDetail(store.admin, member.memberId);
    expect(detail.account).toMatchObject({ id: member.accountId, balance: 30 });
    expect(detail.member.household).toBeNull();
    expect(await changesOf(store.admin, 'member', member.memberId)).toHaveLength(changes);
    expect((await listed(`?q=${encodeURIComponent('空户楼3栋303')}`)).length).toBe(0);
  });

  it('with transferBalance the whole balance moves as two adjust entries in the same change, and the old session ends', async () => {
    const member = await createMember(store.admin, '带分迁户');
    await award(store.admin, member.accountId, 30);
    const target = await createMember(store.admin, '接收户主', '接收楼5栋505');
    await award(store.admin, target.accountId, 5);
    const session = await scan(store.api, member.qr);
    const before = await snapshot(store.db);

    const response = await move(member.memberId, { accountId: target.accountId, transferBalance: true });
    expect(response.status, response.text).toBe(200);
    expect(response.body.account).toMatchObject({ id: target.accountId, balance: 35 });
    const after = await snapshot(store.db);
    expect(after.ledgerEntries).toBe(before.ledgerEntries + 2);
    expect(after.balances).toBe(before.balances);

    const [out] = (await passbook(store.admin, member.accountId)).entries.slice(-1);
    expect(out).toMatchObject({ delta: -30, balanceAfter: 0, kind: 'adjust', actor: 'staff:admin' });
    expect(out!.reason).toContain('迁户');
    expect(out!.reason).toContain('接收楼5栋505');
    const [incoming] = (await passbook(store.admin, target.accountId)).entries.slice(-1);
    expect(incoming).toMatchObject({ delta: 30, balanceAfter: 35, kind: 'adjust', actor: 'staff:admin' });
    expect(incoming!.reason).toContain('迁户');

    const [change] = await changesOf(store.admin, 'member', member.memberId);
    expect(change).toMatchObject({
      action: 'member.move',
      before: { accountId: member.accountId, household: null },
      after: { accountId: target.accountId, household: '接收楼5栋505', transferredPoints: 30 },
    });
    // The kiosk session opened before the move would spend from the emptied account: it is ended.
    expectError(await session.api.get('/api/sessions/current'), 401, 'SESSION_REQUIRED');
    expect((await scan(store.api, member.qr)).balance).toBe(35);
    await expectLedgerSound();
  });

  it('the last member of an account with no points moves without transferBalance', async () => {
    const member = await createMember(store.admin, '零分迁户');
    const response = await move(member.memberId, { newHousehold: '零分楼6栋606' });
    expect(response.status, response.text).toBe(200);
    expect(response.body.account.balance).toBe(0);
  });

  it('409 SAME_ACCOUNT to its own account or its own household label', async () => {
    const member = await createMember(store.admin, '原地不动', '原地楼7栋707');
    await expectRefused(store, () => move(member.memberId, { accountId: member.accountId }), 409, 'SAME_ACCOUNT');
    await expectRefused(store, () => move(member.memberId, { newHousehold: '原地楼7栋707' }), 409, 'SAME_ACCOUNT');
  });

  it('404 ACCOUNT_NOT_FOUND, 404 MEMBER_NOT_FOUND, 409 NOT_A_HOUSEHOLD for a person’s own account', async () => {
    const member = await createMember(store.admin, '迁户校验');
    const person = await createMember(store.admin, '独居老人');
    await expectRefused(store, () => move(member.memberId, { accountId: NO_SUCH_ID }), 404, 'ACCOUNT_NOT_FOUND');
    await expectRefused(store, () => move(NO_SUCH_ID, { newHousehold: '无人楼' }), 404, 'MEMBER_NOT_FOUND');
    await expectRefused(store, () => move(member.memberId, { accountId: person.accountId }), 409, 'NOT_A_HOUSEHOLD');
    expect((await memberDetail(store.admin, member.memberId)).account.id).toBe(member.accountId);
  });

  it('400 VALIDATION_FAILED unless exactly one of accountId or newHousehold, well formed', async () => {
    const member = await createMember(store.admin, '参数校验');
    const target = await createMember(store.admin, '参数目标', '参数楼1栋');
    for (const body of [
      {},
      { transferBalance: true },
      { accountId: target.accountId, newHousehold: '两个都给' },
      { accountId: 'not-a-uuid' },
      { newHousehold: '   ' },
      { newHousehold: '' },
      { newHousehold: null },
      { newHousehold: '长'.repeat(61) },
      { newHousehold: '参数楼2栋', transferBalance: 'yes' },
      { newHousehold: '参数楼2栋', extra: 1 },
    ]) {
      await expectRefused(store, () => move(member.memberId, body), 400, 'VALIDATION_FAILED');
    }
    expectError(await store.admin.post(`/api/members/bad-id/move`, { newHousehold: 'x' }), 400, 'VALIDATION_FAILED');
  });

  it('403 for a volunteer, 401 without a token', async () => {
    const member = await createMember(store.admin, '越权迁户');
    expectError(
      await volunteer.post(`/api/members/${member.memberId}/move`, { newHousehold: '越权楼' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await store.api.post(`/api/members/${member.memberId}/move`, { newHousehold: '越权楼' }),
      401,
      'STAFF_SESSION_REQUIRED',
    );
    expect((await memberDetail(store.admin, member.memberId)).account.id).toBe(member.accountId);
  });
});

describe('POST /api/cards/:cardNo/revoke', () => {
  it('cancels the card: answers {cardNo, status, revokedAt}, its QR gets 401 CARD_REVOKED everywhere, a session on it ends', async () => {
    const member = await createMember(store.admin, '挂失会员');
    await award(store.admin, member.accountId, 20);
    const session = await scan(store.api, member.qr);

    const response = await store.admin.post<{ cardNo: string; status: string; revokedAt: string }>(
      `/api/cards/${member.cardNo}/revoke`,
      { reason: '卡片遗失' },
    );
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({
      cardNo: member.cardNo,
      status: 'revoked',
      revokedAt: expect.stringMatching(ISO_TIME),
    });

    expectError(await store.api.post('/api/sessions', { qr: member.qr }), 401, 'CARD_REVOKED');
    expectError(await volunteer.post('/api/members/lookup', { qr: member.qr }), 401, 'CARD_REVOKED');
    await expectRefused(
      store,
      () => store.admin.post('/api/points/awards', { qr: member.qr, points: 2, reason: '志愿服务' }),
      401,
      'CARD_REVOKED',
    );
    expectError(await session.api.get('/api/sessions/current'), 401, 'SESSION_REQUIRED');

    const detail = await memberDetail(store.admin, member.memberId);
    expect(detail.cards).toEqual([
      {
        cardNo: member.cardNo,
        status: 'revoked',
        issuedAt: expect.stringMatching(ISO_TIME),
        revokedAt: response.body.revokedAt,
      },
    ]);
    expect((await listed(`?q=${member.cardNo}`))[0]!.cardNo).toBeNull();
    expect((await store.admin.get(`/api/members/${member.memberId}/card.png`)).status).toBe(404);

    const [change] = await changesOf(store.admin, 'card', member.cardNo);
    expect(change).toMatchObject({
      actor: 'staff:admin',
      action: 'card.revoke',
      before: { status: 'active', revokedAt: null },
      after: { status: 'revoked', revokedAt: response.body.revokedAt, reason: '卡片遗失', memberId: member.memberId },
    });
    // The member keeps the account and gets a new card.
    const fresh = await store.admin.post<{ qr: string }>(`/api/members/${member.memberId}/cards`);
    expect(fresh.status).toBe(201);
    expect((await scan(store.api, fresh.body.qr)).balance).toBe(20);
  });

  it('409 ALREADY_REVOKED the second time (also for a card replaced by a reissue); 404 CARD_NOT_FOUND; 400 for a bad number or reason', async () => {
    const member = await createMember(store.admin, '重复挂失');
    const revoke = (cardNo: string, body: unknown = { reason: '卡片遗失' }) =>
      store.admin.post(`/api/cards/${cardNo}/revoke`, body);
    expect((await revoke(member.cardNo)).status).toBe(200);
    expectError(await revoke(member.cardNo), 409, 'ALREADY_REVOKED');
    const other = await createMember(store.admin, '补卡旧卡');
    expect((await store.admin.post(`/api/members/${other.memberId}/cards`)).status).toBe(201);
    expectError(await revoke(other.cardNo), 409, 'ALREADY_REVOKED');
    expectError(await revoke('1234567897'), 404, 'CARD_NOT_FOUND');
    for (const cardNo of ['123', 'abcdefghij', '12345678901']) {
      expectError(await revoke(cardNo), 400, 'VALIDATION_FAILED');
    }
    const live = await createMember(store.admin, '挂失校验');
    for (const body of [{}, { reason: '' }, { reason: '  ' }, { reason: null }, { reason: 'x'.repeat(201) }]) {
      expectError(await revoke(live.cardNo, body), 400, 'VALIDATION_FAILED');
    }
    expect((await scan(store.api, live.qr)).accountId).toBe(live.accountId);
    expect(await changesOf(store.admin, 'card', live.cardNo)).toEqual([]);
  });

  it('403 for a volunteer, 401 without a token; the card still works', async () => {
    const member = await createMember(store.admin, '越权挂失');
    expectError(await volunteer.post(`/api/cards/${member.cardNo}/revoke`, { reason: '志愿者挂失' }), 403, 'FORBIDDEN');
    expectError(
      await store.api.post(`/api/cards/${member.cardNo}/revoke`, { reason: '匿名挂失' }),
      401,
      'STAFF_SESSION_REQUIRED',
    );
    expect((await scan(store.api, member.qr)).accountId).toBe(member.accountId);
  });
});

describe('audit trail of registering and reissuing', () => {
  it('POST /api/members records member.register; POST /api/members/:id/cards records card.reissue with the old card number', async () => {
    const member = await createMember(store.admin, '留痕会员', '留痕楼1栋');
    const [registered] = await changesOf(store.admin, 'member', member.memberId);
    expect(registered).toMatchObject({
      actor: 'staff:admin',
      action: 'member.register',
      entity: 'member',
      before: null,
      after: { name: '留痕会员', household: '留痕楼1栋', accountId: member.accountId, cardNo: member.cardNo },
    });
    const reissued = await store.admin.post<{ cardNo: string }>(`/api/members/${member.memberId}/cards`);
    expect(reissued.status).toBe(201);
    const [change] = await changesOf(store.admin, 'card', reissued.body.cardNo);
    expect(change).toMatchObject({
      actor: 'staff:admin',
      action: 'card.reissue',
      before: { cardNo: member.cardNo },
      after: { cardNo: reissued.body.cardNo, memberId: member.memberId },
    });
  });
});

describe('GET /api/members/cards/sheet.pdf?memberIds=', () => {
  // Each card is one picture with its transparency mask; counting the masks' references counts the cards.
  const images = (pdf: Buffer) => pdf.toString('latin1').match(/\/SMask \d+ 0 R/g)?.length ?? 0;
  const sheet = (query = '') => getBytes(store.kiosk.url, `/api/members/cards/sheet.pdf${query}`, store.adminToken);

  it('with memberIds holds only those members’ active cards; without, every active card', async () => {
    const a = await createMember(store.admin, '印卡甲');
    const b = await createMember(store.admin, '印卡乙');
    const c = await createMember(store.admin, '印卡丙');
    await store.admin.post(`/api/cards/${c.cardNo}/revoke`, { reason: '测试挂失' });
    const some = await sheet(`?memberIds=${a.memberId},${b.memberId}, ${c.memberId}`);
    expect(some.status).toBe(200);
    expect(some.headers.get('content-type')).toContain('application/pdf');
    expect(some.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(images(some.bytes)).toBe(2);

    const active = await store.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM cards WHERE status = 'active'`);
    const all = await sheet();
    expect(all.status).toBe(200);
    expect(images(all.bytes)).toBe(active!.n);
    expect(active!.n).toBeGreaterThan(20);
  });

  it('400 (JSON, no attachment) for ids that are not uuids or an empty list; 404 CARD_NOT_FOUND when none has an active card', async () => {
    for (const query of ['?memberIds=', '?memberIds=,,', '?memberIds=abc', `?memberIds=${NO_SUCH_ID},1`]) {
      const response = await store.admin.get(`/api/members/cards/sheet.pdf${query}`);
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.headers.get('content-disposition')).toBeNull();
    }
    expectError(await store.admin.get(`/api/members/cards/sheet.pdf?memberIds=${NO_SUCH_ID}`), 404, 'CARD_NOT_FOUND');
    expectError(await volunteer.get(`/api/members/cards/sheet.pdf`), 403, 'FORBIDDEN');
  });
});

describe('POST /api/members/lookup (a volunteer scans a resident’s card)', () => {
  it('answers the masked member, the account and the newest 50 entries, newest first, each with its balance', async () => {
    const member = await createMember(store.admin, '查询存折');
    for (let i = 1; i <= 55; i++) {
      const answer = await store.admin.post('/api/points/awards', {
        accountId: member.accountId,
        points: i,
        reason: `活动${i}`,
      });
      expect(answer.status).toBe(201);
    }
    const response = await volunteer.post<MemberLookup>('/api/members/lookup', { qr: member.qr });
    expect(response.status, response.text).toBe(200);
    const total = (55 * 56) / 2;
    expect(response.body.member).toEqual({ id: member.memberId, displayName: '查**折' });
    // A person's own account carries the person's name: masked like the member.
    expect(response.body.account).toEqual({ id: member.accountId, kind: 'person', name: '查**折', balance: total });
    expect(response.body.entries).toHaveLength(50);
    expect(response.body.entries.map((e) => e.reason)).toEqual(Array.from({ length: 50 }, (_, i) => `活动${55 - i}`));
    expect(response.body.entries[0]!.balanceAfter).toBe(total);
    response.body.entries.slice(1).forEach((entry, i) => {
      expect(entry.balanceAfter).toBe(response.body.entries[i]!.balanceAfter - response.body.entries[i]!.delta);
    });
    // The volunteer at the counter sees the masked name only.
    expect(response.text).not.toContain('查询存折');
    expect((await store.admin.post('/api/members/lookup', { qr: member.qr })).status).toBe(200);
  });

  it('401 CARD_INVALID for a forged or altered card, 400 for a missing qr, 401 without a staff token', async () => {
    const member = await createMember(store.admin, '查询校验');
    expectError(await volunteer.post('/api/members/lookup', { qr: alteredQr(member.qr) }), 401, 'CARD_INVALID');
    expectError(await volunteer.post('/api/members/lookup', { qr: 'hello' }), 401, 'CARD_INVALID');
    expectError(await volunteer.post('/api/members/lookup', {}), 400, 'VALIDATION_FAILED');
    expectError(await volunteer.post('/api/members/lookup', { qr: 42 }), 400, 'VALIDATION_FAILED');
    expectError(await store.api.post('/api/members/lookup', { qr: member.qr }), 401, 'STAFF_SESSION_REQUIRED');
    const resident = await scan(store.api, member.qr);
    expectError(await resident.api.post('/api/members/lookup', { qr: member.qr }), 401, 'STAFF_SESSION_REQUIRED');
  });
});

describe('deductions through POST /api/points/awards', () => {
  it('a deduction with a reason is an adjust entry; the balance never goes below zero (409 INSUFFICIENT_POINTS)', async () => {
    const member = await createMember(store.admin, '扣分会员');
    await award(store.admin, member.accountId, 3);
    const deducted = await store.admin.post<{
      entry: { delta: number; kind: string; reason: string };
      account: { balance: number };
    }>('/api/points/awards', { accountId: member.accountId, points: -1, reason: '门前三包检查：杂物堆放' });
    expect(deducted.status, deducted.text).toBe(201);
    expect(deducted.body.entry).toMatchObject({ delta: -1, kind: 'adjust', reason: '门前三包检查：杂物堆放' });
    expect(deducted.body.account.balance).toBe(2);
    const refused = await expectRefused(
      store,
      () => store.admin.post('/api/points/awards', { accountId: member.accountId, points: -3, reason: '扣分过多' }),
      409,
      'INSUFFICIENT_POINTS',
    );
    expect(refused.text).toContain('2');
    expect(refused.body).toMatchObject({ details: { balance: 2, required: 3 } });
    await expectLedgerSound();
  });

  it('a deduction needs a reason or an activity: without both → 400; with the deducting activity its points apply', async () => {
    const member = await createMember(store.admin, '扣分理由');
    await award(store.admin, member.accountId, 10);
    await expectRefused(
      store,
      () => store.admin.post('/api/points/awards', { accountId: member.accountId, points: -2 }),
      400,
      'VALIDATION_FAILED',
    );
    const list = await store.admin.get<{ id: string; name: string; defaultPoints: number }[]>('/api/activities');
    const inspection = list.body.find((a) => a.defaultPoints < 0)!;
    expect(inspection).toBeDefined();
    await expectRefused(
      store,
      () =>
        store.admin.post('/api/points/awards', {
          accountId: member.accountId,
          activityId: '019ac2f0-5c1e-7a3b-9f00-1c2d3e4f5a6b',
        }),
      404,
      'ACTIVITY_NOT_FOUND',
    );
    await expectRefused(
      store,
      () => store.admin.post('/api/points/awards', { accountId: member.accountId, activityId: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    const deducted = await store.admin.post<{ entry: { delta: number; kind: string; reason: string } }>(
      '/api/points/awards',
      { accountId: member.accountId, activityId: inspection.id },
    );
    expect(deducted.status, deducted.text).toBe(201);
    expect(deducted.body.entry).toMatchObject({
      delta: inspection.defaultPoints,
      kind: 'adjust',
      reason: inspection.name,
    });
    expectError(
      await volunteer.post('/api/points/awards', { accountId: member.accountId, points: -1, reason: '志愿者扣分' }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('after all of the above', () => {
  it('every balance equals the sum of its ledger and the hash chain verifies', async () => {
    await expectLedgerSound();
  });
});
