import type { FastifyInstance } from 'fastify';
import { createAccountRequest, updateAccountRequest } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { changeRoles, createAccount, disableAccount, listAccounts, lockAccount, resetPassword, unlockAccount } from './accounts.usecases.ts';

type IdParams = { Params: { id: string } };

export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/accounts', async (request) => listAccounts(ctx, { actor: requireActor(request) }));
  app.post('/api/accounts', async (request) => createAccount(ctx, { actor: requireActor(request), input: parseInput(createAccountRequest, request.body) }));
  app.patch<IdParams>('/api/accounts/:id', async (request) =>
    changeRoles(ctx, { actor: requireActor(request), accountId: request.params.id, roles: parseInput(updateAccountRequest, request.body).roles }),
  );
  app.post<IdParams>('/api/accounts/:id/lock', async (request) => lockAccount(ctx, { actor: requireActor(request), accountId: request.params.id }));
  app.post<IdParams>('/api/accounts/:id/disable', async (request) => disableAccount(ctx, { actor: requireActor(request), accountId: request.params.id }));
  app.post<IdParams>('/api/accounts/:id/unlock', async (request) => unlockAccount(ctx, { actor: requireActor(request), accountId: request.params.id }));
  app.post<IdParams>('/api/accounts/:id/reset-password', async (request) => resetPassword(ctx, { actor: requireActor(request), accountId: request.params.id }));
}
