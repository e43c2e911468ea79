import { describe, expect, it } from 'vitest';
import type { HubKiosk, Overdraft } from './api';
import {
  groupByStore,
  hubUsbProblem,
  kioskNames,
  kioskState,
  nextKioskName,
  normaliseEnrolmentCode,
  normaliseHubUrl,
  overdraftOrder,
  syncProblem,
  timeInWords,
} from './words';

describe('a time in words', () => {
  // Local times: the words follow the kiosk's own calendar.
  const now = new Date(2026, 10, 28, 14, 30, 0);
  const at = (...parts: [number, number, number, number, number, number?]) => new Date(...parts).toISOString();

  it('says "just now" within a minute, and for a clock slightly ahead', () => {
    expect(timeInWords(at(2026, 10, 28, 14, 29, 30), now, 'zh-CN')).toEqual({ key: 'when.justNow', params: {} });
    expect(timeInWords(at(2026, 10, 28, 14, 30, 20), now, 'zh-CN').key).toBe('when.justNow');
  });

  it('counts whole minutes within the hour', () => {
    expect(timeInWords(at(2026, 10, 28, 14, 27, 0), now, 'zh-CN')).toEqual({
      key: 'when.minutesAgo',
      params: { n: 3 },
    });
    expect(timeInWords(at(2026, 10, 28, 13, 30, 1), now, 'en').params).toEqual({ n: 59 });
  });

  it('gives the clock time for earlier today and yesterday (by the calendar, not 24 hours)', () => {
    expect(timeInWords(at(2026, 10, 28, 8, 5), now, 'zh-CN')).toEqual({ key: 'when.today', params: { time: '08:05' } });
    expect(timeInWords(at(2026, 10, 27, 18, 5), now, 'zh-CN')).toEqual({
      key: 'when.yesterday',
      params: { time: '18:05' },
    });
    const justAfterMidnight = new Date(2026, 10, 28, 0, 10);
    expect(timeInWords(at(2026, 10, 27, 22, 50), justAfterMidnight, 'zh-CN').key).toBe('when.yesterday');
  });

  it('gives the date for older times, with the year only when it is another year', () => {
    const older = timeInWords(at(2026, 10, 20, 18, 5), now, 'zh-CN');
    expect(older.key).toBe('when.date');
    expect(older.params).toEqual({ date: '11月20日', time: '18:05' });
    expect(timeInWords(at(2026, 10, 20, 18, 5), now, 'en').params.date).toBe('Nov 20');
    expect(String(timeInWords(at(2025, 11, 31, 9, 0), now, 'zh-CN').params.date)).toContain('2025');
  });

  it('takes an unreadable time as now rather than failing', () => {
    expect(timeInWords('not a time', now, 'zh-CN').key).toBe('when.justNow');
  });
});

describe('a sync refusal in plain words', () => {
  it('has its own words for every code the sync routes give', () => {
    for (const code of [
      'HUB_UNREACHABLE',
      'HUB_ERROR',
      'SYNC_NOT_CONFIGURED',
      'ENROLMENT_CODE_MISSING',
      'ENROLMENT_CODE_USED',
      'ENROLMENT_CODE_EXPIRED',
      'ENROLMENT_CODE_INVALID',
      'KIOSK_REVOKED',
      'CHAIN_BROKEN',
      'SIGNATURE_INVALID',
      'KIOSK_ID_TAKEN',
      'ALREADY_ENROLLED',
      'DEMO_DATA_PRESENT',
      'VALIDATION_FAILED',
      'NETWORK',
    ])
      expect(syncProblem(code), code).not.toBe('other');
  });

  it('maps the codes to the right words', () => {
    expect(syncProblem('HUB_UNREACHABLE')).toBe('unreachable');
    expect(syncProblem('KIOSK_REVOKED')).toBe('revoked');
    expect(syncProblem('ENROLMENT_CODE_USED')).toBe('codeUsed');
    expect(syncProblem('CHAIN_BROKEN')).toBe('chainBroken');
  });

  it('falls back to general words for a code it does not know', () => {
    expect(syncProblem('SOMETHING_NEW')).toBe('other');
    expect(syncProblem('toString')).toBe('other');
  });
});

describe('a USB file refused, in words', () => {
  it('at the kiosk: each refusal of an answer file has its own words', () => {
    const codes = ['USB_ALREADY_IMPORTED', 'USB_FILE_OLD', 'USB_OTHER_KIOSK', 'USB_FILE_DAMAGED', 'USB_WRONG_KIND'];
    const words = codes.map(syncProblem);
    expect(words).toEqual(['usbAlreadyImported', 'usbOld', 'usbOtherKiosk', 'usbDamaged', 'usbWrongKind']);
    expect(syncProblem('USB_HUB_KEY_UNKNOWN')).toBe('usbHubKeyUnknown');
  });

  it("at the hub: a kiosk's file refused, or general words for a code it does not know", () => {
    expect(hubUsbProblem('USB_FILE_DAMAGED')).toBe('damaged');
    expect(hubUsbProblem('USB_WRONG_KIND')).toBe('wrongKind');
    expect(hubUsbProblem('KIOSK_REVOKED')).toBe('revoked');
    expect(hubUsbProblem('USB_KIOSK_UNKNOWN')).toBe('kioskUnknown');
    expect(hubUsbProblem('SOMETHING_NEW')).toBe('other');
    expect(hubUsbProblem('constructor')).toBe('other');
  });
});

describe('the enrolment code and hub address as typed', () => {
  it('takes capitals, drops spaces and adds the dashes to twelve plain characters', () => {
    expect(normaliseEnrolmentCode(' 7kqm-3wzp-9rta ')).toBe('7KQM-3WZP-9RTA');
    expect(normaliseEnrolmentCode('7KQM 3WZP 9RTA')).toBe('7KQM-3WZP-9RTA');
    expect(normaliseEnrolmentCode('7kqm3wzp9rta')).toBe('7KQM-3WZP-9RTA');
    expect(normaliseEnrolmentCode('7KQM－3WZP－9RTA')).toBe('7KQM-3WZP-9RTA');
    expect(normaliseEnrolmentCode('')).toBe('');
    expect(normaliseEnrolmentCode('ABC')).toBe('ABC');
  });

  it('adds http:// to an address without one and drops a trailing slash', () => {
    expect(normaliseHubUrl(' 192.168.1.10:3000/ ')).toBe('http://192.168.1.10:3000');
    expect(normaliseHubUrl('https://hub.example')).toBe('https://hub.example');
    expect(normaliseHubUrl('  ')).toBe('');
  });
});

const kiosk = (store: string, name: string, more: Partial<HubKiosk> = {}): HubKiosk => ({
  kioskId: `${store}-${name}`,
  store,
  name,
  enrolled: true,
  lastSyncAt: null,
  acknowledgedSeq: 0,
  chain: 'ok',
  chainProblem: null,
  revoked: false,
  revokedReason: null,
  origin: null,
  ...more,
});

describe('the hub’s kiosks', () => {
  it('groups by store, stores and names in order (10 after 2), switched-off kiosks last', () => {
    const grouped = groupByStore([
      kiosk('幸福社区', '10号柜台'),
      kiosk('和平社区', '1号柜台'),
      kiosk('幸福社区', '2号柜台'),
      kiosk('幸福社区', '1号柜台', { revoked: true }),
    ]);
    expect(grouped.map((group) => [group.store, group.kiosks.map((k) => k.name)])).toEqual([
      ['和平社区', ['1号柜台']],
      ['幸福社区', ['2号柜台', '10号柜台', '1号柜台']],
    ]);
    expect(groupByStore([])).toEqual([]);
  });

  it('says the worst state first', () => {
    expect(kioskState(kiosk('s', 'a'))).toBe('enrolled');
    expect(kioskState(kiosk('s', 'a', { enrolled: false }))).toBe('waiting');
    expect(kioskState(kiosk('s', 'a', { chain: 'broken' }))).toBe('broken');
    expect(kioskState(kiosk('s', 'a', { chain: 'broken', revoked: true }))).toBe('revoked');
  });

  it('suggests the first free counter name of the store', () => {
    const kiosks = [kiosk('幸福社区', '1号柜台'), kiosk('幸福社区', '3号柜台'), kiosk('和平社区', '2号柜台')];
    expect(nextKioskName(kiosks, '幸福社区')).toBe('2号柜台');
    expect(nextKioskName(kiosks, '新社区')).toBe('1号柜台');
  });

  it('names kiosks by the hub’s id or their own, and keeps an unknown id as it is', () => {
    const kiosks = [kiosk('s', '1号柜台', { kioskId: 'K1', origin: 'SB1' }), kiosk('s', '2号柜台', { kioskId: 'K2' })];
    expect(kioskNames(['SB1', 'K2', 'ZZ'], kiosks)).toEqual(['1号柜台', '2号柜台', 'ZZ']);
  });
});

describe('overdrafts in reading order', () => {
  const overdraft = (id: string, more: Partial<Overdraft>): Overdraft => ({
    id,
    accountId: id,
    accountName: id,
    store: 's',
    amount: 10,
    balance: -10,
    entries: [],
    kiosks: [],
    openedAt: '2026-11-28T01:00:00.000Z',
    resolved: false,
    resolvedAt: null,
    resolution: null,
    ...more,
  });

  it('puts open ones first, deepest first, then decided ones, latest first', () => {
    const ordered = overdraftOrder([
      overdraft('old-decided', { resolved: true, resolvedAt: '2026-11-20T00:00:00.000Z' }),
      overdraft('small', { amount: 5 }),
      overdraft('new-decided', { resolved: true, resolvedAt: '2026-11-27T00:00:00.000Z' }),
      overdraft('deep', { amount: 20 }),
    ]);
    expect(ordered.map((o) => o.id)).toEqual(['deep', 'small', 'new-decided', 'old-decided']);
  });
});
