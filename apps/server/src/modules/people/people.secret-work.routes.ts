import type { FastifyInstance } from 'fastify';
import { ASSIGNMENT_KINDS, createAssignmentRequest, createCommitmentRequest, endAssignmentRequest, idSchema, isoDate, openOffboardingRequest, resolveOffboardingLineRequest, secretWorkPolicyRequest, signCommitmentRequest } from '@bmnn/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { readUploadedFile } from '../../platform/stored-files.ts';
import { closeOffboarding, getOffboardingCase, listOffboardingCases, openOffboarding, resolveOffboardingLine, signExitCommitment } from './people.offboarding.ts';
import { attachCommitmentScan, downloadCommitmentScan, getSecretWorkPolicy, setSecretWorkPolicy, createAssignment, createCommitment, endAssignment, exportCommitmentForm, listAssignments, listCommitments, listUnitsWithoutOfficer, signCommitment } from './people.secret-work.ts';

type IdParams = { Params: { id: string } };
const assignmentsQuery = z.object({ unitId: idSchema('unt').optional(), kind: z.enum(ASSIGNMENT_KINDS).optional() });
const commitmentsQuery = z.object({ personId: idSchema('psn').optional(), renewalDueBy: isoDate.optional() });
const offboardingQuery = z.object({ status: z.enum(['OPEN', 'CLOSED']).optional() });

export function registerSecretWorkRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/assignments', async (request) => listAssignments(ctx, { actor: requireActor(request), ...parseInput(assignmentsQuery, request.query) }));
  app.post('/api/assignments', async (request) => createAssignment(ctx, { actor: requireActor(request), input: parseInput(createAssignmentRequest, request.body) }));
  app.post<IdParams>('/api/assignments/:id/end', async (request) => endAssignment(ctx, { actor: requireActor(request), assignmentId: request.params.id, input: parseInput(endAssignmentRequest, request.body) }));
  app.get('/api/assignments/policy', async (request) => {
    requireActor(request);
    return getSecretWorkPolicy(ctx);
  });
  app.put('/api/assignments/policy', async (request) => setSecretWorkPolicy(ctx, { actor: requireActor(request), input: parseInput(secretWorkPolicyRequest, request.body) }));
  app.get('/api/security-officers/missing-units', async (request) => listUnitsWithoutOfficer(ctx, { actor: requireActor(request) }));

  app.get('/api/commitments', async (request) => listCommitments(ctx, { actor: requireActor(request), ...parseInput(commitmentsQuery, request.query) }));
  app.post('/api/commitments', async (request) => createCommitment(ctx, { actor: requireActor(request), input: parseInput(createCommitmentRequest, request.body) }));
  app.post<IdParams>('/api/commitments/:id/sign', async (request) => signCommitment(ctx, { actor: requireActor(request), commitmentId: request.params.id, input: parseInput(signCommitmentRequest, request.body) }));
  app.post<IdParams>('/api/commitments/:id/scan', async (request) => {
    const actor = requireActor(request);
    return attachCommitmentScan(ctx, { actor, commitmentId: request.params.id, file: await readUploadedFile(request) });
  });
  app.get<IdParams>('/api/commitments/:id/scan', async (request, reply) => sendFile(reply, await downloadCommitmentScan(ctx, { actor: requireActor(request), commitmentId: request.params.id })));
  app.get<IdParams>('/api/commitments/:id/form.docx', async (request, reply) => sendFile(reply, await exportCommitmentForm(ctx, { actor: requireActor(request), commitmentId: request.params.id })));

  app.get('/api/offboarding', async (request) => listOffboardingCases(ctx, { actor: requireActor(request), ...parseInput(offboardingQuery, request.query) }));
  app.post('/api/offboarding', async (request) => openOffboarding(ctx, { actor: requireActor(request), input: parseInput(openOffboardingRequest, request.body) }));
  app.get<IdParams>('/api/offboarding/:id', async (request) => getOffboardingCase(ctx, { actor: requireActor(request), caseId: request.params.id }));
  app.post<{ Params: { id: string; lineId: string } }>('/api/offboarding/:id/lines/:lineId', async (request) =>
    resolveOffboardingLine(ctx, { actor: requireActor(request), caseId: request.params.id, lineId: request.params.lineId, input: parseInput(resolveOffboardingLineRequest, request.body) }),
  );
  app.post<IdParams>('/api/offboarding/:id/exit-commitment', async (request) => signExitCommitment(ctx, { actor: requireActor(request), caseId: request.params.id, input: parseInput(signCommitmentRequest, request.body) }));
  app.post<IdParams>('/api/offboarding/:id/close', async (request) => closeOffboarding(ctx, { actor: requireActor(request), caseId: request.params.id }));
}
