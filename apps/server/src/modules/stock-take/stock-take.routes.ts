import type { FastifyInstance } from 'fastify';
import { closeStockTakeRequest, idSchema, markStockTakeLinesRequest, startStockTakeRequest } from '@bmnn/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { streamOf, writeBookPdf, writeBookXlsx } from '../books/books.export.ts';
import { closeStockTake, getStockTake, listStockTakes, markStockTakeLines, prepareStockTakeRecord, startStockTake } from './stock-take.usecases.ts';

type IdParams = { Params: { id: string } };
const listQuery = z.object({ unitId: idSchema('unt').optional() });
const recordQuery = z.object({ format: z.enum(['xlsx', 'pdf'], { error: 'Định dạng phải là xlsx hoặc pdf' }).default('xlsx') });

/** Stock-take (kiểm kê, LEGAL.md R6.1). */
export function registerStockTakeRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/stock-takes', async (request) => listStockTakes(ctx, { actor: requireActor(request), ...parseInput(listQuery, request.query) }));
  app.post('/api/stock-takes', async (request) => startStockTake(ctx, { actor: requireActor(request), input: parseInput(startStockTakeRequest, request.body) }));
  app.get<IdParams>('/api/stock-takes/:id', async (request) => ({ stockTake: await getStockTake(ctx, { actor: requireActor(request), stockTakeId: request.params.id }) }));
  app.post<IdParams>('/api/stock-takes/:id/lines', async (request) => markStockTakeLines(ctx, { actor: requireActor(request), stockTakeId: request.params.id, input: parseInput(markStockTakeLinesRequest, request.body) }));
  app.post<IdParams>('/api/stock-takes/:id/close', async (request) => closeStockTake(ctx, { actor: requireActor(request), stockTakeId: request.params.id, input: parseInput(closeStockTakeRequest, request.body ?? {}) }));
  app.get<IdParams>('/api/stock-takes/:id/record', async (request, reply) => {
    const actor = requireActor(request);
    const { format } = parseInput(recordQuery, request.query);
    const printout = await prepareStockTakeRecord(ctx, { actor, stockTakeId: request.params.id, format });
    reply.header('content-disposition', `attachment; filename="bien-ban-kiem-ke.${format}"`);
    reply.header('cache-control', 'no-store');
    reply.type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf');
    return reply.send(streamOf((out) => (format === 'xlsx' ? writeBookXlsx(printout, out) : writeBookPdf(printout, out))));
  });
}
