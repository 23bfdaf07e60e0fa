import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { VERSION } from '../../platform/config.ts';

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/health', { config: { access: 'public' } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok', database: ctx.dbKind, version: VERSION };
    } catch {
      return reply.status(503).send({ status: 'error', database: ctx.dbKind, version: VERSION });
    }
  });
}
