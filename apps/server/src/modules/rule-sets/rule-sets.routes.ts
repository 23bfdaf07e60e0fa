import type { FastifyInstance } from 'fastify';
import { updateRuleSetRequest } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { getRuleSet, listRuleSets, updateRuleSet } from './rule-sets.usecases.ts';

type IdParams = { Params: { id: string } };

/** The rule sets (LEGAL.md A4): read by everyone logged in, corrected by the administrator. */
export function registerRuleSetRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/rule-sets', async (request) => listRuleSets(ctx, { actor: requireActor(request) }));
  app.get<IdParams>('/api/rule-sets/:id', async (request) => getRuleSet(ctx, { actor: requireActor(request), ruleSetId: request.params.id }));
  app.put<IdParams>('/api/rule-sets/:id', async (request) => updateRuleSet(ctx, { actor: requireActor(request), ruleSetId: request.params.id, input: parseInput(updateRuleSetRequest, request.body) }));
}
