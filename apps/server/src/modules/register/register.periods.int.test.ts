import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientFrom, createTestApp, createTestUnit, createUserAndLogin, DATABASE_KINDS, sessionCookieOf, setupAdmin, STRONG_PASSWORD, type TestApp } from '../../testing/test-context.ts';
import { declassifyExpiredItems } from './register.periods.ts';

describe.each(DATABASE_KINDS)('protection periods and the dashboard on %s', (kind) => {
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

  /** A Tối mật item determined on 23/11/2026 (protected until 23/11/2046), and a way to act later. */
  async function determinedItem() {
    const admin = await setupAdmin(t);
    await admin.request({ method: 'POST', url: '/api/danh-muc/samples' });
    const dm = ((await admin.request({ method: 'GET', url: '/api/danh-muc/items?q=in sao de thi' })).json().items as Array<{ id: string }>)[0]!.id;
    const tm = ((await admin.request({ method: 'GET', url: '/api/danh-muc/items?q=dap an' })).json().items as Array<{ id: string }>)[0]!.id;
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-GD', name: 'Sở Giáo dục và Đào tạo' });
    const drafter = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    /** A head with recorded authority, logged in at the current (test) time. */
    const leaderAt = async () => {
      const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: STRONG_PASSWORD } });
      const administrator = clientFrom(t.app, sessionCookieOf(login), login.json().csrfToken);
      await administrator.request({ method: 'POST', url: '/api/authorities', body: { personId: head.personId, positionKeys: ['NGUOI_DUNG_DAU'], validFrom: '2025-07-01' } });
      return head;
    };
    const head = await leaderAt();
    const { itemId } = (await drafter.request({ method: 'POST', url: '/api/register/propose', body: { unitId: unit.id, trichYeu: 'Phương án in sao đề thi', danhMucItemIds: [dm, tm], proposedLevel: 'TOI_MAT', recipients: [{ name: 'Hội đồng thi' }], copies: 2, copyPermitted: false, drafterName: 'Trần Soạn' } })).json();
    const det = (await head.request({ method: 'POST', url: `/api/items/${itemId}/determine` })).json();
    expect(det.protectionEnd).toBe('2046-11-23');
    return { admin, unit, drafter, head, itemId, leaderAt };
  }

  it('R9.2: refuses an extension decided less than 60 days before expiry', async () => {
    const { itemId, leaderAt } = await determinedItem();
    now = new Date('2046-10-01T03:00:00Z');
    const head = await leaderAt();
    const res = await head.request({ method: 'POST', url: `/api/items/${itemId}/extend`, body: { years: 5, decisionRef: '01/QĐ-SGDĐT' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'register.period_refused', details: { rule: 'R9.2' } });
    expect(res.json().error.message).toContain('60 ngày');
  });

  it('R9.2: refuses an extension longer than the base period of the level', async () => {
    const { itemId, leaderAt } = await determinedItem();
    now = new Date('2046-06-01T03:00:00Z');
    const head = await leaderAt();
    const res = await head.request({ method: 'POST', url: `/api/items/${itemId}/extend`, body: { years: 21, decisionRef: '01/QĐ-SGDĐT' } });
    expect(res.json().error.message).toContain('không được quá 20 năm');
  });

  it('R9.2: extends in time, and the 15-day written notice shows on the dashboard until it is recorded as sent', async () => {
    const { itemId, leaderAt } = await determinedItem();
    now = new Date('2046-06-01T03:00:00Z');
    const head = await leaderAt();
    const res = (await head.request({ method: 'POST', url: `/api/items/${itemId}/extend`, body: { years: 10, decisionRef: '02/QĐ-SGDĐT' } })).json();
    expect(res).toMatchObject({ protectionEnd: '2056-11-23', notifyBy: '2046-06-16' });
    const dashboard = (await head.request({ method: 'GET', url: '/api/dashboard' })).json();
    expect(dashboard.noticesDue).toEqual([expect.objectContaining({ itemId, date: '2046-06-16' })]);
    const sent = await head.request({ method: 'POST', url: `/api/notices/${dashboard.noticesDue[0].noticeId}/sent`, body: { sentTo: 'Hội đồng thi', sentOn: '2046-06-10' } });
    expect(sent.statusCode).toBe(200);
    expect((await head.request({ method: 'GET', url: '/api/dashboard' })).json().noticesDue).toEqual([]);
  });

  it('R9.4(a): the daily job declassifies an item whose period has ended, once', async () => {
    const { itemId } = await determinedItem();
    expect((await declassifyExpiredItems(t.ctx, { today: '2046-11-23' })).declassified).toBe(0);
    expect((await declassifyExpiredItems(t.ctx, { today: '2046-11-24' })).declassified).toBe(1);
    expect((await declassifyExpiredItems(t.ctx, { today: '2046-11-25' })).declassified).toBe(0);
    const item = await t.ctx.db.selectFrom('items').select('status').where('id', '=', itemId).executeTakeFirstOrThrow();
    expect(item.status).toBe('DECLASSIFIED');
    const events = await t.ctx.db.selectFrom('item_events').select(['type', 'data']).where('item_id', '=', itemId).execute();
    expect(events.map((e) => e.type)).toContain('DECLASSIFIED');
  });

  it('shows the head the proposals waiting, and items whose period ends within 90 days, to those who may see them', async () => {
    const { drafter, unit, leaderAt } = await determinedItem();
    const { itemId: waiting } = (await drafter.request({ method: 'POST', url: '/api/register/propose', body: { unitId: unit.id, trichYeu: 'Đề xuất khác', danhMucItemIds: [((await t.ctx.db.selectFrom('danh_muc_items').select('id').limit(1).execute())[0]!).id], proposedLevel: (await t.ctx.db.selectFrom('danh_muc_items').select('level').limit(1).executeTakeFirstOrThrow()).level, recipients: [{ name: 'X' }], copies: 1, copyPermitted: false, drafterName: 'Trần Soạn' } })).json();
    now = new Date('2046-10-10T03:00:00Z');
    const head = await leaderAt();
    const board = (await head.request({ method: 'GET', url: '/api/dashboard' })).json();
    expect(board.approvalsWaiting.map((e: { itemId: string }) => e.itemId)).toContain(waiting);
    expect(board.extensionTooLate).toHaveLength(1);
    expect(board.extensionTooLate[0].detail).toContain('đã quá hạn quyết định gia hạn');
    const lowClerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    const low = (await lowClerk.request({ method: 'GET', url: '/api/dashboard' })).json();
    expect([...low.expiringSoon, ...low.extensionTooLate, ...low.approvalsWaiting].filter((e: { level: string }) => e.level === 'TOI_MAT')).toEqual([]);
  });
});
