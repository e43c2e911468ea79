import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { staffMode } from '../state/staff-mode.svelte';
import { SIGN_IN_IDLE_SECONDS, STAFF_IDLE_SECONDS, staffConsole } from './console.svelte';

/** The page address the console reads (`?idle=`) and clears (`#staff`). */
function atAddress(href: string): URL {
  const url = new URL(href);
  vi.stubGlobal('location', url);
  vi.stubGlobal('history', {
    replaceState: (_state: unknown, _title: string, to: string) => {
      const next = new URL(to, url);
      url.hash = next.hash;
      url.search = next.search;
    },
  });
  return url;
}

const volunteer = { token: 'test-token', role: 'volunteer' as const, displayName: '志愿者' };

describe('staff console idle sign-out and scans', () => {
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    atAddress('http://kiosk.test/#staff');
    staffMode.enter();
    stop = staffConsole.start();
  });

  afterEach(() => {
    staffConsole.signOut();
    stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('leaves the sign-in screen for Start after a minute nobody touches it, and clears #staff', () => {
    expect(SIGN_IN_IDLE_SECONDS).toBe(60);
    vi.advanceTimersByTime(49_500);
    expect(staffConsole.idle.warning).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(staffConsole.idle.warning).toBe(true);
    expect(staffMode.open).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(staffMode.open).toBe(false);
    expect(location.hash).toBe('');
  });

  it('signs out after three minutes without a touch, counting down the last ten seconds', () => {
    staffConsole.signedIn(volunteer, 'volunteer');
    expect(STAFF_IDLE_SECONDS).toBe(180);
    vi.advanceTimersByTime(169_500);
    expect(staffConsole.idle.warning).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(staffConsole.idle.warning).toBe(true);
    expect(staffConsole.idle.secondsLeft).toBe(10);
    vi.advanceTimersByTime(10_000);
    expect(staffConsole.user).toBeNull();
    expect(staffMode.open).toBe(false);
  });

  it('starts the three minutes over on a touch, but not on a touch beside the countdown once it shows', () => {
    staffConsole.signedIn(volunteer, 'volunteer');
    vi.advanceTimersByTime(120_000);
    staffConsole.activity();
    vi.advanceTimersByTime(120_000);
    expect(staffConsole.user).not.toBeNull();
    vi.advanceTimersByTime(55_000);
    expect(staffConsole.idle.warning).toBe(true);
    // Only the countdown's own button (which pokes the timer) keeps the session.
    staffConsole.activity();
    expect(staffConsole.idle.warning).toBe(true);
    staffConsole.idle.poke();
    expect(staffConsole.idle.warning).toBe(false);
    vi.advanceTimersByTime(179_000);
    expect(staffConsole.user).not.toBeNull();
  });

  it('takes the shorter idle time from ?idle= for tests and demonstrations', () => {
    stop();
    atAddress('http://kiosk.test/?idle=15#staff');
    stop = staffConsole.start();
    staffConsole.signedIn(volunteer, 'volunteer');
    vi.advanceTimersByTime(15_500);
    expect(staffConsole.user).toBeNull();
  });

  it('hands scans to the open screen only once signed in, and says so when the screen takes none', () => {
    const seen: string[] = [];
    staffConsole.onScan((code) => seen.push(code));
    staffConsole.scan('6901234567892');
    expect(seen).toEqual([]);

    staffConsole.signedIn(volunteer, 'volunteer');
    staffConsole.open('receive');
    const unregister = staffConsole.onScan((code) => seen.push(code));
    staffConsole.scan(' 6901234567892 ');
    staffConsole.scan('6901234567892');
    expect(seen).toEqual(['6901234567892']);

    unregister();
    staffConsole.scan('TEST01-000001');
    expect(seen).toEqual(['6901234567892']);
    expect(staffConsole.toast?.text()).toContain('这个页面不用扫码');
  });

  it('says at the sign-in that a member card is no staff card', () => {
    staffConsole.scan('PSK1.00000001.ABCDEFGH.signature');
    expect(staffConsole.signInNotice).toBe('signIn.memberCard');
    expect(staffConsole.user).toBeNull();
  });

  it('opens only screens of the signed-in role', () => {
    staffConsole.signedIn(volunteer, 'volunteer');
    staffConsole.open('no-such-screen');
    expect(staffConsole.screen).toBeNull();
    staffConsole.open('stocktake');
    expect(staffConsole.screen?.id).toBe('stocktake');
    staffConsole.home();
    expect(staffConsole.screen).toBeNull();
  });
});
