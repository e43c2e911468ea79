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

export function formatLocal(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
