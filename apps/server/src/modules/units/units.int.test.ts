import { describe, expect, it } from 'vitest';
import { createTestApp, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

describe.each(DATABASE_KINDS)('the unit tree on %s', (kind) => {
  const t = useTestApp(kind);

  it('refuses to create a district-level unit for new data (LEGAL.md R1.2)', async () => {
    const admin = await setupAdmin(t);
    const res = await admin.request({ method: 'POST', url: '/api/units', body: { code: 'H-YD', name: 'Huyện Yên Dũng', kind: 'HUYEN', parentId: admin.provinceId } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(res.json().error.details.issues[0].path).toEqual(['kind']);
  });

  it('refuses a duplicate unit code with a field error', async () => {
    const admin = await setupAdmin(t);
    const body = { code: 'SO-TC', name: 'Sở Tài chính', kind: 'SO_BAN_NGANH', parentId: admin.provinceId };
    expect((await admin.request({ method: 'POST', url: '/api/units', body })).statusCode).toBe(200);
    const dup = await admin.request({ method: 'POST', url: '/api/units', body: { ...body, name: 'Khác' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('unit.code_taken');
  });

  it('marks a merged province defunct with its successor; its old name still finds the successor (LEGAL.md R1.3)', async () => {
    const admin = await setupAdmin(t);
    const old = (await admin.request({ method: 'POST', url: '/api/units', body: { code: 'BG', name: 'Tỉnh Bắc Giang', kind: 'TINH', parentId: null, validFrom: '1997-01-01' } })).json().unit;
    const defunct = await admin.request({ method: 'POST', url: `/api/units/${old.id}/defunct`, body: { successorId: admin.provinceId, effectiveDate: '2025-07-01', reason: 'Hợp nhất theo Nghị quyết của Quốc hội' } });
    expect(defunct.json().unit).toMatchObject({ validTo: '2025-07-01', successorId: admin.provinceId });

    const live = (await admin.request({ method: 'GET', url: '/api/units?q=bac giang' })).json().units;
    expect(live.map((u: { id: string }) => u.id)).toEqual([admin.provinceId]);
    expect(live[0].formerNames).toContain('Tỉnh Bắc Giang');
    const withDefunct = (await admin.request({ method: 'GET', url: '/api/units?q=BAC%20GIANG&includeDefunct=true' })).json().units;
    expect(withDefunct.map((u: { id: string }) => u.id).sort()).toEqual([admin.provinceId, old.id].sort());
    // A defunct unit takes no new children.
    const child = await admin.request({ method: 'POST', url: '/api/units', body: { code: 'X', name: 'X', kind: 'XA', parentId: old.id } });
    expect(child.json().error.code).toBe('unit.defunct');
  });

  it('moves a unit within the tree and keeps where it was in its history; refuses cycles', async () => {
    const admin = await setupAdmin(t);
    const a = (await admin.request({ method: 'POST', url: '/api/units', body: { code: 'SO-A', name: 'Sở A', kind: 'SO_BAN_NGANH', parentId: admin.provinceId } })).json().unit;
    const b = (await admin.request({ method: 'POST', url: '/api/units', body: { code: 'SO-B', name: 'Sở B', kind: 'SO_BAN_NGANH', parentId: admin.provinceId } })).json().unit;
    const room = (await admin.request({ method: 'POST', url: '/api/units', body: { code: 'P-1', name: 'Phòng Hành chính', kind: 'PHONG_BAN', parentId: a.id } })).json().unit;
    const moved = await admin.request({ method: 'POST', url: `/api/units/${room.id}/move`, body: { parentId: b.id, effectiveDate: '2026-11-01' } });
    expect(moved.json().unit.parentId).toBe(b.id);
    const detail = (await admin.request({ method: 'GET', url: `/api/units/${room.id}` })).json();
    expect(detail.history.map((h: { change: string }) => h.change)).toEqual(['CREATED', 'MOVED']);
    expect(detail.history[1]).toMatchObject({ effectiveDate: '2026-11-01', before: { parentId: a.id }, after: { parentId: b.id } });
    const cycle = await admin.request({ method: 'POST', url: `/api/units/${b.id}/move`, body: { parentId: room.id, effectiveDate: '2026-11-02' } });
    expect(cycle.json().error.code).toBe('unit.move_cycle');
  });

  it('keeps a renamed unit findable by its former name and flags key posts', async () => {
    const admin = await setupAdmin(t);
    const u = (await admin.request({ method: 'POST', url: '/api/units', body: { code: 'SO-TTTT', name: 'Sở Thông tin và Truyền thông', kind: 'SO_BAN_NGANH', parentId: admin.provinceId } })).json().unit;
    await admin.request({ method: 'PATCH', url: `/api/units/${u.id}`, body: { name: 'Sở Khoa học và Công nghệ', isKeyPost: true } });
    const found = (await admin.request({ method: 'GET', url: '/api/units?q=thong tin va truyen thong' })).json().units;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: 'Sở Khoa học và Công nghệ', isKeyPost: true, formerNames: ['Sở Thông tin và Truyền thông'] });
  });

  it('lets only the administrator change the tree', async () => {
    const admin = await setupAdmin(t);
    const { createUserAndLogin } = await import('../../testing/test-context.ts');
    const leader = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['LANH_DAO'] });
    const res = await leader.request({ method: 'POST', url: '/api/units', body: { code: 'Z', name: 'Z', kind: 'XA', parentId: admin.provinceId } });
    expect(res.statusCode).toBe(403);
  });
});

describe('former names', () => {
  it('never lists a defunct unit\'s own current name among its former names', async () => {
    const t = await createTestApp('sqlite');
    try {
      const admin = await setupAdmin(t);
      const old = (await admin.request({ method: 'POST', url: '/api/units', body: { code: 'SO-CU', name: 'Sở Cũ', kind: 'SO_BAN_NGANH', parentId: admin.provinceId } })).json().unit;
      await admin.request({ method: 'POST', url: `/api/units/${old.id}/defunct`, body: { successorId: admin.provinceId, effectiveDate: '2025-07-01' } });
      const all = (await admin.request({ method: 'GET', url: '/api/units?includeDefunct=true' })).json().units as Array<{ id: string; formerNames: string[] }>;
      expect(all.find((u) => u.id === old.id)!.formerNames).toEqual([]);
      expect(all.find((u) => u.id === admin.provinceId)!.formerNames).toEqual(['Sở Cũ']);
    } finally {
      await t.close();
    }
  });
});
