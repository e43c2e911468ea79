import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../support/api';
import type { DemoCard } from '../support/kiosk';
import { createMember, expectError, expectErrorShape, openStore, scan, type Store } from './helpers';

const QR_FORMAT = /^PSK1\.([0-9a-f]{8})\.([0-9]{10})\.([A-Za-z0-9_-]{86})$/;
const RUNS = { numRuns: 60, seed: 20261122 } as const;

let store: Store;
let cards: DemoCard[];
let keyId: string;

beforeAll(async () => {
  store = await openStore();
  cards = store.kiosk.cards();
  keyId = QR_FORMAT.exec(cards[0]!.qr)![1]!;
});

afterAll(async () => {
  await store?.close();
});

function scanRaw(qr: unknown): Promise<ApiResponse> {
  return store.api.post('/api/sessions', { qr });
}

async function expectInvalid(qr: unknown): Promise<void> {
  const response = await scanRaw(qr);
  expectError(response, 401, 'CARD_INVALID');
}

function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 8);
}

function signWith(privateKey: KeyObject, kid: string, cardNo: string): string {
  const payload = `PSK1.${kid}.${cardNo}`;
  return `${payload}.${sign(null, Buffer.from(payload), privateKey).toString('base64url')}`;
}

const anyCard = () => fc.constantFrom(...cards);

describe('the card QR format', () => {
  it('is PSK1.<8 hex key id>.<10 digit card no>.<86 char base64url signature> on every demo and issued card', async () => {
    expect(cards.length).toBeGreaterThanOrEqual(20);
    for (const card of cards) {
      const match = QR_FORMAT.exec(card.qr);
      expect(match, card.qr).not.toBeNull();
      expect(match![1]).toBe(keyId);
      expect(match![2]).toBe(card.cardNo);
    }
    const issued = await createMember(store.admin, '格式测试');
    expect(issued.qr).toMatch(QR_FORMAT);
    expect(QR_FORMAT.exec(issued.qr)![2]).toBe(issued.cardNo);
  });

  it('a genuine card opens a session for its own account', async () => {
    const card = cards.find((c) => c.balance > 10)!;
    const session = await scan(store.api, card.qr);
    expect(session.balance).toBe(card.balance);
  });
});

describe('scanning something that is not a genuine card', () => {
  it('forged: a real card number signed by another Ed25519 key (its own key id, or ours) → 401 CARD_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(anyCard(), fc.boolean(), async (card, claimOurKeyId) => {
        const { privateKey, publicKey } = generateKeyPairSync('ed25519');
        const forged = signWith(privateKey, claimOurKeyId ? keyId : keyIdOf(publicKey), card.cardNo);
        expect(forged).toMatch(QR_FORMAT);
        await expectInvalid(forged);
      }),
      { ...RUNS, numRuns: 40 },
    );
  });

  it('forged: a well-formed text with random signature bytes → 401 CARD_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(anyCard(), fc.uint8Array({ minLength: 64, maxLength: 64 }), async (card, bytes) => {
        await expectInvalid(`PSK1.${keyId}.${card.cardNo}.${Buffer.from(bytes).toString('base64url')}`);
      }),
      RUNS,
    );
  });

  it('altered: any single character of a genuine QR changed → 401 CARD_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCard(),
        fc.nat(),
        fc.oneof(
          fc.constantFrom(...'0123456789abcdefABCDEF_-.PSK'),
          fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
        ),
        async (card, at, replacement) => {
          const index = at % card.qr.length;
          fc.pre(card.qr[index] !== replacement);
          await expectInvalid(card.qr.slice(0, index) + replacement + card.qr.slice(index + 1));
        },
      ),
      { ...RUNS, numRuns: 120 },
    );
  });

  it('altered: a signature from another genuine card pasted onto this card number → 401 CARD_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(anyCard(), anyCard(), async (a, b) => {
        fc.pre(a.cardNo !== b.cardNo);
        await expectInvalid(`PSK1.${keyId}.${a.cardNo}.${b.qr.split('.')[3]}`);
      }),
      { ...RUNS, numRuns: 30 },
    );
  });

  it('truncated: every proper prefix of a genuine QR → 401 CARD_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(anyCard(), fc.nat(), async (card, at) => {
        await expectInvalid(card.qr.slice(0, at % card.qr.length));
      }),
      RUNS,
    );
  });

  it('oversize: a genuine QR with junk appended or repeated, up to the field limit → 401 CARD_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(anyCard(), fc.string({ minLength: 1, maxLength: 3000 }), async (card, junk) => {
        fc.pre(junk.trim().length > 0);
        await expectInvalid(card.qr + junk);
      }),
      { ...RUNS, numRuns: 40 },
    );
    await expectInvalid(cards[0]!.qr.repeat(15));
    await expectInvalid('PSK1.' + 'A'.repeat(4000));
  });

  it('oversize beyond 4096 characters: refused with a 4xx error body, never a 5xx', async () => {
    for (const qr of [cards[0]!.qr + 'x'.repeat(5000), 'P'.repeat(60_000)]) {
      const response = await scanRaw(qr);
      expect([400, 401, 413], response.text).toContain(response.status);
      expectErrorShape(response);
    }
  });

  it('random strings and random bytes (as text) → 401 CARD_INVALID, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ maxLength: 120, unit: 'grapheme' }),
          fc.string({ maxLength: 120, unit: 'binary' }),
          fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
          fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
          fc
            .tuple(
              fc.stringMatching(/^[0-9a-f]{8}$/),
              fc.stringMatching(/^[0-9]{10}$/),
              fc.stringMatching(/^[A-Za-z0-9_-]{86}$/),
            )
            .map(([kid, no, sig]) => `PSK1.${kid}.${no}.${sig}`),
        ),
        async (qr) => {
          await expectInvalid(qr);
        },
      ),
      { ...RUNS, numRuns: 150 },
    );
  });

  it('an unknown key id on an otherwise genuine QR → 401 CARD_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(anyCard(), fc.stringMatching(/^[0-9a-f]{8}$/), async (card, kid) => {
        fc.pre(kid !== keyId);
        await expectInvalid(card.qr.replace(`.${keyId}.`, `.${kid}.`));
      }),
      { ...RUNS, numRuns: 30 },
    );
  });

  it('a qr that is not a string → 400 VALIDATION_FAILED, never a 5xx', async () => {
    for (const qr of [null, 42, true, [cards[0]!.qr], { qr: cards[0]!.qr }]) {
      expectError(await scanRaw(qr), 400, 'VALIDATION_FAILED');
    }
    expectError(await store.api.post('/api/sessions', {}), 400, 'VALIDATION_FAILED');
  });
});

describe('reissuing a card', () => {
  it('POST /api/members/:id/cards issues a new card and revokes the old one: old QR → 401 CARD_REVOKED', async () => {
    const member = await createMember(store.admin, '补卡测试');
    const old = await scan(store.api, member.qr);
    expect(old.accountId).toBe(member.accountId);

    const reissued = await store.admin.post<{ cardNo: string; qr: string }>(`/api/members/${member.memberId}/cards`);
    expect(reissued.status, reissued.text).toBe(201);
    expect(reissued.body.qr).toMatch(QR_FORMAT);
    expect(reissued.body.cardNo).not.toBe(member.cardNo);
    expect(QR_FORMAT.exec(reissued.body.qr)![2]).toBe(reissued.body.cardNo);

    expectError(await scanRaw(member.qr), 401, 'CARD_REVOKED');
    const fresh = await scan(store.api, reissued.body.qr);
    expect(fresh.accountId).toBe(member.accountId);

    const again = await store.admin.post<{ cardNo: string; qr: string }>(`/api/members/${member.memberId}/cards`);
    expect(again.status).toBe(201);
    expectError(await scanRaw(reissued.body.qr), 401, 'CARD_REVOKED');
    expectError(await scanRaw(member.qr), 401, 'CARD_REVOKED');
    expect((await scan(store.api, again.body.qr)).accountId).toBe(member.accountId);
  });

  it('a revoked card stays refused whatever is done to its text', async () => {
    const member = await createMember(store.admin, '挂失测试');
    expect((await store.admin.post(`/api/members/${member.memberId}/cards`)).status).toBe(201);
    expectError(await scanRaw(member.qr), 401, 'CARD_REVOKED');
    expectError(await scanRaw(`  ${member.qr}\n`), 401, 'CARD_REVOKED');
    await expectInvalid(member.qr.slice(0, -1));
  });

  it('is refused for an unknown member (404 MEMBER_NOT_FOUND), a malformed id (400) and without admin rights', async () => {
    expectError(
      await store.admin.post('/api/members/01890000-0000-7000-8000-000000000000/cards'),
      404,
      'MEMBER_NOT_FOUND',
    );
    expectError(await store.admin.post('/api/members/123/cards'), 400, 'VALIDATION_FAILED');
    const member = await createMember(store.admin, '权限测试');
    expectError(await store.api.post(`/api/members/${member.memberId}/cards`), 401, 'STAFF_SESSION_REQUIRED');
    // The card still works: nothing was reissued.
    expect((await scan(store.api, member.qr)).accountId).toBe(member.accountId);
  });
});
