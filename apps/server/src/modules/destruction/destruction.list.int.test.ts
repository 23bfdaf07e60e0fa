import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };
const EXECUTION = { method: 'BURN', place: 'Lò đốt tài liệu, Sở Nội vụ', witnesses: ['Nguyễn Văn Chứng'], irrecoverable: true };

describe.each(DATABASE_KINDS)('listing destruction cases and release requests on %s', (kind) => {
  const t = useTestApp(kind);

  async function office() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-TP', name: 'Sở Tư pháp' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
    await admin.request({ method: 'POST', url: '/api/authorities', body: { personId: head.personId, positionKeys: ['NGUOI_DUNG_DAU'], validFrom: '2025-07-01' } });
    const receive = async (level: string, soKyHieu: string) => (await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'UBND tỉnh', soKyHieu, level, condition: GOOD } })).json().itemId as string;
    const items = [await receive('TOI_MAT', '1/KH'), await receive('MAT', '2/BC')];
    const { caseId } = (await clerk.request({ method: 'POST', url: '/api/destructions', body: { unitId: unit.id, itemIds: items } })).json() as { caseId: string };
    return { admin, unit, other, clerk, head, items, caseId };
  }

  it('R10.4: the clerk lists the unit\'s cases and filters them by step', async () => {
    const { clerk, unit, caseId } = await office();
    const all = (await clerk.request({ method: 'GET', url: `/api/destructions?unitId=${unit.id}` })).json();
    expect(all.cases).toEqual([expect.objectContaining({ id: caseId, status: 'PROPOSED', itemCount: 2, highestLevel: 'TOI_MAT', reportOverdue: false, onCouncil: false })]);
    expect((await clerk.request({ method: 'GET', url: '/api/destructions?status=PROPOSED' })).json().cases).toHaveLength(1);
    expect((await clerk.request({ method: 'GET', url: '/api/destructions?status=DECIDED' })).json().cases).toEqual([]);
    expect((await clerk.request({ method: 'GET', url: '/api/destructions?status=NOPE' })).statusCode).toBe(400);
  });

  it('an attacker without clearance or need-to-know finds no case: not in the list, 404 by id, and cannot act on it', async () => {
    const { unit, other, caseId } = await office();
    const attackers = [
      await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'NONE' }),
      await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' }),
      await createUserAndLogin(t, { unitId: other.id, roles: ['VAN_THU', 'LANH_DAO'], clearance: 'TUYET_MAT' }),
    ];
    for (const attacker of attackers) {
      expect((await attacker.request({ method: 'GET', url: '/api/destructions' })).json().cases).toEqual([]);
      expect((await attacker.request({ method: 'GET', url: `/api/destructions?unitId=${unit.id}` })).json().cases).toEqual([]);
      const byId = await attacker.request({ method: 'GET', url: `/api/destructions/${caseId}` });
      expect(byId.statusCode).toBe(404);
      expect(byId.json().error.code).toBe('destruction.not_found');
      const council = await attacker.request({ method: 'POST', url: `/api/destructions/${caseId}/council`, body: { councilRef: '01/QĐ', chairId: attacker.personId, memberIds: [attacker.personId, unit.id.replace('unt', 'psn')] } });
      expect(council.statusCode).toBe(404);
    }
    const row = await t.ctx.db.selectFrom('destruction_cases').select(['status', 'council']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'PROPOSED', council: null });
  });

  it('R10.4: a council member from another unit sees the case and records the review, but neither decides nor records the destruction', async () => {
    const { other, clerk, head, caseId } = await office();
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
    const lowOutsider = await createUserAndLogin(t, { unitId: other.id, roles: ['CAN_BO'], clearance: 'MAT' });
    expect((await outsider.request({ method: 'GET', url: `/api/destructions/${caseId}` })).statusCode).toBe(404);
    // R10.4: the council reviews the list, so a member not cleared for its highest level is refused — whatever the client sends.
    const refused = await head.request({ method: 'POST', url: `/api/destructions/${caseId}/council`, body: { councilRef: '04/QĐ-SNV', chairId: head.personId, memberIds: [outsider.personId, lowOutsider.personId] } });
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'destruction.council_invalid']);
    expect(refused.json().error.message).toContain(`Cán bộ ${lowOutsider.username}`);
    expect((await clerk.request({ method: 'GET', url: `/api/destructions/${caseId}` })).json().case.status).toBe('PROPOSED');
    const set = await head.request({ method: 'POST', url: `/api/destructions/${caseId}/council`, body: { councilRef: '04/QĐ-SNV', chairId: head.personId, memberIds: [outsider.personId] } });
    expect(set.json().status).toBe('COUNCIL_SET');

    const listed = (await outsider.request({ method: 'GET', url: '/api/destructions' })).json().cases;
    expect(listed).toEqual([expect.objectContaining({ id: caseId, onCouncil: true })]);
    const detail = (await outsider.request({ method: 'GET', url: `/api/destructions/${caseId}` })).json();
    expect(detail.items).toHaveLength(2);
    expect(detail.case.councilNames.members).toHaveLength(1);
    // A Tối mật list stays hidden from a Mật person of that unit.
    expect((await lowOutsider.request({ method: 'GET', url: '/api/destructions' })).json().cases).toEqual([]);
    expect((await lowOutsider.request({ method: 'GET', url: `/api/destructions/${caseId}` })).statusCode).toBe(404);

    expect((await outsider.request({ method: 'POST', url: `/api/destructions/${caseId}/review`, body: { minutes: 'Hội đồng thống nhất đề nghị tiêu hủy.' } })).json().status).toBe('REVIEWED');
    const decide = await outsider.request({ method: 'POST', url: `/api/destructions/${caseId}/decide`, body: { decisionRef: '05/QĐ' } });
    expect(decide.statusCode).toBe(403);
    expect((await head.request({ method: 'POST', url: `/api/destructions/${caseId}/decide`, body: { decisionRef: '05/QĐ-SNV' } })).json().status).toBe('DECIDED');
    expect((await outsider.request({ method: 'POST', url: `/api/destructions/${caseId}/execute`, body: EXECUTION })).statusCode).toBe(403);
    expect((await clerk.request({ method: 'POST', url: `/api/destructions/${caseId}/execute`, body: EXECUTION })).json().status).toBe('EXECUTED');
    expect((await clerk.request({ method: 'GET', url: '/api/destructions?status=EXECUTED' })).json().cases).toHaveLength(1);
  });

  it('R10.1(b): an emergency case is listed as report due until the written report is filed', async () => {
    const { unit, clerk } = await office();
    const itemId = (await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'UBND tỉnh', soKyHieu: '9/KC', level: 'MAT', condition: GOOD } })).json().itemId as string;
    const { caseId } = (await clerk.request({ method: 'POST', url: '/api/destructions/emergency', body: { unitId: unit.id, itemIds: [itemId], circumstances: 'Cháy kho lưu trữ', ...EXECUTION } })).json();
    const due = (await clerk.request({ method: 'GET', url: '/api/destructions?status=REPORT_DUE' })).json().cases;
    expect(due).toEqual([expect.objectContaining({ id: caseId, reason: 'EMERGENCY', reportSentOn: null })]);
    expect((await clerk.request({ method: 'GET', url: `/api/destructions/${caseId}` })).json().case.reportOverdue).toBe(false);
    t.setClock(() => new Date(Date.parse(due[0].reportDue) + 60_000));
    // The session idles out over a day; the clerk logs in again.
    const later = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    expect((await later.request({ method: 'GET', url: `/api/destructions/${caseId}` })).json().case.reportOverdue).toBe(true);
    expect((await later.request({ method: 'GET', url: '/api/destructions' })).json().cases).toEqual([expect.objectContaining({ id: caseId, reportOverdue: true })]);
    await later.request({ method: 'POST', url: `/api/destructions/${caseId}/report`, body: { sentOn: '2026-11-23' } });
    expect((await later.request({ method: 'GET', url: '/api/destructions?status=REPORT_DUE' })).json().cases).toEqual([]);
  });

  it('R8.2: the release list carries items and request details, and hides requests from an attacker', async () => {
    const { unit, other, clerk, head, items } = await office();
    const body = { unitId: unit.id, itemIds: [items[1]], purpose: 'Báo cáo tại hội nghị', destination: 'Hà Nội', fromDate: '2026-11-24', toDate: '2026-11-26', protectionMeasures: 'Cặp có khóa' };
    const { requestId } = (await clerk.request({ method: 'POST', url: '/api/take-outs', body })).json();
    const list = (await head.request({ method: 'GET', url: '/api/releases' })).json().requests;
    expect(list).toEqual([expect.objectContaining({ id: requestId, kind: 'TAKE_OUT_DOMESTIC', status: 'REQUESTED', toDate: '2026-11-26', items: [expect.objectContaining({ id: items[1], soKyHieu: '2/BC' })], details: expect.objectContaining({ destination: 'Hà Nội', purpose: 'Báo cáo tại hội nghị' }) })]);
    expect(list[0].requestedByName).toContain('Cán bộ');
    const insider = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'NONE' });
    expect((await insider.request({ method: 'GET', url: '/api/releases' })).json().requests).toEqual([]);
    expect((await insider.request({ method: 'GET', url: `/api/releases?unitId=${unit.id}` })).json().requests).toEqual([]);
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['VAN_THU', 'LANH_DAO'], clearance: 'TUYET_MAT' });
    expect((await outsider.request({ method: 'GET', url: '/api/releases' })).json().requests).toEqual([]);
    expect((await outsider.request({ method: 'GET', url: `/api/releases?unitId=${unit.id}` })).statusCode).toBe(403);
    expect((await insider.request({ method: 'POST', url: `/api/releases/${requestId}/decide`, body: { approve: true } })).statusCode).toBe(404);
  });
});
