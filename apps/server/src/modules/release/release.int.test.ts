import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, type TestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };

describe.each(DATABASE_KINDS)('taking out and providing secret items on %s', (kind) => {
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

  async function office(unitKind = 'SO_BAN_NGANH') {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'U1', name: 'Ủy ban nhân dân tỉnh', kind: unitKind });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TUYET_MAT' });
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TUYET_MAT' });
    const receive = async (level: string) => (await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'Bộ Công an', soKyHieu: `${level}/1`, level, condition: GOOD } })).json().itemId as string;
    const authority = (positionKeys: string[]) => admin.request({ method: 'POST', url: '/api/authorities', body: { personId: head.personId, positionKeys, validFrom: '2025-07-01' } });
    return { admin, unit, clerk, head, receive, authority };
  }

  const takeOut = (unitId: string, itemIds: string[], extra: Record<string, unknown> = {}) => ({ unitId, itemIds, purpose: 'Báo cáo tại hội nghị', destination: 'Hà Nội', fromDate: '2026-11-24', toDate: '2026-11-26', protectionMeasures: 'Cặp có khóa, mang theo người', ...extra });

  it('R8.2: a head approves taking items out; they leave, come back, and an overdue return shows on the dashboard', async () => {
    const { unit, clerk, head, receive, authority } = await office();
    await authority(['NGUOI_DUNG_DAU']);
    const itemId = await receive('TOI_MAT');
    const { requestId } = (await clerk.request({ method: 'POST', url: '/api/take-outs', body: takeOut(unit.id, [itemId]) })).json();
    expect((await clerk.request({ method: 'POST', url: `/api/take-outs/${requestId}/out` })).json().error.code).toBe('release.wrong_step');
    expect((await head.request({ method: 'POST', url: `/api/releases/${requestId}/decide`, body: { approve: true } })).json().status).toBe('APPROVED');
    await clerk.request({ method: 'POST', url: `/api/take-outs/${requestId}/out` });
    expect((await t.ctx.db.selectFrom('items').select('status').where('id', '=', itemId).executeTakeFirstOrThrow()).status).toBe('TAKEN_OUT');
    now = new Date('2026-11-28T03:00:00Z');
    const late = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TUYET_MAT' });
    const board = (await late.request({ method: 'GET', url: '/api/dashboard' })).json();
    expect(board.takeOutsDue).toEqual([expect.objectContaining({ itemId, detail: 'Quá hạn trả về nơi lưu giữ 2 ngày (R8.2)' })]);
    // R8.2, R13.1: the daily job opens one incident for the overdue return, whatever the number of runs.
    const { openIncidentsForOverdueTakeOuts } = await import('../register/register.periods.ts');
    expect(await openIncidentsForOverdueTakeOuts(t.ctx)).toEqual({ opened: 1 });
    expect(await openIncidentsForOverdueTakeOuts(t.ctx)).toEqual({ opened: 0 });
    const incident = await t.ctx.db.selectFrom('incidents').select(['kind', 'source', 'source_ref']).where('source', '=', 'TAKE_OUT_OVERDUE').executeTakeFirstOrThrow();
    expect(incident).toEqual({ kind: 'MAT', source: 'TAKE_OUT_OVERDUE', source_ref: requestId });
    await late.request({ method: 'POST', url: `/api/take-outs/${requestId}/returned` });
    expect((await t.ctx.db.selectFrom('items').select('status').where('id', '=', itemId).executeTakeFirstOrThrow()).status).toBe('RECEIVED');
    expect((await late.request({ method: 'GET', url: '/api/dashboard' })).json().takeOutsDue).toEqual([]);
  });

  it('R8.1: taking items abroad needs the delegation head; the requester may not approve their own request', async () => {
    const { unit, clerk, receive } = await office();
    const itemId = await receive('MAT');
    const noHead = await clerk.request({ method: 'POST', url: '/api/take-outs', body: takeOut(unit.id, [itemId], { country: 'Lào' }) });
    expect(noHead.statusCode).toBe(400);
    expect(noHead.json().error.details.issues[0].path).toEqual(['delegationHead']);
    const both = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU', 'LANH_DAO'], clearance: 'TUYET_MAT' });
    const { requestId } = (await both.request({ method: 'POST', url: '/api/take-outs', body: takeOut(unit.id, [itemId]) })).json();
    expect((await both.request({ method: 'POST', url: `/api/releases/${requestId}/decide`, body: { approve: true } })).json().error.code).toBe('register.same_person');
  });

  it('R8.4: a refusal needs its reason in writing, and a provision request needs the commitment', async () => {
    const { unit, clerk, head, receive } = await office();
    const itemId = await receive('MAT');
    const body = { unitId: unit.id, itemIds: [itemId], foreign: false, requesterBody: 'Sở Tư pháp', representative: 'Phạm Văn Đề', purpose: 'Thẩm định', commitment: true };
    expect((await clerk.request({ method: 'POST', url: '/api/provisions', body: { ...body, commitment: false } })).statusCode).toBe(400);
    const { requestId } = (await clerk.request({ method: 'POST', url: '/api/provisions', body })).json();
    expect((await head.request({ method: 'POST', url: `/api/releases/${requestId}/decide`, body: { approve: false } })).statusCode).toBe(400);
    const refused = (await head.request({ method: 'POST', url: `/api/releases/${requestId}/decide`, body: { approve: false, reason: 'Không liên quan trực tiếp đến nhiệm vụ được giao' } })).json();
    expect(refused.status).toBe('REFUSED');
  });

  it('R8.3: an approved provision to a Vietnamese body is a line of the handover book', async () => {
    const { unit, clerk, head, receive, authority } = await office();
    await authority(['NGUOI_DUNG_DAU']);
    const itemId = await receive('TOI_MAT');
    const { requestId } = (await clerk.request({ method: 'POST', url: '/api/provisions', body: { unitId: unit.id, itemIds: [itemId], foreign: false, requesterBody: 'Sở Tư pháp', representative: 'Phạm Văn Đề', purpose: 'Thẩm định', commitment: true } })).json();
    expect((await head.request({ method: 'POST', url: `/api/releases/${requestId}/decide`, body: { approve: true } })).json().status).toBe('APPROVED');
    const lines = await t.ctx.db.selectFrom('item_events').select(['type', 'book']).where('item_id', '=', itemId).where('type', '=', 'PROVIDED').execute();
    expect(lines).toEqual([{ type: 'PROVIDED', book: 'CHUYEN_GIAO' }]);
  });

  it('R8.6: a provincial leader can never approve giving a Tuyệt mật item to a foreign party', async () => {
    const { unit, clerk, head, receive, authority } = await office('UBND_TINH');
    await authority(['CHU_TICH_UBND']);
    const itemId = await receive('TUYET_MAT');
    const { requestId } = (await clerk.request({ method: 'POST', url: '/api/provisions', body: { unitId: unit.id, itemIds: [itemId], foreign: true, requesterBody: 'Đại sứ quán X', representative: 'John Doe', identityDocument: 'P1234567', nationality: 'X', position: 'Tham tán', purpose: 'Hợp tác', commitment: true } })).json();
    const res = await head.request({ method: 'POST', url: `/api/releases/${requestId}/decide`, body: { approve: true } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.rule).toBe('R8.6');
  });
});
