import { limits } from '../../../api/limits';
import type { ProductInput, ProductPatch, StaffProduct } from '../../api';
import { changedFields, type FieldProblem, optionalWholeNumber, textField, wholeNumber } from '../../forms';

/** The catalogue form as typed: numbers are text until checked. */
export interface ProductForm {
  name: string;
  category: string;
  pricePoints: string;
  monthlyLimit: string;
  lowStockThreshold: string;
  barcode: string;
  active: boolean;
  /** Only when adding a product: its first stock (later stock changes go through Receive / Stocktake). */
  stock: string;
}

export type ProductField = Exclude<keyof ProductForm, 'active'>;

/** Extra problems of the catalogue beyond the common ones (words: `catalog.problem.<kind>`). */
export type ProductProblem = FieldProblem | { kind: 'barcode' };

const product = limits.CreateProductDto;

/** The server's limits (CreateProductDto, from its OpenAPI document; the picture's size from its upload route). */
export const LIMITS = {
  name: product.name.maxLength,
  category: product.category.maxLength,
  price: { min: product.pricePoints.minimum, max: product.pricePoints.maximum },
  monthlyLimit: { min: product.monthlyLimit.minimum, max: product.monthlyLimit.maximum },
  threshold: { min: product.lowStockThreshold.minimum, max: product.lowStockThreshold.maximum },
  stock: { min: product.stock.minimum, max: product.stock.maximum },
  imageBytes: 8 * 1024 * 1024,
} as const;

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** A maker's barcode: digits only, as many as the server takes. */
const BARCODE = new RegExp(`^\\d{${product.barcode.minLength},${product.barcode.maxLength}}$`);

export function emptyForm(category = ''): ProductForm {
  return {
    name: '',
    category,
    pricePoints: '',
    monthlyLimit: '',
    lowStockThreshold: '5',
    barcode: '',
    active: true,
    stock: '0',
  };
}

export function formOf(product: StaffProduct): ProductForm {
  return {
    name: product.name,
    category: product.category,
    pricePoints: String(product.pricePoints),
    monthlyLimit: product.monthlyLimit === null ? '' : String(product.monthlyLimit),
    lowStockThreshold: String(product.lowStockThreshold),
    barcode: product.barcode ?? '',
    active: product.active,
    stock: String(product.stock),
  };
}

export type ProductCheck =
  { ok: true; body: ProductInput } | { ok: false; problems: Partial<Record<ProductField, ProductProblem>> };

/** The form checked field by field; when all is well, the body the server takes. */
export function checkProduct(form: ProductForm, creating: boolean): ProductCheck {
  const problems: Partial<Record<ProductField, ProductProblem>> = {};
  const name = textField(form.name, LIMITS.name, true);
  const category = textField(form.category, LIMITS.category, true);
  const price = wholeNumber(form.pricePoints, LIMITS.price.min, LIMITS.price.max);
  const limit = optionalWholeNumber(form.monthlyLimit, LIMITS.monthlyLimit.min, LIMITS.monthlyLimit.max);
  const threshold = wholeNumber(form.lowStockThreshold, LIMITS.threshold.min, LIMITS.threshold.max);
  const stock = creating ? wholeNumber(form.stock, LIMITS.stock.min, LIMITS.stock.max) : null;
  const barcode = form.barcode.replace(/\s/g, '');
  if (!name.ok) problems.name = name.problem;
  if (!category.ok) problems.category = category.problem;
  if (!price.ok) problems.pricePoints = price.problem;
  if (!limit.ok) problems.monthlyLimit = limit.problem;
  if (!threshold.ok) problems.lowStockThreshold = threshold.problem;
  if (stock && !stock.ok) problems.stock = stock.problem;
  if (barcode !== '' && !BARCODE.test(barcode)) problems.barcode = { kind: 'barcode' };
  if (!name.ok || !category.ok || !price.ok || !limit.ok || !threshold.ok || (stock && !stock.ok) || problems.barcode)
    return { ok: false, problems };
  return {
    ok: true,
    body: {
      name: name.value,
      category: category.value,
      pricePoints: price.value,
      monthlyLimit: limit.value,
      lowStockThreshold: threshold.value,
      barcode: barcode === '' ? null : barcode,
      active: form.active,
      ...(stock?.ok && stock.value > 0 ? { stock: stock.value } : {}),
    },
  };
}

/** What an edit changes: only the fields that differ from the product as it is. */
export function productChanges(product: StaffProduct, body: ProductInput): ProductPatch {
  const { stock: _stock, ...fields } = body;
  return changedFields<ProductPatch>(product, fields);
}

export type ImageProblem = 'imageType' | 'imageSize';

/** A chosen picture the server would refuse, told before it is sent. */
export function imageProblem(file: { type: string; size: number }): ImageProblem | null {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return 'imageType';
  if (file.size > LIMITS.imageBytes) return 'imageSize';
  return null;
}

/** The categories already in use, most used first, for the category suggestions. */
export function categoriesOf(products: readonly StaffProduct[]): string[] {
  const counts = new Map<string, number>();
  for (const product of products) counts.set(product.category, (counts.get(product.category) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).map(([name]) => name);
}
