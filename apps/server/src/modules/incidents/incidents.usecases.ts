import {
  addTimelineNoteRequest,
  INCIDENT_KIND_LABELS,
  INVESTIGATION_STATUS_LABELS,
  LEVEL_LABELS,
  NOTIFICATION_RECIPIENT_LABELS,
  openIncidentRequest,
  recordNotificationRequest,
  updateIncidentRequest,
  type Incident,
  type IncidentChannel,
  type IncidentKind,
  type IncidentSource,
  type IncidentSubChannel,
  type IncidentSummary,
  type InvestigationStatus,
  type Level,
  type NotificationRecipient,
  type OpenIncidentRequest,
  type RecordNotificationRequest,
  type Referral,
  type TimelineKind,
  type UpdateIncidentRequest,
} from '@bmnn/contracts';
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { AppContext, TransactionScope } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canHandleIncidentsOf, canOpenIncidentIn, canSeeDevicesOf, canSeeIncidentsOf, canSeeItem, canSeePeopleOf, incidentUnitScope, type Actor, type ItemAccessFacts } from '../access/access.policies.ts';
import { deviceErrors } from '../devices/devices.errors.ts';
import { personErrors } from '../people/people.errors.ts';
import { registerErrors } from '../register/register.errors.ts';
import { appendItemEvent } from '../register/register.events.ts';
import { unitErrors } from '../units/units.errors.ts';
import { incidentErrors } from './incidents.errors.ts';
import { computeReportClock, itemEffectOf, yearInVietnam } from './incidents.rules.ts';

type Db = Kysely<Database> | Transaction<Database>;
type IncidentRow = Database['incidents'] & { unit_name: string };

// ---- reading -------------------------------------------------------------------------------

function selectIncidents(db: Db) {
  return db.selectFrom('incidents').innerJoin('units', 'units.id', 'incidents.unit_id').selectAll('incidents').select('units.name as unit_name');
}

async function loadNotifications(db: Db, incidentIds: string[]) {
  if (incidentIds.length === 0) return [];
  return db.selectFrom('incident_notifications').selectAll().where('incident_id', 'in', incidentIds).orderBy('notified_at').execute();
}

function presentSummary(r: IncidentRow, notifications: ReadonlyArray<{ recipient: string; notified_at: string }>, now: Date): IncidentSummary {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind: r.kind as IncidentKind,
    channel: r.channel as IncidentChannel,
    subChannel: r.sub_channel as IncidentSubChannel | null,
    title: r.title,
    source: r.source as IncidentSource,
    discoveredAt: r.discovered_at,
    investigationStatus: r.investigation_status as InvestigationStatus,
    clock: computeReportClock({ discoveredAt: r.discovered_at, notifications: notifications.map((n) => ({ recipient: n.recipient as NotificationRecipient, notifiedAt: n.notified_at })), now }),
    createdAt: r.created_at,
  };
}

/** Clearance and need-to-know facts of several items at once (the same facts as the register's). */
export async function loadItemFacts(db: Db, itemIds: string[]): Promise<Map<string, ItemAccessFacts & { soKyHieu: string; status: string }>> {
  const out = new Map<string, ItemAccessFacts & { soKyHieu: string; status: string }>();
  if (itemIds.length === 0) return out;
  const [items, grants] = await Promise.all([
    db.selectFrom('items').select(['id', 'unit_id', 'level', 'custodian_id', 'so_ky_hieu', 'status']).where('id', 'in', itemIds).execute(),
    db.selectFrom('access_grants').select(['item_id', 'person_id', 'expires_at', 'revoked_at']).where('item_id', 'in', itemIds).execute(),
  ]);
  for (const i of items) {
    out.set(i.id, {
      unitId: i.unit_id,
      level: i.level as Level,
      custodianId: i.custodian_id,
      soKyHieu: i.so_ky_hieu,
      status: i.status,
      grants: grants.filter((g) => g.item_id === i.id).map((g) => ({ personId: g.person_id, expiresAt: g.expires_at, revokedAt: g.revoked_at })),
    });
  }
  return out;
}

async function getVisibleIncidentRow(ctx: AppContext, actor: Actor, incidentId: string): Promise<IncidentRow> {
  const row = await selectIncidents(ctx.db).where('incidents.id', '=', incidentId).executeTakeFirst();
  if (!row || !canSeeIncidentsOf({ actor, unitId: row.unit_id })) throw incidentErrors.notFound();
  return row;
}

export type ListIncidentsFilter = { unitId?: string | undefined; year?: number | undefined; kind?: IncidentKind | undefined; channel?: IncidentChannel | undefined; status?: InvestigationStatus | undefined; reportNow?: boolean | undefined };

/** Incidents of the actor's scope (filtered in SQL, mirroring `canSeeIncidentsOf`), newest first. */
export async function listIncidents(ctx: AppContext, { actor, filter = {} }: { actor: Actor; filter?: ListIncidentsFilter }) {
  const scope = incidentUnitScope(actor);
  if (scope !== 'all' && scope.length === 0) return { incidents: [] as IncidentSummary[], total: 0 };
  let query = selectIncidents(ctx.db);
  if (scope !== 'all') query = query.where('incidents.unit_id', 'in', scope);
  if (filter.unitId) query = query.where('incidents.unit_id', '=', filter.unitId);
  if (filter.year) query = query.where('incidents.discovered_year', '=', filter.year);
  if (filter.kind) query = query.where('incidents.kind', '=', filter.kind);
  if (filter.channel) query = query.where('incidents.channel', '=', filter.channel);
  if (filter.status) query = query.where('incidents.investigation_status', '=', filter.status);
  if (filter.reportNow !== undefined) query = query.where('incidents.reported_at', filter.reportNow ? 'is' : 'is not', null);
  const rows = await query.orderBy('incidents.discovered_at', 'desc').limit(1000).execute();
  const notifications = await loadNotifications(ctx.db, rows.map((r) => r.id));
  const now = ctx.clock();
  return { incidents: rows.map((r) => presentSummary(r, notifications.filter((n) => n.incident_id === r.id), now)), total: rows.length };
}

/**
 * An incident's details. Items the actor may not see are left out, with the timeline entries
 * about them: the incident does not reveal that they exist (DESIGN.md §5). The read is audited.
 */
export async function getIncident(ctx: AppContext, { actor, incidentId, audited = true }: { actor: Actor; incidentId: string; audited?: boolean }): Promise<{ incident: Incident }> {
  const row = await getVisibleIncidentRow(ctx, actor, incidentId);
  const now = ctx.clock();
  const [notifications, itemLinks, deviceLinks, entries] = await Promise.all([
    loadNotifications(ctx.db, [incidentId]),
    ctx.db.selectFrom('incident_items').selectAll().where('incident_id', '=', incidentId).orderBy('linked_at').execute(),
    ctx.db.selectFrom('incident_devices').innerJoin('devices', 'devices.id', 'incident_devices.device_id').select(['incident_devices.device_id', 'incident_devices.linked_at', 'devices.asset_code', 'devices.name', 'devices.unit_id']).where('incident_devices.incident_id', '=', incidentId).orderBy('incident_devices.linked_at').execute(),
    ctx.db.selectFrom('incident_entries').leftJoin('accounts', 'accounts.id', 'incident_entries.actor_id').leftJoin('people', 'people.id', 'accounts.person_id').select(['incident_entries.id', 'incident_entries.at', 'incident_entries.kind', 'incident_entries.text', 'incident_entries.item_id', 'people.full_name']).where('incident_entries.incident_id', '=', incidentId).orderBy('incident_entries.at').orderBy('incident_entries.created_at').execute(),
  ]);
  const facts = await loadItemFacts(ctx.db, [...new Set([...itemLinks.map((l) => l.item_id), ...entries.flatMap((e) => (e.item_id ? [e.item_id] : []))])]);
  const visible = (itemId: string) => {
    const f = facts.get(itemId);
    return f !== undefined && canSeeItem({ actor, item: f, now });
  };
  const incident: Incident = {
    ...presentSummary(row, notifications, now),
    discoveredByPersonId: row.discovered_by_person_id,
    discoveredByName: row.discovered_by_name,
    occurredOn: row.occurred_on,
    sourceRef: row.source_ref,
    circumstances: row.circumstances,
    immediateMeasures: row.immediate_measures,
    outcome: row.outcome,
    rootCause: row.root_cause,
    handling: row.handling,
    remedy: row.remedy,
    referral: row.referral as Referral,
    referralNote: row.referral_note,
    items: itemLinks.filter((l) => visible(l.item_id)).map((l) => ({ itemId: l.item_id, soKyHieu: facts.get(l.item_id)!.soKyHieu, level: facts.get(l.item_id)!.level, effect: l.effect as 'LOST' | 'DISCLOSED', linkedAt: l.linked_at })),
    devices: deviceLinks.filter((d) => canSeeDevicesOf({ actor, unitId: d.unit_id })).map((d) => ({ deviceId: d.device_id, assetCode: d.asset_code, name: d.name, linkedAt: d.linked_at })),
    notifications: notifications.map((n) => ({ id: n.id, recipient: n.recipient as NotificationRecipient, recipientName: n.recipient_name, notifiedAt: n.notified_at, method: n.method, documentRef: n.document_ref })),
    timeline: entries.filter((e) => !e.item_id || visible(e.item_id)).map((e) => ({ id: e.id, at: e.at, kind: e.kind as TimelineKind, text: e.text, actorName: e.full_name })),
  };
  if (audited) {
    await inTransaction(ctx, async ({ audit }) => {
      await audit({ type: 'incident.viewed', chain: row.unit_id, actorId: actor.accountId, subjectId: row.id, data: { kind: row.kind } });
    });
  }
  return { incident };
}

// ---- writing -------------------------------------------------------------------------------

type Trx = TransactionScope['trx'];

async function addEntry(trx: Trx, { incidentId, unitId, at, kind, text, itemId = null, actorId, now }: { incidentId: string; unitId: string; at: string; kind: TimelineKind; text: string; itemId?: string | null; actorId: string | null; now: Date }) {
  await trx.insertInto('incident_entries').values({ id: generateId('ien'), incident_id: incidentId, unit_id: unitId, at, kind, text, item_id: itemId, actor_id: actorId, created_at: now.toISOString() }).execute();
}

/** Links items: each becomes LOST or DISCLOSED in the register, with a timeline line and an audit record. */
async function linkItemsInTransaction(scope: TransactionScope, { incidentId, unitId, kind, itemIds, actorId }: { incidentId: string; unitId: string; kind: IncidentKind; itemIds: readonly string[]; actorId: string | null }) {
  const { trx, now, audit } = scope;
  const effect = itemEffectOf(kind);
  const facts = await loadItemFacts(trx, [...itemIds]);
  for (const itemId of new Set(itemIds)) {
    const item = facts.get(itemId);
    if (!item) throw registerErrors.itemNotFound();
    try {
      await trx.insertInto('incident_items').values({ id: generateId('iit'), incident_id: incidentId, item_id: itemId, unit_id: unitId, effect, previous_status: item.status, linked_by: actorId ?? 'system', linked_at: now.toISOString() }).execute();
    } catch (cause) {
      if (isUniqueViolation(cause)) throw incidentErrors.itemAlreadyLinked({ cause });
      throw cause;
    }
    await trx.updateTable('items').set({ status: effect, updated_at: now.toISOString() }).where('id', '=', itemId).execute();
    // What happens to an item is an event of its own ledger (DESIGN.md §4).
    await appendItemEvent({ trx, kind: scope.dbKind, unitId: item.unitId, itemId, event: { type: effect, data: { incidentId } }, occurredAt: now.toISOString(), recordedAt: now, actorId });
    await addEntry(trx, { incidentId, unitId, at: now.toISOString(), kind: 'ITEM_LINKED', text: `${effect === 'LOST' ? 'Mất' : 'Lộ'} tài liệu, vật chứa BMNN số ${item.soKyHieu} (${LEVEL_LABELS[item.level]})`, itemId, actorId, now });
    // The item's own chain records what happened to it; the record names no content.
    await audit({ type: 'incident.item_linked', chain: item.unitId, actorId, subjectId: itemId, data: { itemId, level: item.level, effect, previousStatus: item.status } });
  }
}

async function linkDevicesInTransaction(scope: TransactionScope, { incidentId, unitId, deviceIds, actorId }: { incidentId: string; unitId: string; deviceIds: readonly string[]; actorId: string | null }) {
  const { trx, now, audit } = scope;
  for (const deviceId of new Set(deviceIds)) {
    const device = await trx.selectFrom('devices').select(['id', 'asset_code', 'name', 'unit_id']).where('id', '=', deviceId).executeTakeFirst();
    if (!device) throw deviceErrors.notFound();
    const linked = await trx.selectFrom('incident_devices').select('id').where('incident_id', '=', incidentId).where('device_id', '=', deviceId).executeTakeFirst();
    if (linked) continue;
    await trx.insertInto('incident_devices').values({ id: generateId('idv'), incident_id: incidentId, device_id: deviceId, unit_id: unitId, linked_by: actorId ?? 'system', linked_at: now.toISOString() }).execute();
    await addEntry(trx, { incidentId, unitId, at: now.toISOString(), kind: 'DEVICE_LINKED', text: `Liên quan thiết bị ${device.asset_code} — ${device.name}`, actorId, now });
    await audit({ type: 'incident.device_linked', chain: unitId, actorId, subjectId: incidentId, data: { deviceId, assetCode: device.asset_code } });
  }
}

export type OpenIncidentCommand = Omit<OpenIncidentRequest, 'itemIds' | 'deviceIds'> & {
  itemIds?: readonly string[];
  deviceIds?: readonly string[];
  source: IncidentSource;
  sourceRef?: string | null;
  /** The account that opened it, or null when BMNN raised it by itself. */
  actorId: string | null;
};

/**
 * Opens an incident inside the caller's transaction: the use case other modules call (a tampered
 * envelope on receipt, an item missing at offboarding, an overdue take-out, a leak on a portal).
 * The caller has already checked its own policy; this checks that what it links exists.
 */
export async function openIncidentInTransaction(scope: TransactionScope, command: OpenIncidentCommand): Promise<{ incidentId: string }> {
  const input = openIncidentRequest.parse({ ...command, itemIds: command.itemIds ?? [], deviceIds: command.deviceIds ?? [] });
  const { trx, now, audit } = scope;
  const unit = await trx.selectFrom('units').select(['id']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw unitErrors.notFound();
  const id = generateId('inc');
  const at = now.toISOString();
  await trx
    .insertInto('incidents')
    .values({
      id,
      unit_id: input.unitId,
      kind: input.kind,
      channel: input.channel,
      sub_channel: input.subChannel ?? null,
      title: input.title,
      source: command.source,
      source_ref: command.sourceRef ?? null,
      discovered_at: new Date(input.discoveredAt).toISOString(),
      discovered_year: yearInVietnam(input.discoveredAt),
      discovered_by_person_id: input.discoveredByPersonId ?? null,
      discovered_by_name: input.discoveredByName ?? null,
      occurred_on: input.occurredOn ?? null,
      circumstances: input.circumstances,
      immediate_measures: input.immediateMeasures ?? null,
      investigation_status: 'REPORTED',
      outcome: null,
      root_cause: null,
      handling: null,
      remedy: null,
      referral: 'NONE',
      referral_note: null,
      reported_at: null,
      created_by: command.actorId ?? 'system',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await addEntry(trx, { incidentId: id, unitId: input.unitId, at: new Date(input.discoveredAt).toISOString(), kind: 'OPENED', text: `Phát hiện vụ việc: ${INCIDENT_KIND_LABELS[input.kind].toLowerCase()}`, actorId: command.actorId, now });
  await audit({ type: 'incident.opened', chain: input.unitId, actorId: command.actorId, subjectId: id, data: { kind: input.kind, channel: input.channel, subChannel: input.subChannel ?? null, source: command.source, itemCount: input.itemIds.length, deviceCount: input.deviceIds.length } });
  await linkItemsInTransaction(scope, { incidentId: id, unitId: input.unitId, kind: input.kind, itemIds: input.itemIds, actorId: command.actorId });
  await linkDevicesInTransaction(scope, { incidentId: id, unitId: input.unitId, deviceIds: input.deviceIds, actorId: command.actorId });
  return { incidentId: id };
}

async function ensureItemsVisible(ctx: AppContext, actor: Actor, itemIds: readonly string[]) {
  const facts = await loadItemFacts(ctx.db, [...itemIds]);
  const now = ctx.clock();
  for (const itemId of itemIds) {
    const f = facts.get(itemId);
    if (!f || !canSeeItem({ actor, item: f, now })) throw registerErrors.itemNotFound({ details: { itemId } });
  }
}

async function ensureDevicesVisible(ctx: AppContext, actor: Actor, deviceIds: readonly string[]) {
  if (deviceIds.length === 0) return;
  const rows = await ctx.db.selectFrom('devices').select(['id', 'unit_id']).where('id', 'in', [...deviceIds]).execute();
  for (const deviceId of deviceIds) {
    const d = rows.find((r) => r.id === deviceId);
    if (!d || !canSeeDevicesOf({ actor, unitId: d.unit_id })) throw deviceErrors.notFound({ details: { deviceId } });
  }
}

/** Opening an incident by hand: anyone in the unit's scope may report one (R13.1). */
export async function openIncident(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: OpenIncidentRequest }) {
  const input = openIncidentRequest.parse(raw);
  if (!canOpenIncidentIn({ actor, unitId: input.unitId })) throw errors.forbidden();
  if (input.discoveredByPersonId) {
    const person = await ctx.db.selectFrom('people').select(['unit_id']).where('id', '=', input.discoveredByPersonId).executeTakeFirst();
    if (!person || !canSeePeopleOf({ actor, unitId: person.unit_id })) throw personErrors.notFound();
  }
  if (Date.parse(input.discoveredAt) > ctx.clock().getTime() + 60_000) throw errors.validation({ details: { issues: [{ path: ['discoveredAt'], message: 'Thời điểm phát hiện không được ở tương lai' }] } });
  await ensureItemsVisible(ctx, actor, input.itemIds);
  await ensureDevicesVisible(ctx, actor, input.deviceIds);
  const { incidentId } = await inTransaction(ctx, (scope) => openIncidentInTransaction(scope, { ...input, source: 'MANUAL', actorId: actor.accountId }));
  return getIncident(ctx, { actor, incidentId, audited: false });
}

async function getHandledIncident(ctx: AppContext, actor: Actor, incidentId: string) {
  const row = await getVisibleIncidentRow(ctx, actor, incidentId);
  if (!canHandleIncidentsOf({ actor, unitId: row.unit_id })) throw errors.forbidden();
  if (row.investigation_status === 'CLOSED') throw incidentErrors.closed();
  return row;
}

const FIELD_LABELS: Record<string, string> = {
  kind: 'loại vụ việc',
  channel: 'hình thức',
  subChannel: 'hình thức cụ thể',
  title: 'tên vụ việc',
  circumstances: 'diễn biến',
  immediateMeasures: 'biện pháp đã áp dụng',
  outcome: 'kết quả xác minh',
  rootCause: 'nguyên nhân',
  handling: 'kết quả xử lý',
  remedy: 'biện pháp khắc phục',
  referral: 'hình thức xử lý',
  referralNote: 'ghi chú xử lý',
};

const COLUMN_OF: Record<string, keyof Database['incidents']> = {
  kind: 'kind',
  channel: 'channel',
  subChannel: 'sub_channel',
  title: 'title',
  circumstances: 'circumstances',
  immediateMeasures: 'immediate_measures',
  investigationStatus: 'investigation_status',
  outcome: 'outcome',
  rootCause: 'root_cause',
  handling: 'handling',
  remedy: 'remedy',
  referral: 'referral',
  referralNote: 'referral_note',
};

/** Investigation, outcome, root cause, handling, remedy, referral; each change joins the timeline. */
export async function updateIncident(ctx: AppContext, { actor, incidentId, input: raw }: { actor: Actor; incidentId: string; input: UpdateIncidentRequest }) {
  const input = updateIncidentRequest.parse(raw);
  const row = await getHandledIncident(ctx, actor, incidentId);
  const channel = input.channel ?? (row.channel as IncidentChannel);
  const subChannel = input.subChannel !== undefined ? input.subChannel : input.channel ? null : (row.sub_channel as IncidentSubChannel | null);
  // Re-check the channel pair as it will be stored.
  const pair = updateIncidentRequest.safeParse({ channel, subChannel });
  if (!pair.success) throw errors.validation({ details: { issues: pair.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) } });
  const changes: Partial<Record<keyof Database['incidents'], string | null>> = {};
  for (const [field, value] of Object.entries({ ...input, channel, subChannel })) {
    if (value === undefined) continue;
    const column = COLUMN_OF[field]!;
    if ((row[column] ?? null) !== (value ?? null)) changes[column] = (value as string | null) ?? null;
  }
  const changed = Object.keys(COLUMN_OF).filter((f) => COLUMN_OF[f]! in changes);
  if (changed.length === 0) return getIncident(ctx, { actor, incidentId, audited: false });
  await inTransaction(ctx, async ({ trx, now, audit, dbKind }) => {
    await trx.updateTable('incidents').set({ ...(changes as Updateable<Database['incidents']>), updated_at: now.toISOString() }).where('id', '=', incidentId).execute();
    if (changes.kind) {
      // Lộ ↔ mất changes what the linked items became.
      const effect = itemEffectOf(changes.kind as IncidentKind);
      const links = await trx.selectFrom('incident_items').select(['item_id']).where('incident_id', '=', incidentId).execute();
      await trx.updateTable('incident_items').set({ effect }).where('incident_id', '=', incidentId).execute();
      if (links.length > 0) await trx.updateTable('items').set({ status: effect, updated_at: now.toISOString() }).where('id', 'in', links.map((l) => l.item_id)).execute();
      for (const link of await trx.selectFrom('incident_items').innerJoin('items', 'items.id', 'incident_items.item_id').select(['items.id', 'items.unit_id']).where('incident_items.incident_id', '=', incidentId).execute()) {
        await appendItemEvent({ trx, kind: dbKind, unitId: link.unit_id, itemId: link.id, event: { type: effect, data: { incidentId } }, occurredAt: now.toISOString(), recordedAt: now, actorId: actor.accountId });
      }
    }
    const status = changes.investigation_status as InvestigationStatus | undefined;
    if (status) await addEntry(trx, { incidentId, unitId: row.unit_id, at: now.toISOString(), kind: 'STATUS_CHANGED', text: `Chuyển tình trạng: ${INVESTIGATION_STATUS_LABELS[status]}`, actorId: actor.accountId, now });
    const others = changed.filter((f) => f !== 'investigationStatus');
    if (others.length > 0) await addEntry(trx, { incidentId, unitId: row.unit_id, at: now.toISOString(), kind: 'UPDATED', text: `Cập nhật ${others.map((f) => FIELD_LABELS[f]).join(', ')}`, actorId: actor.accountId, now });
    await audit({ type: 'incident.updated', chain: row.unit_id, actorId: actor.accountId, subjectId: incidentId, data: { changed, investigationStatus: status ?? row.investigation_status } });
  });
  return getIncident(ctx, { actor, incidentId, audited: false });
}

export async function linkIncidentItems(ctx: AppContext, { actor, incidentId, itemIds }: { actor: Actor; incidentId: string; itemIds: string[] }) {
  const row = await getHandledIncident(ctx, actor, incidentId);
  await ensureItemsVisible(ctx, actor, itemIds);
  await inTransaction(ctx, (scope) => linkItemsInTransaction(scope, { incidentId, unitId: row.unit_id, kind: row.kind as IncidentKind, itemIds, actorId: actor.accountId }));
  return getIncident(ctx, { actor, incidentId, audited: false });
}

export async function linkIncidentDevices(ctx: AppContext, { actor, incidentId, deviceIds }: { actor: Actor; incidentId: string; deviceIds: string[] }) {
  const row = await getHandledIncident(ctx, actor, incidentId);
  await ensureDevicesVisible(ctx, actor, deviceIds);
  await inTransaction(ctx, (scope) => linkDevicesInTransaction(scope, { incidentId, unitId: row.unit_id, deviceIds, actorId: actor.accountId }));
  return getIncident(ctx, { actor, incidentId, audited: false });
}

/** Records who was told and when (R13.1); the "report now" clock stops once the head and Công an tỉnh know. */
export async function recordNotification(ctx: AppContext, { actor, incidentId, input: raw }: { actor: Actor; incidentId: string; input: RecordNotificationRequest }) {
  const input = recordNotificationRequest.parse(raw);
  const row = await getHandledIncident(ctx, actor, incidentId);
  const notifiedAt = new Date(input.notifiedAt).toISOString();
  if (Date.parse(notifiedAt) > ctx.clock().getTime() + 60_000) throw errors.validation({ details: { issues: [{ path: ['notifiedAt'], message: 'Thời điểm thông báo không được ở tương lai' }] } });
  if (notifiedAt < row.discovered_at) throw errors.validation({ details: { issues: [{ path: ['notifiedAt'], message: 'Thời điểm thông báo không được trước khi phát hiện' }] } });
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx
      .insertInto('incident_notifications')
      .values({ id: generateId('ino'), incident_id: incidentId, unit_id: row.unit_id, recipient: input.recipient, recipient_name: input.recipientName ?? null, notified_at: notifiedAt, method: input.method ?? null, document_ref: input.documentRef ?? null, created_by: actor.accountId, created_at: now.toISOString() })
      .execute();
    const all = await trx.selectFrom('incident_notifications').select(['recipient', 'notified_at']).where('incident_id', '=', incidentId).execute();
    const clock = computeReportClock({ discoveredAt: row.discovered_at, notifications: all.map((n) => ({ recipient: n.recipient as NotificationRecipient, notifiedAt: n.notified_at })), now });
    await trx.updateTable('incidents').set({ reported_at: clock.reportedAt, updated_at: now.toISOString() }).where('id', '=', incidentId).execute();
    const who = `${NOTIFICATION_RECIPIENT_LABELS[input.recipient]}${input.recipientName ? ` (${input.recipientName})` : ''}`;
    await addEntry(trx, { incidentId, unitId: row.unit_id, at: notifiedAt, kind: 'NOTIFIED', text: `Thông báo, báo cáo: ${who}${input.documentRef ? `, văn bản số ${input.documentRef}` : ''}`, actorId: actor.accountId, now });
    await audit({ type: 'incident.notified', chain: row.unit_id, actorId: actor.accountId, subjectId: incidentId, data: { recipient: input.recipient, notifiedAt } });
  });
  return getIncident(ctx, { actor, incidentId, audited: false });
}

export async function addTimelineNote(ctx: AppContext, { actor, incidentId, input: raw }: { actor: Actor; incidentId: string; input: { at?: string | undefined; text: string } }) {
  const input = addTimelineNoteRequest.parse(raw);
  const row = await getHandledIncident(ctx, actor, incidentId);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const at = input.at ? new Date(input.at).toISOString() : now.toISOString();
    await addEntry(trx, { incidentId, unitId: row.unit_id, at, kind: 'NOTE', text: input.text, actorId: actor.accountId, now });
    await audit({ type: 'incident.note_added', chain: row.unit_id, actorId: actor.accountId, subjectId: incidentId, data: { at } });
  });
  return getIncident(ctx, { actor, incidentId, audited: false });
}
