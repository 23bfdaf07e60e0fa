import type { FastifyInstance } from 'fastify';
import { copyDecisionRequest, copyExecutionRequest, copyRequestRequest, listCopyRequestsQuery } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { decideCopy, executeCopy, listCopyRequests, requestCopy } from './copies.usecases.ts';

type IdParams = { Params: { id: string } };

export function registerCopyRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post<IdParams>('/api/items/:id/copy-requests', async (request) => requestCopy(ctx, { actor: requireActor(request), itemId: request.params.id, input: parseInput(copyRequestRequest, request.body) }));
  app.get('/api/copy-requests', async (request) => listCopyRequests(ctx, { actor: requireActor(request), query: parseInput(listCopyRequestsQuery, request.query) }));
  app.post<IdParams>('/api/copy-requests/:id/decide', async (request) => decideCopy(ctx, { actor: requireActor(request), requestId: request.params.id, input: parseInput(copyDecisionRequest, request.body) }));
  app.post<IdParams>('/api/copy-requests/:id/execute', async (request) => executeCopy(ctx, { actor: requireActor(request), requestId: request.params.id, input: parseInput(copyExecutionRequest, request.body) }));
}
