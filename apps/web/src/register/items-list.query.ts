// The item list's filters and page as they live in the address bar (so a link or the back button
// keeps them), as they go to GET /api/items, and as they are stored in a saved view.
import { ITEM_LIST_BOOKS, LEVELS, type Level } from '@bmnn/contracts';

export type ItemListBook = (typeof ITEM_LIST_BOOKS)[number];

/** The filters of GET /api/items (listItemsQuery without the page). */
export type ItemFilters = {
  q?: string;
  unitId?: string;
  level?: Level;
  status?: string;
  custodianId?: string;
  /** yyyy-mm-dd */
  protectionEndBefore?: string;
  withoutLocation?: boolean;
  book?: ItemListBook;
};

export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 20;

export type ItemListState = { filters: ItemFilters; page: number; pageSize: PageSize };

const TEXT_KEYS = ['q', 'unitId', 'status', 'custodianId', 'protectionEndBefore'] as const;

const isLevel = (v: unknown): v is Level => typeof v === 'string' && (LEVELS as readonly string[]).includes(v);
const isBook = (v: unknown): v is ItemListBook => typeof v === 'string' && (ITEM_LIST_BOOKS as readonly string[]).includes(v);

/**
 * Reads the filters from a saved view's query or from the address bar. Unknown keys and values
 * that are not one of the choices are dropped; free text is left for the server to validate.
 */
export function toFilters(source: Record<string, unknown>): ItemFilters {
  const filters: ItemFilters = {};
  for (const key of TEXT_KEYS) {
    const value = source[key];
    if (typeof value === 'string' && value.trim() !== '') filters[key] = value.trim();
  }
  if (isLevel(source.level)) filters.level = source.level;
  if (isBook(source.book)) filters.book = source.book;
  // A saved view stores the server's parsed value (a boolean); the address bar has the text.
  if (source.withoutLocation === true || source.withoutLocation === 'true') filters.withoutLocation = true;
  return filters;
}

/** The state of the list from the address bar's query string. */
export function parseListParams(params: URLSearchParams): ItemListState {
  const filters = toFilters(Object.fromEntries(params.entries()));
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    filters,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? (pageSize as PageSize) : DEFAULT_PAGE_SIZE,
  };
}

/** The query string of a state: only what is set, in a stable order; page 1 and the default size are left out. */
export function toListParams({ filters, page, pageSize }: ItemListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(toQuery(filters))) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  if (pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(pageSize));
  return params;
}

/** The filters as GET /api/items and POST /api/saved-views take them (withoutLocation as 'true'). */
export function toQuery(filters: ItemFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of [...TEXT_KEYS, 'level', 'book'] as const) {
    const value = filters[key];
    if (value) query[key] = value;
  }
  if (filters.withoutLocation) query.withoutLocation = 'true';
  return query;
}

export function hasFilters(filters: ItemFilters): boolean {
  return Object.keys(toQuery(filters)).length > 0;
}

/** A stable key of the filters, to compare a saved view with what is on screen. */
export function filtersKey(filters: ItemFilters): string {
  return toListParams({ filters, page: 1, pageSize: DEFAULT_PAGE_SIZE }).toString();
}
