import type { FastifyInstance } from 'fastify';
import { createPersonRequest, listPeopleQuery, updatePersonRequest } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { createPerson, listPeople, updatePerson } from './people.usecases.ts';

export function registerPeopleRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/people', async (request) => {
    const query = parseInput(listPeopleQuery, request.query);
    return listPeople(ctx, { actor: requireActor(request), unitId: query.unitId, q: query.q });
  });
  app.post('/api/people', async (request) => createPerson(ctx, { actor: requireActor(request), input: parseInput(createPersonRequest, request.body) }));
  app.patch<{ Params: { id: string } }>('/api/people/:id', async (request) =>
    updatePerson(ctx, { actor: requireActor(request), personId: request.params.id, input: parseInput(updatePersonRequest, request.body) }),
  );
}
