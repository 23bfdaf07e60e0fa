import type { FastifyInstance } from 'fastify';
import { councilCandidatesQuery, destructionCouncilRequest, destructionDecisionRequest, destructionExecutionRequest, destructionReportRequest, destructionReviewRequest, emergencyDestructionRequest, listDestructionsQuery, proposeDestructionRequest } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { decideDestruction, emergencyDestruction, executeDestruction, listCouncilCandidates, listDestructionCases, proposeDestruction, recordDestructionReview, recordEmergencyReport, setDestructionCouncil, viewDestructionCase } from './destruction.usecases.ts';

type IdParams = { Params: { id: string } };

export function registerDestructionRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/destructions', async (request) => proposeDestruction(ctx, { actor: requireActor(request), ...parseInput(proposeDestructionRequest, request.body) }));
  app.get('/api/destructions', async (request) => listDestructionCases(ctx, { actor: requireActor(request), query: parseInput(listDestructionsQuery, request.query) }));
  app.get<IdParams>('/api/destructions/:id', async (request) => viewDestructionCase(ctx, { actor: requireActor(request), caseId: request.params.id }));
  app.get<IdParams>('/api/destructions/:id/council-candidates', async (request) => listCouncilCandidates(ctx, { actor: requireActor(request), caseId: request.params.id, ...parseInput(councilCandidatesQuery, request.query) }));
  app.post<IdParams>('/api/destructions/:id/council', async (request) => setDestructionCouncil(ctx, { actor: requireActor(request), caseId: request.params.id, input: parseInput(destructionCouncilRequest, request.body) }));
  app.post<IdParams>('/api/destructions/:id/review', async (request) => recordDestructionReview(ctx, { actor: requireActor(request), caseId: request.params.id, ...parseInput(destructionReviewRequest, request.body) }));
  app.post<IdParams>('/api/destructions/:id/decide', async (request) => decideDestruction(ctx, { actor: requireActor(request), caseId: request.params.id, ...parseInput(destructionDecisionRequest, request.body) }));
  app.post<IdParams>('/api/destructions/:id/execute', async (request) => executeDestruction(ctx, { actor: requireActor(request), caseId: request.params.id, execution: parseInput(destructionExecutionRequest, request.body) }));
  app.post('/api/destructions/emergency', async (request) => {
    const { unitId, itemIds, circumstances, ...execution } = parseInput(emergencyDestructionRequest, request.body);
    return emergencyDestruction(ctx, { actor: requireActor(request), unitId, itemIds, circumstances, execution });
  });
  app.post<IdParams>('/api/destructions/:id/report', async (request) => recordEmergencyReport(ctx, { actor: requireActor(request), caseId: request.params.id, ...parseInput(destructionReportRequest, request.body) }));
}
