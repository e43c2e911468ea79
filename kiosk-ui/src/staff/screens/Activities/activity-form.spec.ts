import { describe, expect, it } from 'vitest';
import { activityChanges, checkActivity, emptyForm, formOf, inListOrder, LIMITS } from './activity-form';

const river = { id: 'a1', name: '河道巡查', defaultPoints: 5, active: true };

describe('checkActivity', () => {
  it('takes a name and whole points in the server’s range, trimmed, full-width digits too', () => {
    expect(checkActivity({ name: '  河道巡查 ', kind: 'award', defaultPoints: '１２' })).toEqual({
      ok: true,
      body: { name: '河道巡查', defaultPoints: 12 },
    });
    expect(LIMITS).toEqual({ name: 40, points: { min: 1, max: 1000 } });
  });

  it('names each field that is wrong', () => {
    expect(checkActivity(emptyForm())).toEqual({
      ok: false,
      problems: { name: { kind: 'required' }, defaultPoints: { kind: 'required' } },
    });
    expect(checkActivity({ name: '巡'.repeat(41), kind: 'award', defaultPoints: '1001' })).toEqual({
      ok: false,
      problems: { name: { kind: 'tooLong', max: 40 }, defaultPoints: { kind: 'range', min: 1, max: 1000 } },
    });
    expect(checkActivity({ name: '巡查', kind: 'award', defaultPoints: '1.5' })).toEqual({
      ok: false,
      problems: { defaultPoints: { kind: 'wholeNumber' } },
    });
    expect(checkActivity({ name: '巡查', kind: 'deduct', defaultPoints: '0' })).toMatchObject({
      ok: false,
      problems: { defaultPoints: { kind: 'range' } },
    });
  });
});

describe('a deduction activity', () => {
  it('is typed as a number of points taken: the body carries them negative, and the form shows them so', () => {
    expect(checkActivity({ name: '门前三包扣分', kind: 'deduct', defaultPoints: '2' })).toEqual({
      ok: true,
      body: { name: '门前三包扣分', defaultPoints: -2 },
    });
    expect(checkActivity({ name: '扣分', kind: 'deduct', defaultPoints: '-2' })).toMatchObject({ ok: false });
    expect(formOf({ ...river, defaultPoints: -3 })).toEqual({ name: '河道巡查', kind: 'deduct', defaultPoints: '3' });
    expect(formOf(river)).toEqual({ name: '河道巡查', kind: 'award', defaultPoints: '5' });
  });
});

describe('activityChanges', () => {
  it('sends only what differs', () => {
    expect(activityChanges(river, { name: '河道巡查', defaultPoints: 8 })).toEqual({ defaultPoints: 8 });
    expect(activityChanges(river, { name: '河道清理', defaultPoints: 5 })).toEqual({ name: '河道清理' });
    expect(activityChanges(river, checkBody(formOf(river)))).toEqual({});
  });
});

describe('inListOrder', () => {
  it('puts the retired ones after the active ones, keeping the server’s order within each', () => {
    const old = { ...river, id: 'a0', name: '旧项目', active: false };
    const late = { ...river, id: 'a2', name: '新项目' };
    expect(inListOrder([old, river, late]).map((one) => one.id)).toEqual(['a1', 'a2', 'a0']);
  });
});

function checkBody(form: ReturnType<typeof formOf>) {
  const checked = checkActivity(form);
  if (!checked.ok) throw new Error('expected a valid form');
  return checked.body;
}
