import ExcelJS from 'exceljs';
import { LIMITS } from '@bmnn/contracts';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type Client, createTestUnit, createUserAndLogin, DATABASE_KINDS, multipartFile, setupAdmin, type TestApp, useTestApp } from '../../testing/test-context.ts';

// An old incoming book as agencies keep it in Excel: headers in their own words and case.
const HEADER = ['Số đến', 'NGÀY ĐẾN', 'Nơi gửi', 'So, ky hieu', 'Ngày văn bản', 'Trích yếu nội dung', 'Độ mật', 'Số bản', 'Người nhận', 'Ghi chú'];
const ROWS: Array<Array<string | number>> = [
  [1, '05/01/2025', 'UBND tỉnh Bắc Giang', '03/KH-UBND', '02/01/2025', 'Kế hoạch kiểm tra công tác bảo vệ bí mật nhà nước', 'Mật', 2, '', ''],
  [2, '12/01/2025', 'Công an tỉnh', '15/CAT-PA03', '10/01/2025', 'Phương án bảo vệ kỳ thi tốt nghiệp', 'Tối mật', 1, 'Trần Thị Lưu', 'Nhận bản gốc'],
  [3, '20/02/2025', 'Bộ Công an', '7/BCA-A01', '18/02/2025', '', 'Tuyệt mật', 1, '', ''],
];

async function xlsxOf(header: Array<string | number>, rows: Array<Array<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ đến 2025');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(t: TestApp, client: Client, { file, name, options, url = '/api/register-import' }: { file: Buffer; name: string; options: Record<string, unknown> | null; url?: string }) {
  return client.request({ method: 'POST', url, ...multipartFile(file, name, options ? { options: JSON.stringify(options) } : {}) });
}

describe.each(DATABASE_KINDS)('importing old registers from Excel and CSV on %s', (kind) => {
  const t = useTestApp(kind, { now: new Date('2026-11-23T03:00:00Z') });

  async function office() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TUYET_MAT' });
    const { person } = await import('../people/people.usecases.ts').then((m) => m.createPerson(t.ctx, { actor: null, input: { fullName: 'Trần Thị Lưu', unitId: unit.id, clearance: 'TOI_MAT', handlesSecrets: true } }));
    const count = async () => (await t.ctx.db.selectFrom('items').select('id').execute()).length;
    return { admin, unit, clerk, luu: person, count };
  }

  it('proposes the column mapping from the header without accents, dry-runs, then imports every row as an item with its book line, audited once', async () => {
    const { unit, clerk, luu, count } = await office();
    const file = await xlsxOf(HEADER, ROWS);
    const dry = await upload(t, clerk, { file, name: 'so-den-2025.xlsx', options: { unitId: unit.id, book: 'DEN' } });
    expect(dry.statusCode).toBe(200);
    const answer = dry.json();
    expect(answer.mapping).toEqual({ bookSerial: 0, date: 1, issuer: 2, soKyHieu: 3, documentDate: 4, trichYeu: 5, level: 6, copies: 7, holder: 8, notes: 9 });
    expect(answer.columns[3]).toEqual({ index: 3, header: 'So, ky hieu' });
    expect(answer.report).toEqual({ ok: true, rows: 3, problems: [] });
    expect(answer.imported).toBeNull();
    expect(await count()).toBe(0);

    const done = (await upload(t, clerk, { file, name: 'so-den-2025.xlsx', options: { unitId: unit.id, book: 'DEN', mapping: answer.mapping, dryRun: false } })).json();
    expect(done.imported).toEqual({ items: 3, book: 'DEN' });
    const book = (await clerk.request({ method: 'GET', url: `/api/books/den?unitId=${unit.id}&year=2025` })).json().lines;
    expect(book.map((l: { serial: number; soKyHieu: string }) => [l.serial, l.soKyHieu])).toEqual([
      [1, '03/KH-UBND'],
      [2, '15/CAT-PA03'],
      [3, '7/BCA-A01'],
    ]);
    expect(book[1]).toMatchObject({ sender: 'Công an tỉnh', documentDate: '2025-01-10', trichYeu: 'Phương án bảo vệ kỳ thi tốt nghiệp', level: 'TOI_MAT', custodianName: 'Trần Thị Lưu', copies: 1, note: 'Nhận bản gốc' });
    const items = (await clerk.request({ method: 'GET', url: '/api/items?q=phuong an bao ve' })).json().items;
    expect(items).toEqual([expect.objectContaining({ soKyHieu: '15/CAT-PA03', status: 'RECEIVED', custodianId: luu.id })]);
    const events = (await clerk.request({ method: 'GET', url: `/api/items/${items[0].id}/events` })).json().events;
    expect(events).toEqual([expect.objectContaining({ type: 'IMPORTED', book: 'DEN', bookSerial: 2, data: expect.objectContaining({ source: 'so-den-2025.xlsx', sourceRow: 3 }) })]);
    // Registered on the book's date: the Thống kê of 2025 lists all three.
    expect((await clerk.request({ method: 'GET', url: `/api/books/thong-ke?unitId=${unit.id}&year=2025` })).json().lines).toHaveLength(3);
    const audit = await t.ctx.db.selectFrom('audit_records').select(['type', 'data']).where('type', '=', 'register.imported').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ book: 'DEN', items: 3, fileName: 'so-den-2025.xlsx' });

    // Importing the same book again: every line is already there, nothing is written.
    const again = (await upload(t, clerk, { file, name: 'so-den-2025.xlsx', options: { unitId: unit.id, book: 'DEN', dryRun: false } })).json();
    expect(again.imported).toBeNull();
    expect(again.report.problems).toContainEqual({ row: 2, column: 'Số, ký hiệu', message: 'Đã có trong Sổ đăng ký BMNN đến: 03/KH-UBND ngày 05/01/2025' });
    expect(again.report.problems).toContainEqual({ row: 2, column: 'Số thứ tự trong sổ', message: 'Số thứ tự 1 năm 2025 đã có trong Sổ đăng ký BMNN đến' });
    expect(await count()).toBe(3);
  });

  it('R7.2: reports every wrong row in Vietnamese (bad date, unknown level, missing field, duplicate, Tuyệt mật summary) and imports nothing', async () => {
    const { unit, clerk, count } = await office();
    const bad = [
      ...ROWS,
      [4, '31/02/2025', 'Sở Tài chính', '20/STC', '', 'Dự toán', 'Mật', 1, '', ''],
      [5, '01/03/2025', 'Sở Tài chính', '21/STC', '', 'Dự toán', 'Khẩn', 1, '', ''],
      [6, '02/03/2025', 'Sở Tài chính', '', '', 'Dự toán', 'Mật', 1, '', ''],
      [7, '05/01/2025', 'UBND tỉnh Bắc Giang', '03/KH-UBND', '', 'Trùng dòng 2', 'Mật', 1, '', ''],
      [8, '03/03/2025', 'Bộ Quốc phòng', '9/BQP', '', 'Kế hoạch tác chiến', 'Tuyệt mật', 1, '', ''],
    ];
    const res = (await upload(t, clerk, { file: await xlsxOf(HEADER, bad), name: 'sai.xlsx', options: { unitId: unit.id, book: 'DEN', dryRun: false } })).json();
    expect(res.imported).toBeNull();
    expect(res.report.ok).toBe(false);
    expect(res.report.problems).toEqual(
      expect.arrayContaining([
        { row: 5, column: 'Ngày vào sổ', message: 'Ngày không hợp lệ: "31/02/2025" (cần dd/mm/yyyy)' },
        { row: 6, column: 'Độ mật', message: 'Độ mật không hợp lệ: "Khẩn" (Mật, Tối mật hoặc Tuyệt mật)' },
        { row: 7, column: 'Số, ký hiệu', message: 'Thiếu số, ký hiệu' },
        { row: 8, column: 'Số, ký hiệu', message: 'Trùng với dòng 2 (cùng số, ký hiệu, ngày và nơi gửi)' },
        expect.objectContaining({ row: 9, column: 'Trích yếu', message: expect.stringContaining('Không ghi trích yếu đối với bí mật nhà nước độ Tuyệt mật') }),
      ]),
    );
    expect(res.report.problems).toHaveLength(5);
    expect(await count()).toBe(0);
    expect(await t.ctx.db.selectFrom('item_events').select('id').execute()).toHaveLength(0);

    // The error report, as XLSX, marked with the highest level it read.
    const report = await upload(t, clerk, { file: await xlsxOf(HEADER, bad), name: 'sai.xlsx', options: { unitId: unit.id, book: 'DEN' }, url: '/api/register-import/report' });
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => cells.push((row.values as unknown[]).slice(1).map(String).join(' | ')));
    expect(cells[0]).toMatch(/^TUYỆT MẬT/);
    expect(cells.join('\n')).toContain('Độ mật không hợp lệ: "Khẩn" (Mật, Tối mật hoặc Tuyệt mật)');
    expect(cells.join('\n')).toContain('5 lỗi: chưa nhập dòng nào');
    expect(await t.ctx.db.selectFrom('audit_records').select('type').where('type', '=', 'register.import_report_exported').execute()).toHaveLength(1);
  });

  it('writes all rows or none: a failure while writing the last book line leaves no item, no line and no audit record', async () => {
    const { unit, clerk, count } = await office();
    // The database refuses the book line of the last row, after the items have been inserted.
    if (kind === 'sqlite') {
      await sql`create trigger refuse_last_line before insert on item_events when new.data like '%7/BCA-A01%' begin select raise(abort, 'refused for the test'); end`.execute(t.ctx.db);
    } else {
      await sql`create function refuse_last_line() returns trigger language plpgsql as $$ begin if new.data like '%7/BCA-A01%' then raise exception 'refused for the test'; end if; return new; end $$`.execute(t.ctx.db);
      await sql`create trigger refuse_last_line before insert on item_events for each row execute function refuse_last_line()`.execute(t.ctx.db);
    }
    const res = await upload(t, clerk, { file: await xlsxOf(HEADER, ROWS), name: 'so-den-2025.xlsx', options: { unitId: unit.id, book: 'DEN', dryRun: false } });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal');
    expect(await count()).toBe(0);
    expect(await t.ctx.db.selectFrom('item_events').select('id').execute()).toHaveLength(0);
    expect(await t.ctx.db.selectFrom('audit_records').select('id').where('type', '=', 'register.imported').execute()).toHaveLength(0);
  });

  it('imports an outgoing book from a Vietnamese CSV with the mapping the person chose, numbering after the book’s last line', async () => {
    const { unit, clerk, count } = await office();
    const csv = Buffer.from(
      '\ufeff' +
        ['Văn bản số;Ngày phát hành;Về việc;Mức độ;Gửi tới', '01/BC-SNV;10/11/2026;Báo cáo tình hình bảo vệ bí mật nhà nước;Mật;UBND tỉnh', '02/KH-SNV;11/11/2026;"Kế hoạch tự kiểm tra; năm 2026";Tối mật;Công an tỉnh'].join('\r\n'),
      'utf8',
    );
    const proposed = (await upload(t, clerk, { file: csv, name: 'so-di.csv', options: { unitId: unit.id, book: 'DI' } })).json();
    expect(proposed.columns.map((c: { header: string }) => c.header)).toEqual(['Văn bản số', 'Ngày phát hành', 'Về việc', 'Mức độ', 'Gửi tới']);
    expect(proposed.mapping).toMatchObject({ date: 1, soKyHieu: null, level: null });
    expect(proposed.report.problems).toContainEqual({ row: 1, column: 'Số, ký hiệu', message: 'Chưa chọn cột cho "Số, ký hiệu" (bắt buộc)' });

    const mapping = { ...proposed.mapping, soKyHieu: 0, trichYeu: 2, level: 3, holder: 4 };
    const earlier = Buffer.from('Văn bản số;Ngày phát hành;Về việc;Mức độ;Gửi tới\n09/TB-SNV;05/11/2026;Thông báo;Mật;Sở Tư pháp\n', 'utf8');
    expect((await upload(t, clerk, { file: earlier, name: 'so-di-truoc.csv', options: { unitId: unit.id, book: 'DI', mapping, dryRun: false } })).json().imported).toEqual({ items: 1, book: 'DI' });
    const done = (await upload(t, clerk, { file: csv, name: 'so-di.csv', options: { unitId: unit.id, book: 'DI', mapping, dryRun: false } })).json();
    expect(done.report.problems).toEqual([]);
    expect(done.imported).toEqual({ items: 2, book: 'DI' });
    const lines = (await clerk.request({ method: 'GET', url: `/api/books/di?unitId=${unit.id}&year=2026` })).json().lines;
    expect(lines).toEqual([
      expect.objectContaining({ serial: 1, soKyHieu: '09/TB-SNV' }),
      expect.objectContaining({ serial: 2, soKyHieu: '01/BC-SNV', date: '2026-11-10', trichYeu: 'Báo cáo tình hình bảo vệ bí mật nhà nước', level: 'MAT', envelopeMark: 'C', recipients: ['UBND tỉnh'] }),
      expect.objectContaining({ serial: 3, soKyHieu: '02/KH-SNV', trichYeu: 'Kế hoạch tự kiểm tra; năm 2026', level: 'TOI_MAT', envelopeMark: 'B', recipients: ['Công an tỉnh'] }),
    ]);
    expect(await count()).toBe(3);
  });

  it('refuses cleanly what it must not read or write: oversized, too many rows, corrupt, not multipart, no options, staff, another unit, a level above clearance', async () => {
    const { admin, unit, clerk, count } = await office();
    const options = { unitId: unit.id, book: 'DEN', dryRun: false };
    const big = await upload(t, clerk, { file: Buffer.alloc(LIMITS.importFileMaxBytes + 1024, 65), name: 'big.csv', options });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('request.too_large');

    const many = Buffer.from(['Số, ký hiệu,Ngày đến,Nơi gửi,Độ mật', ...Array.from({ length: LIMITS.importRowsMax + 1 }, (_, i) => `${i}/X,01/01/2025,A,Mật`)].join('\n'));
    const tooMany = (await upload(t, clerk, { file: many, name: 'many.csv', options })).json();
    expect(tooMany.report.problems).toEqual([{ row: 0, column: null, message: `Tệp có quá nhiều dòng (tối đa ${LIMITS.importRowsMax})` }]);

    const corrupt = (await upload(t, clerk, { file: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 9)]), name: 'hong.xlsx', options })).json();
    expect(corrupt.report.problems[0].message).toBe('Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx');
    const binary = (await upload(t, clerk, { file: Buffer.from([0, 159, 146, 150, 0, 1]), name: 'x.bin', options })).json();
    expect(binary.report.problems[0].message).toBe('Không đọc được tệp: chỉ nhận Excel (.xlsx) hoặc CSV mã hóa UTF-8');

    const json = await clerk.request({ method: 'POST', url: '/api/register-import', body: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('request.malformed');
    const noOptions = await upload(t, clerk, { file: await xlsxOf(HEADER, ROWS), name: 'a.xlsx', options: null });
    expect(noOptions.json().error.code).toBe('request.malformed');
    const badOptions = await upload(t, clerk, { file: await xlsxOf(HEADER, ROWS), name: 'a.xlsx', options: { unitId: unit.id, book: 'SO_KHAC' } });
    expect(badOptions.json().error.code).toBe('validation.failed');

    const staff = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TUYET_MAT' });
    expect((await upload(t, staff, { file: await xlsxOf(HEADER, ROWS), name: 'a.xlsx', options })).statusCode).toBe(403);
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-TC', name: 'Sở Tài chính' });
    const otherClerk = await createUserAndLogin(t, { unitId: other.id, roles: ['VAN_THU'], clearance: 'TUYET_MAT' });
    expect((await upload(t, otherClerk, { file: await xlsxOf(HEADER, ROWS), name: 'a.xlsx', options })).statusCode).toBe(403);

    const lowClerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    const low = (await upload(t, lowClerk, { file: await xlsxOf(HEADER, ROWS), name: 'a.xlsx', options })).json();
    expect(low.imported).toBeNull();
    expect(low.report.problems).toContainEqual({ row: 3, column: 'Độ mật', message: 'Bạn không được tiếp cận bí mật nhà nước độ Tối mật: không nhập được dòng này' });
    expect(await count()).toBe(0);
  });
});
