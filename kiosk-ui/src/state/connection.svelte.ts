/**
 * Whether the kiosk server answers. A request that fails to reach it switches to "reconnecting":
 * the screen says so, the health route is polled until it answers, and whoever waits is resumed.
 * While all is well, a slow heartbeat notices an outage even when nobody touches the screen.
 */
const HEARTBEAT_MS = 5000;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 4000;

class Connection {
  online = $state(true);
  private waiting: (() => void)[] = [];
  private reconnectListeners = new Set<() => void>();
  private polling = false;
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  /** A request could not reach the server. */
  lost(): void {
    if (this.online) this.online = false;
    if (!this.polling) void this.poll();
  }

  /** A request got an answer from the server. */
  reached(): void {
    if (!this.online) this.back();
  }

  /** Resolves true once the server answers again, or false after `timeoutMs`. */
  waitOnline(timeoutMs: number): Promise<boolean> {
    if (this.online) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      this.waiting.push(done);
    });
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      if (this.online) void this.ping().then((ok) => (ok ? undefined : this.lost()));
    }, HEARTBEAT_MS);
  }

  private back(): void {
    this.online = true;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
    for (const listener of this.reconnectListeners) listener();
  }

  private async poll(): Promise<void> {
    this.polling = true;
    let delay = FIRST_RETRY_MS;
    while (!this.online) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.online) break;
      if (await this.ping()) this.back();
      delay = Math.min(MAX_RETRY_MS, delay * 1.5);
    }
    this.polling = false;
  }

  private async ping(): Promise<boolean> {
    try {
      const response = await fetch('/api/health', { cache: 'no-store', signal: AbortSignal.timeout(4000) });
      return response.status < 500;
    } catch {
      return false;
    }
  }
}

export const connection = new Connection();
