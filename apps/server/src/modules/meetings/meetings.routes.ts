import type { FastifyInstance } from 'fastify';
import { addMeetingAttendeesRequest, addMeetingEquipmentRequest, createMeetingRequest, handOutMeetingDocumentRequest, MEETING_STATUSES, updateMeetingChecklistRequest } from '@bmnn/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { addMeetingAttendees, addMeetingEquipment, closeMeeting, collectMeetingDocument, createMeeting, exportMeetingNotice, getMeeting, handOutMeetingDocument, listMeetings, markMeetingHeld, updateMeetingChecklist } from './meetings.usecases.ts';

type IdParams = { Params: { id: string } };
const listQuery = z.object({ status: z.enum(MEETING_STATUSES).optional() });

export function registerMeetingRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/meetings', async (request) => listMeetings(ctx, { actor: requireActor(request), ...parseInput(listQuery, request.query) }));
  app.post('/api/meetings', async (request) => createMeeting(ctx, { actor: requireActor(request), input: parseInput(createMeetingRequest, request.body) }));
  app.get<IdParams>('/api/meetings/:id', async (request) => getMeeting(ctx, { actor: requireActor(request), meetingId: request.params.id }));
  app.patch<IdParams>('/api/meetings/:id/checklist', async (request) => updateMeetingChecklist(ctx, { actor: requireActor(request), meetingId: request.params.id, input: parseInput(updateMeetingChecklistRequest, request.body) }));
  app.post<IdParams>('/api/meetings/:id/equipment', async (request) => addMeetingEquipment(ctx, { actor: requireActor(request), meetingId: request.params.id, input: parseInput(addMeetingEquipmentRequest, request.body) }));
  app.post<IdParams>('/api/meetings/:id/attendees', async (request) => addMeetingAttendees(ctx, { actor: requireActor(request), meetingId: request.params.id, input: parseInput(addMeetingAttendeesRequest, request.body) }));
  app.post<IdParams>('/api/meetings/:id/documents', async (request) => handOutMeetingDocument(ctx, { actor: requireActor(request), meetingId: request.params.id, input: parseInput(handOutMeetingDocumentRequest, request.body) }));
  app.post<{ Params: { id: string; docId: string } }>('/api/meetings/:id/documents/:docId/collect', async (request) => collectMeetingDocument(ctx, { actor: requireActor(request), meetingId: request.params.id, documentId: request.params.docId }));
  app.post<IdParams>('/api/meetings/:id/held', async (request) => markMeetingHeld(ctx, { actor: requireActor(request), meetingId: request.params.id }));
  app.get<IdParams>('/api/meetings/:id/notice.docx', async (request, reply) => sendFile(reply, await exportMeetingNotice(ctx, { actor: requireActor(request), meetingId: request.params.id })));
  app.post<IdParams>('/api/meetings/:id/close', async (request) => closeMeeting(ctx, { actor: requireActor(request), meetingId: request.params.id }));
}
