import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };

describe.each(DATABASE_KINDS)('stock-take (kiểm kê) on %s', (kind) => {
  const t = useTestApp(kind, { now: new Date('2026-11-23T03:00:00Z') });

  async function agency() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-TC', name: 'Sở Tài chính' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-XD', name: 'Sở Xây dựng' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const receive = async (soKyHieu: string, level: string, location: string | null) => {
      const { itemId } = (await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'Văn phòng Ủy ban nhân dân tỉnh', soKyHieu, level, trichYeu: `Tài liệu ${soKyHieu} về dự toán ngân sách`, condition: GOOD } })).json();
      if (location) await clerk.request({ method: 'POST', url: `/api/items/${itemId}/location`, body: { storageLocation: location } });
      return itemId as string;
    };
    const a = await receive('01/KH-UBND', 'MAT', 'Phòng 201, tủ sắt số 1');
    const b = await receive('02/BC-UBND', 'TOI_MAT', 'Phòng 201, tủ sắt số 2');
    const c = await receive('03/QĐ-UBND', 'MAT', 'Phòng 305, két sắt');
    return { admin, unit, other, clerk, a, b, c };
  }

  it('R6.1: lists the items held at a place, records the results in a batch, and closes cleanly when everything is found', async () => {
    const { unit, clerk, a, b } = await agency();
    const started = await clerk.request({ method: 'POST', url: '/api/stock-takes', body: { unitId: unit.id, title: 'Kiểm kê cuối năm 2026 — Phòng 201', locationPrefix: 'Phòng 201' } });
    expect(started.statusCode).toBe(200);
    const take = started.json().stockTake;
    expect(take.lines.map((l: { itemId: string }) => l.itemId).sort()).toEqual([a, b].sort());
    expect(take.counts).toEqual({ total: 2, unchecked: 2, present: 0, misplaced: 0, missing: 0 });

    const early = await clerk.request({ method: 'POST', url: `/api/stock-takes/${take.id}/close`, body: {} });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'stock_take.unchecked_lines', message: 'Còn 2 tài liệu chưa được kiểm kê: chưa kết thúc được đợt kiểm kê' });

    const batch = await clerk.request({ method: 'POST', url: `/api/stock-takes/${take.id}/lines`, body: { lineIds: take.lines.map((l: { id: string }) => l.id), result: 'PRESENT' } });
    expect(batch.json().stockTake.counts).toMatchObject({ unchecked: 0, present: 2 });
    const closed = (await clerk.request({ method: 'POST', url: `/api/stock-takes/${take.id}/close`, body: { note: 'Đủ tài liệu' } })).json().stockTake;
    expect(closed).toMatchObject({ status: 'CLOSED', incidentId: null, note: 'Đủ tài liệu' });
    const timeline = (await clerk.request({ method: 'GET', url: `/api/items/${a}/events` })).json().events;
    expect(timeline.find((e: { type: string }) => e.type === 'STOCK_CHECKED')).toMatchObject({ label: 'Kiểm kê', data: { result: 'PRESENT' } });
    const again = await clerk.request({ method: 'POST', url: `/api/stock-takes/${take.id}/lines`, body: { lineIds: [take.lines[0].id], result: 'MISSING' } });
    expect(again.json().error.code).toBe('stock_take.closed');
  });

  it('R6.1, R1.1: a misplaced item moves to where it was found; items not found open one incident of loss and become LOST', async () => {
    const { unit, clerk, a, b, c } = await agency();
    const take = (await clerk.request({ method: 'POST', url: '/api/stock-takes', body: { unitId: unit.id, title: 'Kiểm kê định kỳ' } })).json().stockTake;
    const line = (itemId: string) => take.lines.find((l: { itemId: string }) => l.itemId === itemId).id as string;
    const noPlace = await clerk.request({ method: 'POST', url: `/api/stock-takes/${take.id}/lines`, body: { lineIds: [line(b)], result: 'MISPLACED' } });
    expect(noPlace.json().error.details.issues).toEqual([{ path: ['foundLocation'], message: 'Ghi nơi thực tế tìm thấy tài liệu' }]);
    await clerk.request({ method: 'POST', url: `/api/stock-takes/${take.id}/lines`, body: { lineIds: [line(a)], result: 'PRESENT' } });
    await clerk.request({ method: 'POST', url: `/api/stock-takes/${take.id}/lines`, body: { lineIds: [line(b)], result: 'MISPLACED', foundLocation: 'Phòng 305, két sắt' } });
    await clerk.request({ method: 'POST', url: `/api/stock-takes/${take.id}/lines`, body: { lineIds: [line(c)], result: 'MISSING', note: 'Tìm khắp phòng không thấy' } });
    const closed = (await clerk.request({ method: 'POST', url: `/api/stock-takes/${take.id}/close`, body: {} })).json().stockTake;
    expect(closed.counts).toEqual({ total: 3, unchecked: 0, present: 1, misplaced: 1, missing: 1 });
    expect(closed.incidentId).toMatch(/^inc_/);

    expect((await clerk.request({ method: 'GET', url: `/api/items/${b}` })).json().item.storageLocation).toBe('Phòng 305, két sắt');
    const incident = (await clerk.request({ method: 'GET', url: `/api/incidents/${closed.incidentId}` })).json().incident;
    expect(incident).toMatchObject({ kind: 'MAT', source: 'STOCK_TAKE_MISSING' });
    expect(incident.items.map((i: { itemId: string }) => i.itemId)).toEqual([c]);
    expect((await clerk.request({ method: 'GET', url: `/api/items/${c}` })).json().item.status).toBe('LOST');
    // A lost item is no longer expected on the shelf at the next round.
    const next = (await clerk.request({ method: 'POST', url: '/api/stock-takes', body: { unitId: unit.id, title: 'Kiểm kê lại' } })).json().stockTake;
    expect(next.lines.map((l: { itemId: string }) => l.itemId).sort()).toEqual([a, b].sort());
  });

  it('prints the stock-take record as XLSX and PDF with the Vietnamese text, marked with the highest level, and audits it', async () => {
    const { unit, clerk } = await agency();
    const take = (await clerk.request({ method: 'POST', url: '/api/stock-takes', body: { unitId: unit.id, title: 'Kiểm kê quý IV' } })).json().stockTake;
    const xlsx = await clerk.request({ method: 'GET', url: `/api/stock-takes/${take.id}/record?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('TỐI MẬT');
    expect(sheet.getCell('A2').value).toBe('BIÊN BẢN KIỂM KÊ TÀI LIỆU, VẬT CHỨA BÍ MẬT NHÀ NƯỚC — KIỂM KÊ QUÝ IV');
    const cells = [6, 7, 8].flatMap((r) => sheet.getRow(r).values as unknown[]);
    expect(cells).toContain('Tài liệu 02/BC-UBND về dự toán ngân sách');
    expect(cells).toContain('Chưa kiểm kê');

    const pdf = await clerk.request({ method: 'GET', url: `/api/stock-takes/${take.id}/record?format=pdf` });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-stk-'));
    fs.writeFileSync(path.join(dir, 'bb.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'bb.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(text).toContain('TỐI MẬT');
    expect(text).toContain('Phòng 201, tủ sắt số 2');
    const audit = await t.ctx.db.selectFrom('audit_records').select('data').where('type', '=', 'stock_take.exported').execute();
    expect(audit.map((r) => JSON.parse(r.data).format)).toEqual(['xlsx', 'pdf']);
  });

  it('a clerk cleared only for Mật neither lists nor checks the Tối mật lines; another unit and plain staff find nothing', async () => {
    const { admin, unit, other, clerk, b } = await agency();
    const take = (await clerk.request({ method: 'POST', url: '/api/stock-takes', body: { unitId: unit.id, title: 'Kiểm kê' } })).json().stockTake;
    const low = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    const seen = (await low.request({ method: 'GET', url: `/api/stock-takes/${take.id}` })).json().stockTake;
    expect(seen.lines.map((l: { itemId: string }) => l.itemId)).not.toContain(b);
    expect(seen.counts.total).toBe(2);
    expect(JSON.stringify(seen)).not.toContain('02/BC-UBND');
    const hidden = take.lines.find((l: { itemId: string }) => l.itemId === b).id;
    const mark = await low.request({ method: 'POST', url: `/api/stock-takes/${take.id}/lines`, body: { lineIds: [hidden], result: 'MISSING' } });
    expect(mark.statusCode).toBe(404);
    expect((await t.ctx.db.selectFrom('stock_take_lines').select('result').where('id', '=', hidden).executeTakeFirstOrThrow()).result).toBeNull();
    const lowRecord = await low.request({ method: 'GET', url: `/api/stock-takes/${take.id}/record?format=xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(lowRecord.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('MẬT');

    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['VAN_THU', 'LANH_DAO'], clearance: 'TUYET_MAT' });
    const staff = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TUYET_MAT' });
    for (const who of [outsider, staff, admin]) {
      expect((await who.request({ method: 'GET', url: `/api/stock-takes/${take.id}` })).statusCode).toBe(404);
      expect((await who.request({ method: 'GET', url: `/api/stock-takes/${take.id}/record?format=xlsx` })).statusCode).toBe(404);
      expect((await who.request({ method: 'GET', url: '/api/stock-takes' })).json().stockTakes).toEqual([]);
    }
    expect((await outsider.request({ method: 'POST', url: '/api/stock-takes', body: { unitId: unit.id, title: 'Kiểm kê trái phép' } })).statusCode).toBe(403);
  });
});
