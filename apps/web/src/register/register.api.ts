// The register endpoints (apps/server/src/modules/register): receiving, items, handover, books.
import type { BookView, CopyBookLine, Level, StatisticsView, HandOverRequest, HandoverBookLine, IncomingBookLine, Item, ItemTimelineEvent, OutgoingBookLine, receiveItemRequest } from '@bmnn/contracts';
import type { z } from 'zod';
import { http } from '../api/api.client.ts';

/** What the R7.5 condition check decided for a received envelope. */
export type ReceiveOutcome = 'REGISTERED' | 'NAMED_RECIPIENT_UNOPENED' | 'DEFECT_SENDER_NOTIFIED' | 'TAMPERING_REPORTED';
export type ReceiveResult = { itemId: string; bookSerial: number; outcomes: ReceiveOutcome[]; status: string };

export type BookSlug = 'den' | 'di' | 'chuyen-giao' | 'sao-chup' | 'thong-ke';
export type ExportFormat = 'xlsx' | 'pdf' | 'docx';
/** The query of a book page (bookViewQuery in @bmnn/contracts). */
export type BookQuery = { unitId: string; year: number; page: number; pageSize: number; level?: Level | undefined; q?: string | undefined };

export const registerApi = {
  receive: (body: z.output<typeof receiveItemRequest>) => http.post<ReceiveResult>('/api/register/receive', body),
  listItems: (q?: string) => http.get<{ items: Item[]; total: number; totalCapped?: true }>('/api/items', { q }),
  getItem: (id: string) => http.get<{ item: Item }>(`/api/items/${encodeURIComponent(id)}`),
  timeline: (id: string) => http.get<{ events: ItemTimelineEvent[] }>(`/api/items/${encodeURIComponent(id)}/events`),
  handOver: (id: string, body: HandOverRequest) => http.post<{ bookSerial: number }>(`/api/items/${encodeURIComponent(id)}/handover`, body),
  /** One page of a book on screen (the exports below stream the whole book). */
  incomingBook: (query: BookQuery) => http.get<BookView<IncomingBookLine>>('/api/books/den', query),
  handoverBook: (query: BookQuery) => http.get<BookView<HandoverBookLine>>('/api/books/chuyen-giao', query),
  outgoingBook: (query: BookQuery) => http.get<BookView<OutgoingBookLine>>('/api/books/di', query),
  copyBook: (query: BookQuery) => http.get<BookView<CopyBookLine>>('/api/books/sao-chup', query),
  statistics: (query: BookQuery) => http.get<StatisticsView>('/api/books/thong-ke', query),
};

/** A plain link for downloading a book: the browser sends the session cookie with it. */
export function bookExportUrl(book: BookSlug, { unitId, year, format }: { unitId: string; year: number; format: ExportFormat }): string {
  const params = new URLSearchParams({ unitId, year: String(year), format });
  return `/api/books/${book}/export?${params.toString()}`;
}
