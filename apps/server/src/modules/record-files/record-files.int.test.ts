import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, type Client, type TestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };

async function sheetText(payload: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const lines: string[] = [];
  wb.worksheets[0]!.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))).join(' | ')));
  return lines.join('\n');
}

/** The text layer (pdftotext) and the page count (pdfinfo) of a PDF. */
function pdfText(payload: Buffer): { text: string; pages: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-pdf-'));
  const file = path.join(dir, 'x.pdf');
  fs.writeFileSync(file, payload);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  fs.rmSync(dir, { recursive: true, force: true });
  return { text, pages };
}

describe.each(DATABASE_KINDS)('files and archive (lập hồ sơ, nộp lưu) on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
    // A clock that ticks, so that events keep their order on the timeline.
    let tick = 0;
    t.setClock(() => new Date(Date.parse('2026-11-23T03:00:00Z') + 1000 * tick++));
  });
  afterEach(async () => {
    await t.close();
  });

  async function office() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const archivist = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    const receive = async (soKyHieu: string, level: string, trichYeu = 'Kế hoạch bảo vệ bí mật nhà nước năm 2026') =>
      (await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'UBND tỉnh', soKyHieu, level, trichYeu, documentDate: '2026-11-02', condition: GOOD } })).json().itemId as string;
    const mat = await receive('12/KH-UBND', 'MAT');
    const toiMat = await receive('15/KH-UBND', 'TOI_MAT', 'Phương án sắp xếp tổ chức bộ máy');
    const create = async (client: Client, code = '01.VP', keeperId = clerk.personId) =>
      client.request({ method: 'POST', url: '/api/files', body: { unitId: unit.id, code, title: 'Hồ sơ công tác bảo vệ bí mật nhà nước năm 2026', year: 2026, keeperId, retentionYears: null } });
    return { admin, unit, clerk, archivist, receive, mat, toiMat, create };
  }

  it('groups items into a file marked with their highest level; each addition is on the item timeline; closing stops changes', async () => {
    const { clerk, mat, toiMat, create } = await office();
    const created = await create(clerk);
    expect(created.statusCode).toBe(200);
    const fileId = created.json().file.id as string;
    expect(created.json().file).toMatchObject({ code: '01.VP', status: 'OPEN', highestLevel: null, itemCount: 0, retentionYears: null });
    const added = (await clerk.request({ method: 'POST', url: `/api/files/${fileId}/items`, body: { itemIds: [mat, toiMat] } })).json();
    expect(added.file).toMatchObject({ highestLevel: 'TOI_MAT', itemCount: 2 });
    expect(added.items.map((i: { soKyHieu: string }) => i.soKyHieu).sort()).toEqual(['12/KH-UBND', '15/KH-UBND']);
    const timeline = (await clerk.request({ method: 'GET', url: `/api/items/${mat}/events` })).json().events;
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(['RECEIVED', 'FILED']);
    expect(timeline[1]).toMatchObject({ label: 'Đưa vào hồ sơ', data: { fileId, fileCode: '01.VP' } });

    const removed = await clerk.request({ method: 'POST', url: `/api/files/${fileId}/remove-items`, body: { itemIds: [mat], reason: 'Đưa nhầm hồ sơ' } });
    expect(removed.json().file).toMatchObject({ highestLevel: 'TOI_MAT', itemCount: 1 });
    const again = (await clerk.request({ method: 'GET', url: `/api/items/${mat}/events` })).json().events;
    expect(again.at(-1)).toMatchObject({ type: 'UNFILED', data: { reason: 'Đưa nhầm hồ sơ' } });
    await clerk.request({ method: 'POST', url: `/api/files/${fileId}/items`, body: { itemIds: [mat] } });

    expect((await clerk.request({ method: 'POST', url: `/api/files/${fileId}/close` })).json().file).toMatchObject({ status: 'CLOSED', closedOn: '2026-11-23' });
    const late = await clerk.request({ method: 'POST', url: `/api/files/${fileId}/items`, body: { itemIds: [mat] } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('record_file.wrong_status');
    const list = (await clerk.request({ method: 'GET', url: '/api/files?year=2026' })).json().files;
    expect(list).toEqual([expect.objectContaining({ id: fileId, status: 'CLOSED', highestLevel: 'TOI_MAT', itemCount: 2 })]);
    const audit = await t.ctx.db.selectFrom('audit_records').select('type').where('type', 'like', 'file.%').orderBy('seq').execute();
    expect(audit.map((a) => a.type)).toEqual(['file.created', 'file.items_added', 'file.items_removed', 'file.items_added', 'file.closed']);
  });

  it('refuses an item of another unit, an item already in another file, a keeper without clearance, and files made by staff', async () => {
    const { admin, unit, clerk, archivist, mat, toiMat, create } = await office();
    const fileId = (await create(clerk)).json().file.id as string;
    await clerk.request({ method: 'POST', url: `/api/files/${fileId}/items`, body: { itemIds: [mat] } });
    const second = (await create(clerk, '02.VP')).json().file.id as string;
    const twice = await clerk.request({ method: 'POST', url: `/api/files/${second}/items`, body: { itemIds: [mat] } });
    expect(twice.json().error).toMatchObject({ code: 'record_file.item_refused', message: 'Tài liệu 12/KH-UBND đã nằm trong một hồ sơ khác' });
    expect((await create(clerk, '01.VP')).json().error.code).toBe('record_file.code_taken');

    const lowKeeper = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'MAT' });
    const third = (await create(clerk, '03.VP', lowKeeper.personId)).json().file.id as string;
    const refused = await clerk.request({ method: 'POST', url: `/api/files/${third}/items`, body: { itemIds: [toiMat] } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('không được tiếp cận');

    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-TC', name: 'Sở Tài chính' });
    const otherClerk = await createUserAndLogin(t, { unitId: other.id, roles: ['VAN_THU', 'LANH_DAO'], clearance: 'TOI_MAT' });
    const foreign = (await otherClerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: other.id, sender: 'Bộ Tài chính', soKyHieu: '99/BTC', level: 'MAT', condition: GOOD } })).json().itemId as string;
    // The clerk cannot see the other unit's item at all: "not found", nothing added.
    expect((await clerk.request({ method: 'POST', url: `/api/files/${second}/items`, body: { itemIds: [foreign] } })).json().error.code).toBe('item.not_found');
    expect((await create(archivist)).statusCode).toBe(403);
    expect(await t.ctx.db.selectFrom('record_file_items').select('item_id').execute()).toHaveLength(1);
  });

  it('transfers closed files to the archive: handover lines, archive location, level and protection unchanged; printable record and file list', async () => {
    const { unit, clerk, archivist, mat, toiMat, create } = await office();
    const fileId = (await create(clerk)).json().file.id as string;
    await clerk.request({ method: 'POST', url: `/api/files/${fileId}/items`, body: { itemIds: [mat, toiMat] } });
    const before = await t.ctx.db.selectFrom('items').select(['id', 'level', 'protection_end', 'status']).where('id', 'in', [mat, toiMat]).orderBy('id').execute();
    const body = { fileIds: [fileId], transferredOn: '2026-11-23', archiveName: 'Lưu trữ cơ quan Sở Nội vụ', recordNo: '05/BB-LT', receivedByPersonId: archivist.personId, location: 'Kho 1, giá 2, hộp 15' };
    const open = await clerk.request({ method: 'POST', url: '/api/archive-transfers', body });
    expect(open.json().error).toMatchObject({ code: 'record_file.wrong_status' });
    await clerk.request({ method: 'POST', url: `/api/files/${fileId}/close` });

    const lowArchivist = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'MAT' });
    const notCleared = await clerk.request({ method: 'POST', url: '/api/archive-transfers', body: { ...body, receivedByPersonId: lowArchivist.personId } });
    expect(notCleared.json().error.code).toBe('register.recipient_not_cleared');
    expect(await t.ctx.db.selectFrom('archive_transfers').select('id').execute()).toHaveLength(0);

    const res = await clerk.request({ method: 'POST', url: '/api/archive-transfers', body });
    expect(res.statusCode).toBe(200);
    const transfer = res.json().transfer;
    expect(transfer).toMatchObject({ recordNo: '05/BB-LT', archiveName: 'Lưu trữ cơ quan Sở Nội vụ', highestLevel: 'TOI_MAT', files: [expect.objectContaining({ id: fileId, status: 'ARCHIVED', archivedOn: '2026-11-23', archiveLocation: 'Kho 1, giá 2, hộp 15; hồ sơ 01.VP' })] });
    const after = await t.ctx.db.selectFrom('items').select(['id', 'level', 'protection_end', 'status', 'storage_location', 'custodian_id']).where('id', 'in', [mat, toiMat]).orderBy('id').execute();
    expect(after.map(({ id, level, protection_end, status }) => ({ id, level, protection_end, status }))).toEqual(before);
    expect(after.every((i) => i.storage_location === 'Lưu trữ cơ quan Sở Nội vụ: Kho 1, giá 2, hộp 15; hồ sơ 01.VP' && i.custodian_id === archivist.personId)).toBe(true);
    const handover = (await clerk.request({ method: 'GET', url: `/api/books/chuyen-giao?unitId=${unit.id}&year=2026` })).json().lines;
    expect(handover).toHaveLength(2);
    expect(handover[0]).toMatchObject({ toName: `Cán bộ ${archivist.username}`, note: 'Nộp lưu hồ sơ 01.VP theo biên bản số 05/BB-LT' });
    const events = (await clerk.request({ method: 'GET', url: `/api/items/${toiMat}/events` })).json().events.map((e: { type: string }) => e.type);
    expect(events).toEqual(['RECEIVED', 'FILED', 'HANDED_OVER', 'ARCHIVED']);

    const xlsx = await clerk.request({ method: 'GET', url: `/api/archive-transfers/${transfer.id}/export?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const record = await sheetText(xlsx.rawPayload);
    expect(record.split('\n')[0]).toMatch(/^TỐI MẬT( \| TỐI MẬT)*$/);
    expect(record).toContain('BIÊN BẢN GIAO NHẬN HỒ SƠ NỘP LƯU');
    expect(record).toContain('Hồ sơ công tác bảo vệ bí mật nhà nước năm 2026');
    expect(record).toContain('Số: 05/BB-LT — Ngày 23/11/2026');
    const { text: pdf, pages } = pdfText((await clerk.request({ method: 'GET', url: `/api/files/${fileId}/export?format=pdf` })).rawPayload);
    // One page for two lines: the footer does not spill onto a blank page.
    expect(pages).toBe(1);
    expect(pdf).toContain('TỐI MẬT');
    expect(pdf).toContain('MỤC LỤC VĂN BẢN TRONG HỒ SƠ');
    expect(pdf).toContain('Phương án sắp xếp tổ chức bộ máy');
    expect(pdf).toContain('Thời hạn bảo quản: Vĩnh viễn');
    const exports = await t.ctx.db.selectFrom('audit_records').select(['type', 'data']).where('type', 'in', ['archive.transferred', 'archive.record_exported', 'file.exported']).orderBy('seq').execute();
    expect(exports.map((e) => e.type)).toEqual(['archive.transferred', 'archive.record_exported', 'file.exported']);
    expect(JSON.parse(exports[2]!.data)).toMatchObject({ format: 'pdf', lines: 2, highestLevel: 'TOI_MAT' });
  });

  it('a reader without clearance or need-to-know finds nothing: direct URL, list, export and handover record answer not found', async () => {
    const { unit, clerk, archivist, mat, toiMat, create } = await office();
    const fileId = (await create(clerk)).json().file.id as string;
    await clerk.request({ method: 'POST', url: `/api/files/${fileId}/items`, body: { itemIds: [mat, toiMat] } });
    await clerk.request({ method: 'POST', url: `/api/files/${fileId}/close` });
    const transferId = (await clerk.request({ method: 'POST', url: '/api/archive-transfers', body: { fileIds: [fileId], transferredOn: '2026-11-23', archiveName: 'Lưu trữ cơ quan', recordNo: '06/BB-LT', receivedByPersonId: archivist.personId, location: 'Kho 1' } })).json().transfer.id as string;

    const none = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'NONE' });
    // Cleared for Tối mật but no reason to see either item (not custodian, no grant, not the clerk).
    const noNeed = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    // Holds the Mật item, but the file is Tối mật: the file's level is above the clearance.
    const matOnly = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'MAT' });
    await t.ctx.db.updateTable('items').set({ custodian_id: matOnly.personId }).where('id', '=', mat).execute();
    for (const reader of [none, noNeed, matOnly]) {
      for (const url of [`/api/files/${fileId}`, `/api/files/${fileId}/export?format=xlsx`, `/api/files/${fileId}/export?format=pdf`]) {
        const res = await reader.request({ method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
        expect(res.json().error.code).toBe('record_file.not_found');
      }
      expect((await reader.request({ method: 'GET', url: '/api/files' })).json().files).toEqual([]);
      for (const url of [`/api/archive-transfers/${transferId}`, `/api/archive-transfers/${transferId}/export?format=pdf`]) {
        expect((await reader.request({ method: 'GET', url })).json().error.code).toBe('archive.not_found');
      }
    }
    const exports = await t.ctx.db.selectFrom('audit_records').select('type').where('type', 'in', ['file.exported', 'file.viewed', 'archive.record_exported']).execute();
    expect(exports).toHaveLength(0);
    // A clerk of the unit cleared only for Mật: writing through the Tối mật file is "not found" too.
    const anotherClerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    for (const [url, body] of [
      [`/api/files/${fileId}/items`, { itemIds: [mat] }],
      [`/api/files/${fileId}/remove-items`, { itemIds: [mat], reason: 'Thử' }],
      [`/api/files/${fileId}/close`, undefined],
      ['/api/archive-transfers', { fileIds: [fileId], transferredOn: '2026-11-23', archiveName: 'X', recordNo: '1', receivedByPersonId: none.personId, location: 'Y' }],
    ] as const) {
      const res = await anotherClerk.request({ method: 'POST', url, body });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('record_file.not_found');
    }
    expect(await t.ctx.db.selectFrom('archive_transfers').select('id').execute()).toHaveLength(1);

    // The archivist holds the Tối mật item (the Mật one was moved above) and sees the file with it
    // only; a grant-holder of one item in the file, cleared for its level, likewise.
    expect((await archivist.request({ method: 'GET', url: `/api/files/${fileId}` })).json().items.map((i: { itemId: string }) => i.itemId)).toEqual([toiMat]);
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
    await head.request({ method: 'POST', url: `/api/items/${toiMat}/grants`, body: { personId: noNeed.personId, expiresAt: '2026-12-31', reason: 'Tham mưu' } });
    const partial = (await noNeed.request({ method: 'GET', url: `/api/files/${fileId}` })).json();
    expect(partial.file).toMatchObject({ highestLevel: 'TOI_MAT', itemCount: 1 });
    expect(partial.items.map((i: { itemId: string }) => i.itemId)).toEqual([toiMat]);
    expect((await noNeed.request({ method: 'GET', url: '/api/files' })).json().files).toEqual([expect.objectContaining({ id: fileId, itemCount: 1 })]);
    const list = await sheetText((await noNeed.request({ method: 'GET', url: `/api/files/${fileId}/export?format=xlsx` })).rawPayload);
    expect(list).toContain('15/KH-UBND');
    expect(list).not.toContain('12/KH-UBND');
  });
});
