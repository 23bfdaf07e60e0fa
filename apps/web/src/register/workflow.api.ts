// The register's workflow endpoints used by the item page, the proposal, the envelope labels and
// the "việc cần làm" dashboard (apps/server/src/modules/{copies,register}).
import type { CopyRequestSummary, Dashboard, Device, Item, storageLocationRequest, ListCopyRequestsQuery, copyDecisionRequest, copyExecutionRequest, copyRequestRequest, proposeItemRequest, registerOutgoingRequest } from '@bmnn/contracts';
import type { z } from 'zod';
import { http } from '../api/api.client.ts';

const item = (id: string) => `/api/items/${encodeURIComponent(id)}`;
const copyRequest = (id: string) => `/api/copy-requests/${encodeURIComponent(id)}`;

/** One envelope label (R7.3): text lines and stamps (level, A/B/C mark, "Chỉ người có tên mới được bóc bì"). */
export type EnvelopeLabel = { lines: string[]; stamps: string[] };
export type EnvelopeLabels = { level: string; labels: Array<{ recipient: string; inner: EnvelopeLabel | null; outer: EnvelopeLabel }> };

export const copiesApi = {
  list: (query: ListCopyRequestsQuery = {}) => http.get<{ requests: CopyRequestSummary[] }>('/api/copy-requests', query),
  request: (itemId: string, body: z.output<typeof copyRequestRequest>) => http.post<{ requestId: string; status: string }>(`${item(itemId)}/copy-requests`, body),
  decide: (requestId: string, body: z.output<typeof copyDecisionRequest>) => http.post<{ status: string; legalBasis: string | null }>(`${copyRequest(requestId)}/decide`, body),
  execute: (requestId: string, body: z.output<typeof copyExecutionRequest>) =>
    http.post<{ copies: Array<{ itemId: string; label: string }>; bookSerial: number; remaining: number }>(`${copyRequest(requestId)}/execute`, body),
  /** Devices in use that are approved for copying and photographing (R5.5, R12.1). */
  devices: (unitId: string, use: 'COPY' | 'DRAFT_STORE' = 'COPY') => http.get<{ devices: Device[]; total: number }>('/api/devices', { unitId, use, status: 'IN_USE' }),
};

export const outgoingApi = {
  propose: (body: z.output<typeof proposeItemRequest>) => http.post<{ itemId: string; level: string; citedRefs: string[]; trichYeuStored: boolean }>('/api/register/propose', body),
  determine: (itemId: string) => http.post<{ status: string; protectionEnd: string; protectionLabel: string; legalBasis: string }>(`${item(itemId)}/determine`),
  registerOutgoing: (itemId: string, body: z.output<typeof registerOutgoingRequest>) => http.post<{ bookSerial: number; envelopeMark: string; doubleEnvelope: boolean }>(`${item(itemId)}/register-outgoing`, body),
  send: (itemId: string) => http.post<{ status: string }>(`${item(itemId)}/send`),
  envelope: (itemId: string) => http.get<EnvelopeLabels>(`${item(itemId)}/envelope`),
};

/** R6.1: where the item is kept (room, cabinet, safe). */
export const storageApi = {
  setLocation: (itemId: string, body: z.output<typeof storageLocationRequest>) => http.post<{ item: Item }>(`${item(itemId)}/location`, body),
};

export const dashboardApi = {
  get: () => http.get<Dashboard>('/api/dashboard'),
};
