import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };
const policeCheck = { body: 'CONG_AN_TINH', inspectorName: 'Đại úy Trần Văn Kiểm', reason: 'BEFORE_USE', checkedOn: '2026-11-20', result: 'PASSED', nextDue: '2027-11-20', reportRef: '15/BB-PA03' };

describe.each(DATABASE_KINDS)('copying secret items on %s', (kind) => {
  const t = useTestApp(kind, { now: new Date('2026-11-23T03:00:00Z') });

  async function office() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
    const officer = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'TOI_MAT' });
    await admin.request({ method: 'POST', url: '/api/authorities', body: { personId: head.personId, positionKeys: ['NGUOI_DUNG_DAU'], validFrom: '2025-07-01' } });
    const device = async (over: Record<string, unknown> = {}) => {
      const id = (await officer.request({ method: 'POST', url: '/api/devices', body: { unitId: unit.id, assetCode: `MP-${Math.random().toString(36).slice(2, 6)}`, name: 'Máy photocopy phòng văn thư', type: 'COPIER', serial: 'SN-1', location: 'Phòng văn thư', networkStatus: 'AIR_GAPPED_NEVER_CONNECTED', approvedUses: ['COPY'], ...over } })).json().device.id as string;
      await officer.request({ method: 'POST', url: `/api/devices/${id}/checks`, body: policeCheck });
      await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'IN_USE', effectiveDate: '2026-11-21' } });
      return id;
    };
    const itemId = (await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'UBND tỉnh', soKyHieu: '15/KH-UBND', level: 'TOI_MAT', trichYeu: 'Kế hoạch', condition: GOOD } })).json().itemId as string;
    const approved = async (count = 2) => {
      const { requestId } = (await clerk.request({ method: 'POST', url: `/api/items/${itemId}/copy-requests`, body: { copyType: 'SAO_Y', count, recipients: ['Phòng Tổ chức', 'Phòng Pháp chế'], purpose: 'Phổ biến để thực hiện' } })).json();
      expect((await head.request({ method: 'POST', url: `/api/copy-requests/${requestId}/decide`, body: { approve: true } })).json().status).toBe('APPROVED');
      return requestId as string;
    };
    return { unit, clerk, head, officer, device, itemId, approved };
  }

  it('R5.3, R5.4, R5.7: two approved copies are made, numbered "Bản sao số 1, 2", with the parent level and a copy-book line', async () => {
    const { clerk, device, itemId, approved } = await office();
    const requestId = await approved(2);
    const res = (await clerk.request({ method: 'POST', url: `/api/copy-requests/${requestId}/execute`, body: { deviceId: await device(), madeCount: 2 } })).json();
    expect(res.copies.map((c: { label: string }) => c.label)).toEqual(['Bản sao số 1', 'Bản sao số 2']);
    expect(res).toMatchObject({ bookSerial: 1, remaining: 0 });
    const copies = await t.ctx.db.selectFrom('items').select(['level', 'parent_id', 'copy_number', 'so_ky_hieu']).where('parent_id', '=', itemId).orderBy('copy_number').execute();
    expect(copies).toEqual([
      { level: 'TOI_MAT', parent_id: itemId, copy_number: 1, so_ky_hieu: '15/KH-UBND (Bản sao số 1)' },
      { level: 'TOI_MAT', parent_id: itemId, copy_number: 2, so_ky_hieu: '15/KH-UBND (Bản sao số 2)' },
    ]);
    const line = await t.ctx.db.selectFrom('item_events').select(['type', 'book', 'book_serial']).where('item_id', '=', itemId).where('book', '=', 'SAO_CHUP').executeTakeFirstOrThrow();
    expect(line).toEqual({ type: 'COPIED', book: 'SAO_CHUP', book_serial: 1 });
    const book = (await clerk.request({ method: 'GET', url: `/api/books/sao-chup?unitId=${(await t.ctx.db.selectFrom('items').select('unit_id').where('id', '=', itemId).executeTakeFirstOrThrow()).unit_id}&year=2026` })).json().lines;
    expect(book).toEqual([expect.objectContaining({ serial: 1, original: '15/KH-UBND', copyType: 'Sao y bản chính', authorised: 2, made: 2, copyNumbers: [1, 2], spoiledDestroyed: 'Không có bản hỏng' })]);
  });

  it('R5.4, R9.5: copies follow their parent when it is declassified', async () => {
    const { clerk, head, officer, device, itemId, approved } = await office();
    const requestId = await approved(2);
    await clerk.request({ method: 'POST', url: `/api/copy-requests/${requestId}/execute`, body: { deviceId: await device(), madeCount: 2 } });
    const res = await head.request({ method: 'POST', url: `/api/items/${itemId}/declassify`, body: { reason: 'NATIONAL_INTEREST', decisionRef: '30/QĐ', chairId: head.personId, memberIds: [officer.personId] } });
    expect(res.json().status).toBe('DECLASSIFIED');
    const copies = await t.ctx.db.selectFrom('items').select(['id', 'status']).where('parent_id', '=', itemId).execute();
    expect(copies.map((c) => c.status)).toEqual(['DECLASSIFIED', 'DECLASSIFIED']);
    const events = await t.ctx.db.selectFrom('item_events').select('type').where('item_id', '=', copies[0]!.id).execute();
    expect(events.map((e) => e.type)).toEqual(['DECLASSIFIED']);
  });

  it('R5.4: refuses a copy over the approved count, and spoiled copies that were not destroyed', async () => {
    const { clerk, device, approved } = await office();
    const requestId = await approved(2);
    const deviceId = await device();
    const over = await clerk.request({ method: 'POST', url: `/api/copy-requests/${requestId}/execute`, body: { deviceId, madeCount: 3 } });
    expect(over.json().error).toMatchObject({ code: 'copy.refused', details: { rule: 'R5.4' } });
    const spoiled = await clerk.request({ method: 'POST', url: `/api/copy-requests/${requestId}/execute`, body: { deviceId, madeCount: 2, spoiledCount: 1, spoiledDestroyedCount: 0 } });
    expect(spoiled.json().error.message).toContain('chưa tiêu hủy');
  });

  it('R5.5, R12.1: refuses a copy on a device connected to a network', async () => {
    const { clerk, device, approved } = await office();
    const requestId = await approved(1);
    const connected = await device({ networkStatus: 'CONNECTED' });
    const res = await clerk.request({ method: 'POST', url: `/api/copy-requests/${requestId}/execute`, body: { deviceId: connected, madeCount: 1 } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(await t.ctx.db.selectFrom('items').select('id').where('parent_id', 'is not', null).execute()).toHaveLength(0);
  });

  it('R5.8: refuses to copy an item determined as not copyable; R5.3: the requester cannot approve', async () => {
    const { clerk, head, itemId } = await office();
    const { requestId } = (await head.request({ method: 'POST', url: `/api/items/${itemId}/copy-requests`, body: { copyType: 'CHUP', count: 1, recipients: ['X'], purpose: 'Y' } })).json();
    expect((await head.request({ method: 'POST', url: `/api/copy-requests/${requestId}/decide`, body: { approve: true } })).json().error.code).toBe('register.same_person');
    await t.ctx.db.updateTable('items').set({ copy_permitted: 0 }).where('id', '=', itemId).execute();
    const refused = await clerk.request({ method: 'POST', url: `/api/items/${itemId}/copy-requests`, body: { copyType: 'SAO_Y', count: 1, recipients: ['X'], purpose: 'Y' } });
    expect(refused.json().error).toMatchObject({ code: 'copy.refused', details: { rule: 'R5.8' } });
  });

  it('R5.3: a head whose authority stops below the level cannot approve', async () => {
    const { unit, clerk, itemId } = await office();
    const division = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
    await t.ctx.db.insertInto('authorities').values({ id: 'aut_divisionhead0001', unit_id: unit.id, person_id: division.personId, position_keys: JSON.stringify(['TRUONG_PHONG']), title: 'Trưởng phòng', delegation_ref: null, delegation_from: null, delegation_to: null, valid_from: '2025-07-01', valid_to: null, created_at: new Date().toISOString() }).execute();
    const { requestId } = (await clerk.request({ method: 'POST', url: `/api/items/${itemId}/copy-requests`, body: { copyType: 'SAO_Y', count: 1, recipients: ['X'], purpose: 'Y' } })).json();
    const res = await division.request({ method: 'POST', url: `/api/copy-requests/${requestId}/decide`, body: { approve: true } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('register.authority_refused');
  });
});
