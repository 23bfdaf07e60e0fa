// Stock-take endpoints (apps/server/src/modules/stock-take): rounds of kiểm kê (LEGAL.md R6.1).
import type { MarkStockTakeLinesRequest, StartStockTakeRequest, StockTake, StockTakeSummary } from '@bmnn/contracts';
import { http } from '../api/api.client.ts';

export const stockTakeApi = {
  list: (unitId: string) => http.get<{ stockTakes: StockTakeSummary[] }>('/api/stock-takes', { unitId }),
  get: (id: string) => http.get<{ stockTake: StockTake }>(`/api/stock-takes/${encodeURIComponent(id)}`),
  start: (body: StartStockTakeRequest) => http.post<{ stockTake: StockTake }>('/api/stock-takes', body),
  mark: (id: string, body: MarkStockTakeLinesRequest) => http.post<{ stockTake: StockTake }>(`/api/stock-takes/${encodeURIComponent(id)}/lines`, body),
  close: (id: string, note: string | null) => http.post<{ stockTake: StockTake }>(`/api/stock-takes/${encodeURIComponent(id)}/close`, { note }),
  recordUrl: (id: string, format: 'xlsx' | 'pdf') => `/api/stock-takes/${encodeURIComponent(id)}/record?format=${format}`,
};
