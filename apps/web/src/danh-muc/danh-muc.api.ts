// The danh mục BMNN endpoints (apps/server/src/modules/danh-muc): the legal lists of what is
// secret at which level, their import from a file, and the local suggestion helper.
import type { Level } from '@bmnn/contracts';
import { http } from '../api/api.client.ts';

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
  importFile: (file: File, dryRun: boolean) => http.upload<ImportAnswer>('/api/danh-muc/import', file, { dryRun: dryRun ? 'true' : 'false' }),
};
