import { api, ApiFailure, type Ranking } from '../../api/client';

const REFRESH_MS = 5 * 60_000;
const SHOWN = 5;

/**
 * This month's top earners for the 光荣榜, from `GET /api/rankings/month`. When the server has no
 * such route (404) the panel is not shown; while the server is away the last list stays.
 */
class Rankings {
  rows = $state<Ranking[]>([]);
  available = $state(false);
  private timer: ReturnType<typeof setInterval> | undefined;

  watch(): () => void {
    void this.load();
    this.timer ??= setInterval(() => void this.load(), REFRESH_MS);
    return () => {
      clearInterval(this.timer);
      this.timer = undefined;
    };
  }

  async load(): Promise<void> {
    try {
      this.rows = (await api.rankings()).slice(0, SHOWN);
      this.available = true;
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 404) this.available = false;
    }
  }
}

export const rankings = new Rankings();
