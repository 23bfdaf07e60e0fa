import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type Client, createTestUnit, createUserAndLogin, DATABASE_KINDS, multipartFile, setupAdmin, type TestApp, useTestApp } from '../../testing/test-context.ts';

const NOW = new Date('2026-11-23T03:00:00Z');

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(t: TestApp, client: Client, sessionId: string, file: Buffer, dryRun: boolean) {
  const { body, headers } = multipartFile(file, 'danh-sach.xlsx');
  return t.app.inject({ method: 'POST', url: `/api/training/sessions/${sessionId}/attendees/import${dryRun ? '?dryRun=true' : ''}`, headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, ...headers }, payload: body });
}

async function docxText(payload: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(payload)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
}

describe.each(DATABASE_KINDS)('training and dissemination on %s', (kind) => {
  const t = useTestApp(kind, { now: NOW });

  async function world() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'STP', name: 'Sở Tư pháp' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SXD', name: 'Sở Xây dựng' });
    const officer = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'TOI_MAT' });
    const person = async (fullName: string, handlesSecrets = true, unitId = unit.id) => (await officer.request({ method: 'POST', url: '/api/people', body: { fullName, unitId, clearance: handlesSecrets ? 'MAT' : 'NONE', handlesSecrets } })).json().person.id as string;
    return { admin, unit, other, officer, person };
  }

  const session = (unitId: string, attendeeIds: string[], over: Record<string, unknown> = {}) => ({
    unitId,
    topic: 'Quán triệt Luật Bảo vệ bí mật nhà nước và Chỉ thị số 04/CT-UBND',
    kind: 'TAP_HUAN',
    heldOn: '2026-10-01',
    organiser: 'Công an tỉnh',
    material: 'Tài liệu tập huấn của Phòng An ninh chính trị nội bộ',
    result: 'Đạt yêu cầu',
    attendeeIds,
    ...over,
  });

  it("R11.5: records sessions with attendees; each person's last training, the coverage per unit over 12 months and the reminders follow", async () => {
    const { unit, officer, person } = await world();
    const an = await person('Nguyễn Văn An');
    const binh = await person('Trần Thị Bình');
    const cuong = await person('Lê Văn Cường');
    const driver = await person('Phạm Văn Dũng', false);
    const recent = await officer.request({ method: 'POST', url: '/api/training/sessions', body: session(unit.id, [an, binh, driver]) });
    expect(recent.statusCode).toBe(200);
    expect(recent.json().session).toMatchObject({ topic: 'Quán triệt Luật Bảo vệ bí mật nhà nước và Chỉ thị số 04/CT-UBND', organiser: 'Công an tỉnh', attendeeCount: 3 });
    expect(recent.json().session.attendees.map((a: { fullName: string }) => a.fullName)).toEqual(['Nguyễn Văn An', 'Phạm Văn Dũng', 'Trần Thị Bình']);
    await officer.request({ method: 'POST', url: '/api/training/sessions', body: session(unit.id, [cuong], { topic: 'Tập huấn năm 2025', heldOn: '2025-06-01' }) });

    const people = (await officer.request({ method: 'GET', url: '/api/training/people' })).json();
    expect(people).toMatchObject({ windowMonths: 12, since: '2025-11-23', asOf: '2026-11-23' });
    const last = Object.fromEntries(people.people.map((p: { fullName: string; lastTrainedOn: string | null; due: boolean }) => [p.fullName, [p.lastTrainedOn, p.due]]));
    // Only people who handle secrets count: the driver is not listed.
    expect(last).toEqual({ 'Nguyễn Văn An': ['2026-10-01', false], 'Trần Thị Bình': ['2026-10-01', false], 'Lê Văn Cường': ['2025-06-01', true], [`Cán bộ ${officer.username}`]: [null, true] });
    const due = (await officer.request({ method: 'GET', url: '/api/training/people?dueOnly=true' })).json().people.map((p: { fullName: string }) => p.fullName).sort();
    expect(due).toEqual([`Cán bộ ${officer.username}`, 'Lê Văn Cường'].sort());

    const coverage = (await officer.request({ method: 'GET', url: '/api/training/coverage' })).json().coverage;
    expect(coverage.units).toEqual([{ unitId: unit.id, unitCode: 'STP', unitName: 'Sở Tư pháp', secretStaff: 4, trained: 2, percent: 50 }]);
    expect(coverage.total).toEqual({ secretStaff: 4, trained: 2, percent: 50 });

    // A session dated in the future is not a training that happened.
    const future = await officer.request({ method: 'POST', url: '/api/training/sessions', body: session(unit.id, [cuong], { heldOn: '2026-12-01' }) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.issues).toEqual([{ path: ['heldOn'], message: 'Ngày tổ chức không được sau hôm nay' }]);
  });

  it('R11.5: the administrator sets the training window, audited; nobody else may', async () => {
    const { admin, unit, officer, person } = await world();
    const cuong = await person('Lê Văn Cường');
    await officer.request({ method: 'POST', url: '/api/training/sessions', body: session(unit.id, [cuong], { heldOn: '2025-06-01' }) });
    const refused = await officer.request({ method: 'PUT', url: '/api/training/policy', body: { windowMonths: 24 } });
    expect(refused.statusCode).toBe(403);
    expect((await admin.request({ method: 'PUT', url: '/api/training/policy', body: { windowMonths: 0 } })).statusCode).toBe(400);
    expect((await admin.request({ method: 'PUT', url: '/api/training/policy', body: { windowMonths: 24 } })).json()).toEqual({ windowMonths: 24 });
    const coverage = (await officer.request({ method: 'GET', url: '/api/training/coverage' })).json().coverage;
    expect(coverage).toMatchObject({ windowMonths: 24, since: '2024-11-23', total: { secretStaff: 2, trained: 1, percent: 50 } });
    const audit = await t.ctx.db.selectFrom('audit_records').select(['type', 'data']).where('type', '=', 'training.policy_changed').execute();
    expect(audit.map((a) => JSON.parse(a.data))).toEqual([{ before: 12, after: 24 }]);
  });

  it("R11.5: people see only their units' sessions and people; the steering committee sees every unit's coverage", async () => {
    const { admin, unit, other, officer, person } = await world();
    const an = await person('Nguyễn Văn An');
    const created = (await officer.request({ method: 'POST', url: '/api/training/sessions', body: session(unit.id, [an]) })).json().session;
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'MAT' });
    expect((await outsider.request({ method: 'GET', url: `/api/training/sessions/${created.id}` })).json().error.code).toBe('training.not_found');
    expect((await outsider.request({ method: 'GET', url: '/api/training/sessions' })).json().sessions).toEqual([]);
    expect((await outsider.request({ method: 'GET', url: '/api/training/coverage' })).json().coverage.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['SXD']);
    // Nor may they record a session for another unit, or with people they cannot see.
    expect((await outsider.request({ method: 'POST', url: '/api/training/sessions', body: session(unit.id, []) })).statusCode).toBe(403);
    const stranger = await outsider.request({ method: 'POST', url: '/api/training/sessions', body: session(other.id, [an]) });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.code).toBe('person.not_found');
    expect(await t.ctx.db.selectFrom('training_sessions').select('id').execute()).toHaveLength(1);
    const province = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['BAN_CHI_DAO'] });
    expect((await province.request({ method: 'GET', url: '/api/training/coverage' })).json().coverage.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['STP', 'SXD']);
  });

  it('R11.5: imports the attendance from Excel by name and unit ignoring accents, or by code; a dry run reports every problem and one bad row imports nothing', async () => {
    const { unit, officer, person } = await world();
    const an = await person('Nguyễn Văn An');
    const binh = await person('Trần Thị Bình');
    await person('Lê Văn Cường');
    await person('Lê Văn Cường');
    const created = (await officer.request({ method: 'POST', url: '/api/training/sessions', body: session(unit.id, []) })).json().session;
    const header = ['STT', 'Ho va ten', 'Đơn vị', 'Mã cán bộ'];
    const bad = await xlsxOf([header, ['1', 'nguyen van an', 'stp', ''], ['2', '', '', binh], ['3', 'Trần Không Có', 'Sở Tư pháp', ''], ['4', 'Lê Văn Cường', 'STP', ''], ['5', 'Nguyễn Văn An', 'Sở Tư Pháp', ''], ['6', 'Hoàng Văn Em', 'Sở Không Có', '']]);
    const dry = await upload(t, officer, created.id, bad, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().report.problems).toEqual([
      { row: 4, column: 'Họ và tên', message: 'Không tìm thấy cán bộ "Trần Không Có" thuộc đơn vị "Sở Tư pháp"' },
      { row: 5, column: 'Họ và tên', message: 'Có 2 cán bộ tên "Lê Văn Cường" thuộc đơn vị "STP": ghi thêm mã cán bộ' },
      { row: 6, column: 'Họ và tên', message: 'Trùng với dòng 2: Nguyễn Văn An' },
      { row: 7, column: 'Đơn vị', message: 'Không tìm thấy đơn vị "Sở Không Có"' },
    ]);
    expect(dry.json().report.matched.map((m: { personId: string }) => m.personId)).toEqual([an, binh]);
    const real = await upload(t, officer, created.id, bad, false);
    expect(real.json()).toMatchObject({ report: { ok: false }, imported: null });
    expect(await t.ctx.db.selectFrom('training_attendees').select('person_id').execute()).toEqual([]);

    const good = await xlsxOf([header, ['1', 'nguyen van an', 'stp', ''], ['2', '', '', binh]]);
    expect((await upload(t, officer, created.id, good, true)).json()).toMatchObject({ report: { ok: true, rows: 2 }, imported: null });
    expect((await upload(t, officer, created.id, good, false)).json()).toMatchObject({ report: { ok: true }, imported: 2 });
    const detail = (await officer.request({ method: 'GET', url: `/api/training/sessions/${created.id}` })).json().session;
    expect(detail.attendees.map((a: { personId: string }) => a.personId).sort()).toEqual([an, binh].sort());
    const audit = await t.ctx.db.selectFrom('audit_records').select(['data']).where('type', '=', 'training.attendees_added').execute();
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ source: 'import' });

    // Someone outside the unit cannot import into the session (it does not exist for them); staff may not record training.
    const outsider = await createUserAndLogin(t, { unitId: (await createTestUnit(t, { parentId: unit.parentId!, code: 'SYT', name: 'Sở Y tế' })).id, roles: ['CAN_BO_BAO_MAT'], clearance: 'MAT' });
    const foreign = await upload(t, outsider, created.id, good, false);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('training.not_found');
    const staff = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'MAT' });
    expect((await upload(t, staff, created.id, good, false)).statusCode).toBe(403);
    expect((await staff.request({ method: 'POST', url: `/api/training/sessions/${created.id}/attendees`, body: { personIds: [an] } })).statusCode).toBe(403);
    expect(await t.ctx.db.selectFrom('training_attendees').select('person_id').execute()).toHaveLength(2);

    const notExcel = await upload(t, officer, created.id, Buffer.from('Họ và tên,Đơn vị\nAn,STP\n'), true);
    expect(notExcel.json().report.problems).toEqual([{ row: 0, column: null, message: 'Không đọc được tệp: chỉ nhận Excel (.xlsx)' }]);
  });

  it('R11.5: prints the attendance list as a Vietnamese DOCX and exports the coverage to XLSX, both audited', async () => {
    const { unit, officer, person } = await world();
    const an = await person('Nguyễn Văn An');
    const created = (await officer.request({ method: 'POST', url: '/api/training/sessions', body: session(unit.id, [an]) })).json().session;
    const docx = await officer.request({ method: 'GET', url: `/api/training/sessions/${created.id}/attendance.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toBe('attachment; filename="danh-sach-tham-du-tap-huan-2026-10-01.docx"');
    const text = await docxText(docx.rawPayload);
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ TƯ PHÁP', 'DANH SÁCH NGƯỜI THAM DỰ', 'Tập huấn nghiệp vụ về bảo vệ bí mật nhà nước', 'Thời gian: ngày 01/10/2026. Đơn vị tổ chức: Công an tỉnh.', 'Nguyễn Văn An', 'Tổng số: 1 người tham dự.']) {
      expect(text).toContain(expected);
    }
    const xlsx = await officer.request({ method: 'GET', url: '/api/training/coverage.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(5).values).toEqual([undefined, 1, 'STP', 'Sở Tư pháp', 2, 1, 50]);
    expect(ws.getRow(6).getCell(3).value).toBe('Tổng cộng');
    const types = (await t.ctx.db.selectFrom('audit_records').select('type').where('type', 'in', ['training.attendance_exported', 'training.coverage_exported']).orderBy('seq').execute()).map((a) => a.type);
    expect(types).toEqual(['training.attendance_exported', 'training.coverage_exported']);
  });

  it('R11.5: records the dissemination of the danh mục and of a legal document to staff', async () => {
    const { admin, unit, officer, person } = await world();
    const an = await person('Nguyễn Văn An');
    await admin.request({ method: 'POST', url: '/api/danh-muc/samples' });
    const decision = (await officer.request({ method: 'GET', url: '/api/danh-muc/decisions' })).json().decisions[0];
    const noDecision = await officer.request({ method: 'POST', url: '/api/training/disseminations', body: { unitId: unit.id, kind: 'DANH_MUC', documentTitle: 'Danh mục BMNN', disseminatedOn: '2026-11-02', recipientIds: [an] } });
    expect(noDecision.json().error.details.issues).toEqual([{ path: ['danhMucDecisionId'], message: 'Chọn quyết định ban hành danh mục' }]);
    const danhMuc = await officer.request({ method: 'POST', url: '/api/training/disseminations', body: { unitId: unit.id, kind: 'DANH_MUC', documentTitle: `Danh mục theo Quyết định ${decision.number}`, danhMucDecisionId: decision.id, disseminatedOn: '2026-11-02', method: 'Hội nghị giao ban', recipientIds: [an, officer.personId] } });
    expect(danhMuc.statusCode).toBe(200);
    expect(danhMuc.json().dissemination).toMatchObject({ kind: 'DANH_MUC', danhMucDecisionId: decision.id, disseminatedOn: '2026-11-02' });
    expect(danhMuc.json().dissemination.recipients).toHaveLength(2);
    await officer.request({ method: 'POST', url: '/api/training/disseminations', body: { unitId: unit.id, kind: 'LEGAL_DOCUMENT', documentTitle: 'Luật Bảo vệ bí mật nhà nước số 117/2025/QH15', disseminatedOn: '2026-11-10', recipientIds: [an] } });
    const list = (await officer.request({ method: 'GET', url: '/api/training/disseminations' })).json().disseminations;
    expect(list.map((d: { documentTitle: string }) => d.documentTitle)).toEqual(['Luật Bảo vệ bí mật nhà nước số 117/2025/QH15', `Danh mục theo Quyết định ${decision.number}`]);
  });
});
