/** A product as the stocktake sees it: what the books say is on the shelf. */
export interface BookStock {
  id: string;
  name: string;
  stock: number;
}

/** A counted product whose count differs from the books. */
export interface Difference {
  productId: string;
  name: string;
  stock: number;
  counted: number;
  /** counted − stock: positive when more was found than the books say. */
  delta: number;
}

/** Counts typed so far, by product id; a product not counted is absent. */
export type Counts = ReadonlyMap<string, number>;

/** The counted products that differ from the books, in the order of the list. */
export function differences(products: readonly BookStock[], counts: Counts): Difference[] {
  const found: Difference[] = [];
  for (const product of products) {
    const counted = counts.get(product.id);
    if (counted === undefined || counted === product.stock) continue;
    found.push({
      productId: product.id,
      name: product.name,
      stock: product.stock,
      counted,
      delta: counted - product.stock,
    });
  }
  return found;
}

/** How many counted products match the books. */
export function unchangedCount(products: readonly BookStock[], counts: Counts): number {
  return products.filter((product) => counts.get(product.id) === product.stock).length;
}

/** Units found above and below the books, for the review's summary line. */
export function totals(diffs: readonly Difference[]): { more: number; less: number } {
  let more = 0;
  let less = 0;
  for (const diff of diffs) {
    if (diff.delta > 0) more += diff.delta;
    else less -= diff.delta;
  }
  return { more, less };
}

/**
 * What is sent to the server: every counted product still in the list (also those that match,
 * so the record says they were checked). Products removed meanwhile are left out.
 */
export function countsToSave(products: readonly BookStock[], counts: Counts): { productId: string; counted: number }[] {
  return products
    .filter((product) => counts.has(product.id))
    .map((product) => ({ productId: product.id, counted: counts.get(product.id)! }));
}

/** The next product after `currentId` in the list that is not counted yet (wrapping), or null. */
export function nextUncounted(products: readonly BookStock[], counts: Counts, currentId: string | null): string | null {
  const start = currentId === null ? -1 : products.findIndex((product) => product.id === currentId);
  for (let step = 1; step <= products.length; step++) {
    const product = products[(start + step + products.length) % products.length]!;
    if (!counts.has(product.id)) return product.id;
  }
  return null;
}
