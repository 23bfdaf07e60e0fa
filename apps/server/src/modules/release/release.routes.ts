import type { FastifyInstance } from 'fastify';
import { provisionRequest, releaseDecisionRequest, takeOutRequest } from '@bmnn/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { decideRelease, listReleaseRequests, recordTakeOutMovement, requestProvision, requestTakeOut } from './release.usecases.ts';

type IdParams = { Params: { id: string } };

export function registerReleaseRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/take-outs', async (request) => requestTakeOut(ctx, { actor: requireActor(request), input: parseInput(takeOutRequest, request.body) }));
  app.post('/api/provisions', async (request) => requestProvision(ctx, { actor: requireActor(request), input: parseInput(provisionRequest, request.body) }));
  app.get('/api/releases', async (request) => listReleaseRequests(ctx, { actor: requireActor(request), ...parseInput(z.object({ unitId: z.string().max(64).optional() }), request.query) }));
  app.post<IdParams>('/api/releases/:id/decide', async (request) => decideRelease(ctx, { actor: requireActor(request), requestId: request.params.id, input: parseInput(releaseDecisionRequest, request.body) }));
  app.post<IdParams>('/api/take-outs/:id/out', async (request) => recordTakeOutMovement(ctx, { actor: requireActor(request), requestId: request.params.id, movement: 'OUT' }));
  app.post<IdParams>('/api/take-outs/:id/returned', async (request) => recordTakeOutMovement(ctx, { actor: requireActor(request), requestId: request.params.id, movement: 'RETURNED' }));
}
