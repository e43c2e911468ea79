import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LongPress } from './long-press';

describe('long press (staff entry)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const done = vi.fn();
    const shown: boolean[] = [];
    const press = new LongPress(done, (visible) => shown.push(visible));
    return { press, done, shown };
  }

  it('completes after three seconds held still, showing the ring only after a moment', () => {
    const { press, done, shown } = setup();
    press.down(100, 100, 1);
    vi.advanceTimersByTime(200);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(shown).toEqual([true]);
    press.move(110, 105, 1);
    vi.advanceTimersByTime(2599);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(done).toHaveBeenCalledTimes(1);
    expect(shown).toEqual([true, false]);
  });

  it('does nothing for a tap, a short press or a finger lifted at 2.9 s', () => {
    const { press, done, shown } = setup();
    press.down(0, 0, 1);
    vi.advanceTimersByTime(100);
    press.cancel();
    press.down(0, 0, 1);
    vi.advanceTimersByTime(2900);
    press.cancel();
    vi.advanceTimersByTime(5000);
    expect(done).not.toHaveBeenCalled();
    expect(shown).toEqual([true, false]);
  });

  it('gives up when the finger slides away (scrolling) or a second finger lands', () => {
    const { press, done } = setup();
    press.down(0, 0, 1);
    press.move(30, 0, 1);
    vi.advanceTimersByTime(4000);
    press.down(0, 0, 1);
    press.down(50, 50, 2);
    vi.advanceTimersByTime(4000);
    expect(done).not.toHaveBeenCalled();
    expect(press.pressing).toBe(false);
  });
});
