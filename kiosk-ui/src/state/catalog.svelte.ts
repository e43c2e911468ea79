import { api, type Product } from '../api/client';

/** The order categories are shown in; categories staff add later follow, by name. */
const CATEGORY_ORDER = ['粮油', '日化', '生活用品'];

export interface CategoryGroup {
  category: string;
  products: Product[];
}

/** The active products, refreshed on each visit so stock and prices are current. */
class Catalog {
  products = $state<Product[]>([]);
  loaded = $state(false);
  byId = $derived(new Map(this.products.map((product) => [product.id, product])));
  groups = $derived(groupByCategory(this.products));
  private preloaded = new Set<string>();

  async refresh(): Promise<boolean> {
    try {
      this.products = await api.catalog();
      this.loaded = true;
      this.preloadImages();
      return true;
    } catch {
      return false;
    }
  }

  /** Warms the browser cache so the Member screen shows its pictures at once. */
  private preloadImages(): void {
    for (const product of this.products) {
      if (!product.imageUrl || this.preloaded.has(product.imageUrl)) continue;
      this.preloaded.add(product.imageUrl);
      const image = new Image();
      image.decoding = 'async';
      image.src = product.imageUrl;
    }
  }
}

function groupByCategory(products: Product[]): CategoryGroup[] {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local scratch map in a pure function, never state
  const groups = new Map<string, Product[]>();
  for (const product of products) {
    if (!product.active) continue;
    const list = groups.get(product.category) ?? [];
    list.push(product);
    groups.set(product.category, list);
  }
  const rank = (category: string) => {
    const index = CATEGORY_ORDER.indexOf(category);
    return index < 0 ? CATEGORY_ORDER.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'))
    .map(([category, list]) => ({ category, products: list }));
}

export const catalog = new Catalog();
