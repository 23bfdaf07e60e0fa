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

/**
 * Unit scopes for the per-request actor, from an in-memory copy of the tree (id → children).
 * The copy is rebuilt when this process changes a unit and at most SCOPE_TTL_MS after a change
 * made elsewhere (another app process on PostgreSQL, or the CLI): a moved unit's new scope takes
 * effect within seconds. Writes that depend on the tree read it fresh (findSubtreeUnitIds).
 */
const SCOPE_TTL_MS = 5_000;
type TreeCopy = { loadedAt: number; children: Map<string, string[]> };
const treeCopies = new WeakMap<object, TreeCopy>();

export function invalidateUnitScopes(db: object): void {
  treeCopies.delete(db);
}

export async function getScopeUnitIds(db: Kysely<Database>, unitId: string, now = Date.now()): Promise<Set<string>> {
  let copy = treeCopies.get(db);
  if (!copy || now - copy.loadedAt > SCOPE_TTL_MS) {
    const rows = await db.selectFrom('units').select(['id', 'parent_id']).execute();
    const children = new Map<string, string[]>();
    for (const r of rows) {
      if (r.parent_id) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
    }
    copy = { loadedAt: now, children };
    treeCopies.set(db, copy);
  }
  const scope = new Set<string>([unitId]);
  const stack = [unitId];
  while (stack.length > 0) {
    for (const child of copy.children.get(stack.pop()!) ?? []) {
      if (!scope.has(child)) {
        scope.add(child);
        stack.push(child);
      }
    }
  }
  return scope;
}

export function actorFromRow(row: { accountId: string; personId: string; unitId: string; roles: string; clearance: string }, scopeUnitIds: Set<string>): Actor {
  return { accountId: row.accountId, personId: row.personId, unitId: row.unitId, roles: JSON.parse(row.roles) as Role[], clearance: row.clearance as Clearance, scopeUnitIds };
}
