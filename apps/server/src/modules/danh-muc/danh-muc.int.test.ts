import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Client, createUserAndLogin, DATABASE_KINDS, multipartFile, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const HEADER = ['Số quyết định', 'Ngày quyết định', 'Cơ quan ban hành', 'Lĩnh vực', 'Hiệu lực từ', 'Hiệu lực đến', 'Mục số', 'Độ mật', 'Nội dung', 'Từ khóa'];
const ROWS = [
  ['12/QĐ-UBND', '05/01/2026', 'UBND tỉnh', 'Nội vụ', '05/01/2026', '', '1', 'Tối mật', 'Phương án sắp xếp tổ chức bộ máy khi chưa công bố', 'sắp xếp tổ chức; bộ máy'],
  ['12/QĐ-UBND', '05/01/2026', 'UBND tỉnh', 'Nội vụ', '05/01/2026', '', '2', 'Mật', 'Hồ sơ nhân sự dự kiến bổ nhiệm khi chưa công bố', 'bổ nhiệm, nhân sự'],
];

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const csvOf = (rows: string[][]) => Buffer.from('\ufeff' + [HEADER, ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n'), 'utf8');

function upload(client: Client, file: Buffer, name: string, dryRun = false) {
  return client.request({ method: 'POST', url: `/api/danh-muc/import${dryRun ? '?dryRun=true' : ''}`, ...multipartFile(file, name) });
}

describe.each(DATABASE_KINDS)('danh mục BMNN on %s', (kind) => {
  const t = useTestApp(kind);

  it('imports a valid Excel file with its decision and items (LEGAL.md R3.3)', async () => {
    const admin = await setupAdmin(t);
    const res = await upload(admin, await xlsxOf(ROWS), 'danh-muc.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ report: { ok: true, problems: [] }, imported: { decisions: 1, items: 2 } });
    const items = (await admin.request({ method: 'GET', url: '/api/danh-muc/items?q=bo nhiem' })).json().items;
    expect(items).toEqual([expect.objectContaining({ decisionNumber: '12/QĐ-UBND', itemNo: '2', level: 'MAT', keywords: ['bổ nhiệm', 'nhân sự'] })]);
    const decisions = (await admin.request({ method: 'GET', url: '/api/danh-muc/decisions' })).json().decisions;
    expect(decisions[0]).toMatchObject({ number: '12/QĐ-UBND', decidedOn: '2026-01-05', itemCount: 2, isSample: false });
    expect((await t.ctx.db.selectFrom('audit_records').select('type').where('type', '=', 'danh_muc.imported').execute())).toHaveLength(1);
  });

  it('imports a UTF-8 CSV the same way, and a dry run writes nothing', async () => {
    const admin = await setupAdmin(t);
    const dry = await upload(admin, csvOf(ROWS), 'danh-muc.csv', true);
    expect(dry.json()).toMatchObject({ report: { ok: true, rows: 2 }, imported: null });
    expect(await t.ctx.db.selectFrom('danh_muc_items').select('id').execute()).toHaveLength(0);
    expect((await upload(admin, csvOf(ROWS), 'danh-muc.csv')).json().imported).toEqual({ decisions: 1, items: 2 });
  });

  it('imports nothing when one row is wrong, and says which row and column', async () => {
    const admin = await setupAdmin(t);
    const bad = [...ROWS, ['12/QĐ-UBND', '05/01/2026', 'UBND tỉnh', 'Nội vụ', '05/01/2026', '', '3', 'Khẩn', 'Một mục sai độ mật', ''], ['12/QĐ-UBND', '31/02/2026', 'UBND tỉnh', 'Nội vụ', '05/01/2026', '', '1', 'Mật', 'Trùng mục', '']];
    const res = (await upload(admin, await xlsxOf(bad), 'sai.xlsx')).json();
    expect(res.imported).toBeNull();
    expect(res.report.ok).toBe(false);
    expect(res.report.problems).toEqual(
      expect.arrayContaining([
        { row: 4, column: 'Độ mật', message: 'Độ mật không hợp lệ: "Khẩn" (Mật, Tối mật hoặc Tuyệt mật)' },
        { row: 5, column: 'Ngày quyết định', message: 'Ngày không hợp lệ: "31/02/2026" (cần dd/mm/yyyy)' },
        { row: 5, column: 'Mục số', message: 'Mục số 1 của quyết định 12/QĐ-UBND bị lặp' },
      ]),
    );
    expect(await t.ctx.db.selectFrom('danh_muc_decisions').select('id').execute()).toHaveLength(0);
  });

  it('refuses a decision that is already in the system, a file without the required columns, and a corrupt file', async () => {
    const admin = await setupAdmin(t);
    await upload(admin, await xlsxOf(ROWS), 'a.xlsx');
    const again = (await upload(admin, await xlsxOf(ROWS), 'a.xlsx')).json();
    expect(again.report.problems).toEqual([{ row: 0, column: 'Số quyết định', message: 'Quyết định 12/QĐ-UBND đã có trong hệ thống' }]);
    const noColumns = (await upload(admin, Buffer.from('a,b,c\n1,2,3\n'), 'x.csv')).json();
    expect(noColumns.report.problems.map((p: { message: string }) => p.message)).toContain('Thiếu cột "Độ mật"');
    const corrupt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]);
    const broken = (await upload(admin, corrupt, 'hong.xlsx')).json();
    expect(broken.report.problems[0].message).toBe('Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx');
    const binary = (await upload(admin, Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]), 'x.bin')).json();
    expect(binary.report.ok).toBe(false);
    expect(await t.ctx.db.selectFrom('danh_muc_items').select('id').execute()).toHaveLength(2);
  });

  it('answers an oversized upload with 413 and a request without a file with 400', async () => {
    const admin = await setupAdmin(t);
    const big = await upload(admin, Buffer.alloc(6 * 1024 * 1024, 65), 'big.csv');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('request.too_large');
    const json = await admin.request({ method: 'POST', url: '/api/danh-muc/import', body: { file: 'x' } });
    expect(json.statusCode).toBe(400);
  });

  it('lets only the administrator import', async () => {
    const admin = await setupAdmin(t);
    const clerk = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['VAN_THU'] });
    expect((await upload(clerk, await xlsxOf(ROWS), 'a.xlsx')).statusCode).toBe(403);
    expect((await clerk.request({ method: 'POST', url: '/api/danh-muc/samples' })).statusCode).toBe(403);
  });

  it('loads the LEGAL.md §3.4 samples marked as samples, and suggests items from a title (A2, A3)', async () => {
    const admin = await setupAdmin(t);
    expect((await admin.request({ method: 'POST', url: '/api/danh-muc/samples' })).json()).toEqual({ decisions: 4, items: 9 });
    expect((await admin.request({ method: 'POST', url: '/api/danh-muc/samples' })).json()).toEqual({ decisions: 0, items: 0 });
    const decisions = (await admin.request({ method: 'GET', url: '/api/danh-muc/decisions' })).json().decisions;
    expect(decisions.every((d: { isSample: boolean; sourceNote: string }) => d.isSample && d.sourceNote.includes('LEGAL.md'))).toBe(true);
    const clerk = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['VAN_THU'] });
    const res = (await clerk.request({ method: 'POST', url: '/api/danh-muc/suggest', body: { text: 'Đề thi và đáp án kỳ thi tốt nghiệp THPT năm 2026' } })).json();
    expect(res.suggestions[0]).toMatchObject({ decisionNumber: '531/QĐ-TTg', itemNo: '1', level: 'TOI_MAT' });
  });
});
