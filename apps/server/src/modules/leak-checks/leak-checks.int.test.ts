// Checking a file before publication (DESIGN.md §6) through the API: the leak checker's decision
// on real fixture files, kept bound to the file's hash and the people, on both databases.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, multipartFile, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const NOW = new Date('2026-12-06T03:00:00Z');
const corpus = path.resolve(import.meta.dirname, '../../../../../packages/scanner/fixtures/corpus');
const fixture = (name: string) => fs.readFileSync(path.join(corpus, name));
const STAMPED = fixture('p01-stamp-under-number.docx'); // "MẬT" under "Số: …", red: block, level Mật
const LAW = fixture('n01-law-levels.docx'); // a law that defines the three levels: pass
const ENCRYPTED = fixture('x06-encrypted.docx'); // cannot be read: review, never pass
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

describe.each(DATABASE_KINDS)('checking files before publication on %s', (kind) => {
  const t = useTestApp(kind, { now: NOW });

  async function world() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'STT', name: 'Sở Thông tin' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SXD', name: 'Sở Xây dựng' });
    const editor = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'] });
    const officer = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'MAT' });
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'MAT' });
    return { admin, unit, other, editor, officer, head, outsider };
  }

  it('blocks a document stamped MẬT, says which rule, where and why, and keeps the decision bound to its SHA-256', async () => {
    const { editor, unit } = await world();
    const res = await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(STAMPED, 'Quyết định số 12.docx') });
    expect(res.statusCode).toBe(200);
    const check = res.json().check;
    expect(check).toMatchObject({ unitId: unit.id, fileName: 'Quyết định số 12.docx', size: STAMPED.length, sha256: sha(STAMPED), fileType: 'docx', decision: 'block', mayPublish: false, conclusion: null, incidentId: null, alreadyPublished: false });
    expect(check.findings[0]).toMatchObject({ ruleId: 'bmnn.level-stamp', level: 'MAT', decision: 'block', excerpt: 'MẬT' });
    expect(check.findings[0].location).toBe('bảng, dòng 4 (word/document.xml)');
    expect(check.findings[0].evidence).toContain('màu đỏ');
    // The file itself is not kept, nor its text anywhere on disk.
    expect(fs.existsSync(path.join(t.dataDir, 'files'))).toBe(false);
    expect(fs.readdirSync(path.join(t.dataDir, 'tmp'))).toEqual([]);
    const audit = await t.ctx.db.selectFrom('audit_records').select(['type', 'chain', 'data']).where('type', '=', 'leak_check.checked').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.chain).toBe(unit.id);
    expect(JSON.parse(String(audit[0]?.data))).toMatchObject({ sha256: sha(STAMPED), decision: 'block', findings: 1 });

    const byHash = (await editor.request({ method: 'GET', url: `/api/leak-checks?sha256=${sha(STAMPED).toUpperCase()}` })).json();
    expect(byHash.total).toBe(1);
    expect(byHash.checks[0].id).toBe(check.id);
  });

  it('passes a law that only talks about the three levels, and a file that cannot be read is never a pass', async () => {
    const { editor } = await world();
    const law = (await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(LAW, 'Luật.docx') })).json().check;
    expect(law).toMatchObject({ decision: 'pass', findings: [], mayPublish: true });
    const locked = (await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(ENCRYPTED, 'co-mat-khau.docx') })).json().check;
    expect(locked).toMatchObject({ decision: 'review', mayPublish: false });
    expect(locked.problems[0]).toMatchObject({ code: 'file.encrypted' });
    expect(locked.problems[0].message).toContain('mật khẩu');
  });

  it('R13.1: a blocked file that is already on the portal opens a disclosure incident at once, in the same record', async () => {
    const { editor, officer } = await world();
    const check = (await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(STAMPED, 'da-dang.docx', { alreadyPublished: 'true' }) })).json().check;
    expect(check.alreadyPublished).toBe(true);
    expect(check.incidentId).toMatch(/^inc/);
    const incident = (await officer.request({ method: 'GET', url: `/api/incidents/${check.incidentId}` })).json().incident;
    expect(incident).toMatchObject({ kind: 'LO', channel: 'INTERNET', subChannel: 'AGENCY_PORTAL', source: 'PORTAL_LEAK' });
    expect(incident.circumstances).toContain(check.sha256);
    // A file that passes opens nothing even when it is already published.
    const law = (await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(LAW, 'luat.docx', { alreadyPublished: 'true' }) })).json().check;
    expect(law.incidentId).toBeNull();
    const bad = await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(LAW, 'luat.docx', { alreadyPublished: 'co' }) });
    expect(bad.statusCode).toBe(400);
    expect(await t.ctx.db.selectFrom('leak_checks').selectAll().execute()).toHaveLength(2);
  });

  it('a reviewer concludes what the checker could not clear; clearing a blocked file is the head’s alone, with a reason, once', async () => {
    const { editor, officer, head } = await world();
    const locked = (await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(ENCRYPTED, 'a.docx') })).json().check;
    const stamped = (await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(STAMPED, 'b.docx') })).json().check;
    const law = (await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(LAW, 'c.docx') })).json().check;

    const byEditor = await editor.request({ method: 'POST', url: `/api/leak-checks/${locked.id}/conclusion`, body: { conclusion: 'ALLOW', reason: 'Đã xem bản gốc' } });
    expect(byEditor.statusCode).toBe(403);
    const noReason = await officer.request({ method: 'POST', url: `/api/leak-checks/${locked.id}/conclusion`, body: { conclusion: 'ALLOW', reason: '  ' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].message).toBe('Lý do không được để trống');
    const ok = await officer.request({ method: 'POST', url: `/api/leak-checks/${locked.id}/conclusion`, body: { conclusion: 'ALLOW', reason: 'Đã xem bản gốc không đặt mật khẩu: không có dấu độ mật' } });
    expect(ok.json().check).toMatchObject({ conclusion: 'ALLOW', mayPublish: true, concludedByName: expect.stringContaining('Cán bộ') });
    const again = await officer.request({ method: 'POST', url: `/api/leak-checks/${locked.id}/conclusion`, body: { conclusion: 'WITHHOLD', reason: 'Đổi ý' } });
    expect(again.json().error.code).toBe('leak_check.already_concluded');

    const officerAllowsBlocked = await officer.request({ method: 'POST', url: `/api/leak-checks/${stamped.id}/conclusion`, body: { conclusion: 'ALLOW', reason: 'Nhầm' } });
    expect(officerAllowsBlocked.statusCode).toBe(403);
    expect(officerAllowsBlocked.json().error.code).toBe('leak_check.head_required');
    const headAllows = await head.request({ method: 'POST', url: `/api/leak-checks/${stamped.id}/conclusion`, body: { conclusion: 'ALLOW', reason: 'Chữ MẬT là tên đơn vị cũ trên mẫu in, không phải dấu độ mật' } });
    expect(headAllows.json().check).toMatchObject({ conclusion: 'ALLOW', mayPublish: true });

    const passed = await officer.request({ method: 'POST', url: `/api/leak-checks/${law.id}/conclusion`, body: { conclusion: 'WITHHOLD', reason: 'x' } });
    expect(passed.json().error.code).toBe('leak_check.nothing_to_conclude');

    const open = (await officer.request({ method: 'GET', url: '/api/leak-checks?open=true' })).json();
    expect(open.total).toBe(0);
    // Waiting for a reviewer means "to review": a blocked file stays unpublished without one.
    const another = (await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(STAMPED, 'd.docx') })).json().check;
    const locked2 = (await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(ENCRYPTED, 'e.docx') })).json().check;
    const waiting = (await officer.request({ method: 'GET', url: '/api/leak-checks?open=true' })).json();
    expect(waiting.checks.map((c: { id: string }) => c.id)).toEqual([locked2.id]);
    expect(another.mayPublish).toBe(false);
    const concluded = await t.ctx.db.selectFrom('audit_records').select('type').where('type', '=', 'leak_check.concluded').execute();
    expect(concluded).toHaveLength(2);
  });

  it("a check is seen by whoever made it and the unit's security officer, not by another unit or a plain colleague (404)", async () => {
    const { editor, officer, outsider, unit } = await world();
    const colleague = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'] });
    const check = (await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(STAMPED, 'b.docx') })).json().check;
    expect((await officer.request({ method: 'GET', url: `/api/leak-checks/${check.id}` })).statusCode).toBe(200);
    for (const reader of [outsider, colleague]) {
      const res = await reader.request({ method: 'GET', url: `/api/leak-checks/${check.id}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('leak_check.not_found');
      expect((await reader.request({ method: 'GET', url: '/api/leak-checks' })).json()).toEqual({ checks: [], total: 0 });
      const conclude = await reader.request({ method: 'POST', url: `/api/leak-checks/${check.id}/conclusion`, body: { conclusion: 'ALLOW', reason: 'Không có gì' } });
      expect(conclude.statusCode).toBe(404);
    }
    expect((await editor.request({ method: 'GET', url: '/api/leak-checks' })).json().total).toBe(1);
  });

  it('refuses an oversized upload (413), an empty one and a bad hash query cleanly, keeping nothing', async () => {
    const { editor, admin } = await world();
    const big = await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(Buffer.alloc(25 * 1024 * 1024 + 1, 0x41), 'lon.txt') });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('request.too_large');
    const empty = await editor.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(Buffer.alloc(0), 'rong.docx') });
    expect(empty.json().error.code).toBe('request.malformed');
    const badHash = await editor.request({ method: 'GET', url: '/api/leak-checks?sha256=abc' });
    expect(badHash.statusCode).toBe(400);
    expect(badHash.json().error.details.issues[0].message).toBe('Mã băm SHA-256 phải gồm 64 chữ số hệ 16');
    const byAdmin = await admin.request({ method: 'POST', url: '/api/leak-checks', ...multipartFile(LAW, 'luat.docx') });
    expect(byAdmin.statusCode).toBe(403);
    expect(await t.ctx.db.selectFrom('leak_checks').selectAll().execute()).toHaveLength(0);
  });
});
