import {
  addTrainingAttendeesRequest,
  createDisseminationRequest,
  createTrainingSessionRequest,
  removeTrainingAttendeeRequest,
  todayInVietnam,
  TRAINING_WINDOW_DEFAULT_MONTHS,
  trainingPolicyRequest,
  updateTrainingSessionRequest,
  type CreateDisseminationRequest,
  type CreateTrainingSessionRequest,
  type Dissemination,
  type DisseminationKind,
  type PersonTraining,
  type TrainingAttendee,
  type TrainingCoverage,
  type TrainingKind,
  type TrainingPolicy,
  type RemoveTrainingAttendeeRequest,
  type TrainingSession,
  type UpdateTrainingSessionRequest,
} from '@bmnn/contracts';
import type { AppContext, TransactionScope } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canChangeTrainingPolicy, canManageTrainingOf, canSeePeopleOf, canSeeTrainingOf, trainingUnitScope, type Actor } from '../access/access.policies.ts';
import { SYSTEM_CHAIN } from '../audit/audit.events.ts';
import { personErrors } from '../people/people.errors.ts';
import { unitErrors } from '../units/units.errors.ts';
import { trainingErrors } from './training.errors.ts';
import { computeCoverage, isTrainingCurrent, listSessionChanges, monthsBefore, percentOf, type SessionFields } from './training.rules.ts';

// Training and dissemination (tuyên truyền, tập huấn, quán triệt — LEGAL.md R11.5).

/** The tenant setting: how many months a training counts as recent (default 12). */
export const TRAINING_WINDOW_SETTING = 'policy.training_window_months';

export async function getTrainingPolicy(ctx: AppContext): Promise<TrainingPolicy> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', TRAINING_WINDOW_SETTING).executeTakeFirst();
  const months = row ? Number(row.value) : NaN;
  return { windowMonths: Number.isInteger(months) && months > 0 ? months : TRAINING_WINDOW_DEFAULT_MONTHS };
}

export async function setTrainingPolicy(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: TrainingPolicy }) {
  if (!canChangeTrainingPolicy(actor)) throw errors.forbidden();
  const input = trainingPolicyRequest.parse(raw);
  const before = await getTrainingPolicy(ctx);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const value = String(input.windowMonths);
    const at = now.toISOString();
    await trx.insertInto('settings').values({ key: TRAINING_WINDOW_SETTING, value, updated_at: at }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at })).execute();
    await audit({ type: 'training.policy_changed', chain: SYSTEM_CHAIN, actorId: actor.accountId, data: { before: before.windowMonths, after: input.windowMonths } });
  });
  return getTrainingPolicy(ctx);
}

async function ensureLiveUnit(scope: TransactionScope, unitId: string) {
  const unit = await scope.trx.selectFrom('units').select(['id', 'valid_to']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw unitErrors.notFound();
  if (unit.valid_to !== null && unit.valid_to <= todayInVietnam(scope.now)) throw unitErrors.defunct();
}

/** People the actor may see, by id; anyone else is "not found" with the field named. */
async function getVisiblePeople(ctx: AppContext, actor: Actor, personIds: readonly string[], field: string) {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return [];
  const rows = await ctx.db.selectFrom('people').select(['id', 'unit_id', 'full_name', 'clearance']).where('id', 'in', unique).execute();
  const visible = rows.filter((r) => canSeePeopleOf({ actor, unitId: r.unit_id }));
  if (visible.length !== unique.length) throw personErrors.notFound({ details: { issues: [{ path: [field], message: 'Không tìm thấy cán bộ' }] } });
  return visible;
}

function notInFuture(ctx: AppContext, date: string, field: string, message: string) {
  if (date > todayInVietnam(ctx.clock())) throw errors.validation({ details: { issues: [{ path: [field], message }] } });
}

type SessionRow = Database['training_sessions'];

function presentSession(r: SessionRow, attendees: TrainingAttendee[]): TrainingSession {
  return { id: r.id, unitId: r.unit_id, topic: r.topic, kind: r.kind as TrainingKind, heldOn: r.held_on, organiser: r.organiser, material: r.material, result: r.result, attendeeCount: attendees.length };
}

async function getVisibleSessionRow(ctx: AppContext, actor: Actor, sessionId: string) {
  const row = await ctx.db.selectFrom('training_sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!row || !canSeeTrainingOf({ actor, unitId: row.unit_id })) throw trainingErrors.notFound();
  return row;
}

async function attendeesOf(ctx: AppContext, actor: Actor, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return new Map<string, TrainingAttendee[]>();
  const rows = await ctx.db
    .selectFrom('training_attendees')
    .innerJoin('people', 'people.id', 'training_attendees.person_id')
    .select(['training_attendees.session_id', 'people.id', 'people.full_name', 'people.unit_id', 'people.position'])
    .where('training_attendees.session_id', 'in', sessionIds)
    .orderBy('people.full_name')
    .execute();
  const bySession = new Map<string, TrainingAttendee[]>();
  for (const r of rows) {
    // Attendees are people: the actor sees those of their scope (DESIGN.md §5).
    if (!canSeePeopleOf({ actor, unitId: r.unit_id })) continue;
    const list = bySession.get(r.session_id) ?? [];
    list.push({ personId: r.id, fullName: r.full_name, unitId: r.unit_id, position: r.position });
    bySession.set(r.session_id, list);
  }
  return bySession;
}

export async function getTrainingSession(ctx: AppContext, { actor, sessionId }: { actor: Actor; sessionId: string }): Promise<{ session: TrainingSession }> {
  const row = await getVisibleSessionRow(ctx, actor, sessionId);
  const attendees = (await attendeesOf(ctx, actor, [row.id])).get(row.id) ?? [];
  return { session: { ...presentSession(row, attendees), attendees } };
}

export async function listTrainingSessions(ctx: AppContext, { actor, unitId, year }: { actor: Actor; unitId?: string | undefined; year?: number | undefined }) {
  const scope = trainingUnitScope(actor);
  if (scope !== 'all' && scope.length === 0) return { sessions: [] as TrainingSession[] };
  let query = ctx.db.selectFrom('training_sessions').selectAll();
  if (scope !== 'all') query = query.where('unit_id', 'in', scope);
  if (unitId) query = query.where('unit_id', '=', unitId);
  if (year) query = query.where('held_on', '>=', `${year}-01-01`).where('held_on', '<=', `${year}-12-31`);
  const rows = await query.orderBy('held_on', 'desc').orderBy('created_at', 'desc').limit(1000).execute();
  const attendees = await attendeesOf(ctx, actor, rows.map((r) => r.id));
  return { sessions: rows.map((r) => presentSession(r, attendees.get(r.id) ?? [])) };
}

export async function createTrainingSession(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: CreateTrainingSessionRequest }) {
  const input = createTrainingSessionRequest.parse(raw);
  if (!canManageTrainingOf({ actor, unitId: input.unitId })) throw errors.forbidden();
  notInFuture(ctx, input.heldOn, 'heldOn', 'Ngày tổ chức không được sau hôm nay');
  const people = await getVisiblePeople(ctx, actor, input.attendeeIds, 'attendeeIds');
  const id = await inTransaction(ctx, async (scope) => {
    await ensureLiveUnit(scope, input.unitId);
    const sessionId = generateId('trn');
    const at = scope.now.toISOString();
    await scope.trx
      .insertInto('training_sessions')
      .values({ id: sessionId, unit_id: input.unitId, topic: input.topic, kind: input.kind, held_on: input.heldOn, organiser: input.organiser, material: input.material ?? null, result: input.result ?? null, created_by: actor.accountId, created_at: at, updated_at: at })
      .execute();
    for (const p of people) await scope.trx.insertInto('training_attendees').values({ session_id: sessionId, person_id: p.id, unit_id: p.unit_id, created_at: at }).execute();
    await scope.audit({ type: 'training.session_recorded', chain: input.unitId, actorId: actor.accountId, subjectId: sessionId, data: { topic: input.topic, heldOn: input.heldOn, attendees: people.length } });
    return sessionId;
  });
  return getTrainingSession(ctx, { actor, sessionId: id });
}

/** Adds attendees in one transaction; people already on the list are left as they are. */
export async function addAttendeesInTransaction(scope: TransactionScope, { actor, session, people, source }: { actor: Actor; session: SessionRow; people: ReadonlyArray<{ id: string; unit_id: string }>; source: 'manual' | 'import' }) {
  const existing = new Set((await scope.trx.selectFrom('training_attendees').select('person_id').where('session_id', '=', session.id).execute()).map((r) => r.person_id));
  const added = people.filter((p) => !existing.has(p.id));
  const at = scope.now.toISOString();
  for (const p of added) await scope.trx.insertInto('training_attendees').values({ session_id: session.id, person_id: p.id, unit_id: p.unit_id, created_at: at }).execute();
  if (added.length > 0) await scope.audit({ type: 'training.attendees_added', chain: session.unit_id, actorId: actor.accountId, subjectId: session.id, data: { sessionId: session.id, personIds: added.map((p) => p.id), source } });
  return added.length;
}

export async function addTrainingAttendees(ctx: AppContext, { actor, sessionId, input: raw }: { actor: Actor; sessionId: string; input: { personIds: string[] } }) {
  const input = addTrainingAttendeesRequest.parse(raw);
  const session = await getVisibleSessionRow(ctx, actor, sessionId);
  if (!canManageTrainingOf({ actor, unitId: session.unit_id })) throw errors.forbidden();
  const people = await getVisiblePeople(ctx, actor, input.personIds, 'personIds');
  await inTransaction(ctx, (scope) => addAttendeesInTransaction(scope, { actor, session, people, source: 'manual' }));
  return getTrainingSession(ctx, { actor, sessionId });
}

// ---- corrections after recording (a wrong date, topic, organiser or attendee) ----------------

function sessionFieldsOf(r: SessionRow): SessionFields {
  return { topic: r.topic, kind: r.kind, heldOn: r.held_on, organiser: r.organiser, material: r.material, result: r.result };
}

/** Corrects a session's own fields; audited with each changed field before and after. Nothing changed: no write, no audit. */
export async function updateTrainingSession(ctx: AppContext, { actor, sessionId, input: raw }: { actor: Actor; sessionId: string; input: UpdateTrainingSessionRequest }) {
  const input = updateTrainingSessionRequest.parse(raw);
  const session = await getVisibleSessionRow(ctx, actor, sessionId);
  if (!canManageTrainingOf({ actor, unitId: session.unit_id })) throw errors.forbidden();
  if (input.heldOn !== undefined) notInFuture(ctx, input.heldOn, 'heldOn', 'Ngày tổ chức không được sau hôm nay');
  await inTransaction(ctx, async (scope) => {
    const current = await scope.trx.selectFrom('training_sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
    const changes = listSessionChanges({ current: sessionFieldsOf(current), input });
    if (Object.keys(changes.after).length === 0) return;
    const next = { ...sessionFieldsOf(current), ...changes.after };
    await scope.trx
      .updateTable('training_sessions')
      .set({ topic: next.topic, kind: next.kind, held_on: next.heldOn, organiser: next.organiser, material: next.material, result: next.result, updated_at: scope.now.toISOString() })
      .where('id', '=', sessionId)
      .execute();
    await scope.audit({ type: 'training.session_updated', chain: current.unit_id, actorId: actor.accountId, subjectId: sessionId, data: changes });
  });
  return getTrainingSession(ctx, { actor, sessionId });
}

/**
 * Takes a wrongly added person off a session's attendance, with the reason in the audit log.
 * Someone not on the list, or not visible to the actor, is "not found".
 */
export async function removeTrainingAttendee(ctx: AppContext, { actor, sessionId, personId, input: raw }: { actor: Actor; sessionId: string; personId: string; input: RemoveTrainingAttendeeRequest }) {
  const input = removeTrainingAttendeeRequest.parse(raw);
  const session = await getVisibleSessionRow(ctx, actor, sessionId);
  if (!canManageTrainingOf({ actor, unitId: session.unit_id })) throw errors.forbidden();
  await inTransaction(ctx, async (scope) => {
    const attendee = await scope.trx
      .selectFrom('training_attendees')
      .innerJoin('people', 'people.id', 'training_attendees.person_id')
      .select(['people.id', 'people.full_name', 'people.unit_id'])
      .where('training_attendees.session_id', '=', sessionId)
      .where('training_attendees.person_id', '=', personId)
      .executeTakeFirst();
    if (!attendee || !canSeePeopleOf({ actor, unitId: attendee.unit_id })) throw trainingErrors.attendeeNotFound();
    await scope.trx.deleteFrom('training_attendees').where('session_id', '=', sessionId).where('person_id', '=', personId).execute();
    await scope.audit({ type: 'training.attendee_removed', chain: session.unit_id, actorId: actor.accountId, subjectId: sessionId, data: { sessionId, personId, fullName: attendee.full_name, reason: input.reason } });
  });
  return getTrainingSession(ctx, { actor, sessionId });
}

export { getVisibleSessionRow };

// ---- each person's last training, reminders, coverage ---------------------------------------

/** Secret-handling people the actor may see, with their last training up to today. */
export async function listPersonTraining(ctx: AppContext, { actor, dueOnly = false, unitId }: { actor: Actor; dueOnly?: boolean | undefined; unitId?: string | undefined }) {
  const { windowMonths } = await getTrainingPolicy(ctx);
  const today = todayInVietnam(ctx.clock());
  const since = monthsBefore(today, windowMonths);
  const scope = trainingUnitScope(actor);
  if (scope !== 'all' && scope.length === 0) return { people: [] as PersonTraining[], windowMonths, since, asOf: today };
  let query = ctx.db.selectFrom('people').innerJoin('units', 'units.id', 'people.unit_id').select(['people.id', 'people.full_name', 'people.unit_id', 'units.name as unit_name']).where('people.handles_secrets', '=', 1);
  if (scope !== 'all') query = query.where('people.unit_id', 'in', scope);
  if (unitId) query = query.where('people.unit_id', '=', unitId);
  const people = await query.orderBy('units.name').orderBy('people.full_name').execute();
  const last = new Map<string, { heldOn: string; topic: string }>();
  const ids = people.map((p) => p.id);
  // Chunked: PostgreSQL and SQLite both limit bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('training_attendees')
      .innerJoin('training_sessions', 'training_sessions.id', 'training_attendees.session_id')
      .select(['training_attendees.person_id', 'training_sessions.held_on', 'training_sessions.topic'])
      .where('training_attendees.person_id', 'in', ids.slice(i, i + 500))
      .where('training_sessions.held_on', '<=', today)
      .execute();
    for (const r of rows) {
      const known = last.get(r.person_id);
      if (!known || r.held_on > known.heldOn) last.set(r.person_id, { heldOn: r.held_on, topic: r.topic });
    }
  }
  const result = people.map<PersonTraining>((p) => {
    const l = last.get(p.id);
    const lastTrainedOn = l?.heldOn ?? null;
    return { personId: p.id, fullName: p.full_name, unitId: p.unit_id, unitName: p.unit_name, lastTrainedOn, lastTopic: l?.topic ?? null, due: !isTrainingCurrent(lastTrainedOn, since) };
  });
  return { people: dueOnly ? result.filter((p) => p.due) : result, windowMonths, since, asOf: today };
}

/** Share of secret-handling staff trained inside the window, per unit of the actor's view. */
export async function getTrainingCoverage(ctx: AppContext, { actor }: { actor: Actor }): Promise<{ coverage: TrainingCoverage }> {
  const { people, windowMonths, since, asOf } = await listPersonTraining(ctx, { actor });
  const byUnit = computeCoverage(people, since);
  const unitIds = [...byUnit.keys()];
  const units = unitIds.length ? await ctx.db.selectFrom('units').select(['id', 'code', 'name']).where('id', 'in', unitIds).execute() : [];
  const rows = units
    .map((u) => {
      const c = byUnit.get(u.id)!;
      return { unitId: u.id, unitCode: u.code, unitName: u.name, secretStaff: c.secretStaff, trained: c.trained, percent: percentOf(c.trained, c.secretStaff) };
    })
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  const secretStaff = rows.reduce((s, r) => s + r.secretStaff, 0);
  const trained = rows.reduce((s, r) => s + r.trained, 0);
  return { coverage: { windowMonths, since, asOf, units: rows, total: { secretStaff, trained, percent: percentOf(trained, secretStaff) } } };
}

// ---- dissemination of legal documents and of the danh mục -----------------------------------

export async function createDissemination(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: CreateDisseminationRequest }) {
  const input = createDisseminationRequest.parse(raw);
  if (!canManageTrainingOf({ actor, unitId: input.unitId })) throw errors.forbidden();
  notInFuture(ctx, input.disseminatedOn, 'disseminatedOn', 'Ngày phổ biến không được sau hôm nay');
  const people = await getVisiblePeople(ctx, actor, input.recipientIds, 'recipientIds');
  const id = await inTransaction(ctx, async (scope) => {
    await ensureLiveUnit(scope, input.unitId);
    if (input.kind === 'DANH_MUC') {
      const decision = await scope.trx.selectFrom('danh_muc_decisions').select('id').where('id', '=', input.danhMucDecisionId!).executeTakeFirst();
      if (!decision) throw errors.validation({ details: { issues: [{ path: ['danhMucDecisionId'], message: 'Không tìm thấy quyết định ban hành danh mục' }] } });
    }
    const disseminationId = generateId('dsm');
    await scope.trx
      .insertInto('disseminations')
      .values({ id: disseminationId, unit_id: input.unitId, kind: input.kind, document_title: input.documentTitle, danh_muc_decision_id: input.kind === 'DANH_MUC' ? input.danhMucDecisionId! : null, disseminated_on: input.disseminatedOn, method: input.method ?? null, created_by: actor.accountId, created_at: scope.now.toISOString() })
      .execute();
    for (const p of people) await scope.trx.insertInto('dissemination_recipients').values({ dissemination_id: disseminationId, person_id: p.id }).execute();
    await scope.audit({ type: 'training.dissemination_recorded', chain: input.unitId, actorId: actor.accountId, subjectId: disseminationId, data: { kind: input.kind, documentTitle: input.documentTitle, recipients: people.length } });
    return disseminationId;
  });
  const { disseminations } = await listDisseminations(ctx, { actor, id });
  return { dissemination: disseminations[0]! };
}

export async function listDisseminations(ctx: AppContext, { actor, id }: { actor: Actor; id?: string }) {
  const scope = trainingUnitScope(actor);
  if (scope !== 'all' && scope.length === 0) return { disseminations: [] as Dissemination[] };
  let query = ctx.db.selectFrom('disseminations').selectAll();
  if (scope !== 'all') query = query.where('unit_id', 'in', scope);
  if (id) query = query.where('id', '=', id);
  const rows = await query.orderBy('disseminated_on', 'desc').orderBy('created_at', 'desc').limit(1000).execute();
  const recipients = rows.length
    ? await ctx.db
        .selectFrom('dissemination_recipients')
        .innerJoin('people', 'people.id', 'dissemination_recipients.person_id')
        .select(['dissemination_recipients.dissemination_id', 'people.id', 'people.full_name', 'people.unit_id'])
        .where(
          'dissemination_recipients.dissemination_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('people.full_name')
        .execute()
    : [];
  return {
    disseminations: rows.map<Dissemination>((r) => ({
      id: r.id,
      unitId: r.unit_id,
      kind: r.kind as DisseminationKind,
      documentTitle: r.document_title,
      danhMucDecisionId: r.danh_muc_decision_id,
      disseminatedOn: r.disseminated_on,
      method: r.method,
      recipients: recipients.filter((p) => p.dissemination_id === r.id && canSeePeopleOf({ actor, unitId: p.unit_id })).map((p) => ({ personId: p.id, fullName: p.full_name })),
    })),
  };
}
