import {
  LEVEL_LABELS,
  openOffboardingRequest,
  resolveOffboardingLineRequest,
  signCommitmentRequest,
  todayInVietnam,
  type Clearance,
  type Level,
  type OffboardingCase,
  type OffboardingLine,
  type OffboardingReason,
  type OffboardingResolution,
  type OpenOffboardingRequest,
  type ResolveOffboardingLineRequest,
} from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { createError, errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canManageSecretWorkOf, canSeeItem, canSeePeopleOf, isClearedFor, type Actor } from '../access/access.policies.ts';
import { openIncidentInTransaction } from '../incidents/incidents.usecases.ts';
import { registerErrors } from '../register/register.errors.ts';
import { appendItemEvent } from '../register/register.events.ts';
import { deleteSessionsOfAccount } from '../accounts/accounts.sessions.ts';
import { createCommitmentInTransaction, getVisiblePerson } from './people.secret-work.ts';

// Offboarding (LEGAL.md R11.2, R11.3; seed: "thu hồi tài liệu… và yêu cầu cam kết"): when a person
// quits, transfers, retires, dies or stops handling secrets, everything in their custody is listed,
// each line is handed over or accounted for (a missing item opens an incident), the exit commitment
// is signed, and only then the case closes and the person's account is disabled.

export const offboardingErrors = {
  notFound: createError('offboarding.not_found', 'Không tìm thấy hồ sơ thu hồi'),
  alreadyOpen: createError('offboarding.already_open', 'Cán bộ này đang có hồ sơ thu hồi chưa kết thúc'),
  notClosable: createError('offboarding.not_closable', 'Chưa kết thúc được hồ sơ thu hồi'),
  closed: createError('offboarding.closed', 'Hồ sơ thu hồi đã kết thúc'),
  lineResolved: createError('offboarding.line_resolved', 'Mục này đã được xử lý'),
};

/** Item statuses that leave nothing to hand over: gone, sent away, or no longer secret. */
const ITEM_STATUSES_GONE = ['LOST', 'DISCLOSED', 'DESTROYED', 'SENT', 'DECLASSIFIED'];
const DEVICE_STATUSES_GONE = ['DISPOSED', 'REPURPOSED'];

async function getCaseRow(ctx: AppContext, actor: Actor, caseId: string) {
  const row = await ctx.db.selectFrom('offboarding_cases').innerJoin('people', 'people.id', 'offboarding_cases.person_id').selectAll('offboarding_cases').select('people.full_name').where('offboarding_cases.id', '=', caseId).executeTakeFirst();
  if (!row || !canSeePeopleOf({ actor, unitId: row.unit_id })) throw offboardingErrors.notFound();
  return row;
}

/** The case as the actor may see it: lines about items they may not see are left out. */
export async function getOffboardingCase(ctx: AppContext, { actor, caseId }: { actor: Actor; caseId: string }): Promise<{ case: OffboardingCase }> {
  const row = await getCaseRow(ctx, actor, caseId);
  const lines = await ctx.db.selectFrom('offboarding_lines').selectAll().where('case_id', '=', caseId).orderBy('subject_kind', 'desc').orderBy('id').execute();
  const itemIds = lines.filter((l) => l.subject_kind === 'ITEM').map((l) => l.subject_id);
  const deviceIds = lines.filter((l) => l.subject_kind === 'DEVICE').map((l) => l.subject_id);
  const [items, grants, devices, commitment] = await Promise.all([
    itemIds.length ? ctx.db.selectFrom('items').select(['id', 'unit_id', 'level', 'custodian_id', 'so_ky_hieu']).where('id', 'in', itemIds).execute() : Promise.resolve([]),
    itemIds.length ? ctx.db.selectFrom('access_grants').select(['item_id', 'person_id', 'expires_at', 'revoked_at']).where('item_id', 'in', itemIds).execute() : Promise.resolve([]),
    deviceIds.length ? ctx.db.selectFrom('devices').select(['id', 'asset_code', 'name']).where('id', 'in', deviceIds).execute() : Promise.resolve([]),
    row.exit_commitment_id ? ctx.db.selectFrom('commitments').select(['signed_on']).where('id', '=', row.exit_commitment_id).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const now = ctx.clock();
  const presented: OffboardingLine[] = [];
  for (const l of lines) {
    const base = { id: l.id, subjectId: l.subject_id, resolution: l.resolution as OffboardingResolution, handedToId: l.handed_to_id, handoverRef: l.handover_ref, note: l.note, incidentId: l.incident_id };
    if (l.subject_kind === 'ITEM') {
      const item = items.find((i) => i.id === l.subject_id);
      // The holder's original custody is a reason to see it; after a handover only the office decides.
      const facts = item && { unitId: item.unit_id, level: item.level as Level, custodianId: item.custodian_id, grants: grants.filter((g) => g.item_id === item.id).map((g) => ({ personId: g.person_id, expiresAt: g.expires_at, revokedAt: g.revoked_at })) };
      if (!item || !facts || !canSeeItem({ actor, item: facts, now })) continue;
      presented.push({ ...base, subjectKind: 'ITEM', label: `Tài liệu số ${item.so_ky_hieu} (${LEVEL_LABELS[item.level as Level]})`, level: item.level as Level });
    } else {
      const device = devices.find((d) => d.id === l.subject_id);
      presented.push({ ...base, subjectKind: 'DEVICE', label: device ? `Thiết bị ${device.asset_code} — ${device.name}` : 'Thiết bị', level: null });
    }
  }
  return {
    case: {
      id: row.id,
      unitId: row.unit_id,
      personId: row.person_id,
      personName: row.full_name,
      reason: row.reason as OffboardingReason,
      effectiveDate: row.effective_date,
      successorId: row.successor_id,
      status: row.status as 'OPEN' | 'CLOSED',
      exitCommitmentSigned: !!commitment?.signed_on,
      lines: presented,
      openLines: presented.filter((l) => l.resolution === 'OPEN').length,
      openedAt: row.opened_at,
      closedAt: row.closed_at,
    },
  };
}

export async function listOffboardingCases(ctx: AppContext, { actor, status }: { actor: Actor; status?: 'OPEN' | 'CLOSED' | undefined }) {
  let query = ctx.db.selectFrom('offboarding_cases').innerJoin('people', 'people.id', 'offboarding_cases.person_id').select(['offboarding_cases.id', 'offboarding_cases.unit_id', 'offboarding_cases.person_id', 'people.full_name', 'offboarding_cases.reason', 'offboarding_cases.status', 'offboarding_cases.effective_date', 'offboarding_cases.opened_at', 'offboarding_cases.closed_at']);
  if (status) query = query.where('offboarding_cases.status', '=', status);
  const rows = await query.orderBy('offboarding_cases.opened_at', 'desc').execute();
  return {
    cases: rows
      .filter((r) => canSeePeopleOf({ actor, unitId: r.unit_id }))
      .map((r) => ({ id: r.id, unitId: r.unit_id, personId: r.person_id, personName: r.full_name, reason: r.reason as OffboardingReason, status: r.status as 'OPEN' | 'CLOSED', effectiveDate: r.effective_date, openedAt: r.opened_at, closedAt: r.closed_at })),
  };
}

/** Opens the case and lists everything in the person's custody: items from the register, devices. */
export async function openOffboarding(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: OpenOffboardingRequest }) {
  const input = openOffboardingRequest.parse(raw);
  const person = await getVisiblePerson(ctx, actor, input.personId);
  if (!canManageSecretWorkOf({ actor, unitId: person.unit_id })) throw errors.forbidden();
  if (input.successorId) await getVisiblePerson(ctx, actor, input.successorId);
  const caseId = await inTransaction(ctx, async ({ trx, now, audit }) => {
    const open = await trx.selectFrom('offboarding_cases').select('id').where('person_id', '=', person.id).where('status', '=', 'OPEN').executeTakeFirst();
    if (open) throw offboardingErrors.alreadyOpen({ details: { caseId: open.id } });
    const id = generateId('off');
    await trx
      .insertInto('offboarding_cases')
      .values({ id, unit_id: person.unit_id, person_id: person.id, reason: input.reason, successor_id: input.successorId ?? null, status: 'OPEN', effective_date: input.effectiveDate, exit_commitment_id: null, note: input.note ?? null, opened_at: now.toISOString(), closed_at: null, created_by: actor.accountId })
      .execute();
    const items = await trx.selectFrom('items').select(['id']).where('custodian_id', '=', person.id).where('status', 'not in', ITEM_STATUSES_GONE).execute();
    const devices = await trx.selectFrom('devices').select(['id']).where('custodian_id', '=', person.id).where('status', 'not in', DEVICE_STATUSES_GONE).execute();
    const lines = [...items.map((i) => ({ kind: 'ITEM', id: i.id })), ...devices.map((d) => ({ kind: 'DEVICE', id: d.id }))];
    for (const l of lines) {
      await trx.insertInto('offboarding_lines').values({ id: generateId('ofl'), case_id: id, unit_id: person.unit_id, subject_kind: l.kind, subject_id: l.id, resolution: 'OPEN', handed_to_id: null, handover_ref: null, note: null, incident_id: null, resolved_at: null, resolved_by: null }).execute();
    }
    await audit({ type: 'offboarding.opened', chain: person.unit_id, actorId: actor.accountId, subjectId: person.id, data: { reason: input.reason, items: items.length, devices: devices.length } });
    return id;
  });
  return getOffboardingCase(ctx, { actor, caseId });
}

/**
 * Resolves one line: handed over (custody passes to the named person), accounted for (with a
 * note), or missing, which opens an incident of loss in the same transaction (R11.2).
 */
export async function resolveOffboardingLine(ctx: AppContext, { actor, caseId, lineId, input: raw }: { actor: Actor; caseId: string; lineId: string; input: ResolveOffboardingLineRequest }) {
  const input = resolveOffboardingLineRequest.parse(raw);
  const row = await getCaseRow(ctx, actor, caseId);
  if (!canManageSecretWorkOf({ actor, unitId: row.unit_id })) throw errors.forbidden();
  if (row.status === 'CLOSED') throw offboardingErrors.closed();
  const line = await ctx.db.selectFrom('offboarding_lines').selectAll().where('id', '=', lineId).where('case_id', '=', caseId).executeTakeFirst();
  if (!line) throw offboardingErrors.notFound();
  const { case: visible } = await getOffboardingCase(ctx, { actor, caseId });
  if (!visible.lines.some((l) => l.id === lineId)) throw registerErrors.itemNotFound();
  if (line.resolution !== 'OPEN') throw offboardingErrors.lineResolved();
  if (input.handedToId) {
    const to = await getVisiblePerson(ctx, actor, input.handedToId);
    if (to.id === row.person_id) throw errors.validation({ details: { issues: [{ path: ['handedToId'], message: 'Người nhận phải là người khác' }] } });
    // R7.4: an item is handed over only to a person cleared for its level.
    const level = visible.lines.find((l) => l.id === lineId)!.level;
    if (line.subject_kind === 'ITEM' && level && !isClearedFor(to.clearance as Clearance, level)) throw registerErrors.recipientNotCleared();
  }
  await inTransaction(ctx, async (scope) => {
    const { trx, now, audit } = scope;
    const at = now.toISOString();
    let incidentId: string | null = null;
    if (input.resolution === 'HANDED_OVER' && line.subject_kind === 'ITEM') {
      // A line of the handover book (sổ chuyển giao), as the register records any handover.
      const item = await trx.selectFrom('items').select(['unit_id', 'custodian_id']).where('id', '=', line.subject_id).executeTakeFirstOrThrow();
      const to = await trx.selectFrom('people').select(['unit_id']).where('id', '=', input.handedToId!).executeTakeFirstOrThrow();
      const note = `Thu hồi khi cán bộ ${row.full_name} thôi quản lý bí mật nhà nước${input.handoverRef ? `, biên bản ${input.handoverRef}` : ''}`;
      const { bookSerial } = await appendItemEvent({ trx, kind: scope.dbKind, unitId: item.unit_id, itemId: line.subject_id, occurredAt: at, recordedAt: now, actorId: actor.accountId, book: 'CHUYEN_GIAO', event: { type: 'HANDED_OVER', data: { fromPersonId: item.custodian_id, toPersonId: input.handedToId!, toUnitId: to.unit_id, note } } });
      await trx.updateTable('items').set({ custodian_id: input.handedToId!, updated_at: at }).where('id', '=', line.subject_id).execute();
      await audit({ type: 'item.handed_over', chain: item.unit_id, actorId: actor.accountId, subjectId: line.subject_id, data: { fromPersonId: item.custodian_id, toPersonId: input.handedToId!, bookSerial: bookSerial! } });
    } else if (input.resolution === 'HANDED_OVER') {
      await trx.updateTable('devices').set({ custodian_id: input.handedToId!, updated_at: at }).where('id', '=', line.subject_id).execute();
    } else if (input.resolution === 'MISSING') {
      const label = visible.lines.find((l) => l.id === lineId)!.label;
      ({ incidentId } = await openIncidentInTransaction(scope, {
        unitId: row.unit_id,
        kind: 'MAT',
        channel: 'KHAC',
        subChannel: 'LOST_MISPLACED',
        title: `Không thu hồi được khi cán bộ ${row.full_name} thôi quản lý bí mật nhà nước`,
        discoveredAt: at,
        circumstances: `Khi thu hồi do cán bộ ${row.full_name} thôi quản lý bí mật nhà nước, không tìm thấy: ${label}.${input.note ? ` ${input.note}` : ''}`,
        itemIds: line.subject_kind === 'ITEM' ? [line.subject_id] : [],
        deviceIds: line.subject_kind === 'DEVICE' ? [line.subject_id] : [],
        source: 'OFFBOARDING_MISSING',
        sourceRef: caseId,
        actorId: actor.accountId,
      }));
    }
    await trx
      .updateTable('offboarding_lines')
      .set({ resolution: input.resolution, handed_to_id: input.handedToId ?? null, handover_ref: input.handoverRef ?? null, note: input.note ?? null, incident_id: incidentId, resolved_at: at, resolved_by: actor.accountId })
      .where('id', '=', lineId)
      .execute();
    const chain = line.subject_kind === 'ITEM' ? ((await trx.selectFrom('items').select('unit_id').where('id', '=', line.subject_id).executeTakeFirst())?.unit_id ?? row.unit_id) : row.unit_id;
    await audit({ type: 'offboarding.line_resolved', chain, actorId: actor.accountId, subjectId: line.subject_id, data: { caseId, subjectKind: line.subject_kind, resolution: input.resolution, handedToId: input.handedToId ?? null, incidentId } });
  });
  return getOffboardingCase(ctx, { actor, caseId });
}

/** Records the exit commitment (cam kết khi thôi quản lý BMNN), signed on a date (R11.2). */
export async function signExitCommitment(ctx: AppContext, { actor, caseId, input: raw }: { actor: Actor; caseId: string; input: { signedOn: string; scanRef?: string | null | undefined } }) {
  const input = signCommitmentRequest.parse(raw);
  const row = await getCaseRow(ctx, actor, caseId);
  if (!canManageSecretWorkOf({ actor, unitId: row.unit_id })) throw errors.forbidden();
  if (row.status === 'CLOSED') throw offboardingErrors.closed();
  await inTransaction(ctx, async (scope) => {
    const commitmentId = await createCommitmentInTransaction(scope, { actorId: actor.accountId, unitId: row.unit_id, personId: row.person_id, kind: 'ON_LEAVING', title: null, signedOn: input.signedOn, renewalDue: null, scanRef: input.scanRef ?? null });
    await scope.trx.updateTable('offboarding_cases').set({ exit_commitment_id: commitmentId }).where('id', '=', caseId).execute();
  });
  return getOffboardingCase(ctx, { actor, caseId });
}

/**
 * Closes the case: refused while any line is open or the exit commitment is unsigned (not asked
 * of a person who died, R11.3). Ends the person's assignments and disables their account.
 */
export async function closeOffboarding(ctx: AppContext, { actor, caseId }: { actor: Actor; caseId: string }) {
  const row = await getCaseRow(ctx, actor, caseId);
  if (!canManageSecretWorkOf({ actor, unitId: row.unit_id })) throw errors.forbidden();
  if (row.status === 'CLOSED') throw offboardingErrors.closed();
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const open = await trx.selectFrom('offboarding_lines').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).where('resolution', '=', 'OPEN').executeTakeFirstOrThrow();
    if (Number(open.n) > 0) throw offboardingErrors.notClosable({ message: `Còn ${Number(open.n)} tài liệu, thiết bị chưa bàn giao hoặc chưa xác định: chưa kết thúc được hồ sơ thu hồi (R11.2)` });
    if (row.reason !== 'DEATH') {
      const commitment = row.exit_commitment_id ? await trx.selectFrom('commitments').select('signed_on').where('id', '=', row.exit_commitment_id).executeTakeFirst() : undefined;
      if (!commitment?.signed_on) throw offboardingErrors.notClosable({ message: 'Cán bộ chưa ký cam kết bảo vệ bí mật nhà nước khi thôi quản lý: chưa kết thúc được hồ sơ thu hồi (R11.2)' });
    }
    const at = now.toISOString();
    await trx.updateTable('offboarding_cases').set({ status: 'CLOSED', closed_at: at }).where('id', '=', caseId).execute();
    await trx.updateTable('secret_assignments').set({ ended_on: row.effective_date, end_reason: 'Thôi quản lý bí mật nhà nước', updated_at: at }).where('person_id', '=', row.person_id).where('ended_on', 'is', null).execute();
    await trx.updateTable('people').set({ handles_secrets: 0, updated_at: at }).where('id', '=', row.person_id).execute();
    const account = await trx.selectFrom('accounts').select(['id', 'username', 'status']).where('person_id', '=', row.person_id).executeTakeFirst();
    if (account && account.status !== 'DISABLED') {
      await trx.updateTable('accounts').set({ status: 'DISABLED', updated_at: at }).where('id', '=', account.id).execute();
      await deleteSessionsOfAccount({ db: trx, accountId: account.id });
      await audit({ type: 'account.disabled', chain: row.unit_id, actorId: actor.accountId, subjectId: account.id, data: { username: account.username } });
    }
    await audit({ type: 'offboarding.closed', chain: row.unit_id, actorId: actor.accountId, subjectId: row.person_id, data: { caseId, accountDisabled: account?.username ?? null, closedOn: todayInVietnam(now) } });
  });
  return getOffboardingCase(ctx, { actor, caseId });
}
