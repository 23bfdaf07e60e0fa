import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientFrom, createTestApp, createTestUnit, createUserAndLogin, DATABASE_KINDS, sessionCookieOf, setupAdmin, STRONG_PASSWORD, type TestApp } from '../../testing/test-context.ts';

describe.each(DATABASE_KINDS)('the notices of one item (GET /api/items/:id/notices) on %s', (kind) => {
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

  /** Two Tối mật items of one unit, determined on 23/11/2026 (protected until 23/11/2046), both extended in 2046. */
  async function twoExtendedItems() {
    const admin = await setupAdmin(t);
    await admin.request({ method: 'POST', url: '/api/danh-muc/samples' });
    const dm = ((await admin.request({ method: 'GET', url: '/api/danh-muc/items?q=in sao de thi' })).json().items as Array<{ id: string }>)[0]!.id;
    const tm = ((await admin.request({ method: 'GET', url: '/api/danh-muc/items?q=dap an' })).json().items as Array<{ id: string }>)[0]!.id;
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-GD', name: 'Sở Giáo dục và Đào tạo' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-TC', name: 'Sở Tài chính' });
    const drafter = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    const leader = async () => {
      const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
      // A fresh administrator session at the current (test) time: the clock jumps 20 years.
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: STRONG_PASSWORD } });
      const administrator = clientFrom(t.app, sessionCookieOf(login), login.json().csrfToken);
      await administrator.request({ method: 'POST', url: '/api/authorities', body: { personId: head.personId, positionKeys: ['NGUOI_DUNG_DAU'], validFrom: '2025-07-01' } });
      return head;
    };
    const head = await leader();
    const determine = async (trichYeu: string) => {
      const { itemId } = (await drafter.request({ method: 'POST', url: '/api/register/propose', body: { unitId: unit.id, trichYeu, danhMucItemIds: [dm, tm], proposedLevel: 'TOI_MAT', recipients: [{ name: 'Hội đồng thi' }], copies: 1, copyPermitted: false, drafterName: 'Trần Soạn' } })).json();
      expect((await head.request({ method: 'POST', url: `/api/items/${itemId}/determine` })).json().protectionEnd).toBe('2046-11-23');
      return itemId as string;
    };
    const first = await determine('Phương án in sao đề thi');
    const second = await determine('Đáp án đề thi');
    now = new Date('2046-06-01T03:00:00Z');
    const laterHead = await leader();
    for (const [itemId, ref] of [[first, '02/QĐ-SGDĐT'], [second, '03/QĐ-SGDĐT']] as const) {
      expect((await laterHead.request({ method: 'POST', url: `/api/items/${itemId}/extend`, body: { years: 10, decisionRef: ref } })).statusCode).toBe(200);
    }
    return { admin, unit, other, head: laterHead, first, second };
  }

  it('R9.2: lists the written notice due for this item only, the same entry as the dashboard, until it is recorded as sent', async () => {
    const { head, first, second } = await twoExtendedItems();
    const dashboard = (await head.request({ method: 'GET', url: '/api/dashboard' })).json();
    expect(dashboard.noticesDue.map((n: { itemId: string }) => n.itemId).sort()).toEqual([first, second].sort());
    const res = await head.request({ method: 'GET', url: `/api/items/${first}/notices` });
    expect(res.statusCode).toBe(200);
    const mine = res.json();
    expect(mine.noticesDue).toEqual(dashboard.noticesDue.filter((n: { itemId: string }) => n.itemId === first));
    expect(mine.noticesDue).toEqual([expect.objectContaining({ itemId: first, date: '2046-06-16', detail: expect.stringContaining('Thông báo gia hạn phải gửi trước hết ngày 16/06/2046') })]);
    for (const list of ['approvalsWaiting', 'expiringSoon', 'extensionTooLate', 'recallsDue', 'takeOutsDue', 'withoutLocation'] as const) {
      expect(mine[list].every((e: { itemId: string }) => e.itemId === first)).toBe(true);
      expect(mine[list]).toEqual(dashboard[list].filter((e: { itemId: string }) => e.itemId === first));
    }
    await head.request({ method: 'POST', url: `/api/notices/${mine.noticesDue[0].noticeId}/sent`, body: { sentTo: 'Hội đồng thi', sentOn: '2046-06-10' } });
    expect((await head.request({ method: 'GET', url: `/api/items/${first}/notices` })).json().noticesDue).toEqual([]);
    expect((await head.request({ method: 'GET', url: `/api/items/${second}/notices` })).json().noticesDue).toEqual([expect.objectContaining({ itemId: second })]);
  });

  it('answers 404 to whoever may not see the item — no need-to-know, too low a clearance, another unit, no such item — and tells nothing', async () => {
    const { unit, other, first } = await twoExtendedItems();
    const attackers = [
      await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TUYET_MAT' }),
      await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' }),
      await createUserAndLogin(t, { unitId: other.id, roles: ['VAN_THU', 'LANH_DAO'], clearance: 'TUYET_MAT' }),
    ];
    for (const attacker of attackers) {
      const res = await attacker.request({ method: 'GET', url: `/api/items/${first}/notices` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('item.not_found');
      expect(JSON.stringify(res.json())).not.toContain('2046');
    }
    const missing = await attackers[2]!.request({ method: 'GET', url: '/api/items/itm_khongtontai/notices' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('item.not_found');
  });
});
