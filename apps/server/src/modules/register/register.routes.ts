import type { FastifyInstance } from 'fastify';
import { adjustLevelRequest, bookViewQuery, declassifyRequest, createAuthorityRequest, createItemRequest, listItemsQuery, savedViewRequest, storageLocationRequest, extendItemRequest, grantRequest, handOverRequest, noticeSentRequest, proposeItemRequest, receiveItemRequest, registerOutgoingRequest } from '@bmnn/contracts';
import { extendItem, getDashboard, getItemNotices, markNoticeSent } from './register.periods.ts';
import { adjustLevel, declassifyItem } from './register.adjust.ts';
import { createAuthority, listAuthorities, determineItem, getEnvelopeLabels, proposeItem, registerOutgoing, sendItem } from './register.outgoing.ts';
import { z } from 'zod';
import { inTransaction, type AppContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { ITEM_SCOPE_ROLES } from '../access/access.policies.ts';
import { countBookLines, getCopyBook, getHandoverBook, getIncomingBook, getOutgoingBook, getStatistics, getStatisticsSummary, handOverItem, receiveItem } from './register.receive.ts';
import { prepareBookPrintout, PRINTABLE_BOOKS, type PrintableBook } from '../books/books.usecases.ts';
import { streamOf, writeBookPdf, writeBookXlsx } from '../books/books.export.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { createItem, deleteSavedView, getItem, getItemTimeline, grantItemAccess, listItems, listSavedViews, saveView, setStorageLocation } from './register.usecases.ts';

type IdParams = { Params: { id: string } };

export function registerRegisterRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/items', async (request) => createItem(ctx, { actor: requireActor(request), input: parseInput(createItemRequest, request.body) }));
  app.get('/api/items', async (request) => listItems(ctx, { actor: requireActor(request), query: parseInput(listItemsQuery, request.query) }));
  app.get<IdParams>('/api/items/:id/events', async (request) => getItemTimeline(ctx, { actor: requireActor(request), itemId: request.params.id }));
  app.post<IdParams>('/api/items/:id/location', async (request) => setStorageLocation(ctx, { actor: requireActor(request), itemId: request.params.id, ...parseInput(storageLocationRequest, request.body) }));
  app.get('/api/saved-views', async (request) => listSavedViews(ctx, { actor: requireActor(request) }));
  app.post('/api/saved-views', async (request) => saveView(ctx, { actor: requireActor(request), ...parseInput(savedViewRequest, request.body) }));
  app.delete<IdParams>('/api/saved-views/:id', async (request) => deleteSavedView(ctx, { actor: requireActor(request), viewId: request.params.id }));
  app.get<IdParams>('/api/items/:id', async (request) => getItem(ctx, { actor: requireActor(request), itemId: request.params.id }));
  app.post<IdParams>('/api/items/:id/grants', async (request) => {
    const input = parseInput(grantRequest, request.body);
    return grantItemAccess(ctx, { actor: requireActor(request), itemId: request.params.id, ...input });
  });
}

const bookQuery = z.object({ unitId: z.string().max(64), year: z.coerce.number().int().min(2000).max(2100) });
const exportQuery = bookQuery.extend({ format: z.enum(['xlsx', 'pdf', 'docx'], { error: 'Định dạng chỉ nhận xlsx, pdf hoặc docx' }) });

/** Receiving, handing over, and the books as projections (LEGAL.md R7.4–R7.7, §15). */
export function registerReceiveRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/register/receive', async (request) => receiveItem(ctx, { actor: requireActor(request), input: parseInput(receiveItemRequest, request.body) }));
  app.post<IdParams>('/api/items/:id/handover', async (request) => handOverItem(ctx, { actor: requireActor(request), itemId: request.params.id, input: parseInput(handOverRequest, request.body) }));
  for (const [slug, book, load] of [
    ['den', 'DEN', getIncomingBook],
    ['di', 'DI', getOutgoingBook],
    ['chuyen-giao', 'CHUYEN_GIAO', getHandoverBook],
    ['thong-ke', 'THONG_KE', getStatistics],
    ['sao-chup', 'SAO_CHUP', getCopyBook],
  ] as const) {
    app.get(`/api/books/${slug}`, async (request) => {
      const actor = requireActor(request);
      const { unitId, year, page, pageSize, level, q } = parseInput(bookViewQuery, request.query);
      // The books are kept by the clerk and read by the head of the unit.
      if (!ITEM_SCOPE_ROLES.some((r) => actor.roles.includes(r)) || !actor.scopeUnitIds.has(unitId)) throw errors.forbidden();
      // One page on screen (issue #3); the printouts below stream the whole book.
      const filter = { level, q };
      const loaded: { lines: unknown[]; total?: number } = await load(ctx, { actor, unitId, year, screen: { ...filter, offset: (page - 1) * pageSize, limit: pageSize } });
      const { lines } = loaded;
      let result;
      if (book === 'THONG_KE') {
        const summary = await getStatisticsSummary(ctx, { actor, unitId, year });
        // Unfiltered, the summary has counted the lines; filtered, the page did (or, past the end, a count).
        const total = !(level || q) ? summary.items : (loaded.total ?? (await countBookLines(ctx, { actor, unitId, year, book, filter })));
        result = { lines, total, page, pageSize, summary };
      } else {
        result = { lines, total: await countBookLines(ctx, { actor, unitId, year, book, filter }), page, pageSize };
      }
      await inTransaction(ctx, ({ audit }) => audit({ type: 'book.viewed', chain: unitId, actorId: actor.accountId, data: { book, year } }));
      return result;
    });
  }
  app.get<{ Params: { book: string } }>('/api/books/:book/export', async (request, reply) => {
    const actor = requireActor(request);
    const book = request.params.book;
    if (!(book in PRINTABLE_BOOKS)) throw errors.notFound();
    const { unitId, year, format } = parseInput(exportQuery, request.query);
    if (!ITEM_SCOPE_ROLES.some((r) => actor.roles.includes(r)) || !actor.scopeUnitIds.has(unitId)) throw errors.forbidden();
    const printout = await prepareBookPrintout(ctx, { actor, book: book as PrintableBook, unitId, year, format });
    const fileName = `so-${book}-${year}.${format}`;
    reply.header('content-disposition', `attachment; filename="${fileName}"`);
    reply.header('cache-control', 'no-store');
    if (format === 'docx') return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(await (await import('../books/books.docx.ts')).buildBookDocx(printout));
    reply.type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf');
    return reply.send(streamOf((out) => (format === 'xlsx' ? writeBookXlsx(printout, out) : writeBookPdf(printout, out))));
  });
}

/** Determination and outgoing registration (LEGAL.md R4.1, R4.2, R7.2, R7.3). */
export function registerOutgoingRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/authorities', async (request) => createAuthority(ctx, { actor: requireActor(request), input: parseInput(createAuthorityRequest, request.body) }));
  app.get('/api/authorities', async (request) => listAuthorities(ctx, { actor: requireActor(request), ...parseInput(z.object({ personId: z.string().max(64).optional() }), request.query) }));
  app.post('/api/register/propose', async (request) => proposeItem(ctx, { actor: requireActor(request), input: parseInput(proposeItemRequest, request.body) }));
  app.post<IdParams>('/api/items/:id/determine', async (request) => determineItem(ctx, { actor: requireActor(request), itemId: request.params.id }));
  app.post<IdParams>('/api/items/:id/register-outgoing', async (request) => registerOutgoing(ctx, { actor: requireActor(request), itemId: request.params.id, input: parseInput(registerOutgoingRequest, request.body) }));
  app.post<IdParams>('/api/items/:id/send', async (request) => sendItem(ctx, { actor: requireActor(request), itemId: request.params.id }));
  app.get<IdParams>('/api/items/:id/envelope', async (request) => getEnvelopeLabels(ctx, { actor: requireActor(request), itemId: request.params.id }));
}

/** Protection periods and the dashboard (LEGAL.md R9.2, R9.4). */
export function registerPeriodRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post<IdParams>('/api/items/:id/extend', async (request) => extendItem(ctx, { actor: requireActor(request), itemId: request.params.id, input: parseInput(extendItemRequest, request.body) }));
  app.post<IdParams>('/api/notices/:id/sent', async (request) => markNoticeSent(ctx, { actor: requireActor(request), noticeId: request.params.id, input: parseInput(noticeSentRequest, request.body) }));
  app.get('/api/dashboard', async (request) => getDashboard(ctx, { actor: requireActor(request) }));
  app.get<IdParams>('/api/items/:id/notices', async (request) => getItemNotices(ctx, { actor: requireActor(request), itemId: request.params.id }));
}

/** Level adjustment and declassification by decision (LEGAL.md R9.3, R9.5). */
export function registerAdjustRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post<IdParams>('/api/items/:id/adjust-level', async (request) => adjustLevel(ctx, { actor: requireActor(request), itemId: request.params.id, input: parseInput(adjustLevelRequest, request.body) }));
  app.post<IdParams>('/api/items/:id/declassify', async (request) => declassifyItem(ctx, { actor: requireActor(request), itemId: request.params.id, input: parseInput(declassifyRequest, request.body) }));
}
