// Calendar dates as `yyyy-mm-dd` strings, computed in UTC so that no time zone or daylight
// saving can move a legal deadline by a day. Every date of the law is a whole day.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True when `value` is a real calendar date written `yyyy-mm-dd`. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function ensureIsoDate(value: string): [number, number, number] {
  if (!isIsoDate(value)) throw new TypeError(`Not a yyyy-mm-dd date: ${value}`);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function toUtcMs(value: IsoDate): number {
  const [y, m, d] = ensureIsoDate(value);
  return Date.UTC(y, m - 1, d);
}

/** `yyyy-mm-dd` from year, month (1–12) and day. */
export function makeDate(year: number, month: number, day: number): IsoDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  ensureIsoDate(date);
  return date;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** What becomes of 29 February when the target year has none. */
export type LeapDayPolicy = 'FEB_28' | 'MAR_1';

/** Same calendar date `years` later; 29 February follows `leapDay` in a common year. */
export function addYears(date: IsoDate, years: number, leapDay: LeapDayPolicy = 'FEB_28'): IsoDate {
  const [y, m, d] = ensureIsoDate(date);
  const target = y + years;
  if (m === 2 && d === 29 && !isLeapYear(target)) {
    return leapDay === 'FEB_28' ? makeDate(target, 2, 28) : makeDate(target, 3, 1);
  }
  return makeDate(target, m, d);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Negative, zero or positive like a comparator. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toUtcMs(a) - toUtcMs(b);
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) > 0;
}

/** True when `date` lies in [from, to]; a null `to` is open-ended. */
export function isWithin(date: IsoDate, from: IsoDate, to: IsoDate | null): boolean {
  return compareDates(date, from) >= 0 && (to === null || compareDates(date, to) <= 0);
}

/** dd/mm/yyyy, the way every Vietnamese paper shows a date. */
export function formatDateVi(date: IsoDate): string {
  const [y, m, d] = ensureIsoDate(date);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}
