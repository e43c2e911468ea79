import { describe, expect, it } from 'vitest';
import { staffEn } from './i18n/en';
import { staffZhCN } from './i18n/zh-CN';
import { menuFor, type StaffScreen, screensFor, STAFF_SCREENS } from './registry';

const screen = (id: string, roles: StaffScreen['roles'], section: StaffScreen['section']): StaffScreen => ({
  id,
  label: 'menu.receive',
  hint: 'menu.receiveHint',
  icon: 'box',
  roles,
  section,
  load: () => Promise.reject(new Error('not loaded in this test')),
});

describe('staff screen registry', () => {
  const screens = [
    screen('receive', ['volunteer', 'admin'], 'daily'),
    screen('awards', ['admin'], 'admin'),
    screen('reprint', ['volunteer', 'admin'], 'daily'),
  ];

  it('gives a volunteer only the screens open to volunteers, in order', () => {
    expect(screensFor('volunteer', screens).map((s) => s.id)).toEqual(['receive', 'reprint']);
  });

  it('gives an admin every screen', () => {
    expect(screensFor('admin', screens).map((s) => s.id)).toEqual(['receive', 'awards', 'reprint']);
  });

  it('gives nobody signed in no screen at all', () => {
    expect(screensFor(null, screens)).toEqual([]);
    expect(menuFor(null, screens)).toEqual([]);
  });

  it('groups the menu by section and leaves out sections with nothing for the role', () => {
    expect(menuFor('volunteer', screens).map((group) => group.section)).toEqual(['daily']);
    expect(menuFor('admin', screens).map((g) => [g.section, g.screens.map((s) => s.id)])).toEqual([
      ['daily', ['receive', 'reprint']],
      ['admin', ['awards']],
    ]);
  });

  it('lists each real screen once, with texts in both languages', () => {
    const ids = STAFF_SCREENS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of STAFF_SCREENS) {
      expect(entry.roles.length, entry.id).toBeGreaterThan(0);
      for (const key of [entry.label, entry.hint]) {
        expect(staffZhCN[key], key).toBeTruthy();
        expect(staffEn[key], key).toBeTruthy();
      }
    }
  });

  it('shows the hub’s screens on the hub only, and the store’s screens on a kiosk only', () => {
    const mixed = [...screens, { ...screen('hub-kiosks', ['admin'], 'admin'), server: 'hub' as const }];
    expect(screensFor('admin', mixed).map((s) => s.id)).toEqual(['receive', 'awards', 'reprint']);
    expect(screensFor('admin', mixed, 'kiosk').map((s) => s.id)).toEqual(['receive', 'awards', 'reprint']);
    expect(screensFor('admin', mixed, 'hub').map((s) => s.id)).toEqual(['hub-kiosks']);
    expect(menuFor('volunteer', mixed, 'hub')).toEqual([]);
    const hub = screensFor('admin', STAFF_SCREENS, 'hub').map((s) => s.id);
    expect(hub).toEqual(['hub-kiosks', 'hub-overdrafts', 'hub-ranking', 'hub-settlement', 'hub-staff', 'hub-my-pin']);
    expect(screensFor('admin').map((s) => s.id)).toContain('sync');
    expect(screensFor('admin').map((s) => s.id)).not.toContain('hub-kiosks');
  });

  it('keeps admin-only screens away from volunteers', () => {
    for (const entry of screensFor('volunteer')) expect(entry.roles).toContain('volunteer');
  });
});
