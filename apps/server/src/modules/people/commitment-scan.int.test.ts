import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, multipartFile, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const NOW = new Date('2026-11-23T03:00:00Z');
// A minimal but real PDF header and a PNG signature: the type is decided by content, not by name.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describe.each(DATABASE_KINDS)('signed commitment scans on %s', (kind) => {
  const t = useTestApp(kind, { now: NOW });

  async function world() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'STP', name: 'Sở Tư pháp' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SXD', name: 'Sở Xây dựng' });
    const officer = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'MAT' });
    const created = await officer.request({ method: 'POST', url: '/api/commitments', body: { personId: officer.personId, kind: 'ON_ASSIGNMENT', signedOn: '2026-11-20' } });
    return { admin, unit, other, officer, commitmentId: created.json().commitment.id as string };
  }

  it('R11.2: keeps the signed scan of a commitment, bound to its hash, and audits attaching and reading it', async () => {
    const { officer, commitmentId } = await world();
    const res = await officer.request({ method: 'POST', url: `/api/commitments/${commitmentId}/scan`, ...multipartFile(PDF, 'Bản cam kết đã ký.pdf') });
    expect(res.statusCode).toBe(200);
    expect(res.json().commitment.scan).toEqual({ name: 'Bản cam kết đã ký.pdf', size: PDF.length, mediaType: 'application/pdf', attachedAt: NOW.toISOString() });
    const listed = (await officer.request({ method: 'GET', url: '/api/commitments' })).json().commitments;
    expect(listed[0].scan.name).toBe('Bản cam kết đã ký.pdf');

    const download = await officer.request({ method: 'GET', url: `/api/commitments/${commitmentId}/scan` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const audit = await t.ctx.db.selectFrom('audit_records').select('type').where('type', 'like', 'commitment.scan%').orderBy('seq').execute();
    expect(audit.map((a) => a.type)).toEqual(['commitment.scan_attached', 'commitment.scan_downloaded']);
  });

  it('refuses a file that is not a PDF or an image whatever its name, and writes nothing', async () => {
    const { officer, commitmentId } = await world();
    const res = await officer.request({ method: 'POST', url: `/api/commitments/${commitmentId}/scan`, ...multipartFile(EXE, 'cam-ket.pdf') });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'file.unsupported_type', message: 'Chỉ nhận bản quét dạng PDF, JPEG, PNG hoặc TIFF' });
    expect(await t.ctx.db.selectFrom('stored_files').selectAll().execute()).toHaveLength(0);
    expect((await officer.request({ method: 'GET', url: '/api/commitments' })).json().commitments[0]).toMatchObject({ id: commitmentId, scan: null });
    const empty = await officer.request({ method: 'POST', url: `/api/commitments/${commitmentId}/scan`, ...multipartFile(Buffer.alloc(0), 'rong.pdf') });
    expect(empty.json().error.code).toBe('request.malformed');
    const notMultipart = await officer.request({ method: 'POST', url: `/api/commitments/${commitmentId}/scan`, body: { file: 'x' } });
    expect(notMultipart.json().error.code).toBe('request.malformed');
  });

  it('refuses an oversized upload cleanly (413) and keeps nothing', async () => {
    const { officer, commitmentId } = await world();
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    const res = await officer.request({ method: 'POST', url: `/api/commitments/${commitmentId}/scan`, ...multipartFile(big, 'to.pdf') });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('request.too_large');
    expect(await t.ctx.db.selectFrom('stored_files').selectAll().execute()).toHaveLength(0);
  });

  it('reports a scan changed on disk as damaged instead of serving it', async () => {
    const { officer, commitmentId } = await world();
    await officer.request({ method: 'POST', url: `/api/commitments/${commitmentId}/scan`, ...multipartFile(PDF, 'ck.pdf') });
    const row = await t.ctx.db.selectFrom('stored_files').select('sha256').executeTakeFirstOrThrow();
    const file = path.join(t.dataDir, 'files', row.sha256.slice(0, 2), row.sha256);
    fs.writeFileSync(file, Buffer.concat([PDF, Buffer.from('% thêm vào sau khi ký\n')]));
    const res = await officer.request({ method: 'GET', url: `/api/commitments/${commitmentId}/scan` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('file.damaged');
  });

  it("another unit's officer can neither attach nor read the scan (404)", async () => {
    const { other, officer, commitmentId } = await world();
    await officer.request({ method: 'POST', url: `/api/commitments/${commitmentId}/scan`, ...multipartFile(PDF, 'ck.pdf') });
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'TUYET_MAT' });
    expect((await outsider.request({ method: 'GET', url: `/api/commitments/${commitmentId}/scan` })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'POST', url: `/api/commitments/${commitmentId}/scan`, ...multipartFile(PDF, 'gia.pdf') })).statusCode).toBe(404);
    expect(await t.ctx.db.selectFrom('stored_files').selectAll().execute()).toHaveLength(1);
  });
});
