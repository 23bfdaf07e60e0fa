import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { LIMITS } from '@bmnn/contracts';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const SESSION_COOKIE = 'bmnn_sid';

/** Only a hash of the token is stored: a copy of the database opens no session. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession({ trx, accountId, now }: { trx: Db; accountId: string; now: Date }) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await trx
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      account_id: accountId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + LIMITS.sessionAbsoluteHours * 3_600_000).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

/**
 * The live session for a token, or nothing. A session ends after the idle timeout or the
 * absolute lifetime, whichever comes first; last use is recorded at most once a minute.
 */
export async function findLiveSession({ db, token, now }: { db: Db; token: string; now: Date }) {
  const id = hashToken(token);
  // One query for the session, its account and the person behind it (this runs on every request).
  const session = await db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .select([
      'sessions.account_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'accounts.status',
      'accounts.must_change_password',
      'accounts.roles',
      'people.id as personId',
      'people.unit_id as unitId',
      'people.clearance',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!session) return undefined;
  const idleLimit = Date.parse(session.last_seen_at) + LIMITS.sessionIdleMinutes * 60_000;
  if (now.getTime() > idleLimit || now.getTime() > Date.parse(session.expires_at)) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  if (now.getTime() - Date.parse(session.last_seen_at) > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  return {
    id,
    accountId: session.account_id,
    csrfToken: session.csrf_token,
    status: session.status,
    mustChangePassword: session.must_change_password === 1,
    actorRow: { accountId: session.account_id, personId: session.personId, unitId: session.unitId, roles: session.roles, clearance: session.clearance },
  };
}

export async function deleteSession({ db, token }: { db: Db; token: string }) {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

export async function deleteSessionsOfAccount({ db, accountId, exceptToken }: { db: Db; accountId: string; exceptToken?: string }) {
  let q = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (exceptToken) q = q.where('id', '<>', hashToken(exceptToken));
  await q.execute();
}
