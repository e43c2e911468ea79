import { staffApi, type PrintStatus } from '../../api';

const POLL_MS = 1000;
/** A job still unfinished after this long is left as it is; the screen says what it last knew. */
const GIVE_UP_MS = 60_000;
const FINAL: readonly PrintStatus['status'][] = ['printed', 'failed', 'disabled'];

/** The reprint just sent, followed until the printer is done with it. */
class PrintJob {
  status = $state<PrintStatus | null>(null);
  private timer: ReturnType<typeof setInterval> | undefined;

  /** Polls the job until it is printed, failed or given up; `onFinal` runs once it is final. */
  follow(first: PrintStatus, onFinal: () => void = () => undefined): void {
    this.stop();
    this.status = first;
    const jobId = first.jobId;
    if (!jobId || FINAL.includes(first.status)) {
      onFinal();
      return;
    }
    const until = Date.now() + GIVE_UP_MS;
    let busy = false;
    this.timer = setInterval(() => {
      if (busy) return;
      if (Date.now() > until) {
        this.stop();
        return;
      }
      busy = true;
      staffApi
        .printJob(jobId)
        .then((fresh) => {
          this.status = fresh;
          if (FINAL.includes(fresh.status)) {
            this.stop();
            onFinal();
          }
        })
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, POLL_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  clear(): void {
    this.stop();
    this.status = null;
  }
}

export const printJob = new PrintJob();
