import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type Client, createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const NOW = new Date('2026-11-23T03:00:00Z');

const meeting = (unitId: string, over: Record<string, unknown> = {}) => ({
  unitId,
  title: 'Hội nghị triển khai kế hoạch bảo vệ bí mật nhà nước năm 2027',
  level: 'MAT',
  heldOn: '2026-11-23',
  venueKind: 'INSIDE',
  venue: 'Phòng họp tầng 3, trụ sở Sở Tư pháp',
  chairName: 'Giám đốc Sở',
  ...over,
});

const policeCheck = { body: 'CONG_AN_TINH', inspectorName: 'Đại úy Trần Văn Kiểm', reason: 'BEFORE_USE', checkedOn: '2026-11-20', result: 'PASSED', nextDue: '2027-11-20', reportRef: '15/BB-PA03' };

describe.each(DATABASE_KINDS)('meetings with secret content on %s', (kind) => {
  const t = useTestApp(kind, { now: NOW });

  async function world() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'STP', name: 'Sở Tư pháp' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SXD', name: 'Sở Xây dựng' });
    const officer = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT', 'VAN_THU'], clearance: 'TUYET_MAT' });
    return { admin, unit, other, officer };
  }

  async function create(officer: Client, body: Record<string, unknown>) {
    const res = await officer.request({ method: 'POST', url: '/api/meetings', body });
    expect(res.statusCode).toBe(200);
    return res.json().meeting as { id: string; status: string };
  }

  async function device(officer: Client, unitId: string, over: Record<string, unknown> = {}, check: Record<string, unknown> | null = policeCheck) {
    const id = (await officer.request({ method: 'POST', url: '/api/devices', body: { unitId, assetCode: 'MIC-01', name: 'Hệ thống micro có dây phòng họp', type: 'COMPUTER', networkStatus: 'AIR_GAPPED_NEVER_CONNECTED', approvedUses: ['MEETING'], ...over } })).json().device.id as string;
    if (check) expect((await officer.request({ method: 'POST', url: `/api/devices/${id}/checks`, body: check })).statusCode).toBe(200);
    return id;
  }

  it('R8.7: a meeting outside the premises cannot be marked held before the request to the police for a security check', async () => {
    const { unit, officer } = await world();
    const m = await create(officer, meeting(unit.id, { venueKind: 'OUTSIDE', venue: 'Hội trường khách sạn Mường Thanh' }));
    const refused = await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/held` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'meeting.police_check_required', message: 'Cuộc họp tổ chức ngoài trụ sở cơ quan phải có văn bản đề nghị Bộ Công an hoặc Công an tỉnh kiểm tra an ninh, an toàn địa điểm (R8.7)' });
    expect((await t.ctx.db.selectFrom('meetings').select('status').executeTakeFirstOrThrow()).status).toBe('PLANNED');
    await officer.request({ method: 'PATCH', url: `/api/meetings/${m.id}/checklist`, body: { policeCheckRef: '45/STP-VP', policeCheckDate: '2026-11-16' } });
    const held = await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/held` });
    expect(held.json().meeting).toMatchObject({ status: 'HELD', policeCheckRef: '45/STP-VP', policeCheckDate: '2026-11-16' });
  });

  it('R8.8: a Tối mật meeting cannot be held without the notice banning devices that receive, transmit or record', async () => {
    const { unit, officer } = await world();
    const m = await create(officer, meeting(unit.id, { level: 'TOI_MAT' }));
    const refused = await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/held` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('meeting.device_ban_required');
    await officer.request({ method: 'PATCH', url: `/api/meetings/${m.id}/checklist`, body: { deviceBanNotice: true } });
    expect((await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/held` })).json().meeting).toMatchObject({ status: 'HELD', deviceBanNotice: true });
    // The printed notice names the meeting, so it carries its level, and announces the ban.
    const notice = await officer.request({ method: 'GET', url: `/api/meetings/${m.id}/notice.docx` });
    expect(notice.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(notice.rawPayload)).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('\n');
    for (const expected of ['TỐI MẬT', 'THÔNG BÁO', 'Hội nghị triển khai kế hoạch bảo vệ bí mật nhà nước năm 2027', 'Người tham dự không mang vào phòng họp điện thoại di động và các thiết bị có tính năng thu, phát, ghi âm, ghi hình']) {
      expect(text).toContain(expected);
    }
    expect(text.indexOf('TỐI MẬT')).toBeLessThan(text.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    expect(JSON.parse((await t.ctx.db.selectFrom('audit_records').select('data').where('type', '=', 'meeting.notice_exported').executeTakeFirstOrThrow()).data)).toEqual({ format: 'docx', level: 'TOI_MAT' });
    // A Mật meeting leaves the ban to the chair (R8.7, UNCONFIRMED): it is held without the notice.
    const mat = await create(officer, meeting(unit.id, { title: 'Giao ban công tác bảo vệ BMNN' }));
    expect((await officer.request({ method: 'POST', url: `/api/meetings/${mat.id}/held` })).statusCode).toBe(200);
  });

  it('R8.7: an online meeting is refused without a line protected by cơ yếu encryption', async () => {
    const { unit, officer } = await world();
    const refused = await officer.request({ method: 'POST', url: '/api/meetings', body: meeting(unit.id, { online: true }) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('meeting.co_yeu_line_required');
    expect(await t.ctx.db.selectFrom('meetings').select('id').execute()).toEqual([]);
    const m = await create(officer, meeting(unit.id, { online: true, coYeuLineRef: 'Hệ thống hội nghị truyền hình cơ yếu số CY-HN-02' }));
    const cleared = await officer.request({ method: 'PATCH', url: `/api/meetings/${m.id}/checklist`, body: { coYeuLineRef: null } });
    expect(cleared.json().error.code).toBe('meeting.co_yeu_line_required');
    expect((await officer.request({ method: 'GET', url: `/api/meetings/${m.id}` })).json().meeting.coYeuLineRef).toBe('Hệ thống hội nghị truyền hình cơ yếu số CY-HN-02');
  });

  it('R8.7: equipment comes from the device register, approved for meetings and checked by the police before the meeting', async () => {
    const { unit, officer } = await world();
    const m = await create(officer, meeting(unit.id));
    const inUse = (id: string) => officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'IN_USE', effectiveDate: '2026-11-21' } });
    const add = (deviceId: string) => officer.request({ method: 'POST', url: `/api/meetings/${m.id}/equipment`, body: { deviceId } });

    const forDrafting = await device(officer, unit.id, { assetCode: 'MT-01', approvedUses: ['DRAFT_STORE'] });
    await inUse(forDrafting);
    const notApproved = await add(forDrafting);
    expect(notApproved.statusCode).toBe(409);
    expect(notApproved.json().error).toMatchObject({ code: 'device.not_approved', message: 'Thiết bị chưa được phê duyệt cho mục đích "Phục vụ hội nghị, cuộc họp có nội dung BMNN"' });

    const connected = await device(officer, unit.id, { assetCode: 'MT-02', networkStatus: 'CONNECTED' });
    await inUse(connected);
    expect((await add(connected)).json().error.code).toBe('device.not_approved');

    // Checked only by the unit itself: meeting equipment needs BCA or Công an tỉnh.
    const selfChecked = await device(officer, unit.id, { assetCode: 'MIC-02' }, { ...policeCheck, body: 'NOI_BO' });
    await inUse(selfChecked);
    const notPolice = await add(selfChecked);
    expect(notPolice.statusCode).toBe(409);
    expect(notPolice.json().error.code).toBe('meeting.equipment_not_checked');
    expect(notPolice.json().error.message).toContain('MIC-02: Lần kiểm tra gần nhất do Cơ quan, đơn vị tự kiểm tra thực hiện');

    const expired = await device(officer, unit.id, { assetCode: 'MIC-03' }, { ...policeCheck, checkedOn: '2025-11-01', nextDue: '2026-11-01' });
    await t.ctx.db.updateTable('devices').set({ status: 'IN_USE' }).where('id', '=', expired).execute();
    expect((await add(expired)).json().error.message).toBe('MIC-03: Kết quả kiểm tra an ninh đã hết hạn vào ngày họp (R8.7)');

    const mic = await device(officer, unit.id);
    await inUse(mic);
    const added = await add(mic);
    expect(added.statusCode).toBe(200);
    expect(added.json().meeting.equipment).toEqual([{ deviceId: mic, assetCode: 'MIC-01', name: 'Hệ thống micro có dây phòng họp', lastCheckOn: '2026-11-20', checkedBy: 'Công an tỉnh', nextCheckDue: '2027-11-20' }]);
    expect(await t.ctx.db.selectFrom('meeting_equipment').select('device_id').execute()).toEqual([{ device_id: mic }]);
  });

  it('R8.7: attendees must be cleared for the level of the meeting', async () => {
    const { unit, officer } = await world();
    const m = await create(officer, meeting(unit.id, { level: 'TOI_MAT', deviceBanNotice: true }));
    const person = async (fullName: string, clearance: string) => (await officer.request({ method: 'POST', url: '/api/people', body: { fullName, unitId: unit.id, clearance, handlesSecrets: true } })).json().person.id as string;
    const cleared = await person('Nguyễn Văn An', 'TOI_MAT');
    const low = await person('Trần Thị Bình', 'MAT');
    const refused = await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/attendees`, body: { personIds: [cleared, low] } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'meeting.attendee_not_cleared', message: 'Trần Thị Bình (được tiếp cận: Mật) không được tiếp cận bí mật nhà nước độ Tối mật' });
    expect(await t.ctx.db.selectFrom('meeting_attendees').select('person_id').execute()).toEqual([]);
    const ok = await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/attendees`, body: { personIds: [cleared] } });
    expect(ok.json().meeting.attendees).toEqual([{ personId: cleared, fullName: 'Nguyễn Văn An' }]);
  });

  it('R8.7: documents handed out at the meeting must all be collected back before the meeting closes', async () => {
    const { unit, officer } = await world();
    const m = await create(officer, meeting(unit.id));
    const an = (await officer.request({ method: 'POST', url: '/api/people', body: { fullName: 'Nguyễn Văn An', unitId: unit.id, clearance: 'MAT', handlesSecrets: true } })).json().person.id as string;
    await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/attendees`, body: { personIds: [an] } });
    const item = async (soKyHieu: string, level = 'MAT') => (await officer.request({ method: 'POST', url: '/api/items', body: { unitId: unit.id, level, soKyHieu, custodianId: officer.personId } })).json().item.id as string;
    const plan = await item('21/KH-STP');
    const secret = await item('22/BC-STP', 'TOI_MAT');
    const above = await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/documents`, body: { itemId: secret, handedToId: an } });
    expect(above.statusCode).toBe(409);
    expect(above.json().error).toMatchObject({ code: 'meeting.item_above_level', message: 'Tài liệu số 22/BC-STP có độ Tối mật, cao hơn độ mật của cuộc họp (Mật)' });
    // An item of another custodian that the officer may not see (no clerk or head role) does not exist for them.
    const securityOnly = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'TUYET_MAT' });
    const hidden = await securityOnly.request({ method: 'POST', url: `/api/meetings/${m.id}/documents`, body: { itemId: plan, handedToId: an } });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('item.not_found');
    expect(await t.ctx.db.selectFrom('meeting_documents').select('id').execute()).toEqual([]);
    const notAttendee = await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/documents`, body: { itemId: plan, handedToId: officer.personId } });
    expect(notAttendee.statusCode).toBe(400);
    const out = await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/documents`, body: { itemId: plan, handedToId: an } });
    expect(out.json().meeting).toMatchObject({ documentsOut: 1, documents: [{ itemId: plan, label: 'Tài liệu số 21/KH-STP (Mật)', handedToName: 'Nguyễn Văn An', collectedBackAt: null }] });
    expect((await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/close` })).json().error.code).toBe('meeting.wrong_status');
    await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/held` });

    const refused = await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/close` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'meeting.documents_not_collected', message: 'Còn tài liệu đã phát tại cuộc họp chưa được thu hồi: chưa kết thúc được cuộc họp' });
    expect((await t.ctx.db.selectFrom('meetings').select('status').executeTakeFirstOrThrow()).status).toBe('HELD');

    const docId = out.json().meeting.documents[0].id;
    expect((await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/documents/${docId}/collect` })).json().meeting.documentsOut).toBe(0);
    const closed = await officer.request({ method: 'POST', url: `/api/meetings/${m.id}/close` });
    expect(closed.json().meeting.status).toBe('CLOSED');
    const types = (await t.ctx.db.selectFrom('audit_records').select('type').where('type', 'like', 'meeting.%').orderBy('seq').execute()).map((a) => a.type);
    expect(types).toEqual(['meeting.registered', 'meeting.attendees_added', 'meeting.document_handed_out', 'meeting.held', 'meeting.document_collected', 'meeting.closed']);
  });

  it("R8.7: people see only their units' meetings they are cleared for; attendees see the meetings they attend", async () => {
    const { admin, unit, other, officer } = await world();
    const secret = await create(officer, meeting(unit.id, { level: 'TOI_MAT', deviceBanNotice: true }));
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'TUYET_MAT' });
    const lowClerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'MAT' });
    const adminOnly = admin;
    for (const reader of [outsider, lowClerk, adminOnly]) {
      expect((await reader.request({ method: 'GET', url: `/api/meetings/${secret.id}` })).json().error.code).toBe('meeting.not_found');
      expect((await reader.request({ method: 'GET', url: '/api/meetings' })).json().meetings).toEqual([]);
    }
    // Changing a meeting one cannot see is "not found" too, and writes nothing.
    expect((await outsider.request({ method: 'POST', url: `/api/meetings/${secret.id}/held` })).statusCode).toBe(404);
    expect((await lowClerk.request({ method: 'POST', url: '/api/meetings', body: meeting(unit.id, { level: 'TOI_MAT' }) })).statusCode).toBe(403);

    const guest = await createUserAndLogin(t, { unitId: other.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    expect((await guest.request({ method: 'GET', url: '/api/meetings' })).json().meetings).toEqual([]);
    const province = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['BAN_CHI_DAO'], clearance: 'TOI_MAT' });
    expect((await province.request({ method: 'GET', url: '/api/meetings' })).json().meetings.map((m: { id: string }) => m.id)).toEqual([secret.id]);
    // The officer cannot add a person of another unit they cannot see; an attendee added by the organiser sees the meeting.
    expect((await officer.request({ method: 'POST', url: `/api/meetings/${secret.id}/attendees`, body: { personIds: [guest.personId] } })).statusCode).toBe(404);
    await t.ctx.db.insertInto('meeting_attendees').values({ meeting_id: secret.id, person_id: guest.personId }).execute();
    expect((await guest.request({ method: 'GET', url: '/api/meetings' })).json().meetings.map((m: { id: string }) => m.id)).toEqual([secret.id]);
    expect((await guest.request({ method: 'POST', url: `/api/meetings/${secret.id}/held` })).statusCode).toBe(403);
    expect(await t.ctx.db.selectFrom('meetings').select('status').execute()).toEqual([{ status: 'PLANNED' }]);
  });
});
