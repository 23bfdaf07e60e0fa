import type { FastifyInstance } from 'fastify';
import { addTrainingAttendeesRequest, createDisseminationRequest, createTrainingSessionRequest, idSchema, removeTrainingAttendeeRequest, trainingPolicyRequest, updateTrainingSessionRequest } from '@bmnn/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { readUploadedFile } from '../../platform/stored-files.ts';
import { exportAttendanceList, exportTrainingCoverage } from './training.exports.ts';
import { importTrainingAttendance } from './training.import.ts';
import { addTrainingAttendees, createDissemination, createTrainingSession, getTrainingCoverage, getTrainingPolicy, getTrainingSession, listDisseminations, listPersonTraining, listTrainingSessions, removeTrainingAttendee, setTrainingPolicy, updateTrainingSession } from './training.usecases.ts';

type IdParams = { Params: { id: string } };
type AttendeeParams = { Params: { id: string; personId: string } };
const sessionsQuery = z.object({ unitId: idSchema('unt').optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
const peopleQuery = z.object({ unitId: idSchema('unt').optional(), dueOnly: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });
const importQuery = z.object({ dryRun: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });
export const ATTENDANCE_FILE_MAX_BYTES = 2 * 1024 * 1024;

export function registerTrainingRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/training/sessions', async (request) => listTrainingSessions(ctx, { actor: requireActor(request), ...parseInput(sessionsQuery, request.query) }));
  app.post('/api/training/sessions', async (request) => createTrainingSession(ctx, { actor: requireActor(request), input: parseInput(createTrainingSessionRequest, request.body) }));
  app.get<IdParams>('/api/training/sessions/:id', async (request) => getTrainingSession(ctx, { actor: requireActor(request), sessionId: request.params.id }));
  app.patch<IdParams>('/api/training/sessions/:id', async (request) => updateTrainingSession(ctx, { actor: requireActor(request), sessionId: request.params.id, input: parseInput(updateTrainingSessionRequest, request.body) }));
  app.delete<AttendeeParams>('/api/training/sessions/:id/attendees/:personId', async (request) =>
    removeTrainingAttendee(ctx, { actor: requireActor(request), sessionId: request.params.id, personId: request.params.personId, input: parseInput(removeTrainingAttendeeRequest, request.body) }),
  );
  app.post<IdParams>('/api/training/sessions/:id/attendees', async (request) => addTrainingAttendees(ctx, { actor: requireActor(request), sessionId: request.params.id, input: parseInput(addTrainingAttendeesRequest, request.body) }));
  app.post<IdParams>('/api/training/sessions/:id/attendees/import', async (request) => {
    const actor = requireActor(request);
    const { dryRun } = parseInput(importQuery, request.query);
    const { buffer } = await readUploadedFile(request, { maxBytes: ATTENDANCE_FILE_MAX_BYTES });
    return importTrainingAttendance(ctx, { actor, sessionId: request.params.id, file: buffer, dryRun });
  });
  app.get<IdParams>('/api/training/sessions/:id/attendance.docx', async (request, reply) => sendFile(reply, await exportAttendanceList(ctx, { actor: requireActor(request), sessionId: request.params.id })));
  app.get('/api/training/disseminations', async (request) => listDisseminations(ctx, { actor: requireActor(request) }));
  app.post('/api/training/disseminations', async (request) => createDissemination(ctx, { actor: requireActor(request), input: parseInput(createDisseminationRequest, request.body) }));
  app.get('/api/training/people', async (request) => listPersonTraining(ctx, { actor: requireActor(request), ...parseInput(peopleQuery, request.query) }));
  app.get('/api/training/coverage', async (request) => getTrainingCoverage(ctx, { actor: requireActor(request) }));
  app.get('/api/training/coverage.xlsx', async (request, reply) => sendFile(reply, await exportTrainingCoverage(ctx, { actor: requireActor(request) })));
  app.get('/api/training/policy', async (request) => {
    requireActor(request);
    return getTrainingPolicy(ctx);
  });
  app.put('/api/training/policy', async (request) => setTrainingPolicy(ctx, { actor: requireActor(request), input: parseInput(trainingPolicyRequest, request.body) }));
}
