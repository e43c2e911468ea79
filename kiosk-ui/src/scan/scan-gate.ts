/**
 * Cameras report the same code on every frame while a card is held up, and some scanners fire
 * twice. The gate lets a code through once, then ignores it until it has been out of sight for
 * `windowMs` (each repeated read restarts the wait).
 */
export class ScanGate {
  private readonly seen = new Map<string, number>();

  constructor(readonly windowMs = 3000) {}

  accept(text: string, now: number): boolean {
    const last = this.seen.get(text);
    this.seen.set(text, now);
    for (const [other, time] of this.seen) {
      if (now - time > this.windowMs) this.seen.delete(other);
    }
    return last === undefined || now - last > this.windowMs;
  }

  /** Forgets a code, so that the next read of it passes at once. */
  forget(text: string): void {
    this.seen.delete(text);
  }
}
