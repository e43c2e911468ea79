import { SvelteMap } from 'svelte/reactivity';
import type { StocktakeResult } from '../../api';

export type Step = 'count' | 'review' | 'done';

/**
 * The stocktake in progress. It outlives the screen (and an idle sign-out) so counting a shelf
 * while the screen sleeps loses nothing; it is kept for the same username only and dropped once
 * saved.
 */
class Stocktake {
  owner = $state<string | null>(null);
  counts = new SvelteMap<string, number>();
  step = $state<Step>('count');
  activeId = $state<string | null>(null);
  reason = $state('');
  result = $state<StocktakeResult | null>(null);
  /** The counts were left from an earlier visit to this screen. */
  resumed = $state(false);

  /** Opens the stocktake for `username`: their unsaved counts, or a fresh one. */
  begin(username: string): void {
    if (this.owner !== username || this.step === 'done') this.reset();
    else this.resumed = this.counts.size > 0;
    this.owner = username;
    if (this.step === 'review') this.step = 'count';
  }

  setCount(productId: string, entry: string): void {
    if (entry === '') this.counts.delete(productId);
    else this.counts.set(productId, Number(entry));
  }

  reset(): void {
    this.counts.clear();
    this.step = 'count';
    this.activeId = null;
    this.reason = '';
    this.result = null;
    this.resumed = false;
  }
}

export const stocktake = new Stocktake();
