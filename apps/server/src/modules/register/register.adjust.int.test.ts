import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

describe.each(DATABASE_KINDS)('adjusting and declassifying on %s', (kind) => {
  const t = useTestApp(kind, { now: new Date('2026-11-23T03:00:00Z') });

  async function determined() {
    const admin = await setupAdmin(t);
    await admin.request({ method: 'POST', url: '/api/danh-muc/samples' });
    const items = (await admin.request({ method: 'GET', url: '/api/danh-muc/items' })).json().items as Array<{ id: string; decisionNumber: string; itemNo: string }>;
    const dm = (n: string, i: string) => items.find((x) => x.decisionNumber === n && x.itemNo === i)!.id;
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-GD', name: 'Sở Giáo dục và Đào tạo' });
    const drafter = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TUYET_MAT' });
    await admin.request({ method: 'POST', url: '/api/authorities', body: { personId: head.personId, positionKeys: ['NGUOI_DUNG_DAU'], validFrom: '2025-07-01' } });
    const { itemId } = (await drafter.request({ method: 'POST', url: '/api/register/propose', body: { unitId: unit.id, trichYeu: 'Danh sách ban ra đề thi', danhMucItemIds: [dm('531/QĐ-TTg', '3')], proposedLevel: 'MAT', recipients: [{ name: 'Hội đồng thi' }], copies: 1, copyPermitted: false, drafterName: 'Trần Soạn' } })).json();
    await head.request({ method: 'POST', url: `/api/items/${itemId}/determine` });
    return { head, drafter, itemId, dm, unit };
  }

  it('R9.3: raises the level from the danh mục, recomputes the period and tracks the 15-day notice', async () => {
    const { head, itemId, dm } = await determined();
    const res = (await head.request({ method: 'POST', url: `/api/items/${itemId}/adjust-level`, body: { danhMucItemIds: [dm('531/QĐ-TTg', '1')], decisionRef: '10/QĐ-SGDĐT' } })).json();
    expect(res).toEqual({ level: 'TOI_MAT', direction: 'RAISE', protectionEnd: '2046-11-23', notifyBy: '2026-12-08' });
    const notices = await t.ctx.db.selectFrom('item_notices').select(['kind', 'due_date']).where('item_id', '=', itemId).execute();
    expect(notices).toEqual([{ kind: 'ADJUSTMENT', due_date: '2026-12-08' }]);
  });

  it('R9.3: refuses an adjustment to the same level, and one without a danh mục item', async () => {
    const { head, itemId, dm } = await determined();
    const same = await head.request({ method: 'POST', url: `/api/items/${itemId}/adjust-level`, body: { danhMucItemIds: [dm('531/QĐ-TTg', '4')], decisionRef: '11/QĐ' } });
    expect(same.json().error.code).toBe('register.period_refused');
    expect((await head.request({ method: 'POST', url: `/api/items/${itemId}/adjust-level`, body: { danhMucItemIds: [], decisionRef: '11/QĐ' } })).statusCode).toBe(400);
  });

  it('R7.2: raising an item to Tuyệt mật drops its stored summary', async () => {
    const { head, itemId, dm } = await determined();
    await head.request({ method: 'POST', url: `/api/items/${itemId}/adjust-level`, body: { danhMucItemIds: [dm('1178/QĐ-TTg', '1')], decisionRef: '12/QĐ' } });
    const row = await t.ctx.db.selectFrom('items').select(['level', 'trich_yeu']).where('id', '=', itemId).executeTakeFirstOrThrow();
    expect(row).toEqual({ level: 'TUYET_MAT', trich_yeu: null });
  });

  it('R9.5: declassification for the national interest needs a council of at least two; then the item is declassified', async () => {
    const { head, drafter, itemId } = await determined();
    const noCouncil = await head.request({ method: 'POST', url: `/api/items/${itemId}/declassify`, body: { reason: 'NATIONAL_INTEREST', decisionRef: '20/QĐ' } });
    expect(noCouncil.json().error).toMatchObject({ code: 'register.period_refused' });
    const ok = (await head.request({ method: 'POST', url: `/api/items/${itemId}/declassify`, body: { reason: 'NATIONAL_INTEREST', decisionRef: '20/QĐ', chairId: head.personId, memberIds: [drafter.personId] } })).json();
    expect(ok).toMatchObject({ status: 'DECLASSIFIED', notifyBy: '2026-12-08' });
  });

  it('R9.5: a partial declassification must state the declassified content, and keeps the item protected', async () => {
    const { head, drafter, itemId } = await determined();
    const body = { reason: 'NATIONAL_INTEREST', decisionRef: '21/QĐ', chairId: head.personId, memberIds: [drafter.personId], partial: true };
    expect((await head.request({ method: 'POST', url: `/api/items/${itemId}/declassify`, body })).json().error.code).toBe('register.period_refused');
    const ok = (await head.request({ method: 'POST', url: `/api/items/${itemId}/declassify`, body: { ...body, declassifiedContent: 'Phần danh sách thành viên đã công bố' } })).json();
    expect(ok.status).toBe('DETERMINED');
  });
});
