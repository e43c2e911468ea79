import { describe, expect, it } from 'vitest';
import type { StaffProduct } from '../../api';
import { categoriesOf, checkProduct, emptyForm, formOf, imageProblem, productChanges } from './product-form';

const oil: StaffProduct = {
  id: '019ac2f0-5c1e-7a3b-9f00-000000000007',
  name: '食用油 5L',
  category: '粮油',
  pricePoints: 30,
  stock: 12,
  imageUrl: '/images/products/oil.svg',
  monthlyLimit: 1,
  lowStockThreshold: 5,
  active: true,
  barcode: null,
};

describe('catalogue form', () => {
  it('turns a filled-in new product into the body the server takes, empty limit and barcode as none', () => {
    const form = { ...emptyForm('粮油'), name: ' 大米 10kg ', pricePoints: '５0', stock: '8' };
    expect(checkProduct(form, true)).toEqual({
      ok: true,
      body: {
        name: '大米 10kg',
        category: '粮油',
        pricePoints: 50,
        monthlyLimit: null,
        lowStockThreshold: 5,
        barcode: null,
        active: true,
        stock: 8,
      },
    });
  });

  it('names every field that is wrong, with the limits it must keep', () => {
    const form = {
      ...emptyForm(''),
      name: '   ',
      pricePoints: '0',
      monthlyLimit: '2.5',
      lowStockThreshold: '',
      barcode: '12345',
      stock: '-1',
    };
    expect(checkProduct(form, true)).toEqual({
      ok: false,
      problems: {
        name: { kind: 'required' },
        category: { kind: 'required' },
        pricePoints: { kind: 'range', min: 1, max: 100000 },
        monthlyLimit: { kind: 'wholeNumber' },
        lowStockThreshold: { kind: 'required' },
        barcode: { kind: 'barcode' },
        stock: { kind: 'wholeNumber' },
      },
    });
    expect(checkProduct({ ...formOf(oil), name: '油'.repeat(41) }, false)).toMatchObject({
      ok: false,
      problems: { name: { kind: 'tooLong', max: 40 } },
    });
  });

  it('does not check or send the stock when editing: stock changes go through receiving and stocktakes', () => {
    const checked = checkProduct({ ...formOf(oil), stock: 'x' }, false);
    expect(checked.ok && 'stock' in checked.body).toBe(false);
  });

  it('sends only what an edit changed', () => {
    const checked = checkProduct({ ...formOf(oil), pricePoints: '28', barcode: '6901234567892' }, false);
    if (!checked.ok) throw new Error('form refused');
    expect(productChanges(oil, checked.body)).toEqual({ pricePoints: 28, barcode: '6901234567892' });
    const same = checkProduct(formOf(oil), false);
    if (!same.ok) throw new Error('form refused');
    expect(productChanges(oil, same.body)).toEqual({});
    const cleared = checkProduct({ ...formOf(oil), monthlyLimit: '', active: false }, false);
    if (!cleared.ok) throw new Error('form refused');
    expect(productChanges(oil, cleared.body)).toEqual({ monthlyLimit: null, active: false });
  });

  it('refuses pictures the server would refuse: other types, more than 8 MiB', () => {
    expect(imageProblem({ type: 'image/png', size: 8 * 1024 * 1024 })).toBeNull();
    expect(imageProblem({ type: 'image/svg+xml', size: 100 })).toBe('imageType');
    expect(imageProblem({ type: 'image/jpeg', size: 8 * 1024 * 1024 + 1 })).toBe('imageSize');
  });

  it('suggests the categories in use, most used first', () => {
    const products = [
      oil,
      { ...oil, id: '019ac2f0-5c1e-7a3b-9f00-000000000008' },
      { ...oil, id: '019ac2f0-5c1e-7a3b-9f00-000000000009', category: '日化' },
    ];
    expect(categoriesOf(products)).toEqual(['粮油', '日化']);
  });
});
