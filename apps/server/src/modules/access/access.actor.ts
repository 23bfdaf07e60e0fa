import { sql, type Kysely, type Transaction } from 'kysely';
import type { Clearance, Role } from '@bmnn/contracts';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from './access.policies.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A unit and every unit below it (recursive query; the same SQL on SQLite and PostgreSQL). */
export async function findSubtreeUnitIds(db: Db, unitId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive subtree(id) as (
      select id from units where id = ${unitId}
      union all
      select u.id from units u join subtree s on u.parent_id = s.id
    )
    select id from subtree`.execute(db);
  return result.rows.map((r) => r.id);
}

export async function loadActor(db: Db, accountId: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .select(['accounts.id as accountId', 'accounts.roles', 'people.id as personId', 'people.unit_id as unitId', 'people.clearance'])
    .where('accounts.id', '=', accountId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    accountId: row.accountId,
    personId: row.personId,
    unitId: row.unitId,
    roles: JSON.parse(row.roles) as Role[],
    clearance: row.clearance as Clearance,
    scopeUnitIds: new Set(await findSubtreeUnitIds(db, row.unitId)),
  };
}
