import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';
import { violations } from '../../testing/network-guard.ts';

describe.each(DATABASE_KINDS)('attacks that must fail cleanly on %s', (kind) => {
  const t = useTestApp(kind);

  async function unitWithItem() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-KHDT', name: 'Sở Kế hoạch và Đầu tư' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TUYET_MAT' });
    const created = await clerk.request({ method: 'POST', url: '/api/items', body: { unitId: unit.id, level: 'TOI_MAT', soKyHieu: '12/KH-SKHĐT', trichYeu: 'Kế hoạch bảo vệ bí mật' } });
    expect(created.statusCode).toBe(200);
    return { admin, unit, clerk, item: created.json().item };
  }

  it('reading up: a person below the item level gets 404 and does not see it in lists or counts', async () => {
    const { unit, item } = await unitWithItem();
    const low = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    const direct = await low.request({ method: 'GET', url: `/api/items/${item.id}` });
    expect(direct.statusCode).toBe(404);
    expect(direct.json().error.code).toBe('item.not_found');
    const list = (await low.request({ method: 'GET', url: '/api/items' })).json();
    expect(list).toEqual({ items: [], total: 0 });
    const search = (await low.request({ method: 'GET', url: '/api/items?q=bao ve bi mat' })).json();
    expect(search.total).toBe(0);
    // The same 404 as for an id that does not exist: existence is a secret too.
    const missing = await low.request({ method: 'GET', url: '/api/items/itm_doesnotexist00000' });
    expect(missing.json().error.message).toBe(direct.json().error.message);
  });

  it('need-to-know: a cleared person of another unit gets 404; a grant opens it until it expires', async () => {
    const { admin, item } = await unitWithItem();
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-YT', name: 'Sở Y tế' });
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['VAN_THU'], clearance: 'TUYET_MAT' });
    expect((await outsider.request({ method: 'GET', url: `/api/items/${item.id}` })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'GET', url: '/api/items' })).json().total).toBe(0);
    // The administrator has no content access by office (DESIGN.md §5).
    expect((await admin.request({ method: 'GET', url: `/api/items/${item.id}` })).statusCode).toBe(404);

    const leader = await createUserAndLogin(t, { unitId: item.unitId, roles: ['LANH_DAO'], clearance: 'TUYET_MAT' });
    const grant = await leader.request({ method: 'POST', url: `/api/items/${item.id}/grants`, body: { personId: outsider.personId, expiresAt: '2099-12-31', reason: 'Phối hợp thẩm định' } });
    expect(grant.statusCode).toBe(200);
    expect((await outsider.request({ method: 'GET', url: `/api/items/${item.id}` })).statusCode).toBe(200);
    expect((await outsider.request({ method: 'GET', url: '/api/items' })).json().total).toBe(1);
    t.setClock(() => new Date('2100-01-02T00:00:00Z'));
    const { STRONG_PASSWORD, clientFrom, sessionCookieOf } = await import('../../testing/test-context.ts');
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: outsider.username, password: STRONG_PASSWORD } });
    const later = clientFrom(t.app, sessionCookieOf(again), again.json().csrfToken);
    expect((await later.request({ method: 'GET', url: `/api/items/${item.id}` })).statusCode).toBe(404);
    expect((await later.request({ method: 'GET', url: '/api/items' })).json().total).toBe(0);
  });

  it('reading an item is audited; a refused read changes nothing', async () => {
    const { clerk, item } = await unitWithItem();
    await clerk.request({ method: 'GET', url: `/api/items/${item.id}` });
    const viewed = await t.ctx.db.selectFrom('audit_records').select(['type', 'data']).where('type', '=', 'item.viewed').execute();
    expect(viewed).toHaveLength(1);
    expect(viewed[0]!.data).not.toContain('Kế hoạch');
  });

  it('refuses to store the summary of a Tuyệt mật item, in the database itself (LEGAL.md R7.2)', async () => {
    const { unit, clerk } = await unitWithItem();
    const res = await clerk.request({ method: 'POST', url: '/api/items', body: { unitId: unit.id, level: 'TUYET_MAT', soKyHieu: '01/TM', trichYeu: 'Nội dung tuyệt mật' } });
    expect(res.json().item.trichYeu).toBeNull();
    const now = new Date().toISOString();
    await expect(
      t.ctx.db.insertInto('items').values({ id: 'itm_raw000000000001', unit_id: unit.id, level: 'TUYET_MAT', so_ky_hieu: '02/TM', so_ky_hieu_folded: '02/tm', trich_yeu: 'lọt qua giao diện', trich_yeu_folded: 'lot qua giao dien', trich_yeu_consent_by: null, custodian_id: null, status: 'REGISTERED', created_by: 'x', created_at: now, updated_at: now }).execute(),
    ).rejects.toThrow(/check|constraint/i);
  });

  it('answers an oversized body with 413 and writes nothing', async () => {
    const admin = await setupAdmin(t);
    const before = await t.ctx.db.selectFrom('audit_records').select('id').execute();
    const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' }, payload: JSON.stringify({ code: 'BIG', name: 'x'.repeat(2_000_000), kind: 'XA', parentId: admin.provinceId }) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('request.too_large');
    expect(await t.ctx.db.selectFrom('audit_records').select('id').execute()).toHaveLength(before.length);
    expect(await t.ctx.db.selectFrom('units').select('id').where('code', '=', 'BIG').execute()).toHaveLength(0);
  });

  it('answers malformed JSON, a wrong content type and wrong field types with 400 and writes nothing', async () => {
    const admin = await setupAdmin(t);
    const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
    const broken = await t.app.inject({ method: 'POST', url: '/api/units', headers: { ...headers, 'content-type': 'application/json' }, payload: '{"code": "X", "name": ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('request.malformed');
    const form = await t.app.inject({ method: 'POST', url: '/api/units', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'code=X' });
    expect(form.statusCode).toBeGreaterThanOrEqual(400);
    expect(form.statusCode).toBeLessThan(500);
    const types = await admin.request({ method: 'POST', url: '/api/units', body: { code: 123, name: ['a'], kind: 'XA', parentId: 'drop table units' } });
    expect(types.statusCode).toBe(400);
    expect(types.json().error.details.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(['code', 'name', 'parentId']);
    expect(await t.ctx.db.selectFrom('units').select('id').execute()).toHaveLength(1);
  });

  it('answers an unknown error with a generic 500 and a request id, leaking nothing', async () => {
    const admin = await setupAdmin(t);
    await t.ctx.db.schema.dropTable('unit_history').execute();
    const res = await admin.request({ method: 'POST', url: '/api/units', body: { code: 'SO-X', name: 'Sở X', kind: 'SO_BAN_NGANH', parentId: admin.provinceId } });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal');
    expect(res.json().error.requestId).toMatch(/^req_/);
    expect(res.body).not.toMatch(/unit_history|sqlite|relation|stack/i);
    // Nothing half-written: the unit insert was rolled back with the failed history write.
    expect(await t.ctx.db.selectFrom('units').select('id').where('code', '=', 'SO-X').execute()).toHaveLength(0);
  });

  it('sends a strict Content-Security-Policy and no outside origin', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: kind, version: expect.any(String) });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('the network guard that proves BMNN opens no outbound connection', () => {
  it('refuses and records a connection to a non-loopback host before any packet leaves', () => {
    const before = violations.length;
    // A reserved .invalid name: even without the guard nothing could be sent.
    expect(() => net.connect({ host: 'bmnn-guard-selftest.invalid', port: 9 })).toThrow(/bị chặn/);
    expect(violations.length).toBe(before + 1);
    violations.pop();
  });

  it('recorded no outbound attempt during this test process', () => {
    expect(violations).toEqual([]);
  });
});
