import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };
const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|').normalize('NFC');

describe.each(DATABASE_KINDS)('the books as DOCX on %s', (kind) => {
  const t = useTestApp(kind);

  it('R7.5, §15: exports the incoming book to a landscape DOCX table with the level mark in the header and correct Vietnamese', async () => {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const receive = (body: Record<string, unknown>) => clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'Văn phòng Ủy ban nhân dân tỉnh', soKyHieu: '15/KH-UBND', level: 'MAT', trichYeu: 'Kế hoạch kiểm tra công tác bảo vệ bí mật nhà nước năm 2026', condition: GOOD, ...body } });
    await receive({});
    await receive({ soKyHieu: '07/BC-CAT', level: 'TOI_MAT', trichYeu: 'Báo cáo tình hình an ninh nội bộ quý IV', documentDate: '2026-11-02' });
    const year = new Date().getFullYear();
    const res = await clerk.request({ method: 'GET', url: `/api/books/den/export?unitId=${unit.id}&year=${year}&format=docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(`so-den-${year}.docx`);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(document).toContain('<w:tblHeader/>');
    const body = text(document);
    expect(body).toContain('SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐẾN');
    expect(body).toContain('Sở Nội vụ — Năm');
    expect(body).toContain('Số đến|Ngày đến|Cơ quan, tổ chức gửi');
    expect(body).toContain('Văn phòng Ủy ban nhân dân tỉnh');
    expect(body).toContain('Báo cáo tình hình an ninh nội bộ quý IV');
    expect(body).toContain('02/11/2026');
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(headers.map(text).join('')).toContain('TỐI MẬT');
    expect(headers.join('')).toContain('w:val="D00000"');
    const audit = await t.ctx.db.selectFrom('audit_records').select('data').where('type', '=', 'book.exported').execute();
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ format: 'docx', lines: 2, highestLevel: 'TOI_MAT' });
  });

  it('refuses an unknown format with a Vietnamese message', async () => {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    const res = await clerk.request({ method: 'GET', url: `/api/books/den/export?unitId=${unit.id}&year=2026&format=odt` });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('Định dạng chỉ nhận xlsx, pdf hoặc docx');
  });
});
