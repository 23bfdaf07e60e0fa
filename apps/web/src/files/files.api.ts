// Files and archive (apps/server/src/modules/record-files) and the import of old registers
// (apps/server/src/modules/register-import).
import type { ArchiveTransfer, RecordFile, RecordFileItem, RecordFileStatus, RegisterImportAnswer, RegisterImportOptions, archiveTransferRequest, createRecordFileRequest } from '@bmnn/contracts';
import type { z } from 'zod';
import { http } from '../api/api.client.ts';
import { uploadForDownload } from '../api/api.upload.ts';

export type FileWithItems = { file: RecordFile; items: RecordFileItem[] };

export const filesApi = {
  list: (query: { unitId?: string; year?: number; status?: RecordFileStatus; q?: string }) => http.get<{ files: RecordFile[] }>('/api/files', query),
  create: (body: z.output<typeof createRecordFileRequest>) => http.post<{ file: RecordFile }>('/api/files', body),
  get: (id: string) => http.get<FileWithItems>(`/api/files/${encodeURIComponent(id)}`),
  addItems: (id: string, itemIds: string[]) => http.post<FileWithItems>(`/api/files/${encodeURIComponent(id)}/items`, { itemIds }),
  removeItems: (id: string, itemIds: string[], reason: string) => http.post<FileWithItems>(`/api/files/${encodeURIComponent(id)}/remove-items`, { itemIds, reason }),
  close: (id: string) => http.post<FileWithItems>(`/api/files/${encodeURIComponent(id)}/close`),
  transfer: (body: z.output<typeof archiveTransferRequest>) => http.post<{ transfer: ArchiveTransfer }>('/api/archive-transfers', body),
  getTransfer: (id: string) => http.get<{ transfer: ArchiveTransfer }>(`/api/archive-transfers/${encodeURIComponent(id)}`),
};

/** Plain links: the browser sends the session cookie; the server audits the printout. */
export const fileExportUrl = (id: string, format: 'xlsx' | 'pdf') => `/api/files/${encodeURIComponent(id)}/export?format=${format}`;
export const transferExportUrl = (id: string, format: 'xlsx' | 'pdf') => `/api/archive-transfers/${encodeURIComponent(id)}/export?format=${format}`;

export const registerImportApi = {
  run: (file: File, options: RegisterImportOptions) => http.upload<RegisterImportAnswer>('/api/register-import', file, undefined, { options: JSON.stringify(options) }),
  downloadReport: (file: File, options: RegisterImportOptions) => uploadForDownload('/api/register-import/report', { file, fields: { options: JSON.stringify(options) }, saveAs: 'bao-cao-loi-nhap-so.xlsx' }),
};
