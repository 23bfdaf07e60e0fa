import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../platform/context.ts';
import { type Client, createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';
import { openIncidentInTransaction } from './incidents.usecases.ts';

const NOW = new Date('2026-11-23T03:00:00Z');

type Officer = Client & { personId: string; accountId: string; username: string };

describe.each(DATABASE_KINDS)('incidents of disclosure or loss on %s', (kind) => {
  const t = useTestApp(kind, { now: NOW });

  async function world() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SNV', name: 'Sở Nội vụ' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SYT', name: 'Sở Y tế' });
    const officer = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT', 'VAN_THU'], clearance: 'TOI_MAT' });
    return { admin, unit, other, officer };
  }

  async function registerItem(clerk: Officer, unitId: string, soKyHieu: string, level = 'TOI_MAT') {
    const res = await clerk.request({ method: 'POST', url: '/api/items', body: { unitId, level, soKyHieu, trichYeu: 'Kế hoạch bảo vệ bí mật nhà nước năm 2027', custodianId: clerk.personId } });
    expect(res.statusCode).toBe(200);
    return res.json().item.id as string;
  }

  const lostDocument = (unitId: string, itemIds: string[] = []) => ({
    unitId,
    kind: 'MAT',
    channel: 'KHAC',
    subChannel: 'LOST_MISPLACED',
    title: 'Thất lạc Kế hoạch số 12/KH-SNV khi đi công tác',
    discoveredAt: '2026-11-23T01:30:00.000Z',
    discoveredByName: 'Trần Thị Văn Thư',
    occurredOn: '2026-11-22',
    circumstances: 'Đồng chí cán bộ mang tài liệu đi họp tại Ủy ban nhân dân tỉnh, khi về kiểm tra cặp tài liệu thì không thấy.',
    immediateMeasures: 'Rà soát lại nơi họp, phòng làm việc và phương tiện đi lại.',
    itemIds,
  });

  it('R1.1: reporting a lost document makes the item LOST, starts the timeline and the "report now" clock (R13.1), which stops once the head and Công an tỉnh know', async () => {
    const { unit, officer } = await world();
    const itemId = await registerItem(officer, unit.id, '12/KH-SNV');
    const opened = await officer.request({ method: 'POST', url: '/api/incidents', body: lostDocument(unit.id, [itemId]) });
    expect(opened.statusCode).toBe(200);
    const incident = opened.json().incident;
    expect(incident).toMatchObject({ kind: 'MAT', channel: 'KHAC', subChannel: 'LOST_MISPLACED', source: 'MANUAL', investigationStatus: 'REPORTED' });
    expect(incident.clock).toEqual({ reportNow: true, pending: ['HEAD', 'CONG_AN_TINH'], reportedAt: null, minutesSinceDiscovery: 90 });
    expect(incident.items).toEqual([{ itemId, soKyHieu: '12/KH-SNV', level: 'TOI_MAT', effect: 'LOST', linkedAt: NOW.toISOString() }]);
    expect(incident.timeline.map((e: { kind: string }) => e.kind)).toEqual(['OPENED', 'ITEM_LINKED']);
    expect((await officer.request({ method: 'GET', url: `/api/items/${itemId}` })).json().item.status).toBe('LOST');
    const events = await t.ctx.db.selectFrom('item_events').select(['type', 'data']).where('item_id', '=', itemId).where('type', '=', 'LOST').execute();
    expect(events).toEqual([{ type: 'LOST', data: JSON.stringify({ incidentId: incident.id }) }]);
    expect((await officer.request({ method: 'GET', url: '/api/incidents?reportNow=true' })).json().total).toBe(1);

    await officer.request({ method: 'POST', url: `/api/incidents/${incident.id}/notifications`, body: { recipient: 'HEAD', recipientName: 'Giám đốc Sở', notifiedAt: '2026-11-23T01:45:00Z', method: 'Báo cáo trực tiếp' } });
    const after = await officer.request({ method: 'POST', url: `/api/incidents/${incident.id}/notifications`, body: { recipient: 'CONG_AN_TINH', recipientName: 'Phòng PA03', notifiedAt: '2026-11-23T02:30:00Z', documentRef: '45/BC-SNV' } });
    expect(after.json().incident.clock).toEqual({ reportNow: false, pending: [], reportedAt: '2026-11-23T02:30:00.000Z', minutesSinceDiscovery: 60 });
    // The timeline runs in the order things happened, not the order they were recorded.
    expect(after.json().incident.timeline.map((e: { kind: string; text: string }) => [e.kind, e.text])).toEqual([
      ['OPENED', 'Phát hiện vụ việc: mất bí mật nhà nước'],
      ['NOTIFIED', 'Thông báo, báo cáo: Người đứng đầu cơ quan, đơn vị (Giám đốc Sở)'],
      ['NOTIFIED', 'Thông báo, báo cáo: Ban Chỉ đạo tỉnh (qua Công an tỉnh) (Phòng PA03), văn bản số 45/BC-SNV'],
      ['ITEM_LINKED', 'Mất tài liệu, vật chứa BMNN số 12/KH-SNV (Tối mật)'],
    ]);
    expect((await officer.request({ method: 'GET', url: '/api/incidents?reportNow=true' })).json().total).toBe(0);
    expect((await officer.request({ method: 'GET', url: '/api/incidents?reportNow=false' })).json().total).toBe(1);

    const audit = await t.ctx.db.selectFrom('audit_records').select(['type', 'chain', 'subject_id', 'data']).where('type', 'like', 'incident.%').orderBy('at').orderBy('seq').execute();
    expect(audit.map((a) => a.type)).toEqual(['incident.opened', 'incident.item_linked', 'incident.notified', 'incident.notified']);
    expect(audit[1]).toMatchObject({ chain: unit.id, subject_id: itemId });
    expect(audit.map((a) => a.data).join()).not.toContain('Kế hoạch');
  });

  it('R1.1: a disclosure (lộ) makes the items DISCLOSED, and changing it to a loss makes them LOST', async () => {
    const { unit, officer } = await world();
    const itemId = await registerItem(officer, unit.id, '07/BC-SNV');
    const body = { ...lostDocument(unit.id, [itemId]), kind: 'LO', channel: 'INTERNET', subChannel: 'AGENCY_PORTAL', title: 'Báo cáo mật bị đăng trên cổng thông tin của Sở' };
    const id = (await officer.request({ method: 'POST', url: '/api/incidents', body })).json().incident.id;
    expect((await officer.request({ method: 'GET', url: `/api/items/${itemId}` })).json().item.status).toBe('DISCLOSED');
    const changed = await officer.request({ method: 'PATCH', url: `/api/incidents/${id}`, body: { kind: 'MAT' } });
    expect(changed.json().incident.items[0].effect).toBe('LOST');
    expect((await officer.request({ method: 'GET', url: `/api/items/${itemId}` })).json().item.status).toBe('LOST');
  });

  it('follows the seed taxonomy: Internet and "khác" need a sub-channel of their own; thu thập and chiếm đoạt take none', async () => {
    const { unit, officer } = await world();
    const bad = await officer.request({ method: 'POST', url: '/api/incidents', body: { ...lostDocument(unit.id), channel: 'INTERNET', subChannel: null } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toEqual([{ path: ['subChannel'], message: 'Chọn hình thức cụ thể' }]);
    const wrong = await officer.request({ method: 'POST', url: '/api/incidents', body: { ...lostDocument(unit.id), channel: 'THU_THAP', subChannel: 'SOCIAL_NETWORK' } });
    expect(wrong.json().error.details.issues).toEqual([{ path: ['subChannel'], message: 'Hình thức cụ thể không thuộc hình thức đã chọn' }]);
    const ok = await officer.request({ method: 'POST', url: '/api/incidents', body: { ...lostDocument(unit.id), channel: 'CHIEM_DOAT', subChannel: null } });
    expect(ok.statusCode).toBe(200);
    const change = await officer.request({ method: 'PATCH', url: `/api/incidents/${ok.json().incident.id}`, body: { channel: 'INTERNET' } });
    expect(change.statusCode).toBe(400);
  });

  it('people see the incidents of their unit scope and the province sees all; the administrator does not; an item the reader may not see is left out of the incident', async () => {
    const { admin, unit, other, officer } = await world();
    const itemId = await registerItem(officer, unit.id, '03/KH-SNV', 'TOI_MAT');
    const id = (await officer.request({ method: 'POST', url: '/api/incidents', body: lostDocument(unit.id, [itemId]) })).json().incident.id;

    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'TUYET_MAT' });
    expect((await outsider.request({ method: 'GET', url: `/api/incidents/${id}` })).json().error.code).toBe('incident.not_found');
    expect((await outsider.request({ method: 'GET', url: '/api/incidents' })).json()).toEqual({ incidents: [], total: 0 });
    expect((await admin.request({ method: 'GET', url: `/api/incidents/${id}` })).statusCode).toBe(404);

    const province = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['BAN_CHI_DAO'], clearance: 'TUYET_MAT' });
    const seenByProvince = (await province.request({ method: 'GET', url: `/api/incidents/${id}` })).json().incident;
    // Công an tỉnh sees the case, not the item: province users have no item access by office.
    expect(seenByProvince.items).toEqual([]);
    expect(seenByProvince.timeline.map((e: { kind: string }) => e.kind)).toEqual(['OPENED']);

    const lowOfficer = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'MAT' });
    const seen = (await lowOfficer.request({ method: 'GET', url: `/api/incidents/${id}` })).json().incident;
    expect(seen.items).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('03/KH-SNV');
    const link = await lowOfficer.request({ method: 'POST', url: `/api/incidents/${id}/items`, body: { itemIds: [itemId] } });
    expect(link.json().error.code).toBe('item.not_found');
    const report = await lowOfficer.request({ method: 'GET', url: `/api/incidents/${id}/report.docx` });
    const xml = await (await JSZip.loadAsync(report.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).not.toContain('03/KH-SNV');
    expect(xml).toContain('Không có tài liệu, vật chứa bí mật nhà nước được ghi nhận trong báo cáo này.');
    const viewed = await t.ctx.db.selectFrom('audit_records').select('type').where('type', '=', 'incident.viewed').execute();
    expect(viewed).toHaveLength(2);
  });

  it('anyone in the unit may report an incident, but only the security officer, the head and Công an tỉnh handle it; a closed case cannot change', async () => {
    const { admin, unit, officer } = await world();
    const staff = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'MAT' });
    const id = (await staff.request({ method: 'POST', url: '/api/incidents', body: lostDocument(unit.id) })).json().incident.id;
    expect((await staff.request({ method: 'PATCH', url: `/api/incidents/${id}`, body: { rootCause: 'Chủ quan' } })).statusCode).toBe(403);

    const updated = await officer.request({ method: 'PATCH', url: `/api/incidents/${id}`, body: { investigationStatus: 'CONCLUDED', rootCause: 'Cán bộ mang tài liệu ra ngoài không có phê duyệt', remedy: 'Quán triệt lại quy chế', referral: 'DISCIPLINARY', referralNote: 'Khiển trách' } });
    expect(updated.json().incident).toMatchObject({ investigationStatus: 'CONCLUDED', referral: 'DISCIPLINARY' });
    expect(updated.json().incident.timeline.slice(-2).map((e: { text: string }) => e.text)).toEqual(['Chuyển tình trạng: Đã có kết luận', 'Cập nhật nguyên nhân, biện pháp khắc phục, hình thức xử lý, ghi chú xử lý']);

    const province = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['BAN_CHI_DAO'] });
    const note = await province.request({ method: 'POST', url: `/api/incidents/${id}/timeline`, body: { text: 'Công an tỉnh đã xác minh tại nơi họp' } });
    expect(note.json().incident.timeline.at(-1)).toMatchObject({ kind: 'NOTE', text: 'Công an tỉnh đã xác minh tại nơi họp' });

    await officer.request({ method: 'PATCH', url: `/api/incidents/${id}`, body: { investigationStatus: 'CLOSED' } });
    const late = await officer.request({ method: 'PATCH', url: `/api/incidents/${id}`, body: { remedy: 'Sửa sau khi đóng' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('incident.closed');
  });

  it('other parts of BMNN open an incident inside their own transaction (an item missing at offboarding), with a device', async () => {
    const { unit, officer } = await world();
    const itemId = await registerItem(officer, unit.id, '21/QĐ-SNV', 'MAT');
    const device = (await officer.request({ method: 'POST', url: '/api/devices', body: { unitId: unit.id, assetCode: 'USB-07', name: 'USB lưu tài liệu mật', type: 'REMOVABLE_MEDIUM', networkStatus: 'AIR_GAPPED_NEVER_CONNECTED' } })).json().device;
    const { incidentId } = await inTransaction(t.ctx, (scope) =>
      openIncidentInTransaction(scope, {
        unitId: unit.id,
        kind: 'MAT',
        channel: 'KHAC',
        subChannel: 'LOST_MISPLACED',
        title: 'Không thu hồi được tài liệu khi cán bộ nghỉ hưu',
        discoveredAt: NOW.toISOString(),
        circumstances: 'Khi bàn giao, cán bộ không xuất trình được tài liệu.',
        itemIds: [itemId],
        deviceIds: [device.id],
        source: 'OFFBOARDING_MISSING',
        sourceRef: 'offboarding case',
        actorId: officer.accountId,
      }),
    );
    const incident = (await officer.request({ method: 'GET', url: `/api/incidents/${incidentId}` })).json().incident;
    expect(incident).toMatchObject({ source: 'OFFBOARDING_MISSING', devices: [{ deviceId: device.id, assetCode: 'USB-07' }], items: [{ itemId, effect: 'LOST' }] });
    // A failure inside the caller's transaction leaves nothing behind.
    await expect(
      inTransaction(t.ctx, async (scope) => {
        await openIncidentInTransaction(scope, { unitId: unit.id, kind: 'MAT', channel: 'THU_THAP', title: 'x', discoveredAt: NOW.toISOString(), circumstances: 'x', source: 'TAKE_OUT_OVERDUE', actorId: null });
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect((await officer.request({ method: 'GET', url: '/api/incidents' })).json().total).toBe(1);
  });

  it('counts cases and items by channel, kind, unit and year with percentages like the directives, and exports them to XLSX (audited)', async () => {
    const { admin, unit, other, officer } = await world();
    const otherOfficer = await createUserAndLogin(t, { unitId: other.id, roles: ['CAN_BO_BAO_MAT', 'VAN_THU'], clearance: 'TOI_MAT' });
    const open = async (who: Officer, unitId: string, over: Record<string, unknown>, items: number) => {
      const itemIds = [];
      for (let i = 0; i < items; i++) itemIds.push(await registerItem(who, unitId, `${Math.random().toString(36).slice(2, 8)}/KH`, 'MAT'));
      const res = await who.request({ method: 'POST', url: '/api/incidents', body: { ...lostDocument(unitId, itemIds), ...over } });
      expect(res.statusCode).toBe(200);
    };
    await open(officer, unit.id, { kind: 'LO', channel: 'INTERNET', subChannel: 'AGENCY_PORTAL' }, 2);
    await open(officer, unit.id, { kind: 'LO', channel: 'INTERNET', subChannel: 'SOCIAL_NETWORK' }, 1);
    await open(otherOfficer, other.id, { kind: 'LO', channel: 'INTERNET', subChannel: 'WEBSITE_FORUM' }, 0);
    await open(otherOfficer, other.id, {}, 1);
    await open(officer, unit.id, { discoveredAt: '2025-05-02T02:00:00Z' }, 1);

    const province = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['BAN_CHI_DAO'] });
    const stats = (await province.request({ method: 'GET', url: '/api/incidents/statistics?year=2026' })).json().statistics;
    expect(stats).toMatchObject({ year: 2026, totalCases: 4, totalItems: 4 });
    const internet = stats.byChannel.find((c: { channel: string }) => c.channel === 'INTERNET');
    expect(internet).toMatchObject({ label: 'Qua mạng Internet', cases: 3, casesPercent: 75, items: 3, itemsPercent: 75 });
    expect(internet.bySubChannel.map((s: { cases: number }) => s.cases)).toEqual([1, 1, 1]);
    expect(stats.byKind).toEqual([
      { kind: 'LO', label: 'Lộ bí mật nhà nước', cases: 3, casesPercent: 75, items: 3, itemsPercent: 75 },
      { kind: 'MAT', label: 'Mất bí mật nhà nước', cases: 1, casesPercent: 25, items: 1, itemsPercent: 25 },
    ]);
    expect(stats.byUnit.map((u: { unitName: string; cases: number }) => [u.unitName, u.cases])).toEqual([['Sở Nội vụ', 2], ['Sở Y tế', 2]]);
    expect(stats.byYear).toEqual([{ year: 2025, cases: 1, items: 1 }, { year: 2026, cases: 4, items: 4 }]);
    // A unit's officer counts only their own scope.
    expect((await officer.request({ method: 'GET', url: '/api/incidents/statistics?year=2026' })).json().statistics.totalCases).toBe(2);
    expect((await officer.request({ method: 'GET', url: `/api/incidents/statistics?unitId=${other.id}` })).statusCode).toBe(404);

    const xlsx = await province.request({ method: 'GET', url: '/api/incidents/statistics.xlsx?year=2026' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Theo hình thức')!;
    expect(ws.getCell('A1').value).toBe('THỐNG KÊ CÁC VỤ LỘ, MẤT BÍ MẬT NHÀ NƯỚC THEO HÌNH THỨC');
    expect(ws.getRow(4).values).toEqual([undefined, 'STT', 'Hình thức', 'Số vụ', 'Tỷ lệ số vụ (%)', 'Số tài liệu, vật chứa BMNN', 'Tỷ lệ tài liệu (%)']);
    expect(ws.getRow(5).values).toEqual([undefined, 1, 'Qua mạng Internet', 3, 75, 3, 75]);
    expect(ws.getCell('B6').value).toBe('  - Đăng tải trên cổng thông tin điện tử của cơ quan, tổ chức');
    expect(ws.getCell('B5').font.name).toBe('Times New Roman');
    expect(wb.getWorksheet('Theo đơn vị')!.getCell('B5').value).toBe('Sở Nội vụ');
    const exported = await t.ctx.db.selectFrom('audit_records').select(['type', 'actor_id']).where('type', '=', 'incident.statistics_exported').execute();
    expect(exported).toEqual([{ type: 'incident.statistics_exported', actor_id: province.accountId }]);
  });

  it('R13.1: generates the ad-hoc report (báo cáo đột xuất) as a DOCX in the Vietnamese administrative layout; the export is audited', async () => {
    const { unit, officer } = await world();
    const itemId = await registerItem(officer, unit.id, '12/KH-SNV');
    const id = (await officer.request({ method: 'POST', url: '/api/incidents', body: lostDocument(unit.id, [itemId]) })).json().incident.id;
    await officer.request({ method: 'POST', url: `/api/incidents/${id}/notifications`, body: { recipient: 'HEAD', notifiedAt: '2026-11-23T01:45:00Z' } });

    const res = await officer.request({ method: 'GET', url: `/api/incidents/${id}/report.docx?number=17` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-dot-xuat-2026-11-23.docx"');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const expected of [
      'ỦY BAN NHÂN DÂN TỈNH BẮC NINH',
      'SỞ NỘI VỤ',
      'Số: 17/BC-SNV',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Bắc Ninh, ngày 23 tháng 11 năm 2026',
      'BÁO CÁO',
      'Đột xuất về vụ mất bí mật nhà nước',
      'Thất lạc Kế hoạch số 12/KH-SNV khi đi công tác',
      'I. THÔNG TIN VỤ VIỆC',
      'Qua hình thức khác — Làm mất, thất lạc tài liệu, vật chứa bí mật nhà nước',
      '23/11/2026 08:30',
      'Đồng chí cán bộ mang tài liệu đi họp tại Ủy ban nhân dân tỉnh, khi về kiểm tra cặp tài liệu thì không thấy.',
      '1. Tài liệu, vật chứa số 12/KH-SNV, độ mật: Tối mật — bị mất.',
      'Rà soát lại nơi họp, phòng làm việc và phương tiện đi lại.',
      '- Người đứng đầu cơ quan, đơn vị: lúc 23/11/2026 08:45.',
      'Nơi nhận:',
      '- Ban Chỉ đạo công tác bảo vệ BMNN tỉnh (qua Công an tỉnh);',
    ]) {
      expect(text).toContain(expected);
    }
    expect(xml).toContain('w:ascii="Times New Roman"');
    const audit = await t.ctx.db.selectFrom('audit_records').select(['type', 'subject_id']).where('type', '=', 'incident.report_exported').execute();
    expect(audit).toEqual([{ type: 'incident.report_exported', subject_id: id }]);
    const staff = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'MAT' });
    expect((await staff.request({ method: 'GET', url: `/api/incidents/${id}/report.docx` })).statusCode).toBe(403);
  });
});
