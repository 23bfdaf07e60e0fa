import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

// A printout streams its lines from the database page by page (2,000 lines a page): a book
// longer than a page prints every line once, in order, with the serials of the book, and the
// Thống kê numbers its lines continuously across pages; lines the reader may not see are absent.

const LINES = 2_345;

describe.each(DATABASE_KINDS)('printing a book longer than one page on %s', (kind) => {
  const t = useTestApp(kind);

  async function bigBook() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'VPTU', name: 'Văn phòng Tỉnh ủy' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const year = 2025;
    const items = [];
    const events = [];
    for (let n = 1; n <= LINES; n++) {
      // Every 100th item is Tuyệt mật: above the clerk's clearance, so not printed.
      const level = n % 100 === 0 ? 'TUYET_MAT' : n % 7 === 0 ? 'TOI_MAT' : 'MAT';
      const at = new Date(Date.UTC(year, 0, 2) + n * 60_000).toISOString();
      const id = `itm_print${String(n).padStart(6, '0')}xxxxxxxx`;
      items.push({ id, unit_id: unit.id, level, so_ky_hieu: `${n}/CV-UBND`, so_ky_hieu_folded: `${n}/cv-ubnd`, trich_yeu: level === 'TUYET_MAT' ? null : `Công văn số ${n} về công tác bảo vệ bí mật nhà nước`, trich_yeu_folded: null, trich_yeu_consent_by: null, custodian_id: null, status: 'RECEIVED', created_by: 'x', created_at: at, updated_at: at });
      events.push({ id: `evt_print${String(n).padStart(6, '0')}xxxxxxxx`, unit_id: unit.id, item_id: id, type: 'RECEIVED', occurred_at: at, recorded_at: at, actor_id: null, data: JSON.stringify({ sender: 'Ủy ban nhân dân tỉnh', receivedBy: 'x', condition: { envelopeIntact: true, countMatches: true, packagingCorrect: true }, note: null }), corrects_event_id: null, book: 'DEN', book_year: year, book_serial: n });
    }
    for (let i = 0; i < LINES; i += 200) await t.ctx.db.insertInto('items').values(items.slice(i, i + 200)).execute();
    for (let i = 0; i < LINES; i += 200) await t.ctx.db.insertInto('item_events').values(events.slice(i, i + 200)).execute();
    const visible = Array.from({ length: LINES }, (_, i) => i + 1).filter((n) => n % 100 !== 0);
    return { unit, clerk, year, visible };
  }

  async function sheetOf(res: { statusCode: number; rawPayload: Buffer }) {
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb.worksheets[0]!;
  }

  it('prints every visible line of the incoming book once, in serial order, and audits the count', async () => {
    const { unit, clerk, year, visible } = await bigBook();
    const sheet = await sheetOf(await clerk.request({ method: 'GET', url: `/api/books/den/export?unitId=${unit.id}&year=${year}&format=xlsx` }));
    expect(sheet.getCell('A1').value).toBe('TỐI MẬT');
    const serials = [];
    for (let r = 6; r <= sheet.rowCount; r++) serials.push(Number(sheet.getRow(r).getCell(1).value));
    expect(serials).toEqual(visible);
    const audit = await t.ctx.db.selectFrom('audit_records').select('data').where('type', '=', 'book.exported').execute();
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ lines: visible.length, highestLevel: 'TOI_MAT' });
  });

  it('numbers the Thống kê continuously across pages', async () => {
    const { unit, clerk, year, visible } = await bigBook();
    const sheet = await sheetOf(await clerk.request({ method: 'GET', url: `/api/books/thong-ke/export?unitId=${unit.id}&year=${year}&format=xlsx` }));
    const rows = [];
    for (let r = 6; r <= sheet.rowCount; r++) rows.push([Number(sheet.getRow(r).getCell(1).value), String(sheet.getRow(r).getCell(2).value)]);
    expect(rows.map(([serial]) => serial)).toEqual(visible.map((_, i) => i + 1));
    expect(rows.map(([, soKyHieu]) => soKyHieu)).toEqual(visible.map((n) => `${n}/CV-UBND`));
  });
});
