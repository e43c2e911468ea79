/** Seconds of warning, with a visible countdown, before an idle visit ends. */
export const IDLE_WARNING_SECONDS = 10;

/**
 * The idle timer of a visit: every touch, key or scan restarts it; in the last ten seconds the
 * screen counts down; at zero the visit ends. The staff console keeps an instance of its own.
 */
export class Idle {
  active = $state(false);
  paused = $state(false);
  totalSeconds = $state(60);
  private deadline = $state(0);
  private now = $state(Date.now());
  private timer: ReturnType<typeof setInterval> | undefined;
  private onTimeout: (() => void) | null = null;

  secondsLeft = $derived(Math.max(0, Math.ceil((this.deadline - this.now) / 1000)));
  warning = $derived(this.active && !this.paused && this.secondsLeft <= IDLE_WARNING_SECONDS);

  start(totalSeconds: number, onTimeout: () => void): void {
    this.totalSeconds = totalSeconds;
    this.onTimeout = onTimeout;
    this.active = true;
    this.paused = false;
    this.poke();
    this.timer ??= setInterval(() => this.tick(), 250);
  }

  /** Activity: the countdown starts over. */
  poke(): void {
    if (!this.active) return;
    this.now = Date.now();
    this.deadline = this.now + this.totalSeconds * 1000;
  }

  /** Stops counting while the kiosk itself is busy (a checkout in progress). */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.poke();
  }

  stop(): void {
    this.active = false;
    this.paused = false;
    this.onTimeout = null;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    this.now = Date.now();
    if (this.paused) {
      this.deadline = this.now + this.totalSeconds * 1000;
      return;
    }
    if (this.active && this.now >= this.deadline) {
      const done = this.onTimeout;
      this.stop();
      done?.();
    }
  }
}

export const idle = new Idle();
