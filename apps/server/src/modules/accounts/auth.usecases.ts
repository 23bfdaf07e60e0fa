import { LIMITS, type ChangePasswordRequest, type LoginRequest, type SetupRequest } from '@bmnn/contracts';
import * as OTPAuth from 'otpauth';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { generateId } from '../../platform/ids.ts';
import { SYSTEM_CHAIN } from '../audit/audit.events.ts';
import { foldForSearch, todayInVietnam } from '@bmnn/contracts';
import { accountErrors } from './accounts.errors.ts';
import { burnPasswordCheck, generateSetupCode, hashPassword, verifyPassword } from './accounts.passwords.ts';
import { createSession, deleteSession, deleteSessionsOfAccount } from './accounts.sessions.ts';

const SETUP_CODE_KEY = 'setup_code_hash';

export async function hasAdministrator(ctx: AppContext): Promise<boolean> {
  const rows = await ctx.db.selectFrom('accounts').select('roles').execute();
  return rows.some((r) => (JSON.parse(r.roles) as string[]).includes('QUAN_TRI'));
}

/**
 * On a start with no administrator, makes a fresh one-time setup code, stores only its hash and
 * returns it to be printed on the console. There is no default password (issue #2).
 */
export async function prepareFirstRunSetup(ctx: AppContext): Promise<{ setupCode: string } | null> {
  if (await hasAdministrator(ctx)) return null;
  const setupCode = generateSetupCode();
  const value = await hashPassword(setupCode);
  const now = ctx.clock().toISOString();
  await ctx.db
    .insertInto('settings')
    .values({ key: SETUP_CODE_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
  return { setupCode };
}

/** First run: checks the code, creates the province, the administrator and a session. */
export async function completeSetup(ctx: AppContext, input: SetupRequest) {
  if (await hasAdministrator(ctx)) throw accountErrors.setupDone();
  const stored = await ctx.db.selectFrom('settings').select('value').where('key', '=', SETUP_CODE_KEY).executeTakeFirst();
  if (!stored || !(await verifyPassword(stored.value, input.setupCode.trim().toUpperCase()))) {
    throw accountErrors.setupCodeInvalid();
  }
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    const unitId = generateId('unt');
    await trx
      .insertInto('units')
      .values({
        id: unitId,
        code: input.provinceCode,
        name: input.provinceName,
        name_folded: foldForSearch(input.provinceName),
        kind: 'TINH',
        parent_id: null,
        valid_from: todayInVietnam(now),
        valid_to: null,
        successor_id: null,
        is_key_post: 0,
        note: null,
        created_at: iso,
        updated_at: iso,
      })
      .execute();
    await trx
      .insertInto('unit_names')
      .values({ id: generateId('unn'), unit_id: unitId, name: input.provinceName, name_folded: foldForSearch(input.provinceName), valid_from: todayInVietnam(now), valid_to: null })
      .execute();
    const personId = generateId('psn');
    await trx
      .insertInto('people')
      .values({
        id: personId,
        unit_id: unitId,
        full_name: input.fullName,
        full_name_folded: foldForSearch(input.fullName),
        position: 'Quản trị hệ thống',
        handles_secrets: 0,
        clearance: 'NONE',
        is_key_post: 0,
        created_at: iso,
        updated_at: iso,
      })
      .execute();
    const accountId = generateId('acc');
    await trx
      .insertInto('accounts')
      .values({
        id: accountId,
        person_id: personId,
        username: input.username,
        password_hash: passwordHash,
        roles: JSON.stringify(['QUAN_TRI']),
        status: 'ACTIVE',
        must_change_password: 0,
        totp_secret: null,
        totp_enabled: 0,
        failed_attempts: 0,
        lock_count: 0,
        locked_until: null,
        last_login_at: iso,
        password_changed_at: iso,
        created_at: iso,
        updated_at: iso,
      })
      .execute();
    await trx.deleteFrom('settings').where('key', '=', SETUP_CODE_KEY).execute();
    await audit({ type: 'setup.completed', chain: SYSTEM_CHAIN, actorId: accountId, subjectId: unitId, data: { provinceUnitId: unitId, adminAccountId: accountId } });
    await audit({ type: 'unit.created', chain: unitId, actorId: accountId, subjectId: unitId, data: { code: input.provinceCode, name: input.provinceName, kind: 'TINH', parentId: null } });
    const session = await createSession({ trx, accountId, now });
    return { accountId, ...session };
  });
}

/** Lock duration after the n-th automatic lock: 15, 30, 60 … minutes, at most a day. */
export function lockMinutes(lockCount: number): number {
  return Math.min(LIMITS.loginLockBaseMinutes * 2 ** lockCount, 24 * 60);
}

/**
 * Login with lockout and back-off: after LIMITS.loginAttemptsBeforeLock wrong passwords in a
 * row the account locks for lockMinutes(n); each failure and lock is audited. The answer for an
 * unknown username and for a wrong password is the same, in the same time.
 */
export async function login(ctx: AppContext, input: LoginRequest) {
  const account = await ctx.db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .select(['accounts.id', 'accounts.username', 'accounts.password_hash', 'accounts.status', 'accounts.failed_attempts', 'accounts.lock_count', 'accounts.locked_until', 'accounts.totp_enabled', 'accounts.totp_secret', 'people.unit_id'])
    .where('accounts.username', '=', input.username)
    .executeTakeFirst();
  if (!account) {
    await burnPasswordCheck(input.password);
    throw accountErrors.invalidCredentials();
  }
  const now = ctx.clock();
  const chain = account.unit_id;
  const fail = async (reason: 'password' | 'totp' | 'locked' | 'disabled', error: Error) => {
    await inTransaction(ctx, async ({ trx, audit }) => {
      if (reason === 'password' || reason === 'totp') {
        const failed = Number(account.failed_attempts) + 1;
        const lock = failed >= LIMITS.loginAttemptsBeforeLock;
        const lockedUntil = lock ? new Date(now.getTime() + lockMinutes(Number(account.lock_count)) * 60_000).toISOString() : null;
        await trx
          .updateTable('accounts')
          .set(lock ? { failed_attempts: 0, lock_count: Number(account.lock_count) + 1, locked_until: lockedUntil, updated_at: now.toISOString() } : { failed_attempts: failed, updated_at: now.toISOString() })
          .where('id', '=', account.id)
          .execute();
        await audit({ type: 'auth.login_failed', chain, actorId: null, subjectId: account.id, data: { username: account.username, reason } });
        if (lock && lockedUntil) {
          await audit({ type: 'auth.account_auto_locked', chain, actorId: null, subjectId: account.id, data: { username: account.username, lockedUntil } });
          error = accountErrors.locked({ details: { lockedUntil }, message: `Tài khoản bị khóa tạm thời đến ${new Date(lockedUntil).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' })} do nhập sai mật khẩu ${LIMITS.loginAttemptsBeforeLock} lần` });
        }
      } else {
        await audit({ type: 'auth.login_failed', chain, actorId: null, subjectId: account.id, data: { username: account.username, reason } });
      }
    });
    throw error;
  };

  if (account.status === 'DISABLED') {
    await burnPasswordCheck(input.password);
    return fail('disabled', accountErrors.disabled());
  }
  if (account.status === 'LOCKED') {
    await burnPasswordCheck(input.password);
    return fail('locked', accountErrors.locked({ message: 'Tài khoản đã bị quản trị viên khóa. Liên hệ quản trị viên để mở khóa.' }));
  }
  if (account.locked_until && Date.parse(account.locked_until) > now.getTime()) {
    await burnPasswordCheck(input.password);
    return fail('locked', accountErrors.locked({ details: { lockedUntil: account.locked_until }, message: `Tài khoản bị khóa tạm thời đến ${new Date(account.locked_until).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' })} do nhập sai mật khẩu nhiều lần` }));
  }
  if (!(await verifyPassword(account.password_hash, input.password))) {
    return fail('password', accountErrors.invalidCredentials());
  }
  if (account.totp_enabled === 1) {
    if (!input.totp) throw accountErrors.totpRequired();
    if (!checkTotp(account.totp_secret ?? '', input.totp, now)) return fail('totp', accountErrors.totpInvalid());
  }
  return inTransaction(ctx, async ({ trx, audit }) => {
    await trx
      .updateTable('accounts')
      .set({ failed_attempts: 0, lock_count: 0, locked_until: null, last_login_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', account.id)
      .execute();
    await audit({ type: 'auth.login_succeeded', chain, actorId: account.id, subjectId: account.id, data: { username: account.username } });
    const session = await createSession({ trx, accountId: account.id, now });
    return { accountId: account.id, ...session };
  });
}

export async function logout(ctx: AppContext, { token, accountId }: { token: string; accountId: string }) {
  await inTransaction(ctx, async ({ trx, audit }) => {
    const a = await trx.selectFrom('accounts').innerJoin('people', 'people.id', 'accounts.person_id').select(['accounts.username', 'people.unit_id']).where('accounts.id', '=', accountId).executeTakeFirstOrThrow();
    await deleteSession({ db: trx, token });
    await audit({ type: 'auth.logout', chain: a.unit_id, actorId: accountId, subjectId: accountId, data: { username: a.username } });
  });
}

export async function changePassword(ctx: AppContext, { accountId, token, input }: { accountId: string; token: string; input: ChangePasswordRequest }) {
  const account = await ctx.db.selectFrom('accounts').innerJoin('people', 'people.id', 'accounts.person_id').select(['accounts.password_hash', 'accounts.username', 'people.unit_id']).where('accounts.id', '=', accountId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(account.password_hash, input.currentPassword))) {
    throw accountErrors.invalidCredentials({ message: 'Mật khẩu hiện tại không đúng', details: { issues: [{ path: ['currentPassword'], message: 'Mật khẩu hiện tại không đúng' }] } });
  }
  if (input.currentPassword === input.newPassword) {
    throw accountErrors.invalidCredentials({ message: 'Mật khẩu mới phải khác mật khẩu hiện tại', details: { issues: [{ path: ['newPassword'], message: 'Mật khẩu mới phải khác mật khẩu hiện tại' }] } }) ;
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('accounts').set({ password_hash: passwordHash, must_change_password: 0, password_changed_at: now.toISOString(), updated_at: now.toISOString() }).where('id', '=', accountId).execute();
    // Other sessions of this account end: whoever knew the old password is out.
    await deleteSessionsOfAccount({ db: trx, accountId, exceptToken: token });
    await audit({ type: 'auth.password_changed', chain: account.unit_id, actorId: accountId, subjectId: accountId, data: { username: account.username } });
  });
}

// ---- TOTP (RFC 6238), optional second factor -----------------------------------------------

function totpFor(secret: string, username = 'bmnn') {
  return new OTPAuth.TOTP({ issuer: 'BMNN', label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

export function checkTotp(secret: string, code: string, now: Date): boolean {
  if (!secret) return false;
  return totpFor(secret).validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

const PENDING_TOTP_PREFIX = 'pending_totp:';

export async function beginTotpSetup(ctx: AppContext, { accountId }: { accountId: string }) {
  const account = await ctx.db.selectFrom('accounts').select(['username']).where('id', '=', accountId).executeTakeFirstOrThrow();
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const now = ctx.clock().toISOString();
  const key = PENDING_TOTP_PREFIX + accountId;
  await ctx.db.insertInto('settings').values({ key, value: secret, updated_at: now }).onConflict((oc) => oc.column('key').doUpdateSet({ value: secret, updated_at: now })).execute();
  return { secret, otpauthUrl: totpFor(secret, account.username).toString() };
}

export async function enableTotp(ctx: AppContext, { accountId, code }: { accountId: string; code: string }) {
  const key = PENDING_TOTP_PREFIX + accountId;
  const pending = await ctx.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!pending || !checkTotp(pending.value, code, ctx.clock())) throw accountErrors.totpInvalid();
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const a = await trx.selectFrom('accounts').innerJoin('people', 'people.id', 'accounts.person_id').select(['accounts.username', 'people.unit_id']).where('accounts.id', '=', accountId).executeTakeFirstOrThrow();
    await trx.updateTable('accounts').set({ totp_secret: pending.value, totp_enabled: 1, updated_at: now.toISOString() }).where('id', '=', accountId).execute();
    await trx.deleteFrom('settings').where('key', '=', key).execute();
    await audit({ type: 'auth.totp_enabled', chain: a.unit_id, actorId: accountId, subjectId: accountId, data: { username: a.username } });
  });
}

export async function disableTotp(ctx: AppContext, { accountId, code }: { accountId: string; code: string }) {
  const a = await ctx.db.selectFrom('accounts').innerJoin('people', 'people.id', 'accounts.person_id').select(['accounts.username', 'accounts.totp_secret', 'people.unit_id']).where('accounts.id', '=', accountId).executeTakeFirstOrThrow();
  if (!checkTotp(a.totp_secret ?? '', code, ctx.clock())) throw accountErrors.totpInvalid();
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('accounts').set({ totp_secret: null, totp_enabled: 0, updated_at: now.toISOString() }).where('id', '=', accountId).execute();
    await audit({ type: 'auth.totp_disabled', chain: a.unit_id, actorId: accountId, subjectId: accountId, data: { username: a.username } });
  });
}
