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

  it('keeps admin-only screens away from volunteers', () => {
    for (const entry of screensFor('volunteer')) expect(entry.roles).toContain('volunteer');
  });
});
