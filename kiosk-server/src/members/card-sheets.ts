import { Injectable } from '@nestjs/common';
import { type CardFace, renderCardSheetPdf } from '@kiosk/hardware';

/**
 * Card sheets (every member's card on A4 pages) are made one at a time. Each card is drawn on
 * libuv's small thread pool, which the database, the file system and PIN hashing share: a few
 * sheets at once used to fill it with hundreds of drawings, and the kiosk stopped answering
 * until they were done. The sheet itself draws one card after another (renderCardSheetPdf), so
 * at most one thread draws at a time; a request for a second sheet waits for the first.
 */
@Injectable()
export class CardSheets {
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private active = 0;

  /** The renderer; a spec swaps in its own. */
  render: (faces: CardFace[]) => Promise<Buffer> = renderCardSheetPdf;

  /** Sheets asked for and not finished yet: the one being made and those waiting behind it. */
  get depth(): number {
    return this.queued;
  }

  /** Sheets being made right now: never more than one. */
  get rendering(): number {
    return this.active;
  }

  sheet(faces: CardFace[]): Promise<Buffer> {
    this.queued += 1;
    const next = this.tail.then(async () => {
      this.active += 1;
      try {
        return await this.render(faces);
      } finally {
        this.active -= 1;
        this.queued -= 1;
      }
    });
    // the next sheet waits for this one, whether it was made or failed
    this.tail = next.catch(() => undefined);
    return next;
  }
}
