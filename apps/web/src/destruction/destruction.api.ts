// The destruction endpoints (apps/server/src/modules/destruction, LEGAL.md R10.1–R10.4).
import type {
  CouncilCandidate,
  DestructionCaseDetail,
  DestructionCaseItem,
  DestructionCaseSummary,
  ListDestructionsQuery,
  destructionCouncilRequest,
  destructionDecisionRequest,
  destructionExecutionRequest,
  destructionReportRequest,
  destructionReviewRequest,
  emergencyDestructionRequest,
  proposeDestructionRequest,
} from '@bmnn/contracts';
import type { z } from 'zod';
import { http } from '../api/api.client.ts';

const path = (id: string, step = '') => `/api/destructions/${encodeURIComponent(id)}${step}`;

export const destructionApi = {
  list: (query: ListDestructionsQuery = {}) => http.get<{ cases: DestructionCaseSummary[] }>('/api/destructions', query),
  get: (id: string) => http.get<{ case: DestructionCaseDetail; items: DestructionCaseItem[] }>(path(id)),
  propose: (body: z.output<typeof proposeDestructionRequest>) => http.post<{ caseId: string; status: string }>('/api/destructions', body),
  /** People the head may put on the council: with q, of every unit (R10.4); names and units only. */
  councilCandidates: (id: string, q?: string) => http.get<{ people: CouncilCandidate[] }>(path(id, '/council-candidates'), q ? { q } : {}),
  setCouncil: (id: string, body: z.output<typeof destructionCouncilRequest>) => http.post<{ status: string }>(path(id, '/council'), body),
  review: (id: string, body: z.output<typeof destructionReviewRequest>) => http.post<{ status: string }>(path(id, '/review'), body),
  decide: (id: string, body: z.output<typeof destructionDecisionRequest>) => http.post<{ status: string; legalBasis: string }>(path(id, '/decide'), body),
  execute: (id: string, body: z.output<typeof destructionExecutionRequest>) => http.post<{ status: string; destroyed: number }>(path(id, '/execute'), body),
  emergency: (body: z.output<typeof emergencyDestructionRequest>) => http.post<{ caseId: string; status: 'REPORT_DUE'; reportDue: string }>('/api/destructions/emergency', body),
  report: (id: string, body: z.output<typeof destructionReportRequest>) => http.post<{ status: 'REPORTED' }>(path(id, '/report'), body),
};
