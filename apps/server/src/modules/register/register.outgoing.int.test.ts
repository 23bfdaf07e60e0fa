import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

describe.each(DATABASE_KINDS)('determining a secret and sending it out on %s', (kind) => {
  const t = useTestApp(kind, { now: new Date('2026-11-23T03:00:00Z') });

  async function agency() {
    const admin = await setupAdmin(t);
    await admin.request({ method: 'POST', url: '/api/danh-muc/samples' });
    const items = (await admin.request({ method: 'GET', url: '/api/danh-muc/items' })).json().items as Array<{ id: string; decisionNumber: string; itemNo: string }>;
    const dm = (n: string, i: string) => items.find((x) => x.decisionNumber === n && x.itemNo === i)!.id;
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-GDDT', name: 'Sở Giáo dục và Đào tạo' });
    const drafter = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TUYET_MAT' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const proposal = {
      unitId: unit.id,
      trichYeu: 'Phương án vận chuyển, bảo quản đề thi tốt nghiệp THPT năm 2027',
      danhMucItemIds: [dm('531/QĐ-TTg', '3'), dm('531/QĐ-TTg', '1')],
      proposedLevel: 'TOI_MAT',
      recipients: [{ name: 'Bộ Giáo dục và Đào tạo', address: '35 Đại Cồ Việt, Hà Nội' }, { name: 'Công an tỉnh Bắc Ninh', namedPersonOnly: true }],
      copies: 3,
      copyPermitted: false,
      drafterName: 'Nguyễn Văn Soạn',
    };
    return { admin, unit, drafter, head, clerk, proposal, dm };
  }

  async function grantHeadAuthority(admin: Awaited<ReturnType<typeof agency>>['admin'], personId: string, positionKeys = ['NGUOI_DUNG_DAU']) {
    const res = await admin.request({ method: 'POST', url: '/api/authorities', body: { personId, positionKeys, title: 'Giám đốc Sở', validFrom: '2025-07-01' } });
    expect(res.statusCode).toBe(200);
  }

  it('R12.1: an electronic document is drafted only on a device approved for drafting and storing', async () => {
    const { unit, drafter, proposal } = await agency();
    const officer = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'MAT' });
    const check = { body: 'CONG_AN_TINH', inspectorName: 'Đại úy Trần Văn Kiểm', reason: 'BEFORE_USE', checkedOn: '2026-11-20', result: 'PASSED', nextDue: '2027-11-20', reportRef: '15/BB-PA03' };
    const device = async (networkStatus: string) => {
      const id = (await officer.request({ method: 'POST', url: '/api/devices', body: { unitId: unit.id, assetCode: `MT-${networkStatus.slice(0, 6)}`, name: 'Máy tính soạn thảo văn bản mật', type: 'COMPUTER', serial: 'SN-7', location: 'Phòng văn thư', networkStatus, approvedUses: ['DRAFT_STORE'] } })).json().device.id as string;
      await officer.request({ method: 'POST', url: `/api/devices/${id}/checks`, body: check });
      await officer.request({ method: 'POST', url: `/api/devices/${id}/status`, body: { status: 'IN_USE', effectiveDate: '2026-11-21' } });
      return id;
    };
    const electronic = { ...proposal, form: 'E_DOC' };
    const none = await drafter.request({ method: 'POST', url: '/api/register/propose', body: electronic });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details.issues[0].path).toEqual(['draftingDeviceId']);
    const connected = await drafter.request({ method: 'POST', url: '/api/register/propose', body: { ...electronic, draftingDeviceId: await device('CONNECTED') } });
    expect(connected.statusCode).toBe(409);
    expect(connected.json().error.code).toBe('device.not_approved');
    expect(await t.ctx.db.selectFrom('items').select('id').execute()).toHaveLength(0);
    const airGapped = await device('AIR_GAPPED_NEVER_CONNECTED');
    const ok = await drafter.request({ method: 'POST', url: '/api/register/propose', body: { ...electronic, draftingDeviceId: airGapped } });
    expect(ok.statusCode).toBe(200);
    const event = await t.ctx.db.selectFrom('item_events').select('data').where('item_id', '=', ok.json().itemId).where('type', '=', 'PROPOSED').executeTakeFirstOrThrow();
    expect(JSON.parse(event.data as string)).toMatchObject({ draftingDeviceId: airGapped });
  });

  it('A3: refuses a proposal that cites no danh mục item', async () => {
    const { drafter, proposal } = await agency();
    const res = await drafter.request({ method: 'POST', url: '/api/register/propose', body: { ...proposal, danhMucItemIds: [] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].message).toBe('Phải dẫn ít nhất một mục danh mục bí mật nhà nước');
  });

  it('R3.4: the level is the highest of the cited items; a lower proposed level is refused', async () => {
    const { drafter, proposal } = await agency();
    const low = await drafter.request({ method: 'POST', url: '/api/register/propose', body: { ...proposal, proposedLevel: 'MAT' } });
    expect(low.json().error).toMatchObject({ code: 'register.classification_refused', details: { rule: 'R3.4' } });
    const ok = await drafter.request({ method: 'POST', url: '/api/register/propose', body: proposal });
    expect(ok.json().level).toBe('TOI_MAT');
    expect([...ok.json().citedRefs].sort()).toEqual(['531/QĐ-TTg, mục 1', '531/QĐ-TTg, mục 3']);
  });

  it('R4.1: the drafter cannot determine their own proposal, and a leader without recorded authority is refused', async () => {
    const { drafter, head, proposal, unit } = await agency();
    const { itemId } = (await drafter.request({ method: 'POST', url: '/api/register/propose', body: proposal })).json();
    const selfHead = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO', 'CAN_BO'], clearance: 'TOI_MAT' });
    const own = (await selfHead.request({ method: 'POST', url: '/api/register/propose', body: proposal })).json();
    expect((await selfHead.request({ method: 'POST', url: `/api/items/${own.itemId}/determine` })).json().error.code).toBe('register.same_person');
    const noAuthority = await head.request({ method: 'POST', url: `/api/items/${itemId}/determine` });
    expect(noAuthority.statusCode).toBe(403);
    expect(noAuthority.json().error.code).toBe('register.authority_refused');
  });

  it('R4.1, R9.1: a head with authority determines; the protection period is 20 years for Tối mật', async () => {
    const { admin, drafter, head, proposal } = await agency();
    await grantHeadAuthority(admin, head.personId);
    const { itemId } = (await drafter.request({ method: 'POST', url: '/api/register/propose', body: proposal })).json();
    const listed = (await admin.request({ method: 'GET', url: `/api/authorities?personId=${head.personId}` })).json().authorities;
    expect(listed).toEqual([expect.objectContaining({ personId: head.personId, positionKeys: ['NGUOI_DUNG_DAU'], title: 'Giám đốc Sở', validFrom: '2025-07-01' })]);
    expect((await drafter.request({ method: 'GET', url: '/api/authorities' })).statusCode).toBe(403);
    const res = await head.request({ method: 'POST', url: `/api/items/${itemId}/determine` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'DETERMINED', protectionEnd: '2046-11-23' });
  });

  it('R7.2: sending is impossible before the outgoing-book line exists; R7.3: envelope B for Tối mật', async () => {
    const { admin, drafter, head, clerk, proposal } = await agency();
    await grantHeadAuthority(admin, head.personId);
    const { itemId } = (await drafter.request({ method: 'POST', url: '/api/register/propose', body: proposal })).json();
    await head.request({ method: 'POST', url: `/api/items/${itemId}/determine` });
    const tooEarly = await clerk.request({ method: 'POST', url: `/api/items/${itemId}/send` });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.code).toBe('register.not_registered_outgoing');
    const reg = await clerk.request({ method: 'POST', url: `/api/items/${itemId}/register-outgoing`, body: { soKyHieu: '25/PA-SGDĐT', documentDate: '2026-11-23' } });
    expect(reg.json()).toEqual({ bookSerial: 1, envelopeMark: 'B', doubleEnvelope: false });
    const labels = (await clerk.request({ method: 'GET', url: `/api/items/${itemId}/envelope` })).json();
    expect(labels.labels[0].outer.stamps).toEqual(['B']);
    expect(labels.labels[1].outer.stamps).toContain('Chỉ người có tên mới được bóc bì');
    expect((await clerk.request({ method: 'POST', url: `/api/items/${itemId}/send` })).json()).toEqual({ status: 'SENT' });
    const events = await t.ctx.db.selectFrom('item_events').select('type').where('item_id', '=', itemId).orderBy('recorded_at').execute();
    expect(events.map((e) => e.type)).toEqual(['PROPOSED', 'DETERMINED', 'REGISTERED_OUTGOING', 'SENT']);
    // The outgoing book and the statistics are projections of those events (R7.2, R6.1).
    const out = (await clerk.request({ method: 'GET', url: `/api/books/di?unitId=${proposal.unitId}&year=2026` })).json().lines;
    expect(out).toEqual([expect.objectContaining({ serial: 1, soKyHieu: '25/PA-SGDĐT', envelopeMark: 'B', copies: 3, recipients: ['Bộ Giáo dục và Đào tạo', 'Công an tỉnh Bắc Ninh'] })]);
    const stats = (await clerk.request({ method: 'GET', url: `/api/books/thong-ke?unitId=${proposal.unitId}&year=2026` })).json().lines;
    expect(stats).toEqual([expect.objectContaining({ serial: 1, soKyHieu: '25/PA-SGDĐT', level: 'TOI_MAT', protectionEnd: '2046-11-23', status: 'Đã gửi' })]);
    const xlsx = await clerk.request({ method: 'GET', url: `/api/books/thong-ke/export?unitId=${proposal.unitId}&year=2026&format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
  });

  it('R7.3: a Tuyệt mật item goes in two envelopes, mark A, and its summary is not stored (R7.2)', async () => {
    const { admin, drafter, head, clerk, proposal, dm } = await agency();
    await grantHeadAuthority(admin, head.personId);
    const high = await createUserAndLogin(t, { unitId: proposal.unitId, roles: ['CAN_BO'], clearance: 'TUYET_MAT' });
    const res = (await high.request({ method: 'POST', url: '/api/register/propose', body: { ...proposal, danhMucItemIds: [dm('1178/QĐ-TTg', '1')], proposedLevel: 'TUYET_MAT', trichYeu: 'Không được lưu' } })).json();
    expect(res).toMatchObject({ level: 'TUYET_MAT', trichYeuStored: false });
    // The head of a body determines at any level under the 2025 rule set (R4.1, data marked unconfirmed).
    const det = (await head.request({ method: 'POST', url: `/api/items/${res.itemId}/determine` })).json();
    expect(det).toMatchObject({ status: 'DETERMINED', protectionEnd: '2056-11-23' });
    expect(det.legalBasis).toContain('chưa xác nhận');
    const highClerk = await createUserAndLogin(t, { unitId: proposal.unitId, roles: ['VAN_THU'], clearance: 'TUYET_MAT' });
    const reg = (await highClerk.request({ method: 'POST', url: `/api/items/${res.itemId}/register-outgoing`, body: { soKyHieu: '01/TM', documentDate: '2026-11-23' } })).json();
    expect(reg).toMatchObject({ envelopeMark: 'A', doubleEnvelope: true });
    const labels = (await highClerk.request({ method: 'GET', url: `/api/items/${res.itemId}/envelope` })).json().labels;
    expect(labels[0].inner.stamps).toContain('TUYỆT MẬT');
    expect(labels[0].outer.stamps).toEqual(['A']);
    // The Tối mật clerk cannot even see it.
    expect((await clerk.request({ method: 'GET', url: `/api/items/${res.itemId}` })).statusCode).toBe(404);
    void drafter;
  });
});
