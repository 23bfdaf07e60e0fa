import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };

describe.each(DATABASE_KINDS)('printing the books on %s', (kind) => {
  const t = useTestApp(kind);

  async function bookWithLines() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const receive = (body: Record<string, unknown>) => clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'Văn phòng Ủy ban nhân dân tỉnh', soKyHieu: '15/KH-UBND', level: 'MAT', trichYeu: 'Kế hoạch kiểm tra công tác bảo vệ bí mật nhà nước năm 2026', condition: GOOD, ...body } });
    await receive({});
    await receive({ soKyHieu: '07/BC-CAT', level: 'TOI_MAT', trichYeu: 'Báo cáo tình hình an ninh nội bộ quý IV', documentDate: '2026-11-02' });
    return { unit, clerk, year: new Date().getFullYear() };
  }

  it('exports the incoming book to XLSX that reads back with the Vietnamese text, marked with its highest level', async () => {
    const { unit, clerk, year } = await bookWithLines();
    const res = await clerk.request({ method: 'GET', url: `/api/books/den/export?unitId=${unit.id}&year=${year}&format=xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`so-den-${year}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('TỐI MẬT');
    expect(sheet.getCell('A2').value).toBe('SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐẾN');
    expect(sheet.getRow(5).getCell(1).value).toBe('Số đến');
    const values = [6, 7].map((r) => sheet.getRow(r).values as unknown[]);
    expect(values[0]).toContain('Văn phòng Ủy ban nhân dân tỉnh');
    expect(values[1]).toContain('Báo cáo tình hình an ninh nội bộ quý IV');
    expect(values[1]).toContain('02/11/2026');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    const audit = await t.ctx.db.selectFrom('audit_records').select('data').where('type', '=', 'book.exported').execute();
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ format: 'xlsx', lines: 2, highestLevel: 'TOI_MAT' });
  });

  it('exports the incoming book to a PDF whose text layer has correct Vietnamese (checked with pdftotext)', async () => {
    const { unit, clerk, year } = await bookWithLines();
    const res = await clerk.request({ method: 'GET', url: `/api/books/den/export?unitId=${unit.id}&year=${year}&format=pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-pdf-'));
    const file = path.join(dir, 'so-den.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(text).toContain('TỐI MẬT');
    expect(text).toContain('SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐẾN');
    expect(text).toContain('Sở Nội vụ');
    expect(text).toMatch(/Báo cáo tình hình an ninh/);
    expect(text).toContain('Trang 1/1');
  });

  it('leaves out of a printout the lines the reader may not see, and marks it with what remains', async () => {
    const { unit, year } = await bookWithLines();
    const lowClerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    const res = await lowClerk.request({ method: 'GET', url: `/api/books/den/export?unitId=${unit.id}&year=${year}&format=xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('MẬT');
    expect(sheet.rowCount).toBe(6);
    expect(JSON.stringify(sheet.getRow(6).values)).not.toContain('07/BC-CAT');
  });

  it('refuses an unknown format and a reader outside the unit', async () => {
    const { unit, clerk, year } = await bookWithLines();
    expect((await clerk.request({ method: 'GET', url: `/api/books/den/export?unitId=${unit.id}&year=${year}&format=docm` })).statusCode).toBe(400);
    const other = await createUserAndLogin(t, { unitId: (await createTestUnit(t, { parentId: null, code: 'X', name: 'Khác', kind: 'TINH' })).id, roles: ['VAN_THU'], clearance: 'TUYET_MAT' });
    expect((await other.request({ method: 'GET', url: `/api/books/den/export?unitId=${unit.id}&year=${year}&format=pdf` })).statusCode).toBe(403);
  });
});
