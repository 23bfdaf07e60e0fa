// The danh mục BMNN endpoints (apps/server/src/modules/danh-muc): the legal lists of what is
// secret at which level, their import from a file, and the local suggestion helper.
import type { Level } from '@bmnn/contracts';
import { ApiError, http } from '../api/api.client.ts';
import { authApi } from '../api/api.endpoints.ts';

export type DanhMucDecision = {
  id: string;
  number: string;
  decidedOn: string;
  issuer: string;
  sector: string;
  validFrom: string;
  validTo: string | null;
  isSample: boolean;
  sourceNote: string | null;
  itemCount: number;
};
export type DanhMucItem = { id: string; decisionId: string; decisionNumber: string; itemNo: string; level: Level; text: string; keywords: string[]; isSample: boolean };
export type DanhMucSuggestion = { itemId: string; score: number; matched: string[]; level: Level; decisionNumber: string; itemNo: string; text: string };
export type ImportProblem = { row: number; column: string | null; message: string };
export type ImportAnswer = {
  report: { ok: boolean; problems: ImportProblem[]; rows: number };
  imported: { decisions: number; items: number } | null;
};

export const danhMucApi = {
  decisions: () => http.get<{ decisions: DanhMucDecision[] }>('/api/danh-muc/decisions'),
  items: (query: { decisionId?: string; q?: string; level?: Level }) => http.get<{ items: DanhMucItem[] }>('/api/danh-muc/items', query),
  suggest: (text: string) => http.post<{ suggestions: DanhMucSuggestion[] }>('/api/danh-muc/suggest', { text }),
  loadSamples: () => http.post<{ decisions: number; items: number }>('/api/danh-muc/samples'),
  /** Multipart upload; the CSRF token comes from the current session. */
  importFile: async (file: File, dryRun: boolean): Promise<ImportAnswer> => {
    const { csrfToken } = await authApi.getSession();
    const body = new FormData();
    body.append('file', file, file.name);
    let response: Response;
    try {
      response = await fetch(`/api/danh-muc/import?dryRun=${dryRun ? 'true' : 'false'}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
        body,
      });
    } catch {
      throw new ApiError({ code: 'network', status: 0, message: 'Không kết nối được với máy chủ BMNN. Kiểm tra mạng nội bộ rồi thử lại.' });
    }
    const payload = (await response.json().catch(() => null)) as (ImportAnswer & { error?: { code: string; message: string; details?: unknown } }) | null;
    if (response.ok && payload) return payload;
    const error = payload?.error;
    throw new ApiError({
      code: (error?.code as 'internal' | undefined) ?? 'internal',
      status: response.status,
      message: error?.message ?? `Máy chủ trả lời lỗi ${response.status}. Vui lòng thử lại sau.`,
      details: error?.details,
    });
  },
};
