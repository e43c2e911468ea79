import { describe, expect, it } from 'vitest';
import { ScanGate } from './scan-gate';

describe('ScanGate', () => {
  it('lets the first read of a card through', () => {
    expect(new ScanGate().accept('CARD-A', 0)).toBe(true);
  });

  it('ignores a second read of the same card within the window', () => {
    const gate = new ScanGate(3000);
    gate.accept('CARD-A', 0);
    expect(gate.accept('CARD-A', 1500)).toBe(false);
  });

  it('keeps ignoring a card held in front of the camera, frame after frame', () => {
    const gate = new ScanGate(3000);
    gate.accept('CARD-A', 0);
    for (let time = 100; time <= 20_000; time += 100) expect(gate.accept('CARD-A', time)).toBe(false);
  });

  it('accepts the same card again after it was away longer than the window', () => {
    const gate = new ScanGate(3000);
    gate.accept('CARD-A', 0);
    expect(gate.accept('CARD-A', 3001)).toBe(true);
  });

  it('lets a different card through at once', () => {
    const gate = new ScanGate(3000);
    gate.accept('CARD-A', 0);
    expect(gate.accept('CARD-B', 10)).toBe(true);
  });

  it('accepts a forgotten card immediately', () => {
    const gate = new ScanGate(3000);
    gate.accept('CARD-A', 0);
    gate.forget('CARD-A');
    expect(gate.accept('CARD-A', 10)).toBe(true);
  });
});
