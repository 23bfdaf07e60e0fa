import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';
import { ensureDeviceApprovedFor } from './devices.usecases.ts';

const NOW = new Date('2026-11-23T03:00:00Z');

const laptop = (unitId: string, over: Record<string, unknown> = {}) => ({
  unitId,
  assetCode: 'MT-01',
  name: 'Máy tính xách tay soạn thảo văn bản mật',
  type: 'COMPUTER',
  serial: 'SN-5CG1234',
  location: 'Phòng Văn thư, tầng 2',
  networkStatus: 'AIR_GAPPED_NEVER_CONNECTED',
  approvedUses: ['DRAFT_STORE', 'COPY'],
  ...over,
});

const policeCheck = { body: 'CONG_AN_TINH', inspectorName: 'Đại úy Trần Văn Kiểm', reason: 'BEFORE_USE', checkedOn: '2026-11-20', result: 'PASSED', nextDue: '2027-11-20', reportRef: '15/BB-PA03' };
const wipe = { kind: 'WIPE', method: 'Ghi đè toàn bộ ổ cứng 3 lần bằng phần mềm được Công an tỉnh hướng dẫn', performedOn: '2026-11-22', witnesses: ['Nguyễn Thị Chứng', 'Lê Văn Kiến'] };

describe.each(DATABASE_KINDS)('device register on %s', (kind) => {
  const t = useTestApp(kind, { now: NOW });

  async function world() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-YT', name: 'Sở Y tế' });
    const officer = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'TOI_MAT' });
    return { admin, unit, other, officer };
  }

  async function deviceInUse(officer: Awaited<ReturnType<typeof world>>['officer'], unitId: string, over: Record<string, unknown> = {}) {
    const created = await officer.request({ method: 'POST', url: '/api/devices', body: laptop(unitId, over) });
    expect(created.statusCode).toBe(200);
    const id = created.json().device.id as string;
    expect((await officer.request({ method: 'POST', url: `/api/devices/${id}/checks`, body: policeCheck })).statusCode).toBe(200);
    const inUse = await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'IN_USE', effectiveDate: '2026-11-21' } });
    expect(inUse.statusCode).toBe(200);
    return id;
  }

  it('a security officer registers a laptop, records the police check and puts it in use; each step is audited', async () => {
    const { unit, officer } = await world();
    const created = await officer.request({ method: 'POST', url: '/api/devices', body: laptop(unit.id, { custodianId: officer.personId }) });
    expect(created.statusCode).toBe(200);
    const device = created.json().device;
    expect(device).toMatchObject({ assetCode: 'MT-01', status: 'IN_STORE', everConnected: false, custodianId: officer.personId, custodianName: `Cán bộ ${officer.username}` });

    const check = await officer.request({ method: 'POST', url: `/api/devices/${device.id}/checks`, body: policeCheck });
    expect(check.json().device).toMatchObject({ lastCheckOn: '2026-11-20', lastCheckResult: 'PASSED', nextCheckDue: '2027-11-20' });
    const inUse = await officer.request({ method: 'POST', url: `/api/devices/${device.id}/status`, body: { status: 'IN_USE', effectiveDate: '2026-11-21' } });
    expect(inUse.json().device.status).toBe('IN_USE');

    const detail = (await officer.request({ method: 'GET', url: `/api/devices/${device.id}` })).json();
    expect(detail.checks).toHaveLength(1);
    expect(detail.checks[0]).toMatchObject({ body: 'CONG_AN_TINH', inspectorName: 'Đại úy Trần Văn Kiểm', reportRef: '15/BB-PA03' });
    expect(detail.statusChanges.map((c: { toStatus: string }) => c.toStatus)).toEqual(['IN_STORE', 'IN_USE']);
    const types = (await t.ctx.db.selectFrom('audit_records').select('type').where('subject_id', '=', device.id).orderBy('seq').execute()).map((r) => r.type);
    expect(types).toEqual(['device.created', 'device.check_recorded', 'device.status_changed']);
  });

  it('R12.2: refuses to put a device in use without a passed security check while the policy requires one, and allows it when the tenant turns it off', async () => {
    const { admin, unit, officer } = await world();
    const id = (await officer.request({ method: 'POST', url: '/api/devices', body: laptop(unit.id) })).json().device.id;
    const refused = await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'IN_USE', effectiveDate: '2026-11-23' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'device.check_required', message: 'Thiết bị chưa được kiểm tra an ninh, an toàn: không được đưa vào sử dụng' });

    await officer.request({ method: 'POST', url: `/api/devices/${id}/checks`, body: { ...policeCheck, result: 'FAILED', nextDue: null } });
    const failed = await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'IN_USE', effectiveDate: '2026-11-23' } });
    expect(failed.json().error.message).toMatch(/không đạt/);
    expect((await officer.request({ method: 'GET', url: `/api/devices/${id}` })).json().device.status).toBe('IN_STORE');

    expect((await officer.request({ method: 'GET', url: '/api/devices/policy' })).json()).toEqual({ requireSecurityCheckBeforeUse: true });
    expect((await officer.request({ method: 'PUT', url: '/api/devices/policy', body: { requireSecurityCheckBeforeUse: false } })).statusCode).toBe(403);
    expect((await admin.request({ method: 'PUT', url: '/api/devices/policy', body: { requireSecurityCheckBeforeUse: false } })).json()).toEqual({ requireSecurityCheckBeforeUse: false });
    const allowed = await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'IN_USE', effectiveDate: '2026-11-23' } });
    expect(allowed.json().device.status).toBe('IN_USE');
  });

  it('R12.2: after a repair outside, the device needs a new check before it is used again', async () => {
    const { unit, officer } = await world();
    const id = await deviceInUse(officer, unit.id);
    expect((await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'REPAIR_EXTERNAL', effectiveDate: '2026-11-22', sanitisation: wipe } })).statusCode).toBe(200);
    const back = await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'IN_USE', effectiveDate: '2026-11-23' } });
    expect(back.json().error.message).toMatch(/sửa chữa bên ngoài/);
    await officer.request({ method: 'POST', url: `/api/devices/${id}/checks`, body: { ...policeCheck, reason: 'AFTER_REPAIR', checkedOn: '2026-11-23', nextDue: '2027-11-23' } });
    expect((await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'IN_USE', effectiveDate: '2026-11-23' } })).statusCode).toBe(200);
  });

  it('R12.3: refuses repair outside, repurposing and disposal without a recorded wipe or media destruction with witnesses', async () => {
    const { unit, officer } = await world();
    const id = await deviceInUse(officer, unit.id);
    for (const status of ['REPAIR_EXTERNAL', 'REPURPOSED', 'DISPOSED']) {
      const res = await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status, effectiveDate: '2026-11-23' } });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('device.sanitisation_required');
    }
    const noWitness = await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'DISPOSED', effectiveDate: '2026-11-23', sanitisation: { ...wipe, witnesses: [] } } });
    expect(noWitness.statusCode).toBe(400);
    expect(noWitness.json().error.details.issues[0]).toMatchObject({ path: ['sanitisation', 'witnesses'], message: 'Cần ghi ít nhất một người chứng kiến' });
    expect((await officer.request({ method: 'GET', url: `/api/devices/${id}` })).json().device.status).toBe('IN_USE');

    const disposed = await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'DISPOSED', effectiveDate: '2026-11-23', reason: 'Hỏng không sửa được', sanitisation: { ...wipe, kind: 'MEDIA_DESTROYED', method: 'Khoan hủy ổ cứng', destructionRef: '03/BB-TH' } } });
    expect(disposed.json().device.status).toBe('DISPOSED');
    const last = (await officer.request({ method: 'GET', url: `/api/devices/${id}` })).json().statusChanges.at(-1);
    expect(last.sanitisation).toEqual({ kind: 'MEDIA_DESTROYED', method: 'Khoan hủy ổ cứng', performedOn: '2026-11-22', witnesses: ['Nguyễn Thị Chứng', 'Lê Văn Kiến'], destructionRef: '03/BB-TH' });
    // Disposal is final.
    const again = await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'IN_STORE', effectiveDate: '2026-11-23' } });
    expect(again.json().error.code).toBe('device.transition_not_allowed');
    // The database itself refuses a disposal without a wipe record.
    await expect(
      t.ctx.db.insertInto('device_status_changes').values({ id: 'dsc_raw0000000000001', device_id: id, unit_id: unit.id, from_status: 'IN_USE', to_status: 'DISPOSED', effective_date: '2026-11-23', reason: null, sanitisation_id: null, created_by: 'x', created_at: NOW.toISOString() }).execute(),
    ).rejects.toThrow(/check|constraint/i);
  });

  it('R12.1: a connected device chosen for copying is refused; "ever connected" cannot be cleared', async () => {
    const { unit, officer } = await world();
    const id = await deviceInUse(officer, unit.id, { networkStatus: 'INDEPENDENT_LAN' });
    expect((await officer.request({ method: 'GET', url: `/api/devices/${id}/approval?use=COPY&actionDate=2026-11-23` })).json()).toEqual({ approved: true });
    expect((await officer.request({ method: 'GET', url: `/api/devices/${id}/approval?use=COPY&actionDate=2026-02-27` })).json().approved).toBe(false);

    const connected = await officer.request({ method: 'PATCH', url: `/api/devices/${id}`, body: { networkStatus: 'CONNECTED' } });
    expect(connected.json().device).toMatchObject({ networkStatus: 'CONNECTED', everConnected: true });
    const approval = (await officer.request({ method: 'GET', url: `/api/devices/${id}/approval?use=COPY&actionDate=2026-11-23` })).json();
    expect(approval.approved).toBe(false);
    expect(approval.reason).toMatch(/đang kết nối Internet/);
    const scope = new Set([unit.id]);
    await expect(ensureDeviceApprovedFor(t.ctx.db, { deviceId: id, unitScope: scope, use: 'COPY', actionDate: '2026-11-23' })).rejects.toMatchObject({ code: 'device.not_approved' });

    const back = await officer.request({ method: 'PATCH', url: `/api/devices/${id}`, body: { networkStatus: 'INDEPENDENT_LAN', everConnected: false } });
    expect(back.json().error.code).toBe('device.ever_connected_permanent');
    const lan = await officer.request({ method: 'PATCH', url: `/api/devices/${id}`, body: { networkStatus: 'INDEPENDENT_LAN' } });
    expect(lan.json().device).toMatchObject({ networkStatus: 'INDEPENDENT_LAN', everConnected: true });
    // From 01/3/2026 only "currently connected" disqualifies; before, "ever connected" does.
    await expect(ensureDeviceApprovedFor(t.ctx.db, { deviceId: id, unitScope: scope, use: 'COPY', actionDate: '2026-11-23' })).resolves.toBeTruthy();
    const air = await officer.request({ method: 'PATCH', url: `/api/devices/${id}`, body: { networkStatus: 'AIR_GAPPED_NEVER_CONNECTED' } });
    expect(air.statusCode).toBe(400);
  });

  it('people see only the devices of their unit scope; the province sees all; plain staff cannot keep the register', async () => {
    const { admin, unit, other, officer } = await world();
    const id = await deviceInUse(officer, unit.id);
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'TOI_MAT' });
    expect((await outsider.request({ method: 'GET', url: `/api/devices/${id}` })).json().error.code).toBe('device.not_found');
    expect((await outsider.request({ method: 'GET', url: '/api/devices' })).json()).toEqual({ devices: [], total: 0 });
    expect((await outsider.request({ method: 'POST', url: `/api/devices/${id}/checks`, body: policeCheck })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'POST', url: '/api/devices', body: laptop(unit.id, { assetCode: 'MT-02' }) })).statusCode).toBe(403);

    const province = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['BAN_CHI_DAO'] });
    expect((await province.request({ method: 'GET', url: '/api/devices' })).json().total).toBe(1);
    const staff = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'MAT' });
    expect((await staff.request({ method: 'GET', url: '/api/devices?q=may tinh xach tay' })).json().total).toBe(1);
    expect((await staff.request({ method: 'PATCH', url: `/api/devices/${id}`, body: { location: 'Nhà riêng' } })).statusCode).toBe(403);
  });

  it('refuses a second device with the same asset code in a unit, with a field error', async () => {
    const { unit, officer } = await world();
    await officer.request({ method: 'POST', url: '/api/devices', body: laptop(unit.id) });
    const dup = await officer.request({ method: 'POST', url: '/api/devices', body: laptop(unit.id, { name: 'Máy khác' }) });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'device.asset_code_taken', details: { issues: [{ path: ['assetCode'] }] } });
  });

  it('lists devices whose security check is overdue, and devices in use that were never checked', async () => {
    const { admin, unit, officer } = await world();
    const checked = await deviceInUse(officer, unit.id);
    await officer.request({ method: 'POST', url: `/api/devices/${checked}/checks`, body: { ...policeCheck, body: 'BAN_CO_YEU', reason: 'PERIODIC', checkedOn: '2025-11-01', nextDue: '2026-11-01' } });
    // A late-recorded older check does not replace the latest one.
    expect((await officer.request({ method: 'GET', url: `/api/devices/${checked}` })).json().device.nextCheckDue).toBe('2027-11-20');
    const dueSoon = (await officer.request({ method: 'POST', url: '/api/devices', body: laptop(unit.id, { assetCode: 'MI-01', name: 'Máy in', type: 'PRINTER' }) })).json().device.id;
    await officer.request({ method: 'POST', url: `/api/devices/${dueSoon}/checks`, body: { ...policeCheck, checkedOn: '2025-11-20', nextDue: '2026-11-20' } });
    await admin.request({ method: 'PUT', url: '/api/devices/policy', body: { requireSecurityCheckBeforeUse: false } });
    const unchecked = (await officer.request({ method: 'POST', url: '/api/devices', body: laptop(unit.id, { assetCode: 'USB-01', name: 'USB', type: 'REMOVABLE_MEDIUM' }) })).json().device.id;
    await officer.request({ method: 'POST', url: `/api/devices/${unchecked}/status`, body: { status: 'IN_USE', effectiveDate: '2026-11-23' } });

    const overdue = (await officer.request({ method: 'GET', url: '/api/devices/overdue-checks' })).json().devices;
    expect(overdue.map((o: { device: { assetCode: string }; reason: string; dueSince: string | null }) => [o.device.assetCode, o.reason, o.dueSince]).sort()).toEqual([
      ['MI-01', 'OVERDUE', '2026-11-20'],
      ['USB-01', 'NEVER_CHECKED', null],
    ]);
  });

  it('prints the device book of the scope as a workbook with Vietnamese headers; the export is audited', async () => {
    const { unit, officer } = await world();
    await deviceInUse(officer, unit.id);
    const res = await officer.request({ method: 'GET', url: '/api/devices/book.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="so-quan-ly-thiet-bi-2026-11-23.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sổ quản lý thiết bị')!;
    expect(ws.getCell('A1').value).toBe('SỔ QUẢN LÝ THIẾT BỊ ĐIỆN TỬ, SẢN PHẨM MẬT MÃ DÙNG CHO BÍ MẬT NHÀ NƯỚC');
    expect(ws.getCell('C4').value).toBe('Tên thiết bị');
    expect(ws.getRow(5).values).toEqual([undefined, 1, 'MT-01', 'Máy tính xách tay soạn thảo văn bản mật', 'Máy tính', 'SN-5CG1234', 'Phòng Văn thư, tầng 2', '', 'Độc lập, chưa từng kết nối mạng', 'Không', 'Soạn thảo, lưu giữ BMNN; Sao, chụp BMNN', '20/11/2026 — Đạt', '20/11/2027', 'Đang sử dụng']);
    const audit = await t.ctx.db.selectFrom('audit_records').select(['type', 'data']).where('type', '=', 'device.book_exported').execute();
    expect(audit).toHaveLength(1);
  });
});
