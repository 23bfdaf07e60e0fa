import { concludeLeakCheckRequest, LEAK_CHECK_MAX_BYTES, listLeakChecksQuery } from '@bmnn/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { readUploadedFile } from '../../platform/stored-files.ts';
import { checkFile, concludeLeakCheck, getLeakCheck, listLeakChecks } from './leak-checks.usecases.ts';

type IdParams = { Params: { id: string } };

export function registerLeakCheckRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/leak-checks', async (request) => {
    const actor = requireActor(request);
    return checkFile(ctx, { actor, file: await readUploadedFile(request, { maxBytes: LEAK_CHECK_MAX_BYTES }) });
  });
  app.get('/api/leak-checks', async (request) => listLeakChecks(ctx, { actor: requireActor(request), query: parseInput(listLeakChecksQuery, request.query) }));
  app.get<IdParams>('/api/leak-checks/:id', async (request) => getLeakCheck(ctx, { actor: requireActor(request), checkId: request.params.id }));
  app.post<IdParams>('/api/leak-checks/:id/conclusion', async (request) =>
    concludeLeakCheck(ctx, { actor: requireActor(request), checkId: request.params.id, input: parseInput(concludeLeakCheckRequest, request.body) }),
  );
}
