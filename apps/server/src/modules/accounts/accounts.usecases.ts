import { foldForSearch, type Clearance, type CreateAccountRequest, type Role } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction, type TransactionScope } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canManageAccounts, type Actor } from '../access/access.policies.ts';
import { accountErrors } from './accounts.errors.ts';
import { generateTemporaryPassword, hashPassword } from './accounts.passwords.ts';
import { ACCOUNT_COLUMNS, presentAccount } from './accounts.presenters.ts';
import { deleteSessionsOfAccount } from './accounts.sessions.ts';
import { personErrors } from '../people/people.errors.ts';
import { unitErrors } from '../units/units.errors.ts';

function ensureAccountManager(actor: Actor) {
  if (!canManageAccounts(actor)) throw errors.forbidden();
}

export async function listAccounts(ctx: AppContext, { actor }: { actor: Actor }) {
  ensureAccountManager(actor);
  const rows = await ctx.db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .select(ACCOUNT_COLUMNS)
    .orderBy('accounts.username')
    .execute();
  return { accounts: rows.map(presentAccount) };
}

export async function getAccount(ctx: AppContext, { accountId }: { accountId: string }) {
  const row = await ctx.db.selectFrom('accounts').innerJoin('people', 'people.id', 'accounts.person_id').select(ACCOUNT_COLUMNS).where('accounts.id', '=', accountId).executeTakeFirst();
  if (!row) throw accountErrors.notFound();
  return { account: presentAccount(row) };
}

/** Creates a login for a person with a temporary password that must be changed at first login. */
export async function createAccount(ctx: AppContext, { actor, input }: { actor: Actor; input: CreateAccountRequest }) {
  ensureAccountManager(actor);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const accountId = await inTransaction(ctx, async ({ trx, now, audit }) => {
    const person = await trx.selectFrom('people').select(['id', 'unit_id']).where('id', '=', input.personId).executeTakeFirst();
    if (!person) throw personErrors.notFound();
    const existing = await trx.selectFrom('accounts').select('id').where('person_id', '=', person.id).executeTakeFirst();
    if (existing) throw accountErrors.personHasAccount();
    const id = generateId('acc');
    const iso = now.toISOString();
    try {
      await trx
        .insertInto('accounts')
        .values({
          id,
          person_id: person.id,
          username: input.username,
          password_hash: passwordHash,
          roles: JSON.stringify([...new Set(input.roles)]),
          status: 'ACTIVE',
          must_change_password: 1,
          totp_secret: null,
          totp_enabled: 0,
          failed_attempts: 0,
          lock_count: 0,
          locked_until: null,
          last_login_at: null,
          password_changed_at: iso,
          created_at: iso,
          updated_at: iso,
        })
        .execute();
    } catch (cause) {
      if (isUniqueViolation(cause)) throw accountErrors.usernameTaken({ cause, details: { issues: [{ path: ['username'], message: 'Tên đăng nhập đã được sử dụng' }] } });
      throw cause;
    }
    await audit({ type: 'account.created', chain: person.unit_id, actorId: actor.accountId, subjectId: id, data: { username: input.username, personId: person.id, roles: input.roles } });
    return id;
  });
  return { ...(await getAccount(ctx, { accountId })), temporaryPassword };
}

async function loadForChange(trx: TransactionScope["trx"], accountId: string) {
  const row = await trx.selectFrom('accounts').innerJoin('people', 'people.id', 'accounts.person_id').select(['accounts.id', 'accounts.username', 'accounts.roles', 'people.unit_id']).where('accounts.id', '=', accountId).executeTakeFirst();
  if (!row) throw accountErrors.notFound();
  return row;
}

export async function changeRoles(ctx: AppContext, { actor, accountId, roles }: { actor: Actor; accountId: string; roles: Role[] }) {
  ensureAccountManager(actor);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const a = await loadForChange(trx, accountId);
    const after = [...new Set(roles)];
    await trx.updateTable('accounts').set({ roles: JSON.stringify(after), updated_at: now.toISOString() }).where('id', '=', accountId).execute();
    await audit({ type: 'account.roles_changed', chain: a.unit_id, actorId: actor.accountId, subjectId: accountId, data: { username: a.username, before: JSON.parse(a.roles) as string[], after } });
  });
  return getAccount(ctx, { accountId });
}

export async function lockAccount(ctx: AppContext, { actor, accountId }: { actor: Actor; accountId: string }) {
  ensureAccountManager(actor);
  if (accountId === actor.accountId) throw errors.forbidden({ message: 'Không thể tự khóa tài khoản của mình' });
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const a = await loadForChange(trx, accountId);
    await trx.updateTable('accounts').set({ status: 'LOCKED', updated_at: now.toISOString() }).where('id', '=', accountId).execute();
    await deleteSessionsOfAccount({ db: trx, accountId });
    await audit({ type: 'account.locked', chain: a.unit_id, actorId: actor.accountId, subjectId: accountId, data: { username: a.username } });
  });
  return getAccount(ctx, { accountId });
}

/** Disables an account for good (a person who left): no login, sessions ended; unlock reactivates. */
export async function disableAccount(ctx: AppContext, { actor, accountId }: { actor: Actor | null; accountId: string }) {
  if (actor) ensureAccountManager(actor);
  if (actor && accountId === actor.accountId) throw errors.forbidden({ message: 'Không thể tự vô hiệu hóa tài khoản của mình' });
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const a = await loadForChange(trx, accountId);
    await trx.updateTable('accounts').set({ status: 'DISABLED', updated_at: now.toISOString() }).where('id', '=', accountId).execute();
    await deleteSessionsOfAccount({ db: trx, accountId });
    await audit({ type: 'account.disabled', chain: a.unit_id, actorId: actor?.accountId ?? null, subjectId: accountId, data: { username: a.username } });
  });
  return getAccount(ctx, { accountId });
}

export async function unlockAccount(ctx: AppContext, { actor, accountId }: { actor: Actor; accountId: string }) {
  ensureAccountManager(actor);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const a = await loadForChange(trx, accountId);
    await trx.updateTable('accounts').set({ status: 'ACTIVE', failed_attempts: 0, lock_count: 0, locked_until: null, updated_at: now.toISOString() }).where('id', '=', accountId).execute();
    await audit({ type: 'account.unlocked', chain: a.unit_id, actorId: actor.accountId, subjectId: accountId, data: { username: a.username } });
  });
  return getAccount(ctx, { accountId });
}

/** Sets a new temporary password (shown once) and ends the account's sessions. */
export async function resetPassword(ctx: AppContext, { actor, accountId }: { actor: Actor | null; accountId: string }) {
  if (actor) ensureAccountManager(actor);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const a = await loadForChange(trx, accountId);
    await trx.updateTable('accounts').set({ password_hash: passwordHash, must_change_password: 1, failed_attempts: 0, lock_count: 0, locked_until: null, password_changed_at: now.toISOString(), updated_at: now.toISOString() }).where('id', '=', accountId).execute();
    await deleteSessionsOfAccount({ db: trx, accountId });
    await audit({ type: 'account.password_reset', chain: a.unit_id, actorId: actor?.accountId ?? null, subjectId: accountId, data: { username: a.username } });
  });
  return { ...(await getAccount(ctx, { accountId })), temporaryPassword };
}

/**
 * The operator's path (`bmnn user create`): a person and their account in one transaction,
 * with the password the operator typed on standard input (checked against the password rules).
 */
export async function createPersonWithAccount(
  ctx: AppContext,
  input: { username: string; fullName: string; unitId: string; roles: Role[]; clearance: Clearance; password: string },
) {
  const passwordHash = await hashPassword(input.password);
  const accountId = await inTransaction(ctx, async ({ trx, now, audit }) => {
    const unit = await trx.selectFrom('units').select(['id', 'valid_to']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw unitErrors.notFound();
    const taken = await trx.selectFrom('accounts').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw accountErrors.usernameTaken();
    const iso = now.toISOString();
    const personId = generateId('psn');
    await trx
      .insertInto('people')
      .values({ id: personId, unit_id: input.unitId, full_name: input.fullName, full_name_folded: foldForSearch(input.fullName), position: null, handles_secrets: input.clearance === 'NONE' ? 0 : 1, clearance: input.clearance, is_key_post: 0, created_at: iso, updated_at: iso })
      .execute();
    const id = generateId('acc');
    await trx
      .insertInto('accounts')
      .values({ id, person_id: personId, username: input.username, password_hash: passwordHash, roles: JSON.stringify([...new Set(input.roles)]), status: 'ACTIVE', must_change_password: 0, totp_secret: null, totp_enabled: 0, failed_attempts: 0, lock_count: 0, locked_until: null, last_login_at: null, password_changed_at: iso, created_at: iso, updated_at: iso })
      .execute();
    await audit({ type: 'person.created', chain: input.unitId, actorId: null, subjectId: personId, data: { fullName: input.fullName, unitId: input.unitId, clearance: input.clearance, handlesSecrets: input.clearance !== 'NONE' } });
    await audit({ type: 'account.created', chain: input.unitId, actorId: null, subjectId: id, data: { username: input.username, personId, roles: input.roles } });
    return id;
  });
  return getAccount(ctx, { accountId });
}

export async function findAccountIdByUsername(ctx: AppContext, username: string): Promise<string | undefined> {
  return (await ctx.db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst())?.id;
}
