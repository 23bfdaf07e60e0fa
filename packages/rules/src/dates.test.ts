import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addYears, compareDates, daysBetween, formatDateVi, isIsoDate, isWithin, makeDate } from './dates.ts';

const dateArb = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar dates', () => {
  it('accepts real yyyy-mm-dd dates and rejects impossible ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('01/03/2026')).toBe(false);
    expect(isIsoDate(20260301)).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2026-01-01', '2026-03-02')).toBe(60);
  });

  it('moves 29 February to 28 February or 1 March in a common year', () => {
    expect(addYears('2024-02-29', 10)).toBe('2034-02-28');
    expect(addYears('2024-02-29', 10, 'MAR_1')).toBe('2034-03-01');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('formats dd/mm/yyyy and refuses to build an impossible date', () => {
    expect(formatDateVi('2026-03-01')).toBe('01/03/2026');
    expect(() => makeDate(2025, 2, 29)).toThrow();
  });

  it('property: adding then subtracting days returns the same date', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: -20000, max: 20000 }), (d, n) => addDays(addDays(d, n), -n) === d));
  });

  it('property: daysBetween agrees with addDays and with the order of dates', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const e = addDays(d, n);
        return daysBetween(d, e) === n && Math.sign(compareDates(e, d)) === Math.sign(n);
      }),
    );
  });

  it('property: a date is within an open-ended range from itself', () => {
    fc.assert(fc.property(dateArb, (d) => isWithin(d, d, null) && isWithin(d, d, d) && !isWithin(d, addDays(d, 1), null)));
  });
});
