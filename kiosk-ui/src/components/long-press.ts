/**
 * A press held still for `holdMs` (the staff entry on the store name). It ends early when the
 * finger lifts or slides further than `slopPx`, so a resident brushing or scrolling past never
 * completes it. `visibleAfterMs` keeps the progress ring hidden during an ordinary tap.
 */
export interface LongPressOptions {
  holdMs?: number;
  slopPx?: number;
  visibleAfterMs?: number;
}

export class LongPress {
  readonly holdMs: number;
  readonly slopPx: number;
  readonly visibleAfterMs: number;
  private origin: { x: number; y: number; pointerId: number } | null = null;
  private doneTimer: ReturnType<typeof setTimeout> | undefined;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private shown = false;

  constructor(
    private readonly onDone: () => void,
    private readonly onShow: (visible: boolean) => void = () => undefined,
    options: LongPressOptions = {},
  ) {
    this.holdMs = options.holdMs ?? 3000;
    this.slopPx = options.slopPx ?? 24;
    this.visibleAfterMs = options.visibleAfterMs ?? 300;
  }

  get pressing(): boolean {
    return this.origin !== null;
  }

  down(x: number, y: number, pointerId: number): void {
    // A second finger is not a longer press.
    if (this.origin) {
      this.cancel();
      return;
    }
    this.origin = { x, y, pointerId };
    this.showTimer = setTimeout(() => {
      this.shown = true;
      this.onShow(true);
    }, this.visibleAfterMs);
    this.doneTimer = setTimeout(() => {
      this.cancel();
      this.onDone();
    }, this.holdMs);
  }

  move(x: number, y: number, pointerId: number): void {
    const origin = this.origin;
    if (!origin || origin.pointerId !== pointerId) return;
    if (Math.hypot(x - origin.x, y - origin.y) > this.slopPx) this.cancel();
  }

  /** The finger lifted, left, or the browser took the gesture over. */
  cancel(): void {
    clearTimeout(this.doneTimer);
    clearTimeout(this.showTimer);
    this.origin = null;
    if (this.shown) {
      this.shown = false;
      this.onShow(false);
    }
  }
}
