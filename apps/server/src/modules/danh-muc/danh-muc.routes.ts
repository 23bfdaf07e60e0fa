import type { FastifyInstance } from 'fastify';
import { levelSchema, LIMITS } from '@bmnn/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { readUploadedFile } from '../../platform/stored-files.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { importDanhMuc, listDecisions, listItems, loadSampleDanhMuc, suggestItems } from './danh-muc.usecases.ts';

const itemsQuery = z.object({ decisionId: z.string().max(64).optional(), q: z.string().trim().max(300).optional(), level: levelSchema.optional() });
const suggestBody = z.object({ text: z.string().trim().min(1, { error: 'Nhập trích yếu hoặc từ khóa' }).max(4000) });
const importQuery = z.object({ dryRun: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });
export const DANH_MUC_FILE_MAX_BYTES = LIMITS.importFileMaxBytes;

export function registerDanhMucRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/danh-muc/decisions', async (request) => {
    requireActor(request);
    return listDecisions(ctx);
  });
  app.get('/api/danh-muc/items', async (request) => {
    requireActor(request);
    return listItems(ctx, parseInput(itemsQuery, request.query));
  });
  app.post('/api/danh-muc/suggest', async (request) => {
    requireActor(request);
    return suggestItems(ctx, parseInput(suggestBody, request.body));
  });
  app.post('/api/danh-muc/samples', async (request) => loadSampleDanhMuc(ctx, { actor: requireActor(request) }));
  app.post('/api/danh-muc/import', async (request) => {
    const actor = requireActor(request);
    const { dryRun } = parseInput(importQuery, request.query);
    const { buffer: file } = await readUploadedFile(request, { maxBytes: DANH_MUC_FILE_MAX_BYTES });
    return importDanhMuc(ctx, { actor, file, dryRun });
  });
}
