import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

describe.each(DATABASE_KINDS)('the audit trail on %s', (kind) => {
  const t = useTestApp(kind);

  it('writes one record per change into the chain of the unit concerned, linked to the previous one', async () => {
    const admin = await setupAdmin(t);
    const unit = (await admin.request({ method: 'POST', url: '/api/units', body: { code: 'SO-NV', name: 'Sở Nội vụ', kind: 'SO_BAN_NGANH', parentId: admin.provinceId } })).json().unit;
    await admin.request({ method: 'POST', url: '/api/people', body: { fullName: 'Trần Văn Bình', unitId: unit.id } });
    const chain = await t.ctx.db.selectFrom('audit_records').selectAll().where('chain', '=', unit.id).orderBy('seq').execute();
    expect(chain.map((r) => r.type)).toEqual(['unit.created', 'person.created']);
    expect(chain[1]!.prev_hash).toBe(chain[0]!.hash);
    const head = await t.ctx.db.selectFrom('audit_heads').selectAll().where('chain', '=', unit.id).executeTakeFirstOrThrow();
    expect(head).toMatchObject({ seq: 2, hash: chain[1]!.hash });
  });

  it('fails the change when its audit record cannot be written, leaving nothing half-written', async () => {
    const admin = await setupAdmin(t);
    await sql`alter table audit_records rename to audit_records_gone`.execute(t.ctx.db);
    const res = await admin.request({ method: 'POST', url: '/api/people', body: { fullName: 'Không Được Lưu', unitId: admin.provinceId } });
    expect(res.statusCode).toBe(500);
    await sql`alter table audit_records_gone rename to audit_records`.execute(t.ctx.db);
    expect(await t.ctx.db.selectFrom('people').select('id').where('full_name', '=', 'Không Được Lưu').execute()).toHaveLength(0);
  });

  it('lists records with filters for the province-wide roles, the scope for a head, and nothing for staff', async () => {
    const admin = await setupAdmin(t);
    const a = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-A', name: 'Sở A' });
    const b = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-B', name: 'Sở B' });
    const all = (await admin.request({ method: 'GET', url: '/api/audit?pageSize=200' })).json();
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.records[0].summary).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵ]|Tạo|Đăng/);
    const leader = await createUserAndLogin(t, { unitId: a.id, roles: ['LANH_DAO'] });
    const scoped = (await leader.request({ method: 'GET', url: '/api/audit?pageSize=200' })).json();
    expect(new Set(scoped.records.map((r: { chain: string }) => r.chain))).toEqual(new Set([a.id]));
    expect((await leader.request({ method: 'GET', url: `/api/audit?unitId=${b.id}` })).json().total).toBe(0);
    const staff = await createUserAndLogin(t, { unitId: a.id, roles: ['CAN_BO'] });
    expect((await staff.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    const byType = (await admin.request({ method: 'GET', url: '/api/audit?type=unit.created' })).json();
    expect(byType.records.every((r: { type: string }) => r.type === 'unit.created')).toBe(true);
  });

  it('verifies through the API and reports a tampered chain', async () => {
    const admin = await setupAdmin(t);
    const ok = (await admin.request({ method: 'POST', url: '/api/audit/verify', body: {} })).json();
    expect(ok.reports.every((r: { ok: boolean }) => r.ok)).toBe(true);
    await t.ctx.db.updateTable('audit_records').set({ data: '{"username":"ke-gian"}' }).where('type', '=', 'setup.completed').execute();
    const broken = (await admin.request({ method: 'POST', url: '/api/audit/verify', body: {} })).json();
    expect(broken.reports.find((r: { chain: string }) => r.chain === 'system')).toMatchObject({ ok: false, firstBreak: { seq: 1, kind: 'EDITED' } });
  });
});

describe('the audit viewer helpers', () => {
  it('names the chain of each record and lists every event type with a Vietnamese label', async () => {
    const t = await createTestApp('sqlite');
    try {
      const admin = await setupAdmin(t);
      const records = (await admin.request({ method: 'GET', url: '/api/audit' })).json().records as Array<{ chain: string; chainName: string }>;
      expect(records.find((r) => r.chain === 'system')?.chainName).toBe('Hệ thống');
      expect(records.find((r) => r.chain === admin.provinceId)?.chainName).toBe('Tỉnh Bắc Ninh');
      const types = (await admin.request({ method: 'GET', url: '/api/audit/types' })).json().types as Array<{ type: string; label: string }>;
      expect(types.find((x) => x.type === 'auth.login_failed')?.label).toBe('Đăng nhập không thành công');
      expect(types.every((x) => x.label.length > 0)).toBe(true);
    } finally {
      await t.close();
    }
  });
});
