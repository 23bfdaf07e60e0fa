import { describe, expect, it } from 'vitest';
import { describeTypedDate } from './items-filters.component.tsx';
import { filtersKey, parseListParams, toFilters, toListParams, toQuery } from './items-list.query.ts';

describe('the item list state in the address bar', () => {
  it('keeps every filter, the page and the page size through the query string', () => {
    const state = {
      filters: { q: 'bi mat', unitId: 'unt_a', level: 'TOI_MAT' as const, status: 'RECEIVED', custodianId: 'psn_b', protectionEndBefore: '2026-12-31', withoutLocation: true, book: 'DEN' as const },
      page: 3,
      pageSize: 50 as const,
    };
    expect(parseListParams(new URLSearchParams(toListParams(state).toString()))).toEqual(state);
  });

  it('leaves out page 1, the default page size and empty filters', () => {
    expect(toListParams({ filters: { q: '' }, page: 1, pageSize: 20 }).toString()).toBe('');
  });

  it('drops a level, book or page size that is not one of the choices, and a page below 1', () => {
    const state = parseListParams(new URLSearchParams('level=SECRET&book=XYZ&pageSize=7&page=-2&status=LOST'));
    expect(state).toEqual({ filters: { status: 'LOST' }, page: 1, pageSize: 20 });
  });

  it('reads a saved view as the server stored it (withoutLocation as a boolean) and compares it with the address bar', () => {
    const saved = toFilters({ level: 'MAT', withoutLocation: true, unknown: 'x' });
    expect(saved).toEqual({ level: 'MAT', withoutLocation: true });
    expect(toQuery(saved)).toEqual({ level: 'MAT', withoutLocation: 'true' });
    expect(filtersKey(saved)).toBe(filtersKey(parseListParams(new URLSearchParams('withoutLocation=true&level=MAT')).filters));
    expect(toFilters({ withoutLocation: false })).toEqual({});
  });
});

describe('a typed date filter', () => {
  it('accepts dd/mm/yyyy and an empty box, and says in Vietnamese what is wrong otherwise', () => {
    expect(describeTypedDate('31/12/2026')).toBeUndefined();
    expect(describeTypedDate('  ')).toBeUndefined();
    expect(describeTypedDate('31/02/2026')).toContain('Ngày không hợp lệ');
    expect(describeTypedDate('2026-12-31')).toContain('dd/mm/yyyy');
  });
});
