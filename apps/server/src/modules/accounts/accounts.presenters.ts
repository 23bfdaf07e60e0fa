import type { Account, AccountStatus, Clearance, Role, SessionAccount } from '@bmnn/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

// Exactly the fields that leave the server: never the password hash or the TOTP secret.

export async function getSessionAccount(db: Db, accountId: string): Promise<SessionAccount> {
  const r = await db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select([
      'accounts.id',
      'accounts.username',
      'accounts.roles',
      'accounts.must_change_password',
      'accounts.totp_enabled',
      'people.id as personId',
      'people.full_name',
      'people.clearance',
      'units.id as unitId',
      'units.name as unitName',
    ])
    .where('accounts.id', '=', accountId)
    .executeTakeFirstOrThrow();
  return {
    id: r.id,
    username: r.username,
    personId: r.personId,
    fullName: r.full_name,
    unitId: r.unitId,
    unitName: r.unitName,
    roles: JSON.parse(r.roles) as Role[],
    clearance: r.clearance as Clearance,
    mustChangePassword: r.must_change_password === 1,
    totpEnabled: r.totp_enabled === 1,
  };
}

export const ACCOUNT_COLUMNS = [
  'accounts.id',
  'accounts.username',
  'accounts.person_id',
  'accounts.roles',
  'accounts.status',
  'accounts.must_change_password',
  'accounts.totp_enabled',
  'accounts.failed_attempts',
  'accounts.locked_until',
  'accounts.last_login_at',
  'people.full_name',
  'people.unit_id',
] as const;

export function presentAccount(r: {
  id: string;
  username: string;
  person_id: string;
  roles: string;
  status: string;
  must_change_password: number;
  totp_enabled: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  full_name: string;
  unit_id: string;
}): Account {
  return {
    id: r.id,
    username: r.username,
    personId: r.person_id,
    fullName: r.full_name,
    unitId: r.unit_id,
    roles: JSON.parse(r.roles) as Role[],
    status: r.status as AccountStatus,
    mustChangePassword: r.must_change_password === 1,
    totpEnabled: r.totp_enabled === 1,
    failedAttempts: Number(r.failed_attempts),
    lockedUntil: r.locked_until,
    lastLoginAt: r.last_login_at,
  };
}
