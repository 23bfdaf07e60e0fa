import { describe, expect, it } from 'vitest';
import { LIMITS } from '@bmnn/contracts';
import * as OTPAuth from 'otpauth';
import { prepareFirstRunSetup } from './auth.usecases.ts';
import { clientFrom, createTestApp, createTestUnit, DATABASE_KINDS, sessionCookieOf, setupAdmin, STRONG_PASSWORD, useTestApp } from '../../testing/test-context.ts';

describe.each(DATABASE_KINDS)('accounts and sessions on %s', (kind) => {
  const t = useTestApp(kind);

  it('first run: refuses a wrong setup code, accepts the printed one once, and has no default password', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/setup/status' })).json()).toEqual({ needsSetup: true });
    const setup = await prepareFirstRunSetup(t.ctx);
    const payload = { setupCode: 'AAAA-BBBB-CCCC-DDDD', provinceName: 'Tỉnh Bắc Ninh', provinceCode: 'BN', username: 'quantri', fullName: 'Nguyễn Văn Quản', password: STRONG_PASSWORD };
    const wrong = await t.app.inject({ method: 'POST', url: '/api/setup', payload });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('setup.code_invalid');
    expect(await t.ctx.db.selectFrom('units').select('id').execute()).toHaveLength(0);

    const ok = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { ...payload, setupCode: setup!.setupCode } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().account.roles).toEqual(['QUAN_TRI']);
    const again = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { ...payload, setupCode: setup!.setupCode } });
    expect(again.json().error.code).toBe('setup.already_done');
    expect(await prepareFirstRunSetup(t.ctx)).toBeNull();
  });

  it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
    const setup = await prepareFirstRunSetup(t.ctx);
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { setupCode: setup!.setupCode, provinceName: 'Tỉnh Bắc Ninh', provinceCode: 'BN', username: 'quantri', fullName: 'Nguyễn Văn Quản', password: STRONG_PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'bmnn_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.path).toBe('/');
  });

  it('refuses a state-changing request without the CSRF token, or with another session token', async () => {
    const admin = await setupAdmin(t);
    const body = { code: 'SO-TEST', name: 'Sở Thử nghiệm', kind: 'SO_BAN_NGANH', parentId: admin.provinceId };
    const noToken = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin.cookie }, payload: body });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('auth.csrf_invalid');
    const forged = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin.cookie, 'x-csrf-token': 'x'.repeat(43) }, payload: body });
    expect(forged.json().error.code).toBe('auth.csrf_invalid');
    const crossSite = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, origin: 'http://evil.example' }, payload: body });
    expect(crossSite.json().error.code).toBe('auth.csrf_invalid');
    expect(await t.ctx.db.selectFrom('units').select('id').where('code', '=', 'SO-TEST').execute()).toHaveLength(0);
    expect((await admin.request({ method: 'POST', url: '/api/units', body })).statusCode).toBe(200);
  });

  it('creates an account with a temporary password that must be changed at first login', async () => {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const person = (await admin.request({ method: 'POST', url: '/api/people', body: { fullName: 'Trần Thị Văn Thư', unitId: unit.id, clearance: 'TOI_MAT', handlesSecrets: true } })).json().person;
    const created = await admin.request({ method: 'POST', url: '/api/accounts', body: { personId: person.id, username: 'vanthu.sonv', roles: ['VAN_THU'] } });
    expect(created.statusCode).toBe(200);
    const { temporaryPassword, account } = created.json();
    expect(account.mustChangePassword).toBe(true);

    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanthu.sonv', password: temporaryPassword } });
    expect(login.statusCode).toBe(200);
    const user = clientFrom(t.app, sessionCookieOf(login), login.json().csrfToken);
    const blocked = await user.request({ method: 'GET', url: '/api/people' });
    expect(blocked.json().error.code).toBe('auth.password_change_required');
    const weak = await user.request({ method: 'POST', url: '/api/auth/change-password', body: { currentPassword: temporaryPassword, newPassword: 'ngan' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.issues[0].path).toEqual(['newPassword']);
    const changed = await user.request({ method: 'POST', url: '/api/auth/change-password', body: { currentPassword: temporaryPassword, newPassword: 'Mot-Mat-Khau-Moi-2026' } });
    expect(changed.json().account.mustChangePassword).toBe(false);
    expect((await user.request({ method: 'GET', url: '/api/people' })).statusCode).toBe(200);
  });

  it(`locks an account after ${LIMITS.loginAttemptsBeforeLock} wrong passwords, with a longer lock each time`, async () => {
    const admin = await setupAdmin(t);
    let now = new Date('2026-11-23T02:00:00Z');
    t.setClock(() => now);
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password } });
    for (let i = 0; i < LIMITS.loginAttemptsBeforeLock - 1; i++) expect((await attempt('sai-mat-khau')).json().error.code).toBe('auth.invalid_credentials');
    const fifth = await attempt('sai-mat-khau');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('auth.account_locked');
    expect(fifth.json().error.details.lockedUntil).toBe('2026-11-23T02:15:00.000Z');
    // Even the right password is refused while locked.
    expect((await attempt(STRONG_PASSWORD)).json().error.code).toBe('auth.account_locked');

    now = new Date('2026-11-23T02:16:00Z');
    for (let i = 0; i < LIMITS.loginAttemptsBeforeLock; i++) await attempt('sai-mat-khau');
    const second = await t.ctx.db.selectFrom('accounts').select('locked_until').where('username', '=', 'quantri').executeTakeFirstOrThrow();
    expect(second.locked_until).toBe('2026-11-23T02:46:00.000Z');

    now = new Date('2026-11-23T02:47:00Z');
    expect((await attempt(STRONG_PASSWORD)).statusCode).toBe(200);
    const types = (await t.ctx.db.selectFrom('audit_records').select('type').execute()).map((r) => r.type);
    expect(types.filter((x) => x === 'auth.account_auto_locked')).toHaveLength(2);
    void admin;
  });

  it('gives the same answer for an unknown user as for a wrong password', async () => {
    await setupAdmin(t);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong.ton.tai', password: 'x' } });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: 'x' } });
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('ends a session after the idle timeout and logs out', async () => {
    const admin = await setupAdmin(t);
    const start = Date.now();
    t.setClock(() => new Date(start + (LIMITS.sessionIdleMinutes + 1) * 60_000));
    expect((await admin.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('logout ends the session', async () => {
    const admin = await setupAdmin(t);
    expect((await admin.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await admin.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
  });

  it('an administrator lock ends the sessions of the account, and unlock lets it in again', async () => {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-TC', name: 'Sở Tài chính' });
    const person = (await admin.request({ method: 'POST', url: '/api/people', body: { fullName: 'Lê Văn Cán', unitId: unit.id } })).json().person;
    const { account, temporaryPassword } = (await admin.request({ method: 'POST', url: '/api/accounts', body: { personId: person.id, username: 'canbo.tc', roles: ['CAN_BO'] } })).json();
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo.tc', password: temporaryPassword } });
    const user = clientFrom(t.app, sessionCookieOf(login), login.json().csrfToken);
    expect((await admin.request({ method: 'POST', url: `/api/accounts/${account.id}/lock` })).json().account.status).toBe('LOCKED');
    expect((await user.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo.tc', password: temporaryPassword } });
    expect(refused.json().error.code).toBe('auth.account_locked');
    await admin.request({ method: 'POST', url: `/api/accounts/${account.id}/unlock` });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'canbo.tc', password: temporaryPassword } })).statusCode).toBe(200);
  });

  it('requires the TOTP code once the second factor is enabled', async () => {
    const admin = await setupAdmin(t);
    const { secret } = (await admin.request({ method: 'POST', url: '/api/auth/totp/setup' })).json();
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
    expect((await admin.request({ method: 'POST', url: '/api/auth/totp/enable', body: { code: '000000' === totp.generate() ? '111111' : '000000' } })).json().error.code).toBe('auth.totp_invalid');
    expect((await admin.request({ method: 'POST', url: '/api/auth/totp/enable', body: { code: totp.generate() } })).json().account.totpEnabled).toBe(true);
    const noCode = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: STRONG_PASSWORD } });
    expect(noCode.json().error.code).toBe('auth.totp_required');
    const withCode = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: STRONG_PASSWORD, totp: totp.generate() } });
    expect(withCode.statusCode).toBe(200);
  });

  it('shows the account list only to the administrator', async () => {
    const admin = await setupAdmin(t);
    expect((await admin.request({ method: 'GET', url: '/api/accounts' })).json().accounts).toHaveLength(1);
    const { createUserAndLogin } = await import('../../testing/test-context.ts');
    const clerk = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['VAN_THU'] });
    expect((await clerk.request({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(403);
  });
});

describe('disabling an account', () => {
  it('refuses login to a disabled account and ends its sessions; unlocking reactivates it', async () => {
    const t = await createTestApp('sqlite');
    try {
      const admin = await setupAdmin(t);
      const { createUserAndLogin } = await import('../../testing/test-context.ts');
      const user = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['CAN_BO'] });
      expect((await admin.request({ method: 'POST', url: `/api/accounts/${user.accountId}/disable` })).json().account.status).toBe('DISABLED');
      expect((await user.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: STRONG_PASSWORD } });
      expect(login.json().error.code).toBe('auth.account_disabled');
      await admin.request({ method: 'POST', url: `/api/accounts/${user.accountId}/unlock` });
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: STRONG_PASSWORD } })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
