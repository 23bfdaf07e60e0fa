import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { errors } from '../errors.ts';
import { actorFromRow, getScopeUnitIds } from '../../modules/access/access.actor.ts';
import type { Actor } from '../../modules/access/access.policies.ts';
import { accountErrors } from '../../modules/accounts/accounts.errors.ts';
import { findLiveSession, SESSION_COOKIE } from '../../modules/accounts/accounts.sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: { token: string; accountId: string; csrfToken: string } | null;
  }
  interface FastifyContextConfig {
    /** 'public': no session; 'password-change': allowed while a password change is pending. */
    access?: 'public' | 'session' | 'password-change';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Authentication, forced password change and CSRF for every /api route. State-changing requests
 * must carry the session's CSRF token in `x-csrf-token` (synchroniser token) and, when the
 * browser sends one, an Origin equal to the server's own.
 */
export function installAuthHooks(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const access = request.routeOptions.config.access ?? 'session';
    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      if (origin && origin !== 'null') {
        const host = request.headers.host;
        if (!host || new URL(origin).host !== host) throw accountErrors.csrfInvalid();
      }
    }
    if (access === 'public') return;

    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findLiveSession({ db: ctx.db, token, now: ctx.clock() }) : undefined;
    if (!token || !session) {
      if (token) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw errors.unauthenticated();
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) throw accountErrors.csrfInvalid();
    }
    if (session.status !== 'ACTIVE') throw errors.unauthenticated();
    if (session.mustChangePassword && access !== 'password-change') throw accountErrors.passwordChangeRequired();
    request.actor = actorFromRow(session.actorRow, await getScopeUnitIds(ctx.db, session.actorRow.unitId));
    request.session = { token, accountId: session.accountId, csrfToken: session.csrfToken };
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}
