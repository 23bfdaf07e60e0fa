import type { FastifyInstance, FastifyReply } from 'fastify';
import { changePasswordRequest, loginRequest, setupRequest, totpCodeRequest, type SessionResponse } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/http/auth-hooks.ts';
import { parseInput } from '../../platform/http/validation.ts';
import { getSessionAccount } from './accounts.presenters.ts';
import { SESSION_COOKIE } from './accounts.sessions.ts';
import { beginTotpSetup, changePassword, completeSetup, disableTotp, enableTotp, hasAdministrator, login, logout } from './auth.usecases.ts';
import { LIMITS } from '@bmnn/contracts';

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext) {
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.cookieSecure,
      maxAge: LIMITS.sessionAbsoluteHours * 3600,
    });
  const sessionResponse = async (accountId: string, csrfToken: string): Promise<SessionResponse> => ({
    account: await getSessionAccount(ctx.db, accountId),
    csrfToken,
  });
  const loginLimit = { max: ctx.config.loginRateLimit, timeWindow: '1 minute' };

  app.get('/api/setup/status', { config: { access: 'public' } }, async () => ({ needsSetup: !(await hasAdministrator(ctx)) }));

  app.post('/api/setup', { config: { access: 'public', rateLimit: loginLimit } }, async (request, reply) => {
    const input = parseInput(setupRequest, request.body);
    const { accountId, token, csrfToken } = await completeSetup(ctx, input);
    setSessionCookie(reply, token);
    return sessionResponse(accountId, csrfToken);
  });

  app.post('/api/auth/login', { config: { access: 'public', rateLimit: loginLimit } }, async (request, reply) => {
    const input = parseInput(loginRequest, request.body);
    const { accountId, token, csrfToken } = await login(ctx, input);
    setSessionCookie(reply, token);
    return sessionResponse(accountId, csrfToken);
  });

  app.post('/api/auth/logout', { config: { access: 'password-change' } }, async (request, reply) => {
    const actor = requireActor(request);
    await logout(ctx, { token: request.session!.token, accountId: actor.accountId });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/session', { config: { access: 'password-change' } }, async (request) => {
    const actor = requireActor(request);
    return sessionResponse(actor.accountId, request.session!.csrfToken);
  });

  app.post('/api/auth/change-password', { config: { access: 'password-change' } }, async (request) => {
    const actor = requireActor(request);
    const input = parseInput(changePasswordRequest, request.body);
    await changePassword(ctx, { accountId: actor.accountId, token: request.session!.token, input });
    return sessionResponse(actor.accountId, request.session!.csrfToken);
  });

  app.post('/api/auth/totp/setup', async (request) => beginTotpSetup(ctx, { accountId: requireActor(request).accountId }));

  app.post('/api/auth/totp/enable', async (request) => {
    const actor = requireActor(request);
    const { code } = parseInput(totpCodeRequest, request.body);
    await enableTotp(ctx, { accountId: actor.accountId, code });
    return sessionResponse(actor.accountId, request.session!.csrfToken);
  });

  app.post('/api/auth/totp/disable', async (request) => {
    const actor = requireActor(request);
    const { code } = parseInput(totpCodeRequest, request.body);
    await disableTotp(ctx, { accountId: actor.accountId, code });
    return sessionResponse(actor.accountId, request.session!.csrfToken);
  });
}
