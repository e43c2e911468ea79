import { limits } from '../../api/limits';

/**
 * The cart's rules, free of Svelte and HTTP so they are tested on their own. The server checks
 * everything again; these rules only keep the resident from choosing what cannot be redeemed.
 */
export interface CartProduct {
  id: string;
  name: string;
  pricePoints: number;
  stock: number;
  monthlyLimit: number | null;
  active: boolean;
}

export interface CartLine {
  productId: string;
  quantity: number;
}

/** The server's limits on one redemption, from its OpenAPI document. */
export const MAX_LINES = limits.CreateRedemptionDto.items.maxItems;
export const MAX_QUANTITY = limits.RedemptionItemDto.quantity.maximum;

/** Why one more of a product cannot go into the cart. */
export type AddBlocker =
  'belowMinimum' | 'unavailable' | 'soldOut' | 'stock' | 'limitReached' | 'limit' | 'quantity' | 'lines' | 'points';

/** Why the cart cannot be redeemed as it is. */
export type CheckoutBlocker = 'empty' | 'belowMinimum' | 'points';

export interface CartContext {
  balance: number;
  /** The store's minimum balance for redeeming, when known. */
  minRedeemBalance?: number | null;
  /** Units still allowed this month, per product, as the server told during this visit. */
  monthlyLeft?: ReadonlyMap<string, number>;
}

export function quantityOf(lines: readonly CartLine[], productId: string): number {
  return lines.find((line) => line.productId === productId)?.quantity ?? 0;
}

export function cartTotal(lines: readonly CartLine[], products: ReadonlyMap<string, CartProduct>): number {
  return lines.reduce((sum, line) => sum + (products.get(line.productId)?.pricePoints ?? 0) * line.quantity, 0);
}

export function itemCount(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** Points still missing to add one more of `product` ("还差 N 分"); 0 when it is affordable. */
export function shortfall(product: CartProduct, balance: number, total: number): number {
  return Math.max(0, total + product.pricePoints - balance);
}

/** The first reason one more of `product` cannot be added, or null when it can. */
export function addBlocker(
  lines: readonly CartLine[],
  product: CartProduct,
  products: ReadonlyMap<string, CartProduct>,
  context: CartContext,
): AddBlocker | null {
  const quantity = quantityOf(lines, product.id);
  if (context.minRedeemBalance != null && context.balance < context.minRedeemBalance) return 'belowMinimum';
  if (!product.active) return 'unavailable';
  if (product.stock <= 0) return 'soldOut';
  if (quantity >= product.stock) return 'stock';
  const left = context.monthlyLeft?.get(product.id);
  if (left !== undefined && quantity >= left) return 'limitReached';
  if (product.monthlyLimit !== null && quantity >= product.monthlyLimit) return 'limit';
  if (quantity >= MAX_QUANTITY) return 'quantity';
  if (quantity === 0 && lines.length >= MAX_LINES) return 'lines';
  if (shortfall(product, context.balance, cartTotal(lines, products)) > 0) return 'points';
  return null;
}

/** The cart with one more of `product`, or the reason why not (then the lines are unchanged). */
export function addOne(
  lines: readonly CartLine[],
  product: CartProduct,
  products: ReadonlyMap<string, CartProduct>,
  context: CartContext,
): { lines: CartLine[]; blocker: AddBlocker | null } {
  const blocker = addBlocker(lines, product, products, context);
  if (blocker) return { lines: [...lines], blocker };
  const present = lines.some((line) => line.productId === product.id);
  return {
    lines: present
      ? lines.map((line) => (line.productId === product.id ? { ...line, quantity: line.quantity + 1 } : line))
      : [...lines, { productId: product.id, quantity: 1 }],
    blocker: null,
  };
}

/** The cart with one fewer of a product; a line that reaches zero is removed. */
export function removeOne(lines: readonly CartLine[], productId: string): CartLine[] {
  return lines
    .map((line) => (line.productId === productId ? { ...line, quantity: line.quantity - 1 } : line))
    .filter((line) => line.quantity > 0);
}

export function checkoutBlocker(
  lines: readonly CartLine[],
  products: ReadonlyMap<string, CartProduct>,
  balance: number,
  minRedeemBalance: number | null,
): CheckoutBlocker | null {
  if (minRedeemBalance !== null && balance < minRedeemBalance) return 'belowMinimum';
  if (lines.length === 0) return 'empty';
  if (cartTotal(lines, products) > balance) return 'points';
  return null;
}

export interface CartChange {
  productId: string;
  name: string;
  from: number;
  to: number;
}

/**
 * Fits the cart to a fresh catalogue: lines of products gone, paused or sold out are removed,
 * quantities above the stock are lowered. Returns what changed so the screen can say so.
 */
export function reconcile(
  lines: readonly CartLine[],
  products: ReadonlyMap<string, CartProduct>,
): { lines: CartLine[]; changes: CartChange[] } {
  const changes: CartChange[] = [];
  const kept: CartLine[] = [];
  for (const line of lines) {
    const product = products.get(line.productId);
    const allowed = product && product.active ? Math.max(0, product.stock) : 0;
    const quantity = Math.min(line.quantity, allowed);
    if (quantity !== line.quantity) {
      changes.push({ productId: line.productId, name: product?.name ?? '', from: line.quantity, to: quantity });
    }
    if (quantity > 0) kept.push({ productId: line.productId, quantity });
  }
  return { lines: kept, changes };
}

/** Removes the lines of the given products (for example, monthly limit used up). */
export function without(lines: readonly CartLine[], productIds: ReadonlySet<string>): CartLine[] {
  return lines.filter((line) => !productIds.has(line.productId));
}
