/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so results never depend on the machine. */
import type { Duration } from '../language/ast.js';

const sums = new Map<string, string>();
const SUMS_MAX = 16384;

/** `date` plus (or minus) a duration; memoised, since the same deadlines recur across runs. */
export function addDuration(date: string, d: Duration, sign: 1 | -1 = 1): string {
  const key = `${date}|${sign * d.amount}|${d.unit}`;
  let r = sums.get(key);
  if (r === undefined) {
    r = computeSum(date, d, sign);
    if (sums.size >= SUMS_MAX) sums.clear();
    sums.set(key, r);
  }
  return r;
}

function computeSum(date: string, d: Duration, sign: 1 | -1): string {
  const t = new Date(`${date}T00:00:00Z`);
  const n = d.amount * sign;
  switch (d.unit) {
    case 'day':
      t.setUTCDate(t.getUTCDate() + n);
      break;
    case 'week':
      t.setUTCDate(t.getUTCDate() + 7 * n);
      break;
    case 'month': {
      const day = t.getUTCDate();
      t.setUTCDate(1);
      t.setUTCMonth(t.getUTCMonth() + n);
      const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
      t.setUTCDate(Math.min(day, last)); // 31 Jan + 1 month = 28/29 Feb
      break;
    }
    case 'year': {
      const month = t.getUTCMonth();
      t.setUTCFullYear(t.getUTCFullYear() + n);
      if (t.getUTCMonth() !== month) t.setUTCDate(0); // 29 Feb + 1 year = 28 Feb
      break;
    }
  }
  return t.toISOString().slice(0, 10);
}

export const maxDate = (a: string, b: string): string => (a > b ? a : b);
export const minDate = (a: string, b: string): string => (a < b ? a : b);
