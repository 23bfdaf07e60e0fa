import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientFrom, createTestApp, createTestUnit, createUserAndLogin, DATABASE_KINDS, sessionCookieOf, setupAdmin, STRONG_PASSWORD, type TestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };
const EXECUTION = { method: 'SHRED', place: 'Phòng văn thư, Sở Nội vụ', witnesses: ['Nguyễn Văn Chứng', 'Lê Thị Kiến'], irrecoverable: true };

/** The text layer of a PDF, read back with pdftotext (poppler), wrapped lines joined by one space. */
function pdfText(payload: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-print-'));
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, payload);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The visible text of word/document.xml, runs joined. */
async function docxText(payload: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(payload)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').normalize('NFC');
}

describe.each(DATABASE_KINDS)('printing stamps, labels and records of an item on %s', (kind) => {
  let t: TestApp;
  let now: Date;
  beforeEach(async () => {
    t = await createTestApp(kind);
    now = new Date('2026-11-23T03:00:00Z');
    t.setClock(() => now);
  });
  afterEach(async () => {
    await t.close();
  });

  async function office() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
    const member = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    await admin.request({ method: 'POST', url: '/api/authorities', body: { personId: head.personId, positionKeys: ['NGUOI_DUNG_DAU'], validFrom: '2025-07-01' } });
    const receive = async (level = 'TOI_MAT', soKyHieu = '15/KH-UBND') =>
      (await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'Văn phòng Ủy ban nhân dân tỉnh', soKyHieu, level, trichYeu: 'Kế hoạch bảo vệ bí mật nhà nước năm 2027', documentDate: '2026-11-02', condition: GOOD } })).json().itemId as string;
    return { admin, unit, clerk, head, member, receive };
  }

  it('R4.5: prints the level stamp "TỐI MẬT" as a PDF whose text reads back, and audits the print with its level', async () => {
    const { clerk, receive } = await office();
    const itemId = await receive();
    const list = (await clerk.request({ method: 'GET', url: `/api/items/${itemId}/printables` })).json().printables as Array<{ kind: string; available: boolean; reason: string | null }>;
    expect(list.find((p) => p.kind === 'dau-do-mat')).toMatchObject({ available: true });
    expect(list.find((p) => p.kind === 'giai-mat')).toMatchObject({ available: false, reason: 'Tài liệu chưa được giải mật (R9.4, R9.5)' });
    const res = await clerk.request({ method: 'GET', url: `/api/items/${itemId}/printables/dau-do-mat.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('DẤU CHỈ ĐỘ MẬT');
    expect(text.match(/TỐI MẬT/g)!.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('15/KH-UBND ngày 02/11/2026');
    expect(text).toContain('Mẫu 02 (theo Thông tư 24/2020/TT-BCA) — Phụ lục Nghị định số 63/2026/NĐ-CP');
    const audit = await t.ctx.db.selectFrom('audit_records').select(['data', 'subject_id']).where('type', '=', 'item.printed').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.data)).toEqual({ kind: 'dau-do-mat', format: 'pdf', level: 'TOI_MAT', subjectId: null });
  });

  it('answers 404 to a person who may not see the item, for the list and every printable, and audits nothing', async () => {
    const { unit, receive } = await office();
    const itemId = await receive('TOI_MAT');
    const low = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    const stranger = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TUYET_MAT' });
    for (const who of [low, stranger]) {
      expect((await who.request({ method: 'GET', url: `/api/items/${itemId}/printables` })).statusCode).toBe(404);
      for (const file of ['dau-do-mat.pdf', 'giai-mat.pdf', 'bien-ban-tieu-huy.docx', 'khong-co.pdf']) {
        const res = await who.request({ method: 'GET', url: `/api/items/${itemId}/printables/${file}` });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('item.not_found');
      }
    }
    expect(await t.ctx.db.selectFrom('audit_records').select('id').where('type', '=', 'item.printed').execute()).toEqual([]);
  });

  it('R5.7: a numbered copy prints "BẢN SAO SỐ: 2" and the Văn bản trích sao; the original has no copy number to print (409)', async () => {
    const { clerk, receive } = await office();
    const itemId = await receive();
    const copy = { id: 'itm_copy2', n: 2 };
    const parent = await t.ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirstOrThrow();
    await t.ctx.db.insertInto('items').values({ ...parent, id: copy.id, so_ky_hieu: '15/KH-UBND (Bản sao số 2)', so_ky_hieu_folded: '15/kh-ubnd (ban sao so 2)', parent_id: itemId, copy_number: copy.n, custodian_id: null }).execute();
    const stamp = pdfText((await clerk.request({ method: 'GET', url: `/api/items/${copy.id}/printables/ban-sao-so.pdf` })).rawPayload);
    expect(stamp).toContain('BẢN SAO SỐ: 2');
    const extract = pdfText((await clerk.request({ method: 'GET', url: `/api/items/${copy.id}/printables/trich-sao.pdf` })).rawPayload);
    expect(extract).toContain('VĂN BẢN TRÍCH SAO');
    expect(extract).toContain('Trích sao từ: văn bản số 15/KH-UBND ngày 02/11/2026 của Văn phòng Ủy ban nhân dân tỉnh');
    expect(extract).toContain('Hình thức sao: Trích sao');
    const original = await clerk.request({ method: 'GET', url: `/api/items/${itemId}/printables/ban-sao-so.pdf` });
    expect(original.statusCode).toBe(409);
    expect(original.json().error).toMatchObject({ code: 'printable.not_available', message: 'Chỉ in cho bản sao đã được đánh số (R5.7)' });
  });

  it('R9.1, R9.2, R9.5: period and extension stamps, then the "GIẢI MẬT / Từ: <date>" stamp of the declassification decision', async () => {
    const { admin, unit, member, clerk } = await office();
    await admin.request({ method: 'POST', url: '/api/danh-muc/samples' });
    const dm = ((await admin.request({ method: 'GET', url: '/api/danh-muc/items?q=in sao de thi' })).json().items as Array<{ id: string }>)[0]!.id;
    const drafter = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    const leaderNow = async () => {
      const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: STRONG_PASSWORD } });
      await clientFrom(t.app, sessionCookieOf(login), login.json().csrfToken).request({ method: 'POST', url: '/api/authorities', body: { personId: head.personId, positionKeys: ['NGUOI_DUNG_DAU'], validFrom: '2025-07-01' } });
      return head;
    };
    const first = await leaderNow();
    const { itemId } = (await drafter.request({ method: 'POST', url: '/api/register/propose', body: { unitId: unit.id, trichYeu: 'Phương án in sao đề thi', danhMucItemIds: [dm], proposedLevel: 'MAT', recipients: [{ name: 'Hội đồng thi' }], copies: 1, copyPermitted: false, drafterName: 'Trần Soạn' } })).json();
    await first.request({ method: 'POST', url: `/api/items/${itemId}/determine` });
    const period = pdfText((await first.request({ method: 'GET', url: `/api/items/${itemId}/printables/thoi-han-bao-ve.pdf` })).rawPayload);
    expect(period).toContain('THỜI HẠN BẢO VỆ BÍ MẬT NHÀ NƯỚC');
    expect(period).toContain('Đến hết ngày: 23/11/2036');
    expect((await first.request({ method: 'GET', url: `/api/items/${itemId}/printables/gia-han.pdf` })).json().error.code).toBe('printable.not_available');
    // R7.3: once in the outgoing book, the envelope label with the mark C.
    expect((await clerk.request({ method: 'GET', url: `/api/items/${itemId}/printables/nhan-bi.pdf` })).json().error.message).toContain('Chưa vào sổ đi');
    expect((await clerk.request({ method: 'POST', url: `/api/items/${itemId}/register-outgoing`, body: { soKyHieu: '25/PA-SNV', documentDate: '2026-11-23' } })).statusCode).toBe(200);
    const envelope = pdfText((await clerk.request({ method: 'GET', url: `/api/items/${itemId}/printables/nhan-bi.pdf` })).rawPayload);
    expect(envelope).toContain('NHÃN BÌ TÀI LIỆU BÍ MẬT NHÀ NƯỚC');
    expect(envelope).toContain('Nơi nhận 1: Hội đồng thi');
    expect(envelope).toMatch(/dấu: C\b/);

    now = new Date('2036-06-01T03:00:00Z');
    const head = await leaderNow();
    expect((await head.request({ method: 'POST', url: `/api/items/${itemId}/extend`, body: { years: 5, decisionRef: '02/QĐ-SNV' } })).statusCode).toBe(200);
    const extension = pdfText((await head.request({ method: 'GET', url: `/api/items/${itemId}/printables/gia-han.pdf` })).rawPayload);
    expect(extension).toContain('GIA HẠN THỜI HẠN BẢO VỆ BÍ MẬT NHÀ NƯỚC');
    expect(extension).toContain('Đến hết ngày: 23/11/2041');
    expect(extension).toContain('Theo: 02/QĐ-SNV');

    now = new Date('2037-01-05T03:00:00Z');
    const decider = await leaderNow();
    const memberNow = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    const declassified = await decider.request({ method: 'POST', url: `/api/items/${itemId}/declassify`, body: { reason: 'NATIONAL_INTEREST', decisionRef: '03/QĐ-SNV', chairId: decider.personId, memberIds: [memberNow.personId, member.personId] } });
    expect(declassified.statusCode).toBe(200);
    const stamp = pdfText((await decider.request({ method: 'GET', url: `/api/items/${itemId}/printables/giai-mat.pdf` })).rawPayload);
    expect(stamp).toContain('GIẢI MẬT');
    expect(stamp).toContain('Từ: 05/01/2037');
    expect(stamp).toContain('Theo quyết định số 03/QĐ-SNV');
    expect(stamp).toContain('Mẫu 05');
    expect(stamp).toContain('30 × 13 mm');
  });

  it('R10.4, R10.2: the council minutes and the destruction record are DOCX files listing the items, marked with the highest level', async () => {
    const { unit, clerk, head, member, receive } = await office();
    const items = [await receive('TOI_MAT', '1/KH'), await receive('MAT', '2/BC')];
    const { caseId } = (await clerk.request({ method: 'POST', url: '/api/destructions', body: { unitId: unit.id, itemIds: items } })).json();
    expect((await clerk.request({ method: 'GET', url: `/api/items/${items[1]}/printables/bien-ban-hoi-dong.docx` })).json().error.code).toBe('printable.not_available');
    await head.request({ method: 'POST', url: `/api/destructions/${caseId}/council`, body: { councilRef: '04/QĐ-SNV', chairId: head.personId, memberIds: [member.personId, clerk.personId] } });
    await member.request({ method: 'POST', url: `/api/destructions/${caseId}/review`, body: { minutes: 'Hội đồng thống nhất đề nghị tiêu hủy 02 tài liệu hết giá trị sử dụng.' } });
    const council = await clerk.request({ method: 'GET', url: `/api/items/${items[1]}/printables/bien-ban-hoi-dong.docx` });
    expect(council.statusCode).toBe(200);
    expect(council.headers['content-type']).toContain('wordprocessingml');
    const councilText = await docxText(council.rawPayload);
    expect(councilText).toMatch(/^TỐI MẬT/);
    expect(councilText).toContain('Họp Hội đồng tiêu hủy tài liệu, vật chứa bí mật nhà nước');
    expect(councilText).toContain('quyết định thành lập Hội đồng tiêu hủy số 04/QĐ-SNV');
    expect(councilText).toContain('Hội đồng thống nhất đề nghị tiêu hủy 02 tài liệu hết giá trị sử dụng.');
    expect(councilText).toContain('1/KH');
    expect(councilText).toContain('2/BC');
    await head.request({ method: 'POST', url: `/api/destructions/${caseId}/decide`, body: { decisionRef: '05/QĐ-SNV' } });
    await clerk.request({ method: 'POST', url: `/api/destructions/${caseId}/execute`, body: EXECUTION });
    const record = await docxText((await clerk.request({ method: 'GET', url: `/api/items/${items[0]}/printables/bien-ban-tieu-huy.docx` })).rawPayload);
    expect(record).toContain('Tiêu hủy tài liệu, vật chứa bí mật nhà nước');
    expect(record).toContain('Thực hiện quyết định tiêu hủy số 05/QĐ-SNV');
    expect(record).toContain('Người chứng kiến 1: Nguyễn Văn Chứng');
    expect(record).toContain('không thể phục hồi');
    const audit = await t.ctx.db.selectFrom('audit_records').select('data').where('type', '=', 'item.printed').orderBy('seq').execute();
    expect(audit.map((a) => JSON.parse(a.data))).toEqual([
      { kind: 'bien-ban-hoi-dong', format: 'docx', level: 'TOI_MAT', subjectId: caseId },
      { kind: 'bien-ban-tieu-huy', format: 'docx', level: 'TOI_MAT', subjectId: caseId },
    ]);
  });

  it('R8.2, R8.4: the take-out and provision requests are DOCX files with the requester, items, purpose and commitment', async () => {
    const { unit, clerk, receive } = await office();
    const itemId = await receive('MAT', '9/TB');
    const out = await clerk.request({ method: 'POST', url: '/api/take-outs', body: { unitId: unit.id, itemIds: [itemId], purpose: 'Phục vụ họp giao ban tại tỉnh', destination: 'Trụ sở Ủy ban nhân dân tỉnh', fromDate: '2026-11-24', toDate: '2026-11-25', protectionMeasures: 'Cặp tài liệu có khóa, luôn mang theo người' } });
    expect(out.statusCode).toBe(200);
    const takeOut = await docxText((await clerk.request({ method: 'GET', url: `/api/items/${itemId}/printables/de-nghi-mang-ra.docx` })).rawPayload);
    expect(takeOut).toMatch(/^MẬT/);
    expect(takeOut).toContain('Mang tài liệu, vật chứa bí mật nhà nước ra khỏi nơi lưu giữ để phục vụ công tác trong nước');
    expect(takeOut).toContain('Mục đích: Phục vụ họp giao ban tại tỉnh');
    expect(takeOut).toContain('Thời gian: từ ngày 24/11/2026 đến ngày 25/11/2026');
    expect(takeOut).toContain('9/TB');
    const provided = await clerk.request({ method: 'POST', url: '/api/provisions', body: { unitId: unit.id, itemIds: [itemId], foreign: false, requesterBody: 'Sở Tư pháp', representative: 'Phạm Văn Đề', position: 'Phó Giám đốc', purpose: 'Thẩm định dự thảo', commitment: true } });
    expect(provided.statusCode).toBe(200);
    const provision = await docxText((await clerk.request({ method: 'GET', url: `/api/items/${itemId}/printables/de-nghi-cung-cap.docx` })).rawPayload);
    expect(provision).toContain('VĂN BẢN ĐỀ NGHỊ');
    expect(provision).toContain('Người đại diện: Phạm Văn Đề, chức vụ: Phó Giám đốc');
    expect(provision).toContain('Chúng tôi cam kết bảo vệ bí mật nhà nước được cung cấp, chuyển giao');
  });
});
