import { staffApi, type StaffProduct } from './api';
import { failureOf, staffErrorKey } from './errors';
import type { StaffTextKey } from './i18n';

/** The order categories are listed in (as on the resident screens); others follow by name. */
const CATEGORY_ORDER = ['粮油', '日化', '生活用品'];

export interface ProductGroup {
  category: string;
  products: StaffProduct[];
}

/** Products in the order staff find them on the shelves: category, then name; off-shelf ones last. */
export function groupProducts(products: readonly StaffProduct[]): ProductGroup[] {
  const rank = (category: string) => {
    const index = CATEGORY_ORDER.indexOf(category);
    return index < 0 ? CATEGORY_ORDER.length : index;
  };
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local scratch map in a pure function, never state
  const groups = new Map<string, StaffProduct[]>();
  for (const product of products) {
    const list = groups.get(product.category) ?? [];
    list.push(product);
    groups.set(product.category, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'))
    .map(([category, list]) => ({
      category,
      products: list.sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh-CN')),
    }));
}

/** Every product with its stock, as the staff screens show it; loaded when a screen opens. */
class StaffProducts {
  list = $state<StaffProduct[]>([]);
  loaded = $state(false);
  error = $state<StaffTextKey | null>(null);
  byId = $derived(new Map(this.list.map((product) => [product.id, product])));
  groups = $derived(groupProducts(this.list));

  async load(): Promise<boolean> {
    try {
      this.list = await staffApi.products();
      this.loaded = true;
      this.error = null;
      return true;
    } catch (error) {
      this.error = staffErrorKey(failureOf(error).code);
      return false;
    }
  }

  /** A stock change the server confirmed, shown at once without reloading the list. */
  setStock(productId: string, stock: number): void {
    this.list = this.list.map((product) => (product.id === productId ? { ...product, stock } : product));
  }
}

export const staffProducts = new StaffProducts();
