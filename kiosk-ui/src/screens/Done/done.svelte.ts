import { api, type PrintStatus, type Redemption } from '../../api/client';

/** The Done screen returns to Start by itself after this long. */
export const DONE_SECONDS = 10;
const POLL_MS = 1000;
const FINAL: readonly PrintStatus[] = ['printed', 'failed', 'disabled'];

/** The Done screen's clock and the receipt's live print status. */
class DoneState {
  secondsLeft = $state(DONE_SECONDS);
  printStatus = $state<PrintStatus>('queued');
  private timers: ReturnType<typeof setInterval>[] = [];

  start(receipt: Redemption, token: string | null, onFinish: () => void): void {
    this.stop();
    this.printStatus = receipt.print.status;
    this.secondsLeft = DONE_SECONDS;
    const endsAt = Date.now() + DONE_SECONDS * 1000;
    this.timers.push(
      setInterval(() => {
        this.secondsLeft = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
        if (this.secondsLeft === 0) {
          this.stop();
          onFinish();
        }
      }, 250),
    );
    if (token && !FINAL.includes(this.printStatus)) {
      let busy = false;
      this.timers.push(
        setInterval(() => {
          if (busy || FINAL.includes(this.printStatus)) return;
          busy = true;
          api
            .redemption(token, receipt.id)
            .then((fresh) => (this.printStatus = fresh.print.status))
            .catch(() => undefined)
            .finally(() => (busy = false));
        }, POLL_MS),
      );
    }
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }
}

export const done = new DoneState();
