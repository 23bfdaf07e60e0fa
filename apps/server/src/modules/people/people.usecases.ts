import { createPersonRequest, foldForSearch, todayInVietnam, type Clearance, type CreatePersonRequest, type Person, type UpdatePersonRequest } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canManagePeopleOf, canSeePeopleOf, type Actor } from '../access/access.policies.ts';
import { unitErrors } from '../units/units.errors.ts';
import { personErrors } from './people.errors.ts';

type PersonRow = { id: string; full_name: string; position: string | null; unit_id: string; handles_secrets: number; clearance: string; is_key_post: number; account_id: string | null };

function present(r: PersonRow): Person {
  return {
    id: r.id,
    fullName: r.full_name,
    position: r.position,
    unitId: r.unit_id,
    handlesSecrets: r.handles_secrets === 1,
    clearance: r.clearance as Clearance,
    isKeyPost: r.is_key_post === 1,
    accountId: r.account_id,
  };
}

function selectPeople(ctx: AppContext) {
  return ctx.db
    .selectFrom('people')
    .leftJoin('accounts', 'accounts.person_id', 'people.id')
    .select(['people.id', 'people.full_name', 'people.position', 'people.unit_id', 'people.handles_secrets', 'people.clearance', 'people.is_key_post', 'accounts.id as account_id']);
}

/** People the actor may see (their unit scope, or everyone for province-wide roles). */
export async function listPeople(ctx: AppContext, { actor, unitId, q }: { actor: Actor; unitId?: string | undefined; q?: string | undefined }) {
  let query = selectPeople(ctx).orderBy('people.full_name');
  if (unitId) query = query.where('people.unit_id', '=', unitId);
  if (q) query = query.where('people.full_name_folded', 'like', `%${foldForSearch(q).replace(/[%_\\]/g, '')}%`);
  const rows = await query.execute();
  return { people: rows.filter((r) => canSeePeopleOf({ actor, unitId: r.unit_id })).map(present) };
}

export async function getPerson(ctx: AppContext, { actor, personId }: { actor: Actor | null; personId: string }) {
  const row = await selectPeople(ctx).where('people.id', '=', personId).executeTakeFirst();
  if (!row || (actor && !canSeePeopleOf({ actor, unitId: row.unit_id }))) throw personErrors.notFound();
  return { person: present(row) };
}

export async function createPerson(ctx: AppContext, { actor, input: raw }: { actor: Actor | null; input: CreatePersonRequest }) {
  const input = createPersonRequest.parse(raw);
  if (actor && !canManagePeopleOf({ actor, unitId: input.unitId })) throw errors.forbidden();
  const personId = await inTransaction(ctx, async ({ trx, now, audit }) => {
    const unit = await trx.selectFrom('units').select(['id', 'valid_to']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw unitErrors.notFound();
    if (unit.valid_to !== null && unit.valid_to <= todayInVietnam(now)) throw unitErrors.defunct();
    const id = generateId('psn');
    await trx
      .insertInto('people')
      .values({ id, unit_id: input.unitId, full_name: input.fullName, full_name_folded: foldForSearch(input.fullName), position: input.position ?? null, handles_secrets: input.handlesSecrets ? 1 : 0, clearance: input.clearance, is_key_post: input.isKeyPost ? 1 : 0, created_at: now.toISOString(), updated_at: now.toISOString() })
      .execute();
    await audit({ type: 'person.created', chain: input.unitId, actorId: actor?.accountId ?? null, subjectId: id, data: { fullName: input.fullName, unitId: input.unitId, clearance: input.clearance, handlesSecrets: input.handlesSecrets } });
    return id;
  });
  return getPerson(ctx, { actor: null, personId });
}

export async function updatePerson(ctx: AppContext, { actor, personId, input }: { actor: Actor; personId: string; input: UpdatePersonRequest }) {
  const { person } = await getPerson(ctx, { actor, personId });
  if (!canManagePeopleOf({ actor, unitId: person.unitId })) throw errors.forbidden();
  if (input.unitId && input.unitId !== person.unitId && !canManagePeopleOf({ actor, unitId: input.unitId })) throw errors.forbidden();
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const before = { fullName: person.fullName, position: person.position, unitId: person.unitId, handlesSecrets: person.handlesSecrets, clearance: person.clearance, isKeyPost: person.isKeyPost };
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as typeof before;
    if (after.unitId !== before.unitId) {
      const unit = await trx.selectFrom('units').select(['id', 'valid_to']).where('id', '=', after.unitId).executeTakeFirst();
      if (!unit) throw unitErrors.notFound();
      if (unit.valid_to !== null && unit.valid_to <= todayInVietnam(now)) throw unitErrors.defunct();
    }
    await trx
      .updateTable('people')
      .set({ full_name: after.fullName, full_name_folded: foldForSearch(after.fullName), position: after.position, unit_id: after.unitId, handles_secrets: after.handlesSecrets ? 1 : 0, clearance: after.clearance, is_key_post: after.isKeyPost ? 1 : 0, updated_at: now.toISOString() })
      .where('id', '=', personId)
      .execute();
    await audit({ type: 'person.updated', chain: after.unitId, actorId: actor.accountId, subjectId: personId, data: { before, after } });
  });
  return getPerson(ctx, { actor: null, personId });
}
