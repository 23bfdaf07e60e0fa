import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };
const EXECUTION = { method: 'SHRED', place: 'Phòng văn thư, Sở Nội vụ', witnesses: ['Nguyễn Văn Chứng', 'Lê Thị Kiến'], irrecoverable: true };

describe.each(DATABASE_KINDS)('destroying secret items on %s', (kind) => {
  const t = useTestApp(kind);

  async function office() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
    const member = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    const authority = (personId: string, positionKeys: string[]) => admin.request({ method: 'POST', url: '/api/authorities', body: { personId, positionKeys, validFrom: '2025-07-01' } });
    const receive = async (level = 'TOI_MAT', soKyHieu = '15/KH') => (await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'UBND tỉnh', soKyHieu, level, condition: GOOD } })).json().itemId as string;
    return { admin, unit, clerk, head, member, authority, receive };
  }

  it('R10.4, R10.2: proposal → council → review → decision → record; the items are destroyed', async () => {
    const { unit, clerk, head, member, authority, receive } = await office();
    await authority(head.personId, ['NGUOI_DUNG_DAU']);
    const items = [await receive('TOI_MAT', '1/A'), await receive('MAT', '2/B')];
    const { caseId } = (await clerk.request({ method: 'POST', url: '/api/destructions', body: { unitId: unit.id, itemIds: items } })).json();
    const early = await head.request({ method: 'POST', url: `/api/destructions/${caseId}/decide`, body: { decisionRef: '05/QĐ-SNV' } });
    expect(early.json().error.code).toBe('destruction.wrong_step');
    const lone = await head.request({ method: 'POST', url: `/api/destructions/${caseId}/council`, body: { councilRef: '04/QĐ-SNV', chairId: head.personId, memberIds: [head.personId] } });
    expect(lone.json().error.code).toBe('destruction.council_invalid');
    expect((await head.request({ method: 'POST', url: `/api/destructions/${caseId}/council`, body: { councilRef: '04/QĐ-SNV', chairId: head.personId, memberIds: [member.personId, clerk.personId] } })).json().status).toBe('COUNCIL_SET');
    expect((await member.request({ method: 'POST', url: `/api/destructions/${caseId}/review`, body: { minutes: 'Hội đồng thống nhất đề nghị tiêu hủy 02 tài liệu hết giá trị sử dụng.' } })).json().status).toBe('REVIEWED');
    expect((await head.request({ method: 'POST', url: `/api/destructions/${caseId}/decide`, body: { decisionRef: '05/QĐ-SNV' } })).json().status).toBe('DECIDED');
    const noConfirm = await clerk.request({ method: 'POST', url: `/api/destructions/${caseId}/execute`, body: { ...EXECUTION, irrecoverable: false } });
    expect(noConfirm.statusCode).toBe(400);
    const done = (await clerk.request({ method: 'POST', url: `/api/destructions/${caseId}/execute`, body: EXECUTION })).json();
    expect(done).toEqual({ status: 'EXECUTED', destroyed: 2 });
    const statuses = await t.ctx.db.selectFrom('items').select('status').where('id', 'in', items).execute();
    expect(statuses.map((s) => s.status)).toEqual(['DESTROYED', 'DESTROYED']);
  });

  it('R10.3: a Mật-only authority cannot decide a destruction; nor can the proposer', async () => {
    const { unit, clerk, head, member, authority, receive } = await office();
    await authority(head.personId, ['TRUONG_PHONG']);
    const { caseId } = (await clerk.request({ method: 'POST', url: '/api/destructions', body: { unitId: unit.id, itemIds: [await receive('MAT')] } })).json();
    await head.request({ method: 'POST', url: `/api/destructions/${caseId}/council`, body: { councilRef: '04/QĐ', chairId: head.personId, memberIds: [member.personId] } });
    await member.request({ method: 'POST', url: `/api/destructions/${caseId}/review`, body: { minutes: 'Đề nghị tiêu hủy.' } });
    const refused = await head.request({ method: 'POST', url: `/api/destructions/${caseId}/decide`, body: { decisionRef: '05/QĐ' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'register.authority_refused', details: { rule: 'R10.3' } });
    const clerkHead = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU', 'LANH_DAO'], clearance: 'TOI_MAT' });
    const own = (await clerkHead.request({ method: 'POST', url: '/api/destructions', body: { unitId: unit.id, itemIds: [await receive('MAT', '9/C')] } })).json();
    await head.request({ method: 'POST', url: `/api/destructions/${own.caseId}/council`, body: { councilRef: '06/QĐ', chairId: head.personId, memberIds: [member.personId] } });
    await member.request({ method: 'POST', url: `/api/destructions/${own.caseId}/review`, body: { minutes: 'Đề nghị.' } });
    expect((await clerkHead.request({ method: 'POST', url: `/api/destructions/${own.caseId}/decide`, body: { decisionRef: '07/QĐ' } })).json().error.code).toBe('register.same_person');
  });

  it('R10.1(b), R10.3: the custodian destroys at once in an emergency and the written report falls due', async () => {
    const { unit, clerk, member, receive } = await office();
    const itemId = await receive('TOI_MAT');
    const other = await clerk.request({ method: 'POST', url: '/api/destructions/emergency', body: { unitId: unit.id, itemIds: [itemId], circumstances: 'Cháy kho', ...EXECUTION } });
    expect(other.statusCode).toBe(200);
    const res = other.json();
    expect(res.status).toBe('REPORT_DUE');
    expect(Date.parse(res.reportDue)).toBeGreaterThan(Date.now() - 60_000);
    expect((await t.ctx.db.selectFrom('items').select('status').where('id', '=', itemId).executeTakeFirstOrThrow()).status).toBe('DESTROYED');
    expect((await clerk.request({ method: 'POST', url: `/api/destructions/${res.caseId}/report`, body: { sentOn: '2026-11-23' } })).json().status).toBe('REPORTED');
    const notMine = await receive('MAT', '3/X');
    await clerk.request({ method: 'POST', url: `/api/items/${notMine}/handover`, body: { toPersonId: member.personId } });
    const refused = await clerk.request({ method: 'POST', url: '/api/destructions/emergency', body: { unitId: unit.id, itemIds: [notMine], circumstances: 'x', ...EXECUTION } });
    expect(refused.statusCode).toBe(403);
  });

  it('hides a destruction case from a person who cannot see all of its items', async () => {
    const { unit, clerk, receive } = await office();
    const { caseId } = (await clerk.request({ method: 'POST', url: '/api/destructions', body: { unitId: unit.id, itemIds: [await receive('TOI_MAT')] } })).json();
    const low = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    expect((await low.request({ method: 'GET', url: `/api/destructions/${caseId}` })).statusCode).toBe(404);
    expect((await clerk.request({ method: 'GET', url: `/api/destructions/${caseId}` })).json().items).toHaveLength(1);
  });

  it('reading a destruction case is audited in the unit\'s chain; a refused read writes nothing', async () => {
    const { admin, unit, clerk, head, receive } = await office();
    const { caseId } = (await clerk.request({ method: 'POST', url: '/api/destructions', body: { unitId: unit.id, itemIds: [await receive('TOI_MAT', '1/A'), await receive('MAT', '2/B')] } })).json();
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-TP', name: 'Sở Tư pháp' });
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    const low = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    const viewed = () => t.ctx.db.selectFrom('audit_records').select(['chain', 'actor_id', 'subject_id', 'data']).where('type', '=', 'destruction.viewed').orderBy('seq').execute();
    expect((await low.request({ method: 'GET', url: `/api/destructions/${caseId}` })).statusCode).toBe(404);
    expect((await outsider.request({ method: 'GET', url: `/api/destructions/${caseId}` })).statusCode).toBe(404);
    expect(await viewed()).toEqual([]);
    expect((await clerk.request({ method: 'GET', url: `/api/destructions/${caseId}` })).statusCode).toBe(200);
    await head.request({ method: 'POST', url: `/api/destructions/${caseId}/council`, body: { councilRef: '04/QĐ', chairId: head.personId, memberIds: [outsider.personId] } });
    expect((await outsider.request({ method: 'GET', url: `/api/destructions/${caseId}` })).statusCode).toBe(200);
    const rows = await viewed();
    expect(rows.map((r) => ({ ...r, data: JSON.parse(r.data) }))).toEqual([
      { chain: unit.id, actor_id: clerk.accountId, subject_id: caseId, data: { items: 2, highestLevel: 'TOI_MAT', onCouncil: false } },
      { chain: unit.id, actor_id: outsider.accountId, subject_id: caseId, data: { items: 2, highestLevel: 'TOI_MAT', onCouncil: true } },
    ]);
    const trail = (await head.request({ method: 'GET', url: `/api/audit?unitId=${unit.id}&type=destruction.viewed` })).json();
    expect(JSON.stringify(trail)).toContain('Xem hồ sơ tiêu hủy (2 tài liệu, độ mật cao nhất Tối mật)');
  });
});
