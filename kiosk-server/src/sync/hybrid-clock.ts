/**
 * A hybrid logical clock (Kulkarni et al.): wall time that never runs backwards and moves past
 * every clock it has seen, so a change made after seeing another is ordered after it even when
 * the two machines' clocks disagree. The text form `<ms, 13 digits>.<counter, 4 digits>.<origin>`
 * sorts in clock order; equal times are broken by origin.
 */
export class HybridClock {
  private wall = 0;
  private counter = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The time of a change made here now. */
  tick(origin: string): string {
    const now = this.now();
    if (now > this.wall) {
      this.wall = now;
      this.counter = 0;
    } else this.advanceCounter();
    return formatHlc(this.wall, this.counter, origin);
  }

  /** Takes in the time of a change made elsewhere. */
  observe(hlc: string): void {
    const parsed = parseHlc(hlc);
    if (!parsed) return;
    if (parsed.wall > this.wall || (parsed.wall === this.wall && parsed.counter > this.counter)) {
      this.wall = parsed.wall;
      this.counter = parsed.counter;
    }
  }

  private advanceCounter(): void {
    this.counter += 1;
    if (this.counter > 9999) {
      this.wall += 1;
      this.counter = 0;
    }
  }
}

const HLC_PATTERN = /^(\d{13})\.(\d{4})\.([A-Za-z0-9_-]{1,32})$/;

export function formatHlc(wall: number, counter: number, origin: string): string {
  return `${String(wall).padStart(13, '0')}.${String(counter).padStart(4, '0')}.${origin}`;
}

export function parseHlc(hlc: string): { wall: number; counter: number; origin: string } | undefined {
  const match = HLC_PATTERN.exec(hlc);
  if (!match) return undefined;
  return { wall: Number(match[1]), counter: Number(match[2]), origin: match[3]! };
}
