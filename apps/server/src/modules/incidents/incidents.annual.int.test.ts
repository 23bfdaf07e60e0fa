import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type Client, createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

// The incidents section of the annual report (LEGAL.md R13.2) over the period of R14.1(c),
// downloaded as DOCX and read back.

/** Two days after the 2026 period ended (14/12/2026), before the report is due (20/12/2026). */
const NOW = new Date('2026-12-16T03:00:00Z');

type Officer = Client & { personId: string; accountId: string; username: string };

/** The visible text of word/document.xml, one line per run. */
async function docxText(payload: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(payload)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
}

const LEVEL_CELLS = ['Tuyệt mật', 'Tối mật', 'Mật', 'Chưa xác định được độ mật'];
/** How many table cells hold each level: one row of the level table each, plus one per listed case. */
function levelCells(text: string): Record<string, number> {
  const lines = text.split('\n');
  return Object.fromEntries(LEVEL_CELLS.map((level) => [level, lines.filter((l) => l === level).length]));
}
/** The three figures (cases, share, items) right after the first cell holding `label`. */
function rowAfter(text: string, label: string): string[] {
  const lines = text.split('\n');
  const at = lines.indexOf(label);
  return lines.slice(at + 1, at + 4);
}

describe.each(DATABASE_KINDS)('the incidents section of the annual report on %s', (kind) => {
  const t = useTestApp(kind, { now: NOW });

  async function registerItem(clerk: Officer, unitId: string, soKyHieu: string, level: string) {
    const res = await clerk.request({ method: 'POST', url: '/api/items', body: { unitId, level, soKyHieu, trichYeu: 'Báo cáo tình hình an ninh', custodianId: clerk.personId } });
    expect(res.statusCode).toBe(200);
    return res.json().item.id as string;
  }

  async function open(who: Officer, body: Record<string, unknown>) {
    const res = await who.request({
      method: 'POST',
      url: '/api/incidents',
      body: { kind: 'MAT', channel: 'KHAC', subChannel: 'LOST_MISPLACED', circumstances: 'Cán bộ làm thất lạc tài liệu.', itemIds: [], ...body },
    });
    expect(res.statusCode).toBe(200);
    return res.json().incident.id as string;
  }

  /**
   * Sở Nội vụ with its Văn phòng below it, and Sở Y tế beside it; incidents on both sides of
   * both ends of the 2026 period (15/12/2025 00:00 – 14/12/2026 23:59:59, Vietnam time).
   */
  async function world() {
    const admin = await setupAdmin(t);
    const snv = await createTestUnit(t, { parentId: admin.provinceId, code: 'SNV', name: 'Sở Nội vụ' });
    const office = await createTestUnit(t, { parentId: snv.id, code: 'VP-SNV', name: 'Văn phòng Sở Nội vụ', kind: 'PHONG_BAN' });
    const syt = await createTestUnit(t, { parentId: admin.provinceId, code: 'SYT', name: 'Sở Y tế' });
    const officer = await createUserAndLogin(t, { unitId: snv.id, roles: ['CAN_BO_BAO_MAT', 'VAN_THU'], clearance: 'TOI_MAT' });
    const otherOfficer = await createUserAndLogin(t, { unitId: syt.id, roles: ['CAN_BO_BAO_MAT', 'VAN_THU'], clearance: 'TOI_MAT' });

    const secret = await registerItem(officer, snv.id, '12/KH-SNV', 'TOI_MAT');
    // The last minute of the period: 14/12/2026 23:59 in Vietnam.
    const lastMinute = await open(officer, {
      unitId: snv.id,
      title: 'Thất lạc Kế hoạch 12/KH-SNV sau cuộc họp',
      discoveredAt: '2026-12-14T16:59:00.000Z',
      circumstances: 'Sau cuộc họp giao ban, cán bộ kiểm tra lại cặp tài liệu thì không thấy bản Kế hoạch.',
      itemIds: [secret],
    });
    const patch = await officer.request({
      method: 'PATCH',
      url: `/api/incidents/${lastMinute}`,
      body: { investigationStatus: 'CONCLUDED', rootCause: 'Cán bộ mang tài liệu ra ngoài không được phê duyệt', handling: 'Kiểm điểm cán bộ vi phạm', remedy: 'Quán triệt lại quy chế bảo vệ bí mật nhà nước', referral: 'DISCIPLINARY', referralNote: 'Khiển trách' },
    });
    expect(patch.statusCode).toBe(200);

    const portalItems = [await registerItem(officer, office.id, '05/BC-VP', 'MAT'), await registerItem(officer, office.id, '06/BC-VP', 'MAT')];
    await open(officer, {
      unitId: office.id,
      kind: 'LO',
      channel: 'INTERNET',
      subChannel: 'AGENCY_PORTAL',
      title: 'Báo cáo mật bị đăng trên cổng thông tin của Sở',
      discoveredAt: '2026-03-10T02:00:00.000Z',
      circumstances: 'Văn phòng đăng tải nhầm hai báo cáo mật lên cổng thông tin điện tử.',
      itemIds: portalItems,
    });
    // The first minute of the next period (15/12/2026 00:00) and the last minute of the previous one.
    await open(officer, { unitId: snv.id, title: 'Vụ việc thuộc kỳ báo cáo năm 2027', discoveredAt: '2026-12-14T17:00:00.000Z' });
    await open(officer, { unitId: snv.id, title: 'Vụ việc thuộc kỳ báo cáo năm 2025', discoveredAt: '2025-12-14T16:59:00.000Z' });
    // The first minute of the period, in another Sở.
    await open(otherOfficer, { unitId: syt.id, title: 'Mất hồ sơ bệnh án mật của Sở Y tế', discoveredAt: '2025-12-14T17:00:00.000Z', circumstances: 'Hồ sơ mật của Sở Y tế bị thất lạc khi chuyển kho.' });
    return { admin, snv, office, syt, officer };
  }

  it('R13.2, R14.1: the province gets every case discovered from 15/12/2025 to 14/12/2026, with figures, list, causes and handling', async () => {
    const { admin } = await world();
    const province = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['BAN_CHI_DAO'], clearance: 'TUYET_MAT' });
    const res = await province.request({ method: 'GET', url: '/api/incidents/annual-report.docx?year=2026' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-nam-2026-lo-mat-bmnn.docx"');
    const text = await docxText(res.rawPayload);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH BẮC NINH',
      'Bắc Ninh, ngày 16 tháng 12 năm 2026',
      'TÌNH HÌNH, SỐ LIỆU CÁC VỤ LỘ, MẤT BÍ MẬT NHÀ NƯỚC NĂM 2026',
      '(Số liệu từ ngày 15/12/2025 đến ngày 14/12/2026)',
      'Trong kỳ báo cáo, Tỉnh Bắc Ninh phát hiện 3 vụ lộ, mất bí mật nhà nước (1 vụ lộ, 2 vụ mất), liên quan đến 3 tài liệu, vật chứa bí mật nhà nước và 0 thiết bị.',
      'Đến thời điểm lập báo cáo, đã kết thúc xử lý 0 vụ; đang xử lý 3 vụ. Danh sách các vụ việc tại Phụ lục kèm theo.',
      '- Qua mạng Internet: 1 vụ, chiếm 33,3% (đăng tải trên cổng thông tin điện tử của cơ quan, tổ chức: 1 vụ).',
      'Mất hồ sơ bệnh án mật của Sở Y tế',
      'Thất lạc Kế hoạch 12/KH-SNV sau cuộc họp',
      'Văn phòng Sở Nội vụ',
      '14/12/2026',
      '15/12/2025',
      'Đã xác định nguyên nhân 1 vụ; chưa xác định nguyên nhân 2 vụ.',
      '- Cán bộ mang tài liệu ra ngoài không được phê duyệt: 1 vụ.',
      'Kiểm điểm cán bộ vi phạm',
      'Quán triệt lại quy chế bảo vệ bí mật nhà nước',
      'Xử lý kỷ luật — Khiển trách',
      // The list of cases is a landscape appendix with the cause and handling of each case.
      'PHỤ LỤC',
      'DANH SÁCH CÁC VỤ LỘ, MẤT BÍ MẬT NHÀ NƯỚC NĂM 2026',
      'Xử lý: Kiểm điểm cán bộ vi phạm',
      'Khắc phục: Quán triệt lại quy chế bảo vệ bí mật nhà nước',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Vụ việc thuộc kỳ báo cáo năm 2027');
    expect(text).not.toContain('Vụ việc thuộc kỳ báo cáo năm 2025');
    // Công an tỉnh has no item access by office: the cases show no level, and no item number.
    expect(levelCells(text)).toEqual({ 'Tuyệt mật': 1, 'Tối mật': 1, Mật: 1, 'Chưa xác định được độ mật': 4 }); // the level table's rows, then the three cases
    expect(rowAfter(text, 'Chưa xác định được độ mật')).toEqual(['3', '100%', '3']);
    expect(text).not.toContain('05/BC-VP');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:orient="landscape"');

    const audit = await t.ctx.db.selectFrom('audit_records').select(['type', 'chain', 'actor_id', 'data']).where('type', '=', 'incident.annual_report_exported').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ chain: admin.provinceId, actor_id: province.accountId });
    expect(JSON.parse(audit[0]!.data)).toEqual({ format: 'docx', year: 2026, scopeUnitId: null, count: 3 });
  });

  it("R13.2: a unit's officer sees only the cases of their own scope, with the levels of the items they may see; a unit narrows it to its subtree", async () => {
    const { snv, office, syt, officer } = await world();
    const own = await docxText((await officer.request({ method: 'GET', url: '/api/incidents/annual-report.docx?year=2026' })).rawPayload);
    expect(own).toContain('Trong kỳ báo cáo, Sở Nội vụ phát hiện 2 vụ lộ, mất bí mật nhà nước (1 vụ lộ, 1 vụ mất), liên quan đến 3 tài liệu, vật chứa bí mật nhà nước và 0 thiết bị.');
    expect(own).toContain('ỦY BAN NHÂN DÂN TỈNH BẮC NINH');
    expect(own).not.toContain('Sở Y tế');
    expect(own).not.toContain('Hồ sơ mật của Sở Y tế');
    // The case list gives each case the highest level of its items: Tối mật, and Mật for the portal case.
    expect(levelCells(own)).toEqual({ 'Tuyệt mật': 1, 'Tối mật': 2, Mật: 2, 'Chưa xác định được độ mật': 1 }); // the level table's rows, then the two cases
    expect(rowAfter(own, 'Tối mật')).toEqual(['1', '50%', '1']);
    expect(rowAfter(own, 'Mật')).toEqual(['1', '50%', '2']);

    const narrowed = await docxText((await officer.request({ method: 'GET', url: `/api/incidents/annual-report.docx?year=2026&unitId=${office.id}` })).rawPayload);
    expect(narrowed).toContain('Trong kỳ báo cáo, Văn phòng Sở Nội vụ phát hiện 1 vụ lộ, mất bí mật nhà nước (1 vụ lộ, 0 vụ mất), liên quan đến 2 tài liệu, vật chứa bí mật nhà nước và 0 thiết bị.');
    expect(narrowed).not.toContain('Thất lạc Kế hoạch 12/KH-SNV sau cuộc họp');

    // Another Sở, or a unit that does not exist, is not found.
    const other = await officer.request({ method: 'GET', url: `/api/incidents/annual-report.docx?year=2026&unitId=${syt.id}` });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('unit.not_found');
    expect((await officer.request({ method: 'GET', url: '/api/incidents/annual-report.docx?year=2026&unitId=unt_00000000000000000000' })).statusCode).toBe(404);

    // A lower clearance sees the case but not the Tối mật item's level.
    const lowOfficer = await createUserAndLogin(t, { unitId: snv.id, roles: ['CAN_BO_BAO_MAT', 'VAN_THU'], clearance: 'MAT' });
    const low = await docxText((await lowOfficer.request({ method: 'GET', url: '/api/incidents/annual-report.docx?year=2026' })).rawPayload);
    expect(low).toContain('Thất lạc Kế hoạch 12/KH-SNV sau cuộc họp');
    expect(levelCells(low)).toEqual({ 'Tuyệt mật': 1, 'Tối mật': 1, Mật: 2, 'Chưa xác định được độ mật': 2 });
    expect(rowAfter(low, 'Tối mật')).toEqual(['0', '0%', '0']);

    // Each export is recorded in the chain of the unit it covers (the reader's own without a unit).
    const exported = await t.ctx.db.selectFrom('audit_records').select(['chain', 'data']).where('type', '=', 'incident.annual_report_exported').execute();
    expect(exported.map((a) => ({ chain: a.chain, ...JSON.parse(a.data) }))).toEqual(
      expect.arrayContaining([
        { chain: snv.id, format: 'docx', year: 2026, scopeUnitId: null, count: 2 },
        { chain: office.id, format: 'docx', year: 2026, scopeUnitId: office.id, count: 1 },
      ]),
    );
    expect(exported).toHaveLength(3);
  });

  it('R14.1: the next year starts on 15/12 at 00:00 in Vietnam; a year without cases says so', async () => {
    const { officer } = await world();
    const next = await docxText((await officer.request({ method: 'GET', url: '/api/incidents/annual-report.docx?year=2027' })).rawPayload);
    expect(next).toContain('(Số liệu từ ngày 15/12/2026 đến ngày 14/12/2027)');
    expect(next).toContain('Vụ việc thuộc kỳ báo cáo năm 2027');
    expect(next).toContain('Trong kỳ báo cáo, Sở Nội vụ phát hiện 1 vụ lộ, mất bí mật nhà nước (0 vụ lộ, 1 vụ mất), liên quan đến 0 tài liệu, vật chứa bí mật nhà nước và 0 thiết bị.');
    const empty = await docxText((await officer.request({ method: 'GET', url: '/api/incidents/annual-report.docx?year=2020' })).rawPayload);
    expect(empty).toContain('(Số liệu từ ngày 15/12/2019 đến ngày 14/12/2020)');
    expect(empty).toContain('Trong kỳ báo cáo, Sở Nội vụ không phát hiện vụ lộ, mất bí mật nhà nước nào.');
  });

  it('refuses a year that is not a sane 4-digit number with a Vietnamese message, and writes no audit record', async () => {
    const { officer } = await world();
    const cases: Array<[string, string]> = [
      ['', 'Năm báo cáo phải là số có 4 chữ số'],
      ['?year=abc', 'Năm báo cáo phải là số có 4 chữ số'],
      ['?year=2026.5', 'Năm báo cáo phải là số có 4 chữ số'],
      ['?year=2017', 'Năm báo cáo phải từ năm 2018 trở đi'],
      ['?year=20261', 'Năm báo cáo phải là số có 4 chữ số'],
      ['?year=2028', 'Năm báo cáo không được sau năm 2027'],
    ];
    for (const [query, message] of cases) {
      const res = await officer.request({ method: 'GET', url: `/api/incidents/annual-report.docx${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('validation.failed');
      expect(res.json().error.details.issues, query).toEqual([{ path: ['year'], message }]);
    }
    const bad = await officer.request({ method: 'GET', url: '/api/incidents/annual-report.docx?year=2026&unitId=SNV' });
    expect(bad.statusCode).toBe(400);
    expect(await t.ctx.db.selectFrom('audit_records').select('id').where('type', '=', 'incident.annual_report_exported').execute()).toEqual([]);
  });
});
