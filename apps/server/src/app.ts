import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { LIMITS, type ErrorBody } from '@bmnn/contracts';
import type { AppContext } from './platform/context.ts';
import { installAuthHooks } from './platform/http/auth-hooks.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { generateId } from './platform/ids.ts';
import { registerAccountRoutes } from './modules/accounts/accounts.routes.ts';
import { registerAuthRoutes } from './modules/accounts/auth.routes.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerDeviceRoutes } from './modules/devices/devices.routes.ts';
import { registerIncidentRoutes } from './modules/incidents/incidents.routes.ts';
import { registerHealthRoutes } from './modules/health/health.routes.ts';
import { registerPeopleRoutes } from './modules/people/people.routes.ts';
import { registerSecretWorkRoutes } from './modules/people/people.secret-work.routes.ts';
import { registerTrainingRoutes } from './modules/training/training.routes.ts';
import { registerMeetingRoutes } from './modules/meetings/meetings.routes.ts';
import { registerAdjustRoutes, registerOutgoingRoutes, registerPeriodRoutes, registerReceiveRoutes, registerRegisterRoutes } from './modules/register/register.routes.ts';
import { registerUnitRoutes } from './modules/units/units.routes.ts';
import { registerDanhMucRoutes } from './modules/danh-muc/danh-muc.routes.ts';
import { registerDestructionRoutes } from './modules/destruction/destruction.routes.ts';
import { registerReleaseRoutes } from './modules/release/release.routes.ts';
import { registerCopyRoutes } from './modules/copies/copies.routes.ts';
import { registerRecordFileRoutes } from './modules/record-files/record-files.routes.ts';
import { registerImportRoutes } from './modules/register-import/register-import.routes.ts';
import { registerRuleSetRoutes } from './modules/rule-sets/rule-sets.routes.ts';
import { registerPrintableRoutes } from './modules/printables/printables.routes.ts';
import { registerStockTakeRoutes } from './modules/stock-take/stock-take.routes.ts';
import { registerLeakCheckRoutes } from './modules/leak-checks/leak-checks.routes.ts';

export type BuildAppOptions = { ctx: AppContext; logger?: false | { level: string } };

/** The HTTP application: security headers, limits, auth, the API, and the built web app. */
export async function buildApp({ ctx, logger = { level: ctx.config.logLevel } }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === false ? false : { ...logger, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] },
    bodyLimit: LIMITS.bodyMaxBytes,
    genReqId: () => generateId('req', 12),
    trustProxy: false,
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its CSS-in-JS into <style> elements: styles only, never scripts.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Agencies serve BMNN over plain HTTP inside an independent LAN: HSTS only when told it is HTTPS.
    hsts: ctx.config.cookieSecure,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });

  installErrorHandler(app);
  installAuthHooks(app, ctx);

  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerUnitRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerRegisterRoutes(app, ctx);
  registerReceiveRoutes(app, ctx);
  registerOutgoingRoutes(app, ctx);
  registerPeriodRoutes(app, ctx);
  registerAdjustRoutes(app, ctx);
  registerDanhMucRoutes(app, ctx);
  registerDestructionRoutes(app, ctx);
  registerReleaseRoutes(app, ctx);
  registerCopyRoutes(app, ctx);
  registerStockTakeRoutes(app, ctx);
  registerDeviceRoutes(app, ctx);
  registerIncidentRoutes(app, ctx);
  registerSecretWorkRoutes(app, ctx);
  registerRecordFileRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerTrainingRoutes(app, ctx);
  registerMeetingRoutes(app, ctx);
  registerRuleSetRoutes(app, ctx);
  registerPrintableRoutes(app, ctx);
  registerLeakCheckRoutes(app, ctx);

  const indexFile = path.join(ctx.config.webDist, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: ctx.config.webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      const body: ErrorBody = { error: { code: 'not_found', message: 'Không tìm thấy', requestId: request.id } };
      return reply.status(404).send(body);
    }
    if (!hasWeb) {
      return reply.type('text/plain; charset=utf-8').status(503).send('Giao diện web chưa được xây dựng. Hãy chạy "npm run build" rồi khởi động lại.');
    }
    // Client-side routes of the single-page app all serve index.html.
    return reply.type('text/html; charset=utf-8').send(fs.createReadStream(indexFile));
  });
  return app;
}
