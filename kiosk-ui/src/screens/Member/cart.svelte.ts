import { newIdempotencyKey, type Product, type RedemptionItem } from '../../api/client';
import type { MessageKey } from '../../i18n/i18n.svelte';
import type { Params } from '../../i18n/types';
import { catalog } from '../../state/catalog.svelte';
import { session } from '../../state/session.svelte';
import { storeInfo } from '../../state/store-info.svelte';
import {
  type AddBlocker,
  addBlocker,
  addOne,
  type CartChange,
  type CartContext,
  type CartLine,
  cartTotal,
  checkoutBlocker,
  type CheckoutBlocker,
  itemCount,
  MAX_LINES,
  MAX_QUANTITY,
  reconcile,
  removeOne,
  shortfall,
} from './cart';

export interface CartFeedback {
  key: MessageKey;
  params: Params;
  refused: boolean;
  /** Changes on every message, so the same text twice is announced twice. */
  serial: number;
}

/** The resident's chosen goods for one checkout. */
class Cart {
  lines = $state<CartLine[]>([]);
  /** Units still allowed this month per product, learned from the server during this visit. */
  monthlyLeft = $state<ReadonlyMap<string, number>>(new Map());
  feedback = $state<CartFeedback | null>(null);
  total = $derived(cartTotal(this.lines, catalog.byId));
  count = $derived(itemCount(this.lines));
  /** One key per checkout: kept while the cart is unchanged so a retry cannot redeem twice. */
  private key: string | null = null;
  private serial = 0;

  private get context(): CartContext {
    return { balance: session.balance, minRedeemBalance: storeInfo.minRedeemBalance, monthlyLeft: this.monthlyLeft };
  }

  quantity(productId: string): number {
    return this.lines.find((line) => line.productId === productId)?.quantity ?? 0;
  }

  blocker(product: Product): AddBlocker | null {
    return addBlocker(this.lines, product, catalog.byId, this.context);
  }

  shortfall(product: Product): number {
    return shortfall(product, session.balance, this.total);
  }

  get checkoutBlocker(): CheckoutBlocker | null {
    return checkoutBlocker(this.lines, catalog.byId, session.balance, storeInfo.minRedeemBalance);
  }

  add(product: Product): void {
    const result = addOne(this.lines, product, catalog.byId, this.context);
    if (result.blocker) {
      this.say(REFUSALS[result.blocker], refusalParams(result.blocker, product, this.shortfall(product)), true);
      return;
    }
    this.set(result.lines);
    this.say('add.added', { name: product.name }, false);
  }

  increase(productId: string): void {
    const product = catalog.byId.get(productId);
    if (product) this.add(product);
  }

  decrease(productId: string): void {
    this.set(removeOne(this.lines, productId));
    this.feedback = null;
  }

  checkoutKey(): string {
    this.key ??= newIdempotencyKey();
    return this.key;
  }

  items(): RedemptionItem[] {
    return this.lines.map((line) => ({ productId: line.productId, quantity: line.quantity }));
  }

  /** Fits the cart to the current catalogue; returns the lines that changed. */
  reconcile(): CartChange[] {
    const result = reconcile(this.lines, catalog.byId);
    if (result.changes.length) this.set(result.lines);
    return result.changes;
  }

  /** Applies what the server said about monthly limits: lowers or removes those lines. */
  applyMonthlyLeft(limits: { productId: string; left: number }[]): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a fresh copy, filled here and then assigned whole to $state
    const left = new Map(this.monthlyLeft);
    let lines = this.lines;
    for (const limit of limits) {
      left.set(limit.productId, limit.left);
      lines = lines
        .map((line) =>
          line.productId === limit.productId ? { ...line, quantity: Math.min(line.quantity, limit.left) } : line,
        )
        .filter((line) => line.quantity > 0);
    }
    this.monthlyLeft = left;
    this.set(lines);
  }

  clear(): void {
    this.lines = [];
    this.monthlyLeft = new Map();
    this.feedback = null;
    this.key = null;
  }

  private set(lines: CartLine[]): void {
    this.lines = lines;
    this.key = null;
  }

  private say(key: MessageKey, params: Params, refused: boolean): void {
    this.feedback = { key, params, refused, serial: ++this.serial };
  }
}

const REFUSALS: Record<AddBlocker, MessageKey> = {
  belowMinimum: 'member.belowMinimum',
  unavailable: 'add.unavailable',
  soldOut: 'add.soldOut',
  stock: 'add.stock',
  limitReached: 'add.limitReached',
  limit: 'add.limit',
  quantity: 'add.quantity',
  lines: 'add.lines',
  points: 'add.points',
};

/** Parameters for a refusal message. */
function refusalParams(blocker: AddBlocker, product: Product, short: number): Params {
  switch (blocker) {
    case 'belowMinimum':
      return { min: storeInfo.minRedeemBalance ?? 0, balance: session.balance };
    case 'stock':
      return { name: product.name, n: product.stock };
    case 'limit':
      return { name: product.name, n: product.monthlyLimit ?? 0 };
    case 'quantity':
      return { n: MAX_QUANTITY };
    case 'lines':
      return { n: MAX_LINES };
    case 'points':
      return { n: short };
    default:
      return { name: product.name };
  }
}

export const cart = new Cart();
