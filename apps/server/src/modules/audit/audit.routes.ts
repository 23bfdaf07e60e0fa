import type { FastifyInstance } from 'fastify';
import { listAuditQuery, verifyAuditRequest } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { listAuditEventTypes, listAuditRecords, verifyAudit } from './audit.usecases.ts';

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/audit', async (request) => listAuditRecords(ctx, { actor: requireActor(request), query: parseInput(listAuditQuery, request.query) }));
  app.get('/api/audit/types', async (request) => {
    requireActor(request);
    return listAuditEventTypes();
  });
  app.post('/api/audit/verify', async (request) => {
    const { unitId } = parseInput(verifyAuditRequest, request.body);
    return verifyAudit(ctx, { actor: requireActor(request), unitId });
  });
}
