import { describe, expect, it } from 'vitest';
import { orderedNames, shownName } from './names';

describe('orderedNames', () => {
  const names = ['a', 'b', 'c', 'd'].map((username) => ({ username, displayName: username.toUpperCase() }));

  it('puts the names that signed in here lately first, newest first, then the rest in order', () => {
    expect(orderedNames(names, ['c', 'a']).map((n) => n.username)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('ignores remembered names that are no longer staff', () => {
    expect(orderedNames(names, ['gone', 'd']).map((n) => n.username)).toEqual(['d', 'a', 'b', 'c']);
  });
});

describe('shownName', () => {
  const role = (r: string) => (r === 'admin' ? 'Admin' : 'Volunteer');

  it('says the kiosk’s own accounts in English words in English, people’s names as they are', () => {
    expect(shownName({ username: 'admin', displayName: '社区管理员' }, 'en', role)).toBe('Admin');
    expect(shownName({ username: 'volunteer', displayName: '志愿者' }, 'en', role)).toBe('Volunteer');
    expect(shownName({ username: 'admin', displayName: '社区管理员' }, 'zh-CN', role)).toBe('社区管理员');
    expect(shownName({ username: 'admin', displayName: '王主任' }, 'en', role)).toBe('王主任');
    expect(shownName({ username: 'staff3', displayName: '李阿姨' }, 'en', role)).toBe('李阿姨');
  });
});
