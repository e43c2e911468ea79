import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsService } from '../settings/settings.service';
import { MAX_SESSIONS, SessionStore } from './session.store';

const settings = { current: { residentIdleSeconds: 60 } } as unknown as SettingsService;
const resident = (cardNo: string) => ({ accountId: 'a', memberId: 'm', memberName: '王小明', cardNo });

describe('SessionStore', () => {
  let store: SessionStore;
  afterEach(() => store.onModuleDestroy());

  it('keeps one live resident session per card', () => {
    store = new SessionStore(settings);
    const first = store.startResident(resident('C1'));
    const other = store.startResident(resident('C2'));
    const second = store.startResident(resident('C1'));
    expect(store.use(first.token)).toBeUndefined();
    expect(store.use(second.token)).toBe(second);
    expect(store.use(other.token)).toBe(other);
    // ending an old token must not forget the card's newer session
    expect(store.end(first.token)).toBe(false);
    expect(store.startResident(resident('C1'))).toBeDefined();
    expect(store.use(second.token)).toBeUndefined();
  });

  it(`holds at most ${MAX_SESSIONS} sessions, ending the least recently used`, () => {
    store = new SessionStore(settings);
    const oldest = store.startStaff({ staffId: 's', username: 'admin', role: 'admin' });
    const used = store.startStaff({ staffId: 's', username: 'admin', role: 'admin' });
    for (let i = 0; i < MAX_SESSIONS - 2; i++) store.startResident(resident(`F${i}`));
    expect(store.use(used.token)).toBe(used);
    store.startResident(resident('NEW'));
    expect(store.use(oldest.token)).toBeUndefined();
    expect(store.use(used.token)).toBe(used);
  });
});
