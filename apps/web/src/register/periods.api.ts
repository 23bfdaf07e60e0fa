// Protection periods after determination (apps/server/src/modules/register, LEGAL.md R9.2–R9.5).
import type { Dashboard, Level, adjustLevelRequest, declassifyRequest, extendItemRequest, noticeSentRequest } from '@bmnn/contracts';
import type { z } from 'zod';
import { http } from '../api/api.client.ts';

const item = (id: string, step: string) => `/api/items/${encodeURIComponent(id)}/${step}`;

export const periodsApi = {
  extend: (id: string, body: z.output<typeof extendItemRequest>) => http.post<{ protectionEnd: string; label: string; notifyBy: string }>(item(id, 'extend'), body),
  adjustLevel: (id: string, body: z.output<typeof adjustLevelRequest>) => http.post<{ level: Level; direction: 'RAISE' | 'LOWER'; protectionEnd: string; notifyBy: string }>(item(id, 'adjust-level'), body),
  declassify: (id: string, body: z.output<typeof declassifyRequest>) => http.post<{ status: string; notifyBy: string; label: string }>(item(id, 'declassify'), body),
  markNoticeSent: (noticeId: string, body: z.output<typeof noticeSentRequest>) => http.post<{ ok: true }>(`/api/notices/${encodeURIComponent(noticeId)}/sent`, body),
  dashboard: () => http.get<Dashboard>('/api/dashboard'),
  /** The dashboard's lists for one item only (404 when the reader may not see it). */
  itemNotices: (id: string) => http.get<Dashboard>(item(id, 'notices')),
};
