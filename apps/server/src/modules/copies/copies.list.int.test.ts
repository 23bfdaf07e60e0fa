import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

// GET /api/copy-requests: the head's queue of copy requests waiting for a decision and the
// clerk's view of a request's copies. Only requests on items the reader may see (DESIGN.md §5).

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };
const policeCheck = { body: 'CONG_AN_TINH', inspectorName: 'Đại úy Trần Văn Kiểm', reason: 'BEFORE_USE', checkedOn: '2026-11-20', result: 'PASSED', nextDue: '2027-11-20', reportRef: '15/BB-PA03' };

describe.each(DATABASE_KINDS)('listing copy requests on %s', (kind) => {
  const t = useTestApp(kind, { now: new Date('2026-11-23T03:00:00Z') });

  async function office() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-TC', name: 'Sở Tài chính' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
    const officer = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'TOI_MAT' });
    await admin.request({ method: 'POST', url: '/api/authorities', body: { personId: head.personId, positionKeys: ['NGUOI_DUNG_DAU'], validFrom: '2025-07-01' } });
    const deviceId = (await officer.request({ method: 'POST', url: '/api/devices', body: { unitId: unit.id, assetCode: 'MP-01', name: 'Máy photocopy phòng văn thư', type: 'COPIER', serial: 'SN-1', location: 'Phòng văn thư', networkStatus: 'AIR_GAPPED_NEVER_CONNECTED', approvedUses: ['COPY'] } })).json().device.id as string;
    await officer.request({ method: 'POST', url: `/api/devices/${deviceId}/checks`, body: policeCheck });
    await officer.request({ method: 'POST', url: `/api/devices/${deviceId}/status`, body: { status: 'IN_USE', effectiveDate: '2026-11-21' } });
    const itemId = (await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'UBND tỉnh', soKyHieu: '15/KH-UBND', level: 'TOI_MAT', trichYeu: 'Kế hoạch', condition: GOOD } })).json().itemId as string;
    const { requestId } = (await clerk.request({ method: 'POST', url: `/api/items/${itemId}/copy-requests`, body: { copyType: 'SAO_Y', count: 2, recipients: ['Phòng Tổ chức', 'Phòng Pháp chế'], purpose: 'Phổ biến để thực hiện' } })).json();
    return { admin, unit, other, clerk, head, deviceId, itemId, requestId: requestId as string };
  }

  it('R5.3: the head sees the request waiting for them, who asked, and the clerk sees it as their own', async () => {
    const { unit, clerk, head, itemId, requestId } = await office();
    const waiting = await head.request({ method: 'GET', url: `/api/copy-requests?status=REQUESTED&unitId=${unit.id}` });
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json().requests).toEqual([
      expect.objectContaining({ id: requestId, itemId, soKyHieu: '15/KH-UBND', level: 'TOI_MAT', copyType: 'SAO_Y', requestedCount: 2, status: 'REQUESTED', requestedByMe: false, requestedByName: expect.stringContaining('Cán bộ'), recipients: ['Phòng Tổ chức', 'Phòng Pháp chế'], copies: [] }),
    ]);
    const mine = (await clerk.request({ method: 'GET', url: `/api/copy-requests?itemId=${itemId}` })).json().requests;
    expect(mine).toEqual([expect.objectContaining({ id: requestId, requestedByMe: true })]);
    // Once decided it leaves the queue.
    await head.request({ method: 'POST', url: `/api/copy-requests/${requestId}/decide`, body: { approve: true } });
    expect((await head.request({ method: 'GET', url: '/api/copy-requests?status=REQUESTED' })).json().requests).toEqual([]);
    expect((await head.request({ method: 'GET', url: '/api/copy-requests?status=APPROVED' })).json().requests).toEqual([expect.objectContaining({ id: requestId, approvedCount: 2, approvedByName: expect.stringContaining('Cán bộ') })]);
  });

  it('R5.7: after execution the request lists its numbered copies "Bản sao số 1, 2", each an item of its own', async () => {
    const { clerk, head, deviceId, itemId, requestId } = await office();
    await head.request({ method: 'POST', url: `/api/copy-requests/${requestId}/decide`, body: { approve: true } });
    await clerk.request({ method: 'POST', url: `/api/copy-requests/${requestId}/execute`, body: { deviceId, madeCount: 2 } });
    const [request] = (await clerk.request({ method: 'GET', url: `/api/copy-requests?itemId=${itemId}` })).json().requests;
    expect(request).toMatchObject({ status: 'DONE', madeCount: 2 });
    expect(request.copies.map((c: { label: string }) => c.label)).toEqual(['Bản sao số 1', 'Bản sao số 2']);
    const copy = (await clerk.request({ method: 'GET', url: `/api/items/${request.copies[0].itemId}` })).json().item;
    expect(copy).toMatchObject({ parentId: itemId, copyNumber: 1, level: 'TOI_MAT', soKyHieu: '15/KH-UBND (Bản sao số 1)' });
  });

  it('an attacker without clearance, a head cleared below the level, and a clerk of another unit see no request at all', async () => {
    const { unit, other, itemId, requestId } = await office();
    const uncleared = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO', 'VAN_THU'], clearance: 'NONE' });
    const lowHead = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'MAT' });
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['VAN_THU', 'LANH_DAO'], clearance: 'TUYET_MAT' });
    for (const attacker of [uncleared, lowHead, outsider]) {
      for (const url of ['/api/copy-requests', '/api/copy-requests?status=REQUESTED', `/api/copy-requests?unitId=${unit.id}`, `/api/copy-requests?itemId=${itemId}`]) {
        const res = await attacker.request({ method: 'GET', url });
        expect(res.statusCode).toBe(200);
        expect(res.json().requests).toEqual([]);
      }
    }
    // Nor can the outsider act on the request it cannot see: not found, nothing written.
    const decided = await outsider.request({ method: 'POST', url: `/api/copy-requests/${requestId}/decide`, body: { approve: true } });
    expect(decided.statusCode).toBe(404);
    expect(decided.json().error.code).toBe('copy.not_found');
    expect(await t.ctx.db.selectFrom('copy_requests').select(['status', 'approved_by']).execute()).toEqual([{ status: 'REQUESTED', approved_by: null }]);
  });

  it('refuses a malformed filter with validation.failed', async () => {
    const { head } = await office();
    const res = await head.request({ method: 'GET', url: '/api/copy-requests?status=EVERYTHING' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
  });
});
