/**
 * USB handheld scanners are keyboards ("keyboard wedge"): they type the code very fast and end
 * it with Enter (or Tab). This detector tells such a burst from a person typing, using only the
 * time of each key, so it needs no focused field and no mode switch.
 *
 * A scan is at least `minLength` characters whose keys came on average less than
 * `maxAverageGapMs` apart, closed by Enter. One late key (the page was busy for a moment) does not
 * break a burst; a pause longer than `maxGapMs` does, and the keys start over from there.
 */
export interface WedgeOptions {
  /** Longest average pause between the characters of one scan. */
  maxAverageGapMs?: number;
  /** Longest single pause inside one scan, and before its closing Enter. */
  maxGapMs?: number;
  /** Shortest text accepted as a scan; people do not type this many keys this fast. */
  minLength?: number;
}

const MODIFIERS = new Set(['Shift', 'CapsLock']);
const TERMINATORS = new Set(['Enter', 'Tab']);

export class WedgeDetector {
  readonly maxAverageGapMs: number;
  readonly maxGapMs: number;
  readonly minLength: number;
  private buffer = '';
  private first = 0;
  private last = Number.NEGATIVE_INFINITY;

  constructor(options: WedgeOptions = {}) {
    this.maxAverageGapMs = options.maxAverageGapMs ?? 50;
    this.maxGapMs = options.maxGapMs ?? 150;
    this.minLength = options.minLength ?? 6;
  }

  /**
   * Feeds one key press (`KeyboardEvent.key`) at `time` milliseconds. Returns the scanned text
   * when this key is the Enter that closes a fast burst, otherwise null.
   */
  key(key: string, time: number): string | null {
    const gap = time - this.last;
    this.last = time;
    if (TERMINATORS.has(key)) {
      const text = this.buffer;
      const average = (time - gap - this.first) / Math.max(1, text.length - 1);
      this.buffer = '';
      return gap <= this.maxGapMs && text.length >= this.minLength && average <= this.maxAverageGapMs ? text : null;
    }
    if (MODIFIERS.has(key)) return null;
    if (key.length !== 1) {
      // Arrows, Backspace, F-keys…: not part of any scan.
      this.buffer = '';
      return null;
    }
    if (gap <= this.maxGapMs && this.buffer) {
      this.buffer += key;
    } else {
      this.buffer = key;
      this.first = time;
    }
    return null;
  }

  /** True when the keys so far look like the start of a scan (several in a fast burst). */
  get inBurst(): boolean {
    const keys = this.buffer.length;
    return keys >= 3 && (this.last - this.first) / (keys - 1) <= this.maxAverageGapMs;
  }

  reset(): void {
    this.buffer = '';
    this.last = Number.NEGATIVE_INFINITY;
  }
}
