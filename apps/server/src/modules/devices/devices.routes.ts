import type { FastifyInstance } from 'fastify';
import { idSchema, changeDeviceStatusRequest, createDeviceRequest, deviceUseSchema, devicePolicyRequest, isoDate, listDevicesQuery, recordDeviceCheckRequest, updateDeviceRequest } from '@bmnn/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { exportDeviceBook } from './devices.book.ts';
import { checkDeviceApproval } from './devices.rules.ts';
import { changeDeviceStatus, createDevice, getDevice, getDevicePolicy, listDevices, listOverdueChecks, recordDeviceCheck, setDevicePolicy, updateDevice } from './devices.usecases.ts';

type IdParams = { Params: { id: string } };
const bookQuery = z.object({ unitId: idSchema('unt').optional() });
const approvalQuery = z.object({ use: deviceUseSchema, actionDate: isoDate });

export function registerDeviceRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/devices', async (request) => listDevices(ctx, { actor: requireActor(request), filter: parseInput(listDevicesQuery, request.query) }));
  app.post('/api/devices', async (request) => createDevice(ctx, { actor: requireActor(request), input: parseInput(createDeviceRequest, request.body) }));
  app.get('/api/devices/book.xlsx', async (request, reply) => {
    const { unitId } = parseInput(bookQuery, request.query);
    const file = await exportDeviceBook(ctx, { actor: requireActor(request), unitId });
    return sendFile(reply, file);
  });
  app.get('/api/devices/overdue-checks', async (request) => listOverdueChecks(ctx, { actor: requireActor(request) }));
  app.get('/api/devices/policy', async (request) => {
    requireActor(request);
    return getDevicePolicy(ctx);
  });
  app.put('/api/devices/policy', async (request) => setDevicePolicy(ctx, { actor: requireActor(request), input: parseInput(devicePolicyRequest, request.body) }));
  app.get<IdParams>('/api/devices/:id', async (request) => getDevice(ctx, { actor: requireActor(request), deviceId: request.params.id }));
  app.patch<IdParams>('/api/devices/:id', async (request) => updateDevice(ctx, { actor: requireActor(request), deviceId: request.params.id, input: parseInput(updateDeviceRequest, request.body) }));
  app.post<IdParams>('/api/devices/:id/checks', async (request) => recordDeviceCheck(ctx, { actor: requireActor(request), deviceId: request.params.id, input: parseInput(recordDeviceCheckRequest, request.body) }));
  app.post<IdParams>('/api/devices/:id/status', async (request) => changeDeviceStatus(ctx, { actor: requireActor(request), deviceId: request.params.id, input: parseInput(changeDeviceStatusRequest, request.body) }));
  app.get<IdParams>('/api/devices/:id/approval', async (request) => {
    const { use, actionDate } = parseInput(approvalQuery, request.query);
    const { device } = await getDevice(ctx, { actor: requireActor(request), deviceId: request.params.id });
    return checkDeviceApproval({ device, use, actionDate });
  });
}
