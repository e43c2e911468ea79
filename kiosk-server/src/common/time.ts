import { DomainError } from './domain-error';

/** Local calendar month [start, end) of a moment, as ISO strings comparable with stored timestamps. */
export function monthRange(at: Date): { from: string; to: string } {
  const start = new Date(at.getFullYear(), at.getMonth(), 1);
  const end = new Date(at.getFullYear(), at.getMonth() + 1, 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** A local date `YYYY-MM-DD` as the ISO instant of its local midnight. */
export function localDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/**
 * The instants [start, end) covering the local days `from` to `to`, both inclusive; either may be
 * left out for an open end. Stored timestamps are ISO strings, so the bounds compare as text.
 */
export function localDayRange(from?: string, to?: string): { start: string; end: string } {
  for (const day of [from, to]) {
    if (day !== undefined && !isCalendarDay(day)) throw DomainError.validation(`${day} is not a date.`);
  }
  if (from && to && from > to) throw DomainError.validation('from must not be after to.');
  return { start: from ? localDayStart(from) : '', end: to ? nextLocalDayStart(to) : '\uffff' };
}

/** The local midnight after the day `YYYY-MM-DD`, as an ISO instant. */
export function nextLocalDayStart(day: string): string {
  const date = new Date(localDayStart(day));
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

function isCalendarDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

export function formatLocal(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
