import { flow } from './flow.svelte';

/** What the staff console, once loaded, takes over from the resident screens. */
export interface StaffHandlers {
  /** A card, barcode or receipt QR read by the camera or the handheld scanner. */
  scan: (text: string) => void;
  /** A touch or a key press, for the staff idle timer. */
  activity: () => void;
}

type StaffAppModule = typeof import('../staff/StaffApp.svelte');

/**
 * Whether the kiosk shows the staff console instead of the resident screens. This small part
 * stays in the resident bundle; the console itself is a separate chunk loaded on first entry, and
 * it opens at the sign-in screen: nothing a resident can reach without a PIN.
 *
 * While staff mode is open, scans never start a resident visit: they go to the console, which
 * hands them to the active staff screen.
 */
class StaffMode {
  open = $state(false);
  /** A staff card that opened staff mode, for the sign-in to read once. */
  private card: string | null = null;
  private handlers: StaffHandlers | null = null;
  private loading: Promise<StaffAppModule> | null = null;

  /** From the long-press on the store name, the `#staff` address or a staff card scan. */
  enter(card: string | null = null): void {
    if (this.open) return;
    this.card = card;
    if (flow.screen !== 'start') flow.endVisit();
    flow.dismissNotice();
    this.open = true;
  }

  /** Back to the resident Start screen (after signing out, or the sign-in screen left alone). */
  leave(): void {
    if (!this.open) return;
    this.open = false;
    this.handlers = null;
    // A reload must not land on the staff sign-in again.
    if (location.hash === '#staff') history.replaceState(null, '', location.pathname + location.search);
  }

  /** The staff card that opened staff mode, once. */
  takeCard(): string | null {
    const card = this.card;
    this.card = null;
    return card;
  }

  /** The console chunk, imported once; a failed import (server away) is tried again next time. */
  load(): Promise<StaffAppModule> {
    this.loading ??= import('../staff/StaffApp.svelte').catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  /** The loaded console registers here; returns the way to unregister. */
  connect(handlers: StaffHandlers): () => void {
    this.handlers = handlers;
    return () => {
      if (this.handlers === handlers) this.handlers = null;
    };
  }

  scan(text: string): void {
    this.handlers?.scan(text);
  }

  activity(): void {
    this.handlers?.activity();
  }
}

export const staffMode = new StaffMode();

/** Staff cards read `PSKS1.<key>.<username>.<signature>`; resident cards `PSK1.…`. */
export function isStaffCard(text: string): boolean {
  return /^PSKS\d+\./.test(text.trim());
}

/**
 * Every scan (camera or handheld scanner) goes through here: to the staff console or to the
 * visit. A staff card on the resident screens opens the staff sign-in for its holder.
 */
export function routeScan(text: string): void {
  if (staffMode.open) staffMode.scan(text);
  else if (isStaffCard(text)) staffMode.enter(text.trim());
  else flow.scan(text);
}
