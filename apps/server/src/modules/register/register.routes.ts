import type { FastifyInstance } from 'fastify';
import { createItemRequest, grantRequest, handOverRequest, receiveItemRequest } from '@bmnn/contracts';
import { z } from 'zod';
import { inTransaction, type AppContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { ITEM_SCOPE_ROLES } from '../access/access.policies.ts';
import { getHandoverBook, getIncomingBook, handOverItem, receiveItem } from './register.receive.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { createItem, getItem, grantItemAccess, listItems } from './register.usecases.ts';

const listQuery = z.object({ q: z.string().trim().max(300).optional() });
type IdParams = { Params: { id: string } };

export function registerRegisterRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/items', async (request) => createItem(ctx, { actor: requireActor(request), input: parseInput(createItemRequest, request.body) }));
  app.get('/api/items', async (request) => {
    const { q } = parseInput(listQuery, request.query);
    return listItems(ctx, { actor: requireActor(request), ...(q ? { q } : {}) });
  });
  app.get<IdParams>('/api/items/:id', async (request) => getItem(ctx, { actor: requireActor(request), itemId: request.params.id }));
  app.post<IdParams>('/api/items/:id/grants', async (request) => {
    const input = parseInput(grantRequest, request.body);
    return grantItemAccess(ctx, { actor: requireActor(request), itemId: request.params.id, ...input });
  });
}

const bookQuery = z.object({ unitId: z.string().max(64), year: z.coerce.number().int().min(2000).max(2100) });

/** Receiving, handing over, and the books as projections (LEGAL.md R7.4–R7.7, §15). */
export function registerReceiveRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/register/receive', async (request) => receiveItem(ctx, { actor: requireActor(request), input: parseInput(receiveItemRequest, request.body) }));
  app.post<IdParams>('/api/items/:id/handover', async (request) => handOverItem(ctx, { actor: requireActor(request), itemId: request.params.id, input: parseInput(handOverRequest, request.body) }));
  for (const [slug, book, load] of [
    ['den', 'DEN', getIncomingBook],
    ['chuyen-giao', 'CHUYEN_GIAO', getHandoverBook],
  ] as const) {
    app.get(`/api/books/${slug}`, async (request) => {
      const actor = requireActor(request);
      const { unitId, year } = parseInput(bookQuery, request.query);
      // The books are kept by the clerk and read by the head of the unit.
      if (!ITEM_SCOPE_ROLES.some((r) => actor.roles.includes(r)) || !actor.scopeUnitIds.has(unitId)) throw errors.forbidden();
      const result = await load(ctx, { actor, unitId, year });
      await inTransaction(ctx, ({ audit }) => audit({ type: 'book.viewed', chain: unitId, actorId: actor.accountId, data: { book, year } }));
      return result;
    });
  }
}
