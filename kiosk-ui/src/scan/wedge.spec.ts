import { describe, expect, it } from 'vitest';
import { WedgeDetector } from './wedge';

const QR = 'PSK1.0a1b2c3d.3201000013.AbCdEf_-';

/** Feeds `text` then Enter, one key every `gap` ms from `start`; returns what the detector reported. */
function typeAt(detector: WedgeDetector, text: string, gap: number, start = 1000, enterGap = gap): (string | null)[] {
  const results: (string | null)[] = [];
  let time = start;
  for (const char of text) {
    results.push(detector.key(char, time));
    time += gap;
  }
  results.push(detector.key('Enter', time - gap + enterGap));
  return results;
}

describe('WedgeDetector', () => {
  it('reports a fast burst ending in Enter as one scan, on the Enter only', () => {
    const results = typeAt(new WedgeDetector(), QR, 8);
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(results.at(-1)).toBe(QR);
  });

  it('accepts Tab as the closing key too', () => {
    const detector = new WedgeDetector();
    let time = 0;
    for (const char of 'ABC123456') detector.key(char, (time += 5));
    expect(detector.key('Tab', time + 5)).toBe('ABC123456');
  });

  it('does not take slow typing followed by Enter for a scan', () => {
    const results = typeAt(new WedgeDetector(), 'hello world 123', 120);
    expect(results.every((r) => r === null)).toBe(true);
  });

  it('does not take a short fast roll of keys for a scan', () => {
    expect(typeAt(new WedgeDetector(), 'ok', 20).at(-1)).toBeNull();
  });

  it('does not take a burst whose Enter comes late for a scan', () => {
    expect(typeAt(new WedgeDetector(), QR, 5, 0, 400).at(-1)).toBeNull();
  });

  it('starts over after a pause, so typed keys before a scan are not glued to it', () => {
    const detector = new WedgeDetector();
    detector.key('x', 0);
    detector.key('y', 200);
    expect(typeAt(detector, QR, 10, 2000).at(-1)).toBe(QR);
  });

  it('starts over after a long pause inside a burst, keeping only what came after it', () => {
    const detector = new WedgeDetector();
    let time = 0;
    for (const char of 'ABCDEFGH') detector.key(char, (time += 10));
    time += 300;
    detector.key('I', time);
    expect(detector.key('Enter', time + 10)).toBeNull();
  });

  it('keeps a burst with one late key (the page was busy for a moment)', () => {
    const detector = new WedgeDetector();
    let time = 0;
    for (const char of 'ABCDEFGHIJ') detector.key(char, (time += 5));
    time += 120;
    detector.key('K', time);
    for (const char of 'LMNOPQRST') detector.key(char, (time += 5));
    expect(detector.key('Enter', time + 5)).toBe('ABCDEFGHIJKLMNOPQRST');
  });

  it('does not take a fast typist’s word for a scan', () => {
    // 90 ms between keys is already very fast typing; a scanner is ten times quicker.
    expect(typeAt(new WedgeDetector(), 'hello12345', 90).at(-1)).toBeNull();
  });

  it('lets Shift pass inside a burst (scanners press it for capitals)', () => {
    const detector = new WedgeDetector();
    let time = 0;
    for (const char of 'abc') detector.key(char, (time += 4));
    detector.key('Shift', (time += 2));
    for (const char of 'DEF') detector.key(char, (time += 4));
    expect(detector.key('Enter', time + 4)).toBe('abcDEF');
  });

  it('clears on a non-character key such as Backspace', () => {
    const detector = new WedgeDetector();
    let time = 0;
    for (const char of 'ABCDEFG') detector.key(char, (time += 5));
    detector.key('Backspace', (time += 5));
    expect(detector.key('Enter', time + 5)).toBeNull();
  });

  it('reads two scans in a row', () => {
    const detector = new WedgeDetector();
    expect(typeAt(detector, 'FIRST-CARD', 6, 0).at(-1)).toBe('FIRST-CARD');
    expect(typeAt(detector, 'SECOND-CARD', 6, 5000).at(-1)).toBe('SECOND-CARD');
  });

  it('says a burst is in progress once several keys came fast', () => {
    const detector = new WedgeDetector();
    detector.key('A', 0);
    detector.key('B', 10);
    expect(detector.inBurst).toBe(false);
    detector.key('C', 20);
    expect(detector.inBurst).toBe(true);
    detector.reset();
    expect(detector.inBurst).toBe(false);
  });

  it('honours custom timing limits', () => {
    const detector = new WedgeDetector({ maxAverageGapMs: 150, maxGapMs: 200, minLength: 3 });
    expect(typeAt(detector, 'abcd', 120).at(-1)).toBe('abcd');
  });
});
