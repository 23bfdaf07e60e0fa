import {
  addMeetingAttendeesRequest,
  addMeetingEquipmentRequest,
  CHECK_BODY_LABELS,
  CLEARANCE_LABELS,
  createMeetingRequest,
  handOutMeetingDocumentRequest,
  LEVEL_LABELS,
  LEVEL_RANK,
  todayInVietnam,
  updateMeetingChecklistRequest,
  type CheckBody,
  type CheckResult,
  type Clearance,
  type CreateMeetingRequest,
  type DeviceType,
  type Level,
  type Meeting,
  type MeetingDocument,
  type MeetingEquipment,
  type MeetingStatus,
  type MeetingSummary,
  type UpdateMeetingChecklistRequest,
  type VenueKind,
} from '@bmnn/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canManageMeetingOf, canSeeItem, canSeeMeeting, canSeePeopleOf, isClearedFor, meetingScope, type Actor } from '../access/access.policies.ts';
import { ensureDeviceApprovedFor } from '../devices/devices.usecases.ts';
import { DOCX_TYPE } from '../incidents/incidents.exports.ts';
import { personErrors } from '../people/people.errors.ts';
import { registerErrors } from '../register/register.errors.ts';
import { unitErrors } from '../units/units.errors.ts';
import { meetingErrors } from './meetings.errors.ts';
import { findEquipmentBlocker, findHoldBlockers } from './meetings.rules.ts';

// Conferences, seminars and meetings with secret content (LEGAL.md R8.7, R8.8): the meeting
// register and its checklist. A meeting outside the premises needs the request to the police
// for a security check before it is held; equipment comes from the device register, approved
// for meetings and checked by the police; online meetings run only over a cơ yếu line; Tối mật
// and Tuyệt mật meetings announce the device ban; documents handed out are collected back
// before the meeting is closed.

type Db = Kysely<Database> | Transaction<Database>;
type MeetingRow = Database['meetings'];

/** Item statuses that cannot be handed out at a meeting. */
const ITEM_STATUSES_UNAVAILABLE = ['LOST', 'DISCLOSED', 'DESTROYED', 'SENT', 'DECLASSIFIED'];

function summary(r: MeetingRow): MeetingSummary {
  return { id: r.id, unitId: r.unit_id, title: r.title, level: r.level as Level, heldOn: r.held_on, venueKind: r.venue_kind as VenueKind, venue: r.venue, online: r.online === 1, status: r.status as MeetingStatus };
}

async function attendeeIdsOf(db: Db, meetingId: string) {
  return (await db.selectFrom('meeting_attendees').select('person_id').where('meeting_id', '=', meetingId).execute()).map((r) => r.person_id);
}

async function getVisibleMeetingRow(ctx: AppContext, actor: Actor, meetingId: string) {
  const row = await ctx.db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
  if (!row) throw meetingErrors.notFound();
  const attendeeIds = await attendeeIdsOf(ctx.db, meetingId);
  if (!canSeeMeeting({ actor, meeting: { unitId: row.unit_id, level: row.level as Level, attendeeIds } })) throw meetingErrors.notFound();
  return row;
}

/** The meeting for someone who may change it: visible, and kept by them (403 otherwise). */
async function getManagedMeetingRow(ctx: AppContext, actor: Actor, meetingId: string, allowed: readonly MeetingStatus[]) {
  const row = await getVisibleMeetingRow(ctx, actor, meetingId);
  if (!canManageMeetingOf({ actor, unitId: row.unit_id, level: row.level as Level })) throw errors.forbidden();
  if (!allowed.includes(row.status as MeetingStatus)) throw meetingErrors.wrongStatus();
  return row;
}

export async function getMeeting(ctx: AppContext, { actor, meetingId }: { actor: Actor; meetingId: string }): Promise<{ meeting: Meeting }> {
  const row = await getVisibleMeetingRow(ctx, actor, meetingId);
  const [attendees, equipment, documents] = await Promise.all([
    ctx.db.selectFrom('meeting_attendees').innerJoin('people', 'people.id', 'meeting_attendees.person_id').select(['people.id', 'people.full_name', 'people.unit_id']).where('meeting_attendees.meeting_id', '=', meetingId).orderBy('people.full_name').execute(),
    ctx.db
      .selectFrom('meeting_equipment')
      .innerJoin('devices', 'devices.id', 'meeting_equipment.device_id')
      .leftJoin('device_checks', 'device_checks.id', 'meeting_equipment.check_id')
      .select(['devices.id', 'devices.asset_code', 'devices.name', 'device_checks.checked_on', 'device_checks.body', 'device_checks.next_due'])
      .where('meeting_equipment.meeting_id', '=', meetingId)
      .orderBy('devices.asset_code')
      .execute(),
    ctx.db
      .selectFrom('meeting_documents')
      .innerJoin('items', 'items.id', 'meeting_documents.item_id')
      .innerJoin('people', 'people.id', 'meeting_documents.handed_to_id')
      .select(['meeting_documents.id', 'meeting_documents.item_id', 'meeting_documents.handed_to_id', 'meeting_documents.handed_out_at', 'meeting_documents.collected_back_at', 'items.unit_id', 'items.level', 'items.custodian_id', 'items.so_ky_hieu', 'people.full_name'])
      .where('meeting_documents.meeting_id', '=', meetingId)
      .orderBy('meeting_documents.handed_out_at')
      .execute(),
  ]);
  const itemIds = [...new Set(documents.map((d) => d.item_id))];
  const grants = itemIds.length ? await ctx.db.selectFrom('access_grants').select(['item_id', 'person_id', 'expires_at', 'revoked_at']).where('item_id', 'in', itemIds).execute() : [];
  const now = ctx.clock();
  // Items the reader may not see are left out (DESIGN.md §5), like the offboarding lines.
  const visibleDocuments = documents.filter((d) =>
    canSeeItem({ actor, now, item: { unitId: d.unit_id, level: d.level as Level, custodianId: d.custodian_id, grants: grants.filter((g) => g.item_id === d.item_id).map((g) => ({ personId: g.person_id, expiresAt: g.expires_at, revokedAt: g.revoked_at })) } }),
  );
  return {
    meeting: {
      ...summary(row),
      chairName: row.chair_name,
      coYeuLineRef: row.co_yeu_line_ref,
      deviceBanNotice: row.device_ban_notice === 1,
      policeCheckRef: row.police_check_ref,
      policeCheckDate: row.police_check_date,
      externalAttendees: row.external_attendees,
      attendees: attendees.filter((a) => canSeePeopleOf({ actor, unitId: a.unit_id })).map((a) => ({ personId: a.id, fullName: a.full_name })),
      equipment: equipment.map<MeetingEquipment>((e) => ({ deviceId: e.id, assetCode: e.asset_code, name: e.name, lastCheckOn: e.checked_on, checkedBy: e.body ? CHECK_BODY_LABELS[e.body as CheckBody] : null, nextCheckDue: e.next_due })),
      documents: visibleDocuments.map<MeetingDocument>((d) => ({
        id: d.id,
        itemId: d.item_id,
        label: `Tài liệu số ${d.so_ky_hieu} (${LEVEL_LABELS[d.level as Level]})`,
        level: d.level as Level,
        handedToId: d.handed_to_id,
        handedToName: d.full_name,
        handedOutAt: d.handed_out_at,
        collectedBackAt: d.collected_back_at,
      })),
      documentsOut: visibleDocuments.filter((d) => d.collected_back_at === null).length,
    },
  };
}

/** Meetings the actor may see: their unit scope (province-wide oversight roles: all), cleared for the level, and those they attend. */
export async function listMeetings(ctx: AppContext, { actor, status }: { actor: Actor; status?: MeetingStatus | undefined }) {
  const scope = meetingScope(actor);
  if (scope.levels.length === 0) return { meetings: [] as MeetingSummary[] };
  const attended = new Set((await ctx.db.selectFrom('meeting_attendees').select('meeting_id').where('person_id', '=', actor.personId).execute()).map((r) => r.meeting_id));
  let query = ctx.db.selectFrom('meetings').selectAll().where('level', 'in', scope.levels);
  const units = scope.units;
  if (units !== 'all') {
    const ids = [...attended];
    if (units.length === 0 && ids.length === 0) return { meetings: [] as MeetingSummary[] };
    query = query.where((eb) => eb.or([...(units.length ? [eb('unit_id', 'in', units)] : []), ...(ids.length ? [eb('id', 'in', ids)] : [])]));
  }
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('held_on', 'desc').orderBy('created_at', 'desc').limit(2000).execute();
  return { meetings: rows.filter((r) => canSeeMeeting({ actor, meeting: { unitId: r.unit_id, level: r.level as Level, attendeeIds: attended.has(r.id) ? [actor.personId] : [] } })).map(summary) };
}

export async function createMeeting(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: CreateMeetingRequest }) {
  const input = createMeetingRequest.parse(raw);
  if (!canManageMeetingOf({ actor, unitId: input.unitId, level: input.level })) throw errors.forbidden();
  // R8.7 (2026 draft): online only over a line protected under the cơ yếu law.
  if (input.online && !input.coYeuLineRef) throw meetingErrors.coYeuLineRequired({ details: { issues: [{ path: ['coYeuLineRef'], message: 'Ghi sản phẩm, đường truyền cơ yếu bảo vệ cuộc họp trực tuyến' }] } });
  const id = await inTransaction(ctx, async ({ trx, now, audit }) => {
    const unit = await trx.selectFrom('units').select(['id', 'valid_to']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw unitErrors.notFound();
    if (unit.valid_to !== null && unit.valid_to <= todayInVietnam(now)) throw unitErrors.defunct();
    const meetingId = generateId('mtg');
    const at = now.toISOString();
    await trx
      .insertInto('meetings')
      .values({
        id: meetingId,
        unit_id: input.unitId,
        title: input.title,
        level: input.level,
        held_on: input.heldOn,
        venue_kind: input.venueKind,
        venue: input.venue,
        chair_name: input.chairName ?? null,
        online: input.online ? 1 : 0,
        co_yeu_line_ref: input.online ? input.coYeuLineRef! : null,
        device_ban_notice: input.deviceBanNotice ? 1 : 0,
        police_check_ref: null,
        police_check_date: null,
        external_attendees: input.externalAttendees ?? null,
        status: 'PLANNED',
        held_at: null,
        closed_at: null,
        created_by: actor.accountId,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await audit({ type: 'meeting.registered', chain: input.unitId, actorId: actor.accountId, subjectId: meetingId, data: { level: input.level, heldOn: input.heldOn, venueKind: input.venueKind, online: input.online } });
    return meetingId;
  });
  return getMeeting(ctx, { actor, meetingId: id });
}

export async function updateMeetingChecklist(ctx: AppContext, { actor, meetingId, input: raw }: { actor: Actor; meetingId: string; input: UpdateMeetingChecklistRequest }) {
  const input = updateMeetingChecklistRequest.parse(raw);
  const row = await getManagedMeetingRow(ctx, actor, meetingId, ['PLANNED']);
  const after = {
    policeCheckRef: input.policeCheckRef === undefined ? row.police_check_ref : input.policeCheckRef || null,
    policeCheckDate: input.policeCheckDate === undefined ? row.police_check_date : input.policeCheckDate,
    deviceBanNotice: input.deviceBanNotice ?? row.device_ban_notice === 1,
    coYeuLineRef: input.coYeuLineRef === undefined ? row.co_yeu_line_ref : input.coYeuLineRef || null,
  };
  if (row.online === 1 && !after.coYeuLineRef) throw meetingErrors.coYeuLineRequired();
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx
      .updateTable('meetings')
      .set({ police_check_ref: after.policeCheckRef, police_check_date: after.policeCheckDate ?? null, device_ban_notice: after.deviceBanNotice ? 1 : 0, co_yeu_line_ref: row.online === 1 ? after.coYeuLineRef : null, updated_at: now.toISOString() })
      .where('id', '=', meetingId)
      .execute();
    await audit({ type: 'meeting.checklist_updated', chain: row.unit_id, actorId: actor.accountId, subjectId: meetingId, data: { policeCheckRef: after.policeCheckRef, deviceBanNotice: after.deviceBanNotice, coYeuLineRef: row.online === 1 ? after.coYeuLineRef : null } });
  });
  return getMeeting(ctx, { actor, meetingId });
}

/**
 * R8.7: the device must be approved for meetings in the register (`ensureDeviceApprovedFor`,
 * R12.1) and its latest check, by BCA or Công an tỉnh, must be valid on the meeting day.
 */
async function ensureEquipmentUsable(db: Db, { actor, deviceId, meetingDay }: { actor: Actor; deviceId: string; meetingDay: string }) {
  const { device } = await ensureDeviceApprovedFor(db, { deviceId, unitScope: actor.scopeUnitIds, use: 'MEETING', actionDate: meetingDay });
  const latest = await db.selectFrom('device_checks').selectAll().where('device_id', '=', deviceId).orderBy('checked_on', 'desc').orderBy('created_at', 'desc').executeTakeFirst();
  const repair = await db.selectFrom('devices').select('last_repair_on').where('id', '=', deviceId).executeTakeFirstOrThrow();
  const blocker = findEquipmentBlocker({
    type: device.type as DeviceType,
    latestCheck: latest ? { body: latest.body as CheckBody, result: latest.result as CheckResult, checkedOn: latest.checked_on, nextDue: latest.next_due } : null,
    lastRepairOn: repair.last_repair_on,
    meetingDay,
  });
  if (blocker) throw meetingErrors.equipmentNotChecked({ message: `${device.assetCode}: ${blocker}`, details: { deviceId } });
  return { device, checkId: latest!.id };
}

export async function addMeetingEquipment(ctx: AppContext, { actor, meetingId, input: raw }: { actor: Actor; meetingId: string; input: { deviceId: string } }) {
  const input = addMeetingEquipmentRequest.parse(raw);
  const row = await getManagedMeetingRow(ctx, actor, meetingId, ['PLANNED']);
  await inTransaction(ctx, async ({ trx, audit }) => {
    const { device, checkId } = await ensureEquipmentUsable(trx, { actor, deviceId: input.deviceId, meetingDay: row.held_on });
    const already = await trx.selectFrom('meeting_equipment').select('device_id').where('meeting_id', '=', meetingId).where('device_id', '=', input.deviceId).executeTakeFirst();
    if (already) return;
    await trx.insertInto('meeting_equipment').values({ meeting_id: meetingId, device_id: input.deviceId, check_id: checkId }).execute();
    await audit({ type: 'meeting.equipment_added', chain: row.unit_id, actorId: actor.accountId, subjectId: meetingId, data: { deviceId: input.deviceId, assetCode: device.assetCode } });
  });
  return getMeeting(ctx, { actor, meetingId });
}

export async function addMeetingAttendees(ctx: AppContext, { actor, meetingId, input: raw }: { actor: Actor; meetingId: string; input: { personIds: string[] } }) {
  const input = addMeetingAttendeesRequest.parse(raw);
  const row = await getManagedMeetingRow(ctx, actor, meetingId, ['PLANNED', 'HELD']);
  const ids = [...new Set(input.personIds)];
  const people = await ctx.db.selectFrom('people').select(['id', 'unit_id', 'full_name', 'clearance']).where('id', 'in', ids).execute();
  const visible = people.filter((p) => canSeePeopleOf({ actor, unitId: p.unit_id }));
  if (visible.length !== ids.length) throw personErrors.notFound({ details: { issues: [{ path: ['personIds'], message: 'Không tìm thấy cán bộ' }] } });
  const level = row.level as Level;
  // R8.7: participants must be the right people — cleared for the level of the content.
  const uncleared = visible.filter((p) => !isClearedFor(p.clearance as Clearance, level));
  if (uncleared.length > 0) {
    throw meetingErrors.attendeeNotCleared({ message: `${uncleared.map((p) => `${p.full_name} (được tiếp cận: ${CLEARANCE_LABELS[p.clearance as Clearance]})`).join(', ')} không được tiếp cận bí mật nhà nước độ ${LEVEL_LABELS[level]}` });
  }
  await inTransaction(ctx, async ({ trx, audit }) => {
    const existing = new Set(await attendeeIdsOf(trx, meetingId));
    const added = visible.filter((p) => !existing.has(p.id));
    for (const p of added) await trx.insertInto('meeting_attendees').values({ meeting_id: meetingId, person_id: p.id }).execute();
    if (added.length) await audit({ type: 'meeting.attendees_added', chain: row.unit_id, actorId: actor.accountId, subjectId: meetingId, data: { personIds: added.map((p) => p.id) } });
  });
  return getMeeting(ctx, { actor, meetingId });
}

/** A document from the register handed to an attendee; it must come back before the meeting closes. */
export async function handOutMeetingDocument(ctx: AppContext, { actor, meetingId, input: raw }: { actor: Actor; meetingId: string; input: { itemId: string; handedToId: string } }) {
  const input = handOutMeetingDocumentRequest.parse(raw);
  const row = await getManagedMeetingRow(ctx, actor, meetingId, ['PLANNED', 'HELD']);
  const item = await ctx.db.selectFrom('items').select(['id', 'unit_id', 'level', 'custodian_id', 'status', 'so_ky_hieu']).where('id', '=', input.itemId).executeTakeFirst();
  const grants = item ? await ctx.db.selectFrom('access_grants').select(['person_id', 'expires_at', 'revoked_at']).where('item_id', '=', item.id).execute() : [];
  if (!item || !canSeeItem({ actor, now: ctx.clock(), item: { unitId: item.unit_id, level: item.level as Level, custodianId: item.custodian_id, grants: grants.map((g) => ({ personId: g.person_id, expiresAt: g.expires_at, revokedAt: g.revoked_at })) } })) {
    throw registerErrors.itemNotFound();
  }
  if (ITEM_STATUSES_UNAVAILABLE.includes(item.status)) throw registerErrors.wrongStatus({ message: `Tài liệu số ${item.so_ky_hieu} không còn trong quản lý của cơ quan` });
  if (LEVEL_RANK[item.level as Level] > LEVEL_RANK[row.level as Level]) {
    throw meetingErrors.itemAboveLevel({ message: `Tài liệu số ${item.so_ky_hieu} có độ ${LEVEL_LABELS[item.level as Level]}, cao hơn độ mật của cuộc họp (${LEVEL_LABELS[row.level as Level]})` });
  }
  const attendees = await attendeeIdsOf(ctx.db, meetingId);
  if (!attendees.includes(input.handedToId)) throw errors.validation({ details: { issues: [{ path: ['handedToId'], message: 'Chỉ phát tài liệu cho người có tên trong thành phần tham dự' }] } });
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const out = await trx.selectFrom('meeting_documents').select('id').where('meeting_id', '=', meetingId).where('item_id', '=', item.id).where('collected_back_at', 'is', null).executeTakeFirst();
    if (out) throw errors.validation({ details: { issues: [{ path: ['itemId'], message: 'Tài liệu này đã phát và chưa thu hồi' }] } });
    await trx.insertInto('meeting_documents').values({ id: generateId('mtd'), meeting_id: meetingId, item_id: item.id, handed_to_id: input.handedToId, handed_out_at: now.toISOString(), collected_back_at: null, collected_by: null }).execute();
    await audit({ type: 'meeting.document_handed_out', chain: row.unit_id, actorId: actor.accountId, subjectId: meetingId, data: { itemId: item.id, handedToId: input.handedToId, level: item.level } });
  });
  return getMeeting(ctx, { actor, meetingId });
}

export async function collectMeetingDocument(ctx: AppContext, { actor, meetingId, documentId }: { actor: Actor; meetingId: string; documentId: string }) {
  const row = await getManagedMeetingRow(ctx, actor, meetingId, ['PLANNED', 'HELD']);
  const { meeting } = await getMeeting(ctx, { actor, meetingId });
  const doc = meeting.documents.find((d) => d.id === documentId);
  if (!doc) throw registerErrors.itemNotFound();
  if (doc.collectedBackAt) throw meetingErrors.wrongStatus({ message: 'Tài liệu này đã được thu hồi' });
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('meeting_documents').set({ collected_back_at: now.toISOString(), collected_by: actor.accountId }).where('id', '=', documentId).where('collected_back_at', 'is', null).execute();
    await audit({ type: 'meeting.document_collected', chain: row.unit_id, actorId: actor.accountId, subjectId: meetingId, data: { itemId: doc.itemId } });
  });
  return getMeeting(ctx, { actor, meetingId });
}

/** Marks the meeting held: the checklist of R8.7 and R8.8 must be complete, and every device still usable. */
export async function markMeetingHeld(ctx: AppContext, { actor, meetingId }: { actor: Actor; meetingId: string }) {
  const row = await getManagedMeetingRow(ctx, actor, meetingId, ['PLANNED']);
  if (row.held_on > todayInVietnam(ctx.clock())) throw errors.validation({ message: 'Chưa đến ngày họp', details: { issues: [{ path: ['heldOn'], message: 'Chưa đến ngày họp' }] } });
  const blockers = findHoldBlockers({ level: row.level as Level, venueKind: row.venue_kind as VenueKind, policeCheckRef: row.police_check_ref, deviceBanNotice: row.device_ban_notice === 1, online: row.online === 1, coYeuLineRef: row.co_yeu_line_ref });
  if (blockers.length > 0) throw meetingErrors[blockers[0]!]();
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const equipment = await trx.selectFrom('meeting_equipment').select('device_id').where('meeting_id', '=', meetingId).execute();
    for (const e of equipment) await ensureEquipmentUsable(trx, { actor, deviceId: e.device_id, meetingDay: row.held_on });
    await trx.updateTable('meetings').set({ status: 'HELD', held_at: now.toISOString(), updated_at: now.toISOString() }).where('id', '=', meetingId).execute();
    await audit({ type: 'meeting.held', chain: row.unit_id, actorId: actor.accountId, subjectId: meetingId, data: { heldOn: row.held_on } });
  });
  return getMeeting(ctx, { actor, meetingId });
}

/** Closes the meeting once every document handed out has been collected back. */
export async function closeMeeting(ctx: AppContext, { actor, meetingId }: { actor: Actor; meetingId: string }) {
  const row = await getManagedMeetingRow(ctx, actor, meetingId, ['HELD']);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const docs = await trx.selectFrom('meeting_documents').select(['id', 'collected_back_at']).where('meeting_id', '=', meetingId).execute();
    const out = docs.filter((d) => d.collected_back_at === null).length;
    if (out > 0) throw meetingErrors.documentsNotCollected();
    await trx.updateTable('meetings').set({ status: 'CLOSED', closed_at: now.toISOString(), updated_at: now.toISOString() }).where('id', '=', meetingId).execute();
    await audit({ type: 'meeting.closed', chain: row.unit_id, actorId: actor.accountId, subjectId: meetingId, data: { documents: docs.length } });
  });
  return getMeeting(ctx, { actor, meetingId });
}

/** The printable notice, marked with the meeting's level; the export is audited. */
export async function exportMeetingNotice(ctx: AppContext, { actor, meetingId }: { actor: Actor; meetingId: string }) {
  const { meeting } = await getMeeting(ctx, { actor, meetingId });
  const unit = await ctx.db.selectFrom('units').select(['name', 'parent_id']).where('id', '=', meeting.unitId).executeTakeFirstOrThrow();
  const parent = unit.parent_id ? await ctx.db.selectFrom('units').select(['name', 'kind']).where('id', '=', unit.parent_id).executeTakeFirst() : undefined;
  const root = await ctx.db.selectFrom('units').select(['name']).where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
  const now = ctx.clock();
  // The builder (and the docx library) loads on first use: see platform/lazy-modules.ts.
  const { buildMeetingNoticeDocx } = await import('./meetings.documents.ts');
  const buffer = await buildMeetingNoticeDocx({
    meeting,
    agencyName: unit.name,
    parentAgencyName: parent ? (parent.kind === 'TINH' ? `Ủy ban nhân dân ${parent.name}` : parent.name) : null,
    place: (root?.name ?? '').replace(/^(tỉnh|thành phố)\s+/i, ''),
    now,
  });
  await inTransaction(ctx, async ({ audit }) => {
    await audit({ type: 'meeting.notice_exported', chain: meeting.unitId, actorId: actor.accountId, subjectId: meeting.id, data: { format: 'docx', level: meeting.level } });
  });
  return { filename: `thong-bao-cuoc-hop-${meeting.heldOn}.docx`, contentType: DOCX_TYPE, buffer };
}
