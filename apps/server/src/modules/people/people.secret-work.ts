import {
  createAssignmentRequest,
  createCommitmentRequest,
  secretWorkPolicyRequest,
  endAssignmentRequest,
  signCommitmentRequest,
  todayInVietnam,
  type Assignment,
  type AssignmentKind,
  type Commitment,
  type CommitmentKind,
  type CreateAssignmentRequest,
  type CreateCommitmentRequest,
  type OfficerType,
  type SecretWorkPolicy,
  type UnitKind,
} from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, createError, errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { downloadName, getStoredFileRef, readStoredFile, scanTypeOf, storeFile, type UploadedFile } from '../../platform/stored-files.ts';
import { canChangeDevicePolicy, canManageSecretWorkOf, canSeePeopleOf, type Actor } from '../access/access.policies.ts';
import { SYSTEM_CHAIN } from '../audit/audit.events.ts';
import { DOCX_TYPE } from '../incidents/incidents.exports.ts';
import { personErrors } from './people.errors.ts';

export const secretWorkErrors = {
  commitmentRequired: createError('assignment.commitment_required', 'Cán bộ phải ký cam kết bảo vệ bí mật nhà nước trước khi được phân công làm cán bộ bảo mật (R11.4)'),
};

// Assignments to secret work and of the unit's security officers (chuyên trách / kiêm nhiệm,
// LEGAL.md R11.4), and commitments to protect state secrets (R11.2, R11.4).

export async function getVisiblePerson(ctx: AppContext, actor: Actor, personId: string) {
  const person = await ctx.db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!person || !canSeePeopleOf({ actor, unitId: person.unit_id })) throw personErrors.notFound();
  return person;
}

function presentAssignment(r: Database['secret_assignments'] & { full_name: string }): Assignment {
  return { id: r.id, unitId: r.unit_id, personId: r.person_id, personName: r.full_name, kind: r.kind as AssignmentKind, officerType: r.officer_type as OfficerType | null, decisionRef: r.decision_ref, decisionDate: r.decision_date, validFrom: r.valid_from, endedOn: r.ended_on };
}

type CommitmentRow = Database['commitments'] & { full_name: string; scan_name: string | null; scan_size: number | null; scan_media_type: string | null; scan_created_at: string | null };

function presentCommitment(r: CommitmentRow): Commitment {
  const scan = r.scan_file_id ? { name: r.scan_name ?? '', size: Number(r.scan_size ?? 0), mediaType: r.scan_media_type ?? '', attachedAt: r.scan_created_at ?? '' } : null;
  return { id: r.id, unitId: r.unit_id, personId: r.person_id, personName: r.full_name, kind: r.kind as CommitmentKind, title: r.title, signedOn: r.signed_on, renewalDue: r.renewal_due, scanRef: r.scan_ref, scan };
}

/** Commitments with their person's name and the attached scan, if any. */
function commitmentsQuery(ctx: AppContext) {
  return ctx.db
    .selectFrom('commitments')
    .innerJoin('people', 'people.id', 'commitments.person_id')
    .leftJoin('stored_files', 'stored_files.id', 'commitments.scan_file_id')
    .selectAll('commitments')
    .select(['people.full_name', 'stored_files.original_name as scan_name', 'stored_files.size as scan_size', 'stored_files.media_type as scan_media_type', 'stored_files.created_at as scan_created_at']);
}

/** The tenant setting behind R11.4's commitment on assignment (legal basis UNCONFIRMED, so configurable; default on). */
export const REQUIRE_COMMITMENT_SETTING = 'policy.require_commitment_before_officer';

export async function getSecretWorkPolicy(ctx: AppContext): Promise<SecretWorkPolicy> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', REQUIRE_COMMITMENT_SETTING).executeTakeFirst();
  return { requireCommitmentBeforeOfficer: row ? row.value === 'true' : true };
}

export async function setSecretWorkPolicy(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: SecretWorkPolicy }) {
  if (!canChangeDevicePolicy(actor)) throw errors.forbidden();
  const input = secretWorkPolicyRequest.parse(raw);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const value = String(input.requireCommitmentBeforeOfficer);
    const at = now.toISOString();
    await trx.insertInto('settings').values({ key: REQUIRE_COMMITMENT_SETTING, value, updated_at: at }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at })).execute();
    await audit({ type: 'assignment.policy_changed', chain: SYSTEM_CHAIN, actorId: actor.accountId, data: input });
  });
  return getSecretWorkPolicy(ctx);
}

export async function createAssignment(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: CreateAssignmentRequest }) {
  const input = createAssignmentRequest.parse(raw);
  const person = await getVisiblePerson(ctx, actor, input.personId);
  if (!canManageSecretWorkOf({ actor, unitId: person.unit_id })) throw errors.forbidden();
  if (input.kind === 'SECURITY_OFFICER' && (await getSecretWorkPolicy(ctx)).requireCommitmentBeforeOfficer) {
    // R11.4: the officer's written commitment, signed, comes before the role.
    const signed = await ctx.db.selectFrom('commitments').select('id').where('person_id', '=', person.id).where('kind', '=', 'ON_ASSIGNMENT').where('signed_on', 'is not', null).executeTakeFirst();
    if (!signed) throw secretWorkErrors.commitmentRequired();
  }
  const id = await inTransaction(ctx, async ({ trx, now, audit }) => {
    const assignmentId = generateId('asg');
    const at = now.toISOString();
    await trx
      .insertInto('secret_assignments')
      .values({ id: assignmentId, unit_id: person.unit_id, person_id: person.id, kind: input.kind, officer_type: input.officerType ?? null, decision_ref: input.decisionRef, decision_date: input.decisionDate, valid_from: input.validFrom, ended_on: null, end_reason: null, created_by: actor.accountId, created_at: at, updated_at: at })
      .execute();
    if (input.kind === 'SECRET_WORK' && person.handles_secrets === 0) await trx.updateTable('people').set({ handles_secrets: 1, updated_at: at }).where('id', '=', person.id).execute();
    await audit({ type: 'assignment.created', chain: person.unit_id, actorId: actor.accountId, subjectId: person.id, data: { kind: input.kind, officerType: input.officerType ?? null, decisionRef: input.decisionRef } });
    return assignmentId;
  });
  const row = await ctx.db.selectFrom('secret_assignments').innerJoin('people', 'people.id', 'secret_assignments.person_id').selectAll('secret_assignments').select('people.full_name').where('secret_assignments.id', '=', id).executeTakeFirstOrThrow();
  return { assignment: presentAssignment(row) };
}

export async function endAssignment(ctx: AppContext, { actor, assignmentId, input: raw }: { actor: Actor; assignmentId: string; input: { endedOn: string; reason?: string | null | undefined } }) {
  const input = endAssignmentRequest.parse(raw);
  const row = await ctx.db.selectFrom('secret_assignments').selectAll().where('id', '=', assignmentId).executeTakeFirst();
  if (!row || !canSeePeopleOf({ actor, unitId: row.unit_id })) throw errors.notFound();
  if (!canManageSecretWorkOf({ actor, unitId: row.unit_id })) throw errors.forbidden();
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('secret_assignments').set({ ended_on: input.endedOn, end_reason: input.reason ?? null, updated_at: now.toISOString() }).where('id', '=', assignmentId).execute();
    await audit({ type: 'assignment.ended', chain: row.unit_id, actorId: actor.accountId, subjectId: row.person_id, data: { kind: row.kind, endedOn: input.endedOn } });
  });
  return { ok: true as const };
}

/** Current assignments in the actor's scope (people they may see). */
export async function listAssignments(ctx: AppContext, { actor, unitId, kind }: { actor: Actor; unitId?: string | undefined; kind?: AssignmentKind | undefined }) {
  const today = todayInVietnam(ctx.clock());
  let query = ctx.db
    .selectFrom('secret_assignments')
    .innerJoin('people', 'people.id', 'secret_assignments.person_id')
    .selectAll('secret_assignments')
    .select('people.full_name')
    .where((eb) => eb.or([eb('secret_assignments.ended_on', 'is', null), eb('secret_assignments.ended_on', '>', today)]));
  if (unitId) query = query.where('secret_assignments.unit_id', '=', unitId);
  if (kind) query = query.where('secret_assignments.kind', '=', kind);
  const rows = await query.orderBy('people.full_name').execute();
  return { assignments: rows.filter((r) => canSeePeopleOf({ actor, unitId: r.unit_id })).map(presentAssignment) };
}

/** Unit kinds that are agencies and must have a security officer (R11.4); the province node and internal departments are not. */
const KINDS_WITHOUT_OFFICER_DUTY: readonly UnitKind[] = ['TINH', 'PHONG_BAN', 'HUYEN'];

/** Live units in the actor's view without a current security officer (R11.4 report). */
export async function listUnitsWithoutOfficer(ctx: AppContext, { actor }: { actor: Actor }) {
  const today = todayInVietnam(ctx.clock());
  const units = await ctx.db.selectFrom('units').select(['id', 'code', 'name', 'kind']).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', today)])).orderBy('name').execute();
  const officers = await ctx.db
    .selectFrom('secret_assignments')
    .select('unit_id')
    .where('kind', '=', 'SECURITY_OFFICER')
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', today)]))
    .execute();
  const covered = new Set(officers.map((o) => o.unit_id));
  return {
    units: units.filter((u) => !KINDS_WITHOUT_OFFICER_DUTY.includes(u.kind as UnitKind) && !covered.has(u.id) && canSeePeopleOf({ actor, unitId: u.id })).map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind as UnitKind })),
  };
}

export async function createCommitment(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: CreateCommitmentRequest }) {
  const input = createCommitmentRequest.parse(raw);
  const person = await getVisiblePerson(ctx, actor, input.personId);
  if (!canManageSecretWorkOf({ actor, unitId: person.unit_id })) throw errors.forbidden();
  const id = await inTransaction(ctx, async (scope) => createCommitmentInTransaction(scope, { actorId: actor.accountId, unitId: person.unit_id, personId: person.id, kind: input.kind, title: input.title ?? null, signedOn: input.signedOn ?? null, renewalDue: input.renewalDue ?? null, scanRef: input.scanRef ?? null }));
  return { commitment: await getCommitmentRow(ctx, id) };
}

export async function createCommitmentInTransaction(
  { trx, now, audit }: Parameters<Parameters<typeof inTransaction>[1]>[0],
  c: { actorId: string; unitId: string; personId: string; kind: CommitmentKind; title: string | null; signedOn: string | null; renewalDue: string | null; scanRef: string | null },
): Promise<string> {
  const id = generateId('cmt');
  const at = now.toISOString();
  await trx.insertInto('commitments').values({ id, unit_id: c.unitId, person_id: c.personId, kind: c.kind, title: c.title, signed_on: c.signedOn, renewal_due: c.renewalDue, scan_ref: c.scanRef, created_by: c.actorId, created_at: at, updated_at: at }).execute();
  await audit({ type: 'commitment.recorded', chain: c.unitId, actorId: c.actorId, subjectId: c.personId, data: { kind: c.kind, signedOn: c.signedOn } });
  return id;
}

async function getCommitmentRow(ctx: AppContext, id: string) {
  const row = await commitmentsQuery(ctx).where('commitments.id', '=', id).executeTakeFirstOrThrow();
  return presentCommitment(row);
}

export async function signCommitment(ctx: AppContext, { actor, commitmentId, input: raw }: { actor: Actor; commitmentId: string; input: { signedOn: string; renewalDue?: string | null | undefined; scanRef?: string | null | undefined } }) {
  const input = signCommitmentRequest.parse(raw);
  const row = await ctx.db.selectFrom('commitments').selectAll().where('id', '=', commitmentId).executeTakeFirst();
  if (!row || !canSeePeopleOf({ actor, unitId: row.unit_id })) throw errors.notFound();
  if (!canManageSecretWorkOf({ actor, unitId: row.unit_id })) throw errors.forbidden();
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('commitments').set({ signed_on: input.signedOn, renewal_due: input.renewalDue ?? null, scan_ref: input.scanRef ?? row.scan_ref, updated_at: now.toISOString() }).where('id', '=', commitmentId).execute();
    await audit({ type: 'commitment.recorded', chain: row.unit_id, actorId: actor.accountId, subjectId: row.person_id, data: { kind: row.kind, signedOn: input.signedOn } });
  });
  return { commitment: await getCommitmentRow(ctx, commitmentId) };
}

/** Commitments of the people the actor may see; `renewalDueBy` lists those to renew by a date. */
export async function listCommitments(ctx: AppContext, { actor, personId, renewalDueBy }: { actor: Actor; personId?: string | undefined; renewalDueBy?: string | undefined }) {
  let query = commitmentsQuery(ctx);
  if (personId) query = query.where('commitments.person_id', '=', personId);
  if (renewalDueBy) query = query.where('commitments.renewal_due', '<=', renewalDueBy);
  const rows = await query.orderBy('commitments.created_at', 'desc').execute();
  return { commitments: rows.filter((r) => canSeePeopleOf({ actor, unitId: r.unit_id })).map(presentCommitment) };
}

export async function getCommitment(ctx: AppContext, { actor, commitmentId }: { actor: Actor; commitmentId: string }) {
  const row = await ctx.db.selectFrom('commitments').select(['unit_id']).where('id', '=', commitmentId).executeTakeFirst();
  if (!row || !canSeePeopleOf({ actor, unitId: row.unit_id })) throw errors.notFound();
  return { commitment: await getCommitmentRow(ctx, commitmentId) };
}

/** The commitment form as a DOCX filled from the person's data; the export is audited. */
export async function exportCommitmentForm(ctx: AppContext, { actor, commitmentId }: { actor: Actor; commitmentId: string }) {
  const { commitment } = await getCommitment(ctx, { actor, commitmentId });
  const person = await ctx.db.selectFrom('people').select(['full_name', 'position']).where('id', '=', commitment.personId).executeTakeFirstOrThrow();
  const unit = await ctx.db.selectFrom('units').select(['name', 'parent_id']).where('id', '=', commitment.unitId).executeTakeFirstOrThrow();
  const parent = unit.parent_id ? await ctx.db.selectFrom('units').select(['name', 'kind']).where('id', '=', unit.parent_id).executeTakeFirst() : undefined;
  const root = await ctx.db.selectFrom('units').select(['name']).where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
  const now = ctx.clock();
  // The form builder (and the docx library) loads on first use: see platform/lazy-modules.ts.
  const { buildCommitmentDocx } = await import('./people.documents.ts');
  const buffer = await buildCommitmentDocx({
    kind: commitment.kind,
    title: commitment.title,
    fullName: person.full_name,
    position: person.position,
    agencyName: unit.name,
    parentAgencyName: parent ? (parent.kind === 'TINH' ? `Ủy ban nhân dân ${parent.name}` : parent.name) : null,
    place: (root?.name ?? '').replace(/^(tỉnh|thành phố)\s+/i, ''),
    now,
  });
  await inTransaction(ctx, async ({ audit }) => {
    await audit({ type: 'commitment.form_exported', chain: commitment.unitId, actorId: actor.accountId, subjectId: commitment.personId, data: { kind: commitment.kind } });
  });
  return { filename: `cam-ket-bao-ve-bmnn-${todayInVietnam(now)}.docx`, contentType: DOCX_TYPE, buffer };
}

/**
 * Attaches the signed scan of a commitment (R11.2, R11.4: the written commitment is kept). Only a
 * PDF or an image is accepted, decided by its content; the bytes are bound to their SHA-256.
 */
export async function attachCommitmentScan(ctx: AppContext, { actor, commitmentId, file }: { actor: Actor; commitmentId: string; file: UploadedFile }) {
  const row = await ctx.db.selectFrom('commitments').selectAll().where('id', '=', commitmentId).executeTakeFirst();
  if (!row || !canSeePeopleOf({ actor, unitId: row.unit_id })) throw errors.notFound();
  if (!canManageSecretWorkOf({ actor, unitId: row.unit_id })) throw errors.forbidden();
  const { mediaType } = scanTypeOf(file);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const stored = await storeFile(ctx, trx, { file, mediaType, unitId: row.unit_id, purpose: 'COMMITMENT_SCAN', actorId: actor.accountId, now });
    await trx.updateTable('commitments').set({ scan_file_id: stored.id, updated_at: now.toISOString() }).where('id', '=', commitmentId).execute();
    await audit({ type: 'commitment.scan_attached', chain: row.unit_id, actorId: actor.accountId, subjectId: row.person_id, data: { kind: row.kind, fileId: stored.id, sha256: stored.sha256, size: stored.size, mediaType } });
  });
  return { commitment: await getCommitmentRow(ctx, commitmentId) };
}

/** The signed scan, checked against its hash; the download is audited. */
export async function downloadCommitmentScan(ctx: AppContext, { actor, commitmentId }: { actor: Actor; commitmentId: string }) {
  const row = await ctx.db.selectFrom('commitments').selectAll().where('id', '=', commitmentId).executeTakeFirst();
  if (!row || !canSeePeopleOf({ actor, unitId: row.unit_id })) throw errors.notFound();
  const ref = row.scan_file_id ? await getStoredFileRef(ctx, row.scan_file_id) : undefined;
  if (!ref) throw new AppError({ code: 'file.not_found', message: 'Cam kết này chưa có bản quét' });
  const buffer = readStoredFile(ctx, ref);
  await inTransaction(ctx, ({ audit }) => audit({ type: 'commitment.scan_downloaded', chain: row.unit_id, actorId: actor.accountId, subjectId: row.person_id, data: { kind: row.kind, fileId: ref.id } }));
  return { filename: downloadName(`cam-ket-${row.id}`, ref), contentType: ref.mediaType, buffer };
}
