import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LIMITS, registerImportOptions } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { readUploadedFile } from '../../platform/stored-files.ts';
import { streamOf, writeBookXlsx } from '../books/books.export.ts';
import { importRegister, prepareImportReport } from './register-import.usecases.ts';

/** The upload: the field "options" (JSON, sent before the file) and the file itself. */
async function readImportUpload(request: FastifyRequest) {
  const { buffer: file, originalName: fileName, fields } = await readUploadedFile(request, { maxBytes: LIMITS.importFileMaxBytes });
  let options: unknown;
  try {
    options = JSON.parse(fields.options ?? '');
  } catch {
    throw new AppError({ code: 'request.malformed', message: 'Thiếu hoặc sai trường "options" (đơn vị, loại sổ, cách ghép cột) trước trường "file"' });
  }
  return { file, fileName: fileName.slice(0, 200), options: parseInput(registerImportOptions, options) };
}

/** Import of old registers (sổ đến, sổ đi) from Excel or CSV: mapping, dry run, import, error report. */
export function registerImportRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/register-import', async (request) => {
    const actor = requireActor(request);
    const { file, fileName, options } = await readImportUpload(request);
    return importRegister(ctx, { actor, file, fileName, unitId: options.unitId, book: options.book, mapping: options.mapping, dryRun: options.dryRun });
  });
  app.post('/api/register-import/report', async (request, reply) => {
    const actor = requireActor(request);
    const { file, fileName, options } = await readImportUpload(request);
    const printout = await prepareImportReport(ctx, { actor, file, fileName, unitId: options.unitId, book: options.book, mapping: options.mapping });
    reply.header('content-disposition', 'attachment; filename="bao-cao-loi-nhap-so.xlsx"');
    reply.header('cache-control', 'no-store');
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.send(streamOf((out) => writeBookXlsx(printout, out)));
  });
}
