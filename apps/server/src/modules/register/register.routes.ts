import type { FastifyInstance } from 'fastify';
import { createItemRequest, grantRequest } from '@bmnn/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
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
