// The item list with its filters and a page from the server (GET /api/items), and the person's
// saved views of it (GET|POST /api/saved-views, DELETE /api/saved-views/:id).
import type { Item, SavedView } from '@bmnn/contracts';
import { http, request } from '../api/api.client.ts';

export type ItemPage = { items: Item[]; total: number; totalCapped?: true };

export const itemListApi = {
  list: (query: Record<string, string>, page: number, pageSize: number) => http.get<ItemPage>('/api/items', { ...query, page, pageSize }),
  savedViews: () => http.get<{ views: SavedView[] }>('/api/saved-views'),
  saveView: (name: string, query: Record<string, string>) => http.post<{ view: SavedView }>('/api/saved-views', { name, query }),
  deleteView: (id: string) => request<{ ok: true }>({ method: 'DELETE', path: `/api/saved-views/${encodeURIComponent(id)}` }),
};
