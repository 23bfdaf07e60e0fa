import {
  changeDeviceStatusRequest,
  createDeviceRequest,
  DEVICE_STATUS_LABELS,
  devicePolicyRequest,
  foldForSearch,
  recordDeviceCheckRequest,
  STATUSES_REQUIRING_SANITISATION,
  todayInVietnam,
  updateDeviceRequest,
  type ChangeDeviceStatusRequest,
  type CheckBody,
  type CheckReason,
  type CheckResult,
  type CreateDeviceRequest,
  type Device,
  type DeviceCheck,
  type DevicePolicy,
  type DeviceStatus,
  type DeviceStatusChange,
  type DeviceType,
  type DeviceUse,
  type NetworkStatus,
  type OverdueDeviceCheck,
  type RecordDeviceCheckRequest,
  type SanitisationKind,
  type UpdateDeviceRequest,
} from '@bmnn/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canChangeDevicePolicy, canManageDevicesOf, canSeeDevicesOf, canSeePeopleOf, deviceUnitScope, type Actor } from '../access/access.policies.ts';
import { SYSTEM_CHAIN } from '../audit/audit.events.ts';
import { personErrors } from '../people/people.errors.ts';
import { unitErrors } from '../units/units.errors.ts';
import { deviceErrors } from './devices.errors.ts';
import { canTransition, checkDeviceApproval, findUseBlocker } from './devices.rules.ts';

type Db = Kysely<Database> | Transaction<Database>;
type DeviceRow = Database['devices'] & { custodian_name: string | null };

/** The tenant setting behind LEGAL.md R12.2 (default on). */
export const REQUIRE_CHECK_SETTING = 'policy.require_security_check_before_use';

function present(r: DeviceRow): Device {
  return {
    id: r.id,
    unitId: r.unit_id,
    assetCode: r.asset_code,
    name: r.name,
    type: r.type as DeviceType,
    serial: r.serial,
    location: r.location,
    custodianId: r.custodian_id,
    custodianName: r.custodian_name,
    networkStatus: r.network_status as NetworkStatus,
    everConnected: r.ever_connected === 1,
    coYeuProductRef: r.co_yeu_product_ref,
    approvedUses: JSON.parse(r.approved_uses) as DeviceUse[],
    status: r.status as DeviceStatus,
    lastCheckOn: r.last_check_on,
    lastCheckResult: r.last_check_result as CheckResult | null,
    nextCheckDue: r.next_check_due,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function selectDevices(db: Db) {
  return db.selectFrom('devices').leftJoin('people', 'people.id', 'devices.custodian_id').selectAll('devices').select('people.full_name as custodian_name');
}

async function findDeviceRow(db: Db, deviceId: string): Promise<DeviceRow | undefined> {
  return selectDevices(db).where('devices.id', '=', deviceId).executeTakeFirst();
}

/** A device the actor may not see does not exist for them (STYLE.md errors 5). */
async function getVisibleDeviceRow(ctx: AppContext, actor: Actor, deviceId: string): Promise<DeviceRow> {
  const row = await findDeviceRow(ctx.db, deviceId);
  if (!row || !canSeeDevicesOf({ actor, unitId: row.unit_id })) throw deviceErrors.notFound();
  return row;
}

export async function getDevicePolicy(ctx: AppContext): Promise<DevicePolicy> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', REQUIRE_CHECK_SETTING).executeTakeFirst();
  return { requireSecurityCheckBeforeUse: row ? row.value === 'true' : true };
}

export async function setDevicePolicy(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: DevicePolicy }) {
  if (!canChangeDevicePolicy(actor)) throw errors.forbidden();
  const input = devicePolicyRequest.parse(raw);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const value = String(input.requireSecurityCheckBeforeUse);
    const at = now.toISOString();
    await trx.insertInto('settings').values({ key: REQUIRE_CHECK_SETTING, value, updated_at: at }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at })).execute();
    await audit({ type: 'device.policy_changed', chain: SYSTEM_CHAIN, actorId: actor.accountId, data: input });
  });
  return getDevicePolicy(ctx);
}

async function ensureCustodian(db: Db, actor: Actor, custodianId: string | null | undefined) {
  if (!custodianId) return;
  const person = await db.selectFrom('people').select(['id', 'unit_id']).where('id', '=', custodianId).executeTakeFirst();
  if (!person || !canSeePeopleOf({ actor, unitId: person.unit_id })) throw personErrors.notFound({ details: { issues: [{ path: ['custodianId'], message: 'Không tìm thấy cán bộ quản lý thiết bị' }] } });
}

function assetCodeTaken(cause: unknown) {
  return deviceErrors.assetCodeTaken({ cause, details: { issues: [{ path: ['assetCode'], message: 'Mã tài sản đã được dùng trong đơn vị' }] } });
}

export async function createDevice(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: CreateDeviceRequest }) {
  const input = createDeviceRequest.parse(raw);
  if (!canManageDevicesOf({ actor, unitId: input.unitId })) throw errors.forbidden();
  const id = await inTransaction(ctx, async ({ trx, now, audit }) => {
    const unit = await trx.selectFrom('units').select(['id', 'valid_to']).where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw unitErrors.notFound();
    if (unit.valid_to !== null && unit.valid_to <= todayInVietnam(now)) throw unitErrors.defunct();
    await ensureCustodian(trx, actor, input.custodianId);
    const deviceId = generateId('dev');
    const at = now.toISOString();
    try {
      await trx
        .insertInto('devices')
        .values({
          id: deviceId,
          unit_id: input.unitId,
          asset_code: input.assetCode,
          name: input.name,
          name_folded: foldForSearch(`${input.name} ${input.assetCode} ${input.serial ?? ''}`),
          type: input.type,
          serial: input.serial ?? null,
          location: input.location ?? null,
          custodian_id: input.custodianId ?? null,
          network_status: input.networkStatus,
          ever_connected: input.everConnected || input.networkStatus === 'CONNECTED' ? 1 : 0,
          co_yeu_product_ref: input.coYeuProductRef ?? null,
          approved_uses: JSON.stringify([...new Set(input.approvedUses)]),
          status: 'IN_STORE',
          last_check_on: null,
          last_check_result: null,
          next_check_due: null,
          last_repair_on: null,
          note: input.note ?? null,
          created_by: actor.accountId,
          created_at: at,
          updated_at: at,
        })
        .execute();
    } catch (cause) {
      if (isUniqueViolation(cause)) throw assetCodeTaken(cause);
      throw cause;
    }
    await trx.insertInto('device_status_changes').values({ id: generateId('dsc'), device_id: deviceId, unit_id: input.unitId, from_status: null, to_status: 'IN_STORE', effective_date: todayInVietnam(now), reason: 'Đăng ký vào sổ quản lý thiết bị', sanitisation_id: null, created_by: actor.accountId, created_at: at }).execute();
    await audit({ type: 'device.created', chain: input.unitId, actorId: actor.accountId, subjectId: deviceId, data: { assetCode: input.assetCode, type: input.type, networkStatus: input.networkStatus } });
    return deviceId;
  });
  return { device: present((await findDeviceRow(ctx.db, id))!) };
}

export async function updateDevice(ctx: AppContext, { actor, deviceId, input: raw }: { actor: Actor; deviceId: string; input: UpdateDeviceRequest }) {
  const input = updateDeviceRequest.parse(raw);
  const row = await getVisibleDeviceRow(ctx, actor, deviceId);
  if (!canManageDevicesOf({ actor, unitId: row.unit_id })) throw errors.forbidden();
  const before = present(row);
  const networkStatus = input.networkStatus ?? before.networkStatus;
  // Once connected, always "ever connected": the 2018 regime judges the device's whole history (R12.1).
  if (before.everConnected && input.everConnected === false) throw deviceErrors.everConnectedPermanent();
  const everConnected = before.everConnected || input.everConnected === true || networkStatus === 'CONNECTED';
  if (everConnected && networkStatus === 'AIR_GAPPED_NEVER_CONNECTED') {
    throw errors.validation({ message: 'Thiết bị đã từng kết nối mạng không thể ghi là "chưa từng kết nối"', details: { issues: [{ path: ['networkStatus'], message: 'Thiết bị đã từng kết nối mạng' }] } });
  }
  const after = {
    assetCode: input.assetCode ?? before.assetCode,
    name: input.name ?? before.name,
    type: input.type ?? before.type,
    serial: input.serial === undefined ? before.serial : input.serial,
    location: input.location === undefined ? before.location : input.location,
    custodianId: input.custodianId === undefined ? before.custodianId : input.custodianId,
    networkStatus,
    everConnected,
    coYeuProductRef: input.coYeuProductRef === undefined ? before.coYeuProductRef : input.coYeuProductRef,
    approvedUses: input.approvedUses ? [...new Set(input.approvedUses)] : before.approvedUses,
    note: input.note === undefined ? before.note : input.note,
  };
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    if (after.custodianId !== before.custodianId) await ensureCustodian(trx, actor, after.custodianId);
    try {
      await trx
        .updateTable('devices')
        .set({
          asset_code: after.assetCode,
          name: after.name,
          name_folded: foldForSearch(`${after.name} ${after.assetCode} ${after.serial ?? ''}`),
          type: after.type,
          serial: after.serial,
          location: after.location,
          custodian_id: after.custodianId,
          network_status: after.networkStatus,
          ever_connected: after.everConnected ? 1 : 0,
          co_yeu_product_ref: after.coYeuProductRef,
          approved_uses: JSON.stringify(after.approvedUses),
          note: after.note,
          updated_at: now.toISOString(),
        })
        .where('id', '=', deviceId)
        .execute();
    } catch (cause) {
      if (isUniqueViolation(cause)) throw assetCodeTaken(cause);
      throw cause;
    }
    const pick = (d: typeof after) => ({ assetCode: d.assetCode, name: d.name, type: d.type, serial: d.serial, location: d.location, custodianId: d.custodianId, networkStatus: d.networkStatus, everConnected: d.everConnected, coYeuProductRef: d.coYeuProductRef, approvedUses: d.approvedUses });
    await audit({ type: 'device.updated', chain: row.unit_id, actorId: actor.accountId, subjectId: deviceId, data: { before: pick(before), after: pick(after) } });
  });
  return { device: present((await findDeviceRow(ctx.db, deviceId))!) };
}

/** Records a security check (by Công an tỉnh, Ban Cơ yếu…); the latest check is kept on the device. */
export async function recordDeviceCheck(ctx: AppContext, { actor, deviceId, input: raw }: { actor: Actor; deviceId: string; input: RecordDeviceCheckRequest }) {
  const input = recordDeviceCheckRequest.parse(raw);
  const row = await getVisibleDeviceRow(ctx, actor, deviceId);
  if (!canManageDevicesOf({ actor, unitId: row.unit_id })) throw errors.forbidden();
  if (row.status === 'DISPOSED') throw deviceErrors.transitionNotAllowed({ message: 'Thiết bị đã thanh lý, tiêu hủy' });
  if (input.checkedOn > todayInVietnam(ctx.clock())) throw errors.validation({ details: { issues: [{ path: ['checkedOn'], message: 'Ngày kiểm tra không được sau hôm nay' }] } });
  const checkId = await inTransaction(ctx, async ({ trx, now, audit }) => {
    const id = generateId('dck');
    await trx
      .insertInto('device_checks')
      .values({ id, device_id: deviceId, unit_id: row.unit_id, body: input.body, inspector_name: input.inspectorName ?? null, reason: input.reason, checked_on: input.checkedOn, result: input.result, next_due: input.nextDue ?? null, report_ref: input.reportRef ?? null, note: input.note ?? null, created_by: actor.accountId, created_at: now.toISOString() })
      .execute();
    // A check recorded late (an older date) does not replace a newer one as "the latest".
    if (!row.last_check_on || input.checkedOn >= row.last_check_on) {
      await trx.updateTable('devices').set({ last_check_on: input.checkedOn, last_check_result: input.result, next_check_due: input.nextDue ?? null, updated_at: now.toISOString() }).where('id', '=', deviceId).execute();
    }
    await audit({ type: 'device.check_recorded', chain: row.unit_id, actorId: actor.accountId, subjectId: deviceId, data: { assetCode: row.asset_code, body: input.body, result: input.result, checkedOn: input.checkedOn, nextDue: input.nextDue ?? null } });
    return id;
  });
  const check = await ctx.db.selectFrom('device_checks').selectAll().where('id', '=', checkId).executeTakeFirstOrThrow();
  return { device: present((await findDeviceRow(ctx.db, deviceId))!), check: presentCheck(check) };
}

function presentCheck(c: Database['device_checks']): DeviceCheck {
  return { id: c.id, body: c.body as CheckBody, inspectorName: c.inspector_name, reason: c.reason as CheckReason, checkedOn: c.checked_on, result: c.result as CheckResult, nextDue: c.next_due, reportRef: c.report_ref, note: c.note, recordedAt: c.created_at };
}

/**
 * Changes a device's status. In use: a passed, valid check when the tenant requires one (R12.2).
 * Repair outside, repurposing, disposal: a wipe or media destruction with method and witnesses,
 * recorded in the same transaction (R12.3).
 */
export async function changeDeviceStatus(ctx: AppContext, { actor, deviceId, input: raw }: { actor: Actor; deviceId: string; input: ChangeDeviceStatusRequest }) {
  const input = changeDeviceStatusRequest.parse(raw);
  const row = await getVisibleDeviceRow(ctx, actor, deviceId);
  if (!canManageDevicesOf({ actor, unitId: row.unit_id })) throw errors.forbidden();
  const from = row.status as DeviceStatus;
  if (from === input.status || !canTransition(from, input.status)) {
    throw deviceErrors.transitionNotAllowed({ message: `Không được chuyển thiết bị từ "${DEVICE_STATUS_LABELS[from]}" sang "${DEVICE_STATUS_LABELS[input.status]}"` });
  }
  if (input.effectiveDate > todayInVietnam(ctx.clock())) throw errors.validation({ details: { issues: [{ path: ['effectiveDate'], message: 'Ngày chuyển trạng thái không được sau hôm nay' }] } });
  if (input.status === 'IN_USE') {
    const { requireSecurityCheckBeforeUse } = await getDevicePolicy(ctx);
    const blocker = findUseBlocker({
      device: { lastCheckOn: row.last_check_on, lastCheckResult: row.last_check_result as CheckResult | null, nextCheckDue: row.next_check_due, lastRepairOn: row.last_repair_on },
      requireCheck: requireSecurityCheckBeforeUse,
      effectiveDate: input.effectiveDate,
    });
    if (blocker) throw deviceErrors.checkRequired({ message: blocker });
  }
  const needsSanitisation = STATUSES_REQUIRING_SANITISATION.includes(input.status);
  if (needsSanitisation && !input.sanitisation) throw deviceErrors.sanitisationRequired({ details: { issues: [{ path: ['sanitisation'], message: 'Cần biên bản xóa bỏ BMNN hoặc tiêu hủy bộ phận lưu trữ' }] } });
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const at = now.toISOString();
    let sanitisationId: string | null = null;
    const s = input.sanitisation;
    if (needsSanitisation && s) {
      sanitisationId = generateId('dsn');
      await trx
        .insertInto('device_sanitisations')
        .values({ id: sanitisationId, device_id: deviceId, unit_id: row.unit_id, kind: s.kind, method: s.method, performed_on: s.performedOn, witnesses: JSON.stringify(s.witnesses), destruction_ref: s.destructionRef ?? null, created_by: actor.accountId, created_at: at })
        .execute();
    }
    await trx
      .insertInto('device_status_changes')
      .values({ id: generateId('dsc'), device_id: deviceId, unit_id: row.unit_id, from_status: from, to_status: input.status, effective_date: input.effectiveDate, reason: input.reason ?? null, sanitisation_id: sanitisationId, created_by: actor.accountId, created_at: at })
      .execute();
    await trx
      .updateTable('devices')
      .set({ status: input.status, ...(input.status === 'REPAIR_EXTERNAL' ? { last_repair_on: input.effectiveDate } : {}), updated_at: at })
      .where('id', '=', deviceId)
      .execute();
    await audit({ type: 'device.status_changed', chain: row.unit_id, actorId: actor.accountId, subjectId: deviceId, data: { assetCode: row.asset_code, from, to: input.status, effectiveDate: input.effectiveDate, sanitisation: s && needsSanitisation ? s.kind : null } });
  });
  return { device: present((await findDeviceRow(ctx.db, deviceId))!) };
}

export type ListDevicesFilter = { unitId?: string | undefined; status?: DeviceStatus | undefined; type?: DeviceType | undefined; use?: DeviceUse | undefined; q?: string | undefined };

/** Devices of the actor's scope, filtered in SQL (mirrors `canSeeDevicesOf`). */
export async function listDevices(ctx: AppContext, { actor, filter = {} }: { actor: Actor; filter?: ListDevicesFilter }) {
  const scope = deviceUnitScope(actor);
  if (scope !== 'all' && scope.length === 0) return { devices: [], total: 0 };
  let query = selectDevices(ctx.db);
  if (scope !== 'all') query = query.where('devices.unit_id', 'in', scope);
  if (filter.unitId) query = query.where('devices.unit_id', '=', filter.unitId);
  if (filter.status) query = query.where('devices.status', '=', filter.status);
  if (filter.type) query = query.where('devices.type', '=', filter.type);
  if (filter.use) query = query.where('devices.approved_uses', 'like', `%"${filter.use}"%`);
  if (filter.q) query = query.where('devices.name_folded', 'like', `%${foldForSearch(filter.q).replace(/[%_\\]/g, '')}%`);
  const rows = await query.orderBy('devices.asset_code').limit(1000).execute();
  return { devices: rows.map(present), total: rows.length };
}

export async function getDevice(ctx: AppContext, { actor, deviceId }: { actor: Actor; deviceId: string }) {
  const row = await getVisibleDeviceRow(ctx, actor, deviceId);
  const [checks, changes] = await Promise.all([
    ctx.db.selectFrom('device_checks').selectAll().where('device_id', '=', deviceId).orderBy('checked_on', 'desc').orderBy('created_at', 'desc').execute(),
    ctx.db
      .selectFrom('device_status_changes')
      .leftJoin('device_sanitisations', 'device_sanitisations.id', 'device_status_changes.sanitisation_id')
      .select([
        'device_status_changes.id',
        'device_status_changes.from_status',
        'device_status_changes.to_status',
        'device_status_changes.effective_date',
        'device_status_changes.reason',
        'device_status_changes.created_at',
        'device_sanitisations.kind',
        'device_sanitisations.method',
        'device_sanitisations.performed_on',
        'device_sanitisations.witnesses',
        'device_sanitisations.destruction_ref',
      ])
      .where('device_status_changes.device_id', '=', deviceId)
      .orderBy('device_status_changes.created_at')
      .execute(),
  ]);
  const statusChanges = changes.map<DeviceStatusChange>((c) => ({
    id: c.id,
    fromStatus: c.from_status as DeviceStatus | null,
    toStatus: c.to_status as DeviceStatus,
    effectiveDate: c.effective_date,
    reason: c.reason,
    at: c.created_at,
    sanitisation: c.kind ? { kind: c.kind as SanitisationKind, method: c.method!, performedOn: c.performed_on!, witnesses: JSON.parse(c.witnesses!) as string[], destructionRef: c.destruction_ref } : null,
  }));
  return { device: present(row), checks: checks.map(presentCheck), statusChanges };
}

/**
 * Devices whose security check is overdue (next due date passed) or that are in use without
 * any check, in the actor's scope: the dashboard's "overdue checks" list.
 */
export async function listOverdueChecks(ctx: AppContext, { actor }: { actor: Actor }) {
  const scope = deviceUnitScope(actor);
  if (scope !== 'all' && scope.length === 0) return { devices: [] as OverdueDeviceCheck[] };
  const today = todayInVietnam(ctx.clock());
  let query = selectDevices(ctx.db)
    .where('devices.status', 'in', ['IN_STORE', 'IN_USE', 'REPAIR_EXTERNAL'])
    .where((eb) => eb.or([eb('devices.next_check_due', '<', today), eb.and([eb('devices.status', '=', 'IN_USE'), eb('devices.last_check_on', 'is', null)])]));
  if (scope !== 'all') query = query.where('devices.unit_id', 'in', scope);
  const rows = await query.orderBy('devices.next_check_due').orderBy('devices.asset_code').execute();
  return {
    devices: rows.map<OverdueDeviceCheck>((r) => (r.last_check_on === null ? { device: present(r), reason: 'NEVER_CHECKED', dueSince: null } : { device: present(r), reason: 'OVERDUE', dueSince: r.next_check_due })),
  };
}

/**
 * For the register's copying and drafting workflows (LEGAL.md R12.1): throws unless the device
 * exists in the unit's scope and is approved for the use on the action date.
 */
export async function ensureDeviceApprovedFor(db: Db, { deviceId, unitScope, use, actionDate }: { deviceId: string; unitScope: ReadonlySet<string>; use: DeviceUse; actionDate: string }) {
  const row = await findDeviceRow(db, deviceId);
  if (!row || !unitScope.has(row.unit_id)) throw deviceErrors.notFound();
  const device = present(row);
  const approval = checkDeviceApproval({ device, use, actionDate });
  if (!approval.approved) throw deviceErrors.notApproved({ message: approval.reason, details: { deviceId } });
  return { device };
}
