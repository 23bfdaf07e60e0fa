import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { listPrintables, printItem } from './printables.usecases.ts';
import { printableErrors } from './printables.errors.ts';

/** Stamps, labels, records and requests of an item (LEGAL.md R4.5, R5.7, R7.3, R8.x, R9.x, R10.x). */
export function registerPrintableRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get<{ Params: { id: string } }>('/api/items/:id/printables', async (request) => listPrintables(ctx, { actor: requireActor(request), itemId: request.params.id }));
  app.get<{ Params: { id: string; file: string } }>('/api/items/:id/printables/:file', async (request, reply) => {
    const actor = requireActor(request);
    const match = /^([a-z-]+)\.(pdf|docx)$/.exec(request.params.file);
    if (!match) throw printableErrors.unknownKind();
    const { buffer, fileName, contentType } = await printItem(ctx, { actor, itemId: request.params.id, kind: match[1]!, format: match[2]! });
    reply.header('content-disposition', `attachment; filename="${fileName}"`);
    reply.header('cache-control', 'no-store');
    reply.type(contentType);
    return reply.send(buffer);
  });
}
