import type { FastifyInstance } from 'fastify';
import { createUnitRequest, defunctUnitRequest, listUnitsQuery, moveUnitRequest, updateUnitRequest } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { createUnit, getUnit, listUnits, markUnitDefunct, moveUnit, updateUnit } from './units.usecases.ts';

type IdParams = { Params: { id: string } };

export function registerUnitRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/units', async (request) => {
    requireActor(request);
    const query = parseInput(listUnitsQuery, request.query);
    return listUnits(ctx, { q: query.q, includeDefunct: query.includeDefunct });
  });
  app.get<IdParams>('/api/units/:id', async (request) => {
    requireActor(request);
    return getUnit(ctx, { unitId: request.params.id });
  });
  app.post('/api/units', async (request) => createUnit(ctx, { actor: requireActor(request), input: parseInput(createUnitRequest, request.body) }));
  app.patch<IdParams>('/api/units/:id', async (request) => updateUnit(ctx, { actor: requireActor(request), unitId: request.params.id, input: parseInput(updateUnitRequest, request.body) }));
  app.post<IdParams>('/api/units/:id/move', async (request) => moveUnit(ctx, { actor: requireActor(request), unitId: request.params.id, input: parseInput(moveUnitRequest, request.body) }));
  app.post<IdParams>('/api/units/:id/defunct', async (request) => markUnitDefunct(ctx, { actor: requireActor(request), unitId: request.params.id, input: parseInput(defunctUnitRequest, request.body) }));
}
