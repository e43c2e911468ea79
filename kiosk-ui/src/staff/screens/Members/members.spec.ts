import { describe, expect, it } from 'vitest';
import type { LedgerEntry, MemberDetail, MemberListItem } from '../../api';
import {
  cardsOf,
  householdLabels,
  passbookRows,
  passbookTotals,
  planMove,
  REVOKE_REASON_MAX,
  revokeReasonValid,
} from './members';

const entry = (id: string, delta: number, balanceAfter: number): LedgerEntry => ({
  id,
  delta,
  balanceAfter,
  kind: delta > 0 ? 'award' : 'redeem',
  reason: 'test',
  actor: 'admin',
  kioskId: 'K1',
  seq: 1,
  createdAt: '2026-03-01T02:00:00.000Z',
  hash: 'x',
});

function detail(kind: 'person' | 'household', balance: number, people: number): MemberDetail {
  return {
    member: {
      id: 'm1',
      name: '王小明',
      displayName: '王*明',
      household: kind === 'household' ? '3栋201' : null,
      createdAt: '',
    },
    account: { id: 'a1', kind, name: kind === 'household' ? '3栋201' : '王小明', balance },
    householdMembers: Array.from({ length: people }, (_, i) => ({ id: `m${i + 1}`, name: `人${i}`, displayName: '' })),
    cards: [],
  };
}

describe('passbook', () => {
  it('adds the deltas up line by line and flags a stored balance that does not match', () => {
    const rows = passbookRows([entry('1', 10, 10), entry('2', -4, 6), entry('3', 2, 9)]);
    expect(rows.map((row) => row.running)).toEqual([10, 6, 8]);
    expect(rows.map((row) => row.matches)).toEqual([true, true, false]);
  });

  it('totals what came in and went out', () => {
    expect(passbookTotals([entry('1', 10, 10), entry('2', -4, 6), entry('3', 3, 9)])).toEqual({
      earned: 13,
      spent: 4,
      balance: 9,
    });
    expect(passbookTotals([])).toEqual({ earned: 0, spent: 0, balance: 0 });
  });
});

describe('moving a member', () => {
  it('refuses an empty label and the household the member is already in', () => {
    expect(planMove(detail('household', 0, 2), '  ')).toEqual({ ok: false, problem: 'empty' });
    expect(planMove(detail('household', 0, 2), ' 3栋201 ')).toEqual({ ok: false, problem: 'same' });
  });

  it('moves the points along only when the member is the last one on an account with points', () => {
    expect(planMove(detail('person', 12, 1), '5栋102')).toEqual({
      ok: true,
      newHousehold: '5栋102',
      transferBalance: true,
      pointsMoving: 12,
    });
    expect(planMove(detail('household', 12, 3), '5栋102')).toMatchObject({ transferBalance: false, pointsMoving: 0 });
    expect(planMove(detail('person', 0, 1), '5栋102')).toMatchObject({ transferBalance: false, pointsMoving: 0 });
  });
});

describe('cards and households', () => {
  it('tells the card in use from the revoked ones', () => {
    const member = detail('person', 0, 1);
    member.cards = [
      { cardNo: '2', status: 'active', issuedAt: '', revokedAt: null },
      { cardNo: '1', status: 'revoked', issuedAt: '', revokedAt: '' },
    ];
    expect(cardsOf(member).active?.cardNo).toBe('2');
    expect(cardsOf(member).revoked.map((card) => card.cardNo)).toEqual(['1']);
    expect(cardsOf(detail('person', 0, 1)).active).toBeNull();
  });

  it('lists each household label once', () => {
    const item = (household: string | null) => ({ household }) as MemberListItem;
    expect(householdLabels([item('3栋201'), item(null), item('1栋101'), item('3栋201')])).toEqual(['1栋101', '3栋201']);
  });

  it('accepts a revoke reason as long as the server does (2 to 200 characters)', () => {
    expect(revokeReasonValid(' 丢 ')).toBe(false);
    expect(revokeReasonValid('遗失')).toBe(true);
    expect(revokeReasonValid('x'.repeat(REVOKE_REASON_MAX))).toBe(true);
    expect(revokeReasonValid('x'.repeat(REVOKE_REASON_MAX + 1))).toBe(false);
  });
});
