import type { FastifyInstance } from 'fastify';
import { archiveTransferRequest, createRecordFileRequest, fileItemsRequest, listRecordFilesQuery, recordFileExportQuery, removeFileItemsRequest } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { streamOf, writeBookPdf, writeBookXlsx, type BookPrintout } from '../books/books.export.ts';
import { prepareFileListPrintout, prepareTransferPrintout } from './record-files.export.ts';
import { addFileItems, closeRecordFile, createRecordFile, getArchiveTransfer, getRecordFile, listRecordFiles, removeFileItems, transferToArchive } from './record-files.usecases.ts';

type IdParams = { Params: { id: string } };

/** Files (hồ sơ) and their transfer to the agency's archive (nộp lưu). */
export function registerRecordFileRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/files', async (request) => listRecordFiles(ctx, { actor: requireActor(request), query: parseInput(listRecordFilesQuery, request.query) }));
  app.post('/api/files', async (request) => createRecordFile(ctx, { actor: requireActor(request), input: parseInput(createRecordFileRequest, request.body) }));
  app.get<IdParams>('/api/files/:id', async (request) => getRecordFile(ctx, { actor: requireActor(request), fileId: request.params.id }));
  app.post<IdParams>('/api/files/:id/items', async (request) => addFileItems(ctx, { actor: requireActor(request), fileId: request.params.id, ...parseInput(fileItemsRequest, request.body) }));
  app.post<IdParams>('/api/files/:id/remove-items', async (request) => removeFileItems(ctx, { actor: requireActor(request), fileId: request.params.id, ...parseInput(removeFileItemsRequest, request.body) }));
  app.post<IdParams>('/api/files/:id/close', async (request) => closeRecordFile(ctx, { actor: requireActor(request), fileId: request.params.id }));
  app.post('/api/archive-transfers', async (request) => transferToArchive(ctx, { actor: requireActor(request), input: parseInput(archiveTransferRequest, request.body) }));
  app.get<IdParams>('/api/archive-transfers/:id', async (request) => getArchiveTransfer(ctx, { actor: requireActor(request), transferId: request.params.id }));

  const send = (reply: import('fastify').FastifyReply, printout: BookPrintout, format: 'xlsx' | 'pdf', name: string) => {
    reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
    reply.header('cache-control', 'no-store');
    reply.type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf');
    return reply.send(streamOf((out) => (format === 'xlsx' ? writeBookXlsx(printout, out) : writeBookPdf(printout, out))));
  };
  app.get<IdParams>('/api/files/:id/export', async (request, reply) => {
    const { format } = parseInput(recordFileExportQuery, request.query);
    const { printout } = await prepareFileListPrintout(ctx, { actor: requireActor(request), fileId: request.params.id, format });
    return send(reply, printout, format, 'muc-luc-ho-so');
  });
  app.get<IdParams>('/api/archive-transfers/:id/export', async (request, reply) => {
    const { format } = parseInput(recordFileExportQuery, request.query);
    const { printout } = await prepareTransferPrintout(ctx, { actor: requireActor(request), transferId: request.params.id, format });
    return send(reply, printout, format, 'bien-ban-nop-luu');
  });
}
