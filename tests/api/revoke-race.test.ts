import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../support/api';
import { createProduct, expectError, fundedResident, openStore, redeem, type Redemption, type Store } from './helpers';

/**
 * A card revoked or a member moved while redemptions are in flight (issue 14, section 3): the
 * redemption re-checks card and membership inside its own write transaction, so none is committed
 * after the revocation or the move. Write transactions run one at a time and every id is a UUIDv7
 * made inside its transaction (time-ordered, kept in order within a millisecond), so comparing a
 * redemption's id with the id of the admin change that revoked or moved orders the two commits.
 */
let store: Store;

beforeAll(async () => {
  store = await openStore();
});

afterAll(async () => {
  await store?.close();
});

const IN_FLIGHT = 30;
const PRICE = 10;

/** The id of the one admin change of this kind for this record (made inside its write transaction). */
async function changeId(action: string, entityId: string): Promise<string> {
  const rows = await store.db.all<{ id: string }>(
    `SELECT "id" FROM "admin_changes" WHERE "action" = ? AND "entityId" = ?`,
    action,
    entityId,
  );
  expect(rows, `${action} ${entityId}`).toHaveLength(1);
  return rows[0]!.id;
}

/** Every answer that was not a 201 is one of the refusals a cancelled session or card may get. */
function expectRefusals(answers: ApiResponse[], allowed: string[]): void {
  for (const answer of answers.filter((a) => a.status !== 201)) {
    const code = (answer.body as { code?: string })?.code;
    expect(allowed, `${answer.status} ${answer.text}`).toContain(`${answer.status} ${code}`);
    expectError(answer, answer.status, code!);
  }
}

describe('a redemption in flight', () => {
  it('is never committed after its card was revoked', async () => {
    const product = await createProduct(store.admin, { pricePoints: PRICE, stock: 10_000 });
    const resident = await fundedResident(store, IN_FLIGHT * PRICE + 100);

    const buy = () => redeem(resident.api, [{ productId: product.id, quantity: 1 }]);
    // half sent before the revocation, half right after it: those pass the session check while the
    // revocation waits for or runs its transaction, and reach the write queue behind it
    const before = Array.from({ length: IN_FLIGHT / 2 }, buy);
    const revocation = store.admin.post<{ revokedAt: string }>(`/api/cards/${resident.cardNo}/revoke`, {
      reason: '卡片挂失（测试）',
    });
    const after = Array.from({ length: IN_FLIGHT / 2 }, buy);
    const [answers, revoked] = await Promise.all([Promise.all([...before, ...after]), revocation]);
    expect(revoked.status, revoked.text).toBe(200);

    const revokeId = await changeId('card.revoke', resident.cardNo);
    const committed = answers.filter((a) => a.status === 201).map((a) => a.body as Redemption);
    const late = committed.filter((r) => r.id > revokeId);
    expect(late.map((r) => `${r.id} ${r.createdAt} > ${revoked.body.revokedAt}`)).toEqual([]);
    for (const redemption of committed) expect(redemption.createdAt <= revoked.body.revokedAt).toBe(true);
    expectRefusals(answers, ['401 CARD_REVOKED', '401 SESSION_REQUIRED']);

    // what the database holds agrees with the answers: nothing for this card after the revocation
    const rows = await store.db.all<{ id: string }>(
      `SELECT "id" FROM "redemptions" WHERE "cardNo" = ? AND "id" > ?`,
      resident.cardNo,
      revokeId,
    );
    expect(rows).toEqual([]);
    const stored = await store.db.all<{ id: string }>(
      `SELECT "id" FROM "redemptions" WHERE "cardNo" = ?`,
      resident.cardNo,
    );
    expect(stored.length).toBe(committed.length);
  });

  it('is never charged to the old account after its member moved to another household', async () => {
    const product = await createProduct(store.admin, { pricePoints: PRICE, stock: 10_000 });
    const household = `搬家前${Date.now()}`;
    const mover = await fundedResident(store, IN_FLIGHT * PRICE + 100, household);
    // a second member stays behind, so the old account keeps its points and the move needs no transfer
    await fundedResident(store, 0, household);

    const buy = () => redeem(mover.api, [{ productId: product.id, quantity: 1 }]);
    const before = Array.from({ length: IN_FLIGHT / 2 }, buy);
    const move = store.admin.post(`/api/members/${mover.memberId}/move`, { newHousehold: `搬家后${Date.now()}` });
    const after = Array.from({ length: IN_FLIGHT / 2 }, buy);
    const [answers, moved] = await Promise.all([Promise.all([...before, ...after]), move]);
    expect(moved.status, moved.text).toBe(200);

    const moveId = await changeId('member.move', mover.memberId);
    const committed = answers.filter((a) => a.status === 201).map((a) => a.body as Redemption);
    for (const redemption of committed) expect(redemption.accountId).toBe(mover.accountId);
    expect(committed.filter((r) => r.id > moveId).map((r) => r.id)).toEqual([]);
    expectRefusals(answers, ['409 MEMBER_MOVED', '401 SESSION_REQUIRED']);

    const late = await store.db.all<{ id: string }>(
      `SELECT "id" FROM "redemptions" WHERE "accountId" = ? AND "memberId" = ? AND "id" > ?`,
      mover.accountId,
      mover.memberId,
      moveId,
    );
    expect(late).toEqual([]);
  });
});
