// Taking items out and providing them (apps/server/src/modules/release, LEGAL.md R8.1–R8.6).
import type { ReleaseRequestSummary, provisionRequest, releaseDecisionRequest, takeOutRequest } from '@bmnn/contracts';
import type { z } from 'zod';
import { http } from '../api/api.client.ts';

export const releaseApi = {
  list: (unitId?: string) => http.get<{ requests: ReleaseRequestSummary[] }>('/api/releases', { unitId }),
  takeOut: (body: z.output<typeof takeOutRequest>) => http.post<{ requestId: string; status: string }>('/api/take-outs', body),
  provide: (body: z.output<typeof provisionRequest>) => http.post<{ requestId: string; status: string }>('/api/provisions', body),
  decide: (id: string, body: z.output<typeof releaseDecisionRequest>) => http.post<{ status: string; legalBasis: string | null }>(`/api/releases/${encodeURIComponent(id)}/decide`, body),
  out: (id: string) => http.post<{ status: string }>(`/api/take-outs/${encodeURIComponent(id)}/out`),
  returned: (id: string) => http.post<{ status: string }>(`/api/take-outs/${encodeURIComponent(id)}/returned`),
};
