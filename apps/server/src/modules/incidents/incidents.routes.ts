import type { FastifyInstance } from 'fastify';
import { addTimelineNoteRequest, incidentAnnualReportQuery, incidentReportQuery, incidentStatisticsQuery, linkIncidentDevicesRequest, linkIncidentItemsRequest, listIncidentsQuery, openIncidentRequest, recordNotificationRequest, updateIncidentRequest } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { exportAdHocReport, exportAnnualIncidentReport, exportIncidentStatistics } from './incidents.exports.ts';
import { getIncidentStatistics } from './incidents.statistics.ts';
import { addTimelineNote, getIncident, linkIncidentDevices, linkIncidentItems, listIncidents, openIncident, recordNotification, updateIncident } from './incidents.usecases.ts';

type IdParams = { Params: { id: string } };


export function registerIncidentRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/incidents', async (request) => listIncidents(ctx, { actor: requireActor(request), filter: parseInput(listIncidentsQuery, request.query) }));
  app.post('/api/incidents', async (request) => openIncident(ctx, { actor: requireActor(request), input: parseInput(openIncidentRequest, request.body) }));
  app.get('/api/incidents/statistics', async (request) => {
    const query = parseInput(incidentStatisticsQuery, request.query);
    return getIncidentStatistics(ctx, { actor: requireActor(request), year: query.year, unitId: query.unitId });
  });
  app.get('/api/incidents/statistics.xlsx', async (request, reply) => {
    const query = parseInput(incidentStatisticsQuery, request.query);
    return sendFile(reply, await exportIncidentStatistics(ctx, { actor: requireActor(request), year: query.year, unitId: query.unitId }));
  });
  app.get('/api/incidents/annual-report.docx', async (request, reply) => {
    const query = parseInput(incidentAnnualReportQuery, request.query);
    return sendFile(reply, await exportAnnualIncidentReport(ctx, { actor: requireActor(request), year: query.year, unitId: query.unitId }));
  });
  app.get<IdParams>('/api/incidents/:id', async (request) => getIncident(ctx, { actor: requireActor(request), incidentId: request.params.id }));
  app.patch<IdParams>('/api/incidents/:id', async (request) => updateIncident(ctx, { actor: requireActor(request), incidentId: request.params.id, input: parseInput(updateIncidentRequest, request.body) }));
  app.post<IdParams>('/api/incidents/:id/items', async (request) => linkIncidentItems(ctx, { actor: requireActor(request), incidentId: request.params.id, itemIds: parseInput(linkIncidentItemsRequest, request.body).itemIds }));
  app.post<IdParams>('/api/incidents/:id/devices', async (request) => linkIncidentDevices(ctx, { actor: requireActor(request), incidentId: request.params.id, deviceIds: parseInput(linkIncidentDevicesRequest, request.body).deviceIds }));
  app.post<IdParams>('/api/incidents/:id/notifications', async (request) => recordNotification(ctx, { actor: requireActor(request), incidentId: request.params.id, input: parseInput(recordNotificationRequest, request.body) }));
  app.post<IdParams>('/api/incidents/:id/timeline', async (request) => addTimelineNote(ctx, { actor: requireActor(request), incidentId: request.params.id, input: parseInput(addTimelineNoteRequest, request.body) }));
  app.get<IdParams>('/api/incidents/:id/report.docx', async (request, reply) => {
    const query = parseInput(incidentReportQuery, request.query);
    return sendFile(reply, await exportAdHocReport(ctx, { actor: requireActor(request), incidentId: request.params.id, number: query.number, place: query.place }));
  });
}
