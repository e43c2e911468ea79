import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api';
import { expectError, openStore, staffCardQr, staffToken, type Store } from './helpers';

/*
 * Staff cards: the seed prints one per staff member (DATA_DIR/cards/staff/); scanned on the kiosk
 * it names who signs in, and the PIN is still asked. The QR is read from the printed picture, as
 * the kiosk's scanner reads it.
 */

let store: Store;
let volunteer: Api;
let adminCard: string;

const scan = (qr: unknown) =>
  store.api.post<{ username: string; displayName: string }>('/api/staff/cards/scans', { qr });

beforeAll(async () => {
  store = await openStore();
  volunteer = store.api.as(await staffToken(store.api, 'volunteer'));
  adminCard = staffCardQr(store.kiosk, 'admin');
});

afterAll(async () => {
  await store?.close();
});

describe('staff cards', () => {
  it('the printed cards name their holders, without signing anybody in', async () => {
    expect(adminCard).toMatch(/^PSKS1\.[0-9a-f]{8}\.admin\.[A-Za-z0-9_-]{86}$/);
    const admin = await scan(adminCard);
    expect([admin.status, admin.body.username]).toEqual([200, 'admin']);
    expect(admin.body.displayName.length).toBeGreaterThan(0);
    expect(Object.keys(admin.body).sort()).toEqual(['displayName', 'username']);

    const holder = await scan(staffCardQr(store.kiosk, 'volunteer'));
    expect(holder.body.username).toBe('volunteer');
    // The PIN is what lets a holder in.
    expectError(
      await store.api.post('/api/staff/sessions', { username: 'volunteer', pin: '000000' }),
      401,
      'PIN_INVALID',
    );
  });

  it('refuses altered, forged, truncated and member cards with CARD_INVALID', async () => {
    const [version, keyId, username, signature] = adminCard.split('.') as [string, string, string, string];
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    const forgeries = [
      `${version}.${keyId}.volunteer.${signature}`,
      `${version}.${keyId}.${username}.${flipped}`,
      `${version}.00000000.${username}.${signature}`,
      adminCard.slice(0, -5),
      adminCard.replace('PSKS1', 'PSK1'),
      `PSKS1.${keyId}.${'a'.repeat(41)}.${signature}`,
      '',
      'x'.repeat(5000),
    ];
    for (const qr of forgeries) {
      const response = await scan(qr);
      expect(response.status, qr.slice(0, 60)).toBeLessThan(500);
      if (qr.length <= 4096) expectError(response, 401, 'CARD_INVALID');
    }
    // A resident's card is no staff card, and a staff card starts no resident visit.
    const [resident] = store.kiosk.cards();
    expectError(await scan(resident!.qr), 401, 'CARD_INVALID');
    expectError(await store.api.post('/api/sessions', { qr: adminCard }), 401, 'CARD_INVALID');
  });

  it('prints a staff card for admins only', async () => {
    const picture = await store.admin.request('GET', '/api/staff/cards/volunteer.png');
    expect([picture.status, picture.headers.get('content-type')]).toEqual([200, 'image/png']);
    expectError(await volunteer.get('/api/staff/cards/volunteer.png'), 403, 'FORBIDDEN');
    expectError(await store.api.get('/api/staff/cards/volunteer.png'), 401, 'STAFF_SESSION_REQUIRED');
    expectError(await store.admin.get('/api/staff/cards/nobody.png'), 404, 'STAFF_NOT_FOUND');
  });
});
