// The register endpoints (apps/server/src/modules/register): receiving, items, handover, books.
import type { CopyBookLine, HandOverRequest, HandoverBookLine, IncomingBookLine, Item, ItemTimelineEvent, OutgoingBookLine, StatisticsLine, receiveItemRequest } from '@bmnn/contracts';
import type { z } from 'zod';
import { http } from '../api/api.client.ts';

/** What the R7.5 condition check decided for a received envelope. */
export type ReceiveOutcome = 'REGISTERED' | 'NAMED_RECIPIENT_UNOPENED' | 'DEFECT_SENDER_NOTIFIED' | 'TAMPERING_REPORTED';
export type ReceiveResult = { itemId: string; bookSerial: number; outcomes: ReceiveOutcome[]; status: string };

export type BookSlug = 'den' | 'di' | 'chuyen-giao' | 'sao-chup' | 'thong-ke';
export type ExportFormat = 'xlsx' | 'pdf' | 'docx';

export const registerApi = {
  receive: (body: z.output<typeof receiveItemRequest>) => http.post<ReceiveResult>('/api/register/receive', body),
  listItems: (q?: string) => http.get<{ items: Item[]; total: number; totalCapped?: true }>('/api/items', { q }),
  getItem: (id: string) => http.get<{ item: Item }>(`/api/items/${encodeURIComponent(id)}`),
  timeline: (id: string) => http.get<{ events: ItemTimelineEvent[] }>(`/api/items/${encodeURIComponent(id)}/events`),
  handOver: (id: string, body: HandOverRequest) => http.post<{ bookSerial: number }>(`/api/items/${encodeURIComponent(id)}/handover`, body),
  incomingBook: (unitId: string, year: number) => http.get<{ lines: IncomingBookLine[] }>('/api/books/den', { unitId, year }),
  handoverBook: (unitId: string, year: number) => http.get<{ lines: HandoverBookLine[] }>('/api/books/chuyen-giao', { unitId, year }),
  outgoingBook: (unitId: string, year: number) => http.get<{ lines: OutgoingBookLine[] }>('/api/books/di', { unitId, year }),
  copyBook: (unitId: string, year: number) => http.get<{ lines: CopyBookLine[] }>('/api/books/sao-chup', { unitId, year }),
  statistics: (unitId: string, year: number) => http.get<{ lines: StatisticsLine[] }>('/api/books/thong-ke', { unitId, year }),
};

/** A plain link for downloading a book: the browser sends the session cookie with it. */
export function bookExportUrl(book: BookSlug, { unitId, year, format }: { unitId: string; year: number; format: ExportFormat }): string {
  const params = new URLSearchParams({ unitId, year: String(year), format });
  return `/api/books/${book}/export?${params.toString()}`;
}
