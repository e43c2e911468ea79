import { describe, expect, it } from 'vitest';
import { REMEMBERED_MAX, withRemembered } from './remembered';

describe('remembered staff usernames', () => {
  it('puts the name just used first, once, and keeps only the newest few', () => {
    expect(withRemembered([], 'volunteer')).toEqual(['volunteer']);
    expect(withRemembered(['admin', 'volunteer'], 'volunteer')).toEqual(['volunteer', 'admin']);
    const many = withRemembered(['a', 'b', 'c', 'd'], 'e');
    expect(many).toEqual(['e', 'a', 'b', 'c']);
    expect(many).toHaveLength(REMEMBERED_MAX);
  });
});
