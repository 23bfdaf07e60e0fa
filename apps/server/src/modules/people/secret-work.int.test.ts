import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, STRONG_PASSWORD, useTestApp } from '../../testing/test-context.ts';

const NOW = new Date('2026-11-23T03:00:00Z');

async function docxText(payload: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(payload)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
}

describe.each(DATABASE_KINDS)('people who work with secrets on %s', (kind) => {
  const t = useTestApp(kind, { now: NOW });

  async function world() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'STP', name: 'Sở Tư pháp' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SXD', name: 'Sở Xây dựng' });
    const officer = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT', 'VAN_THU'], clearance: 'TOI_MAT' });
    return { admin, unit, other, officer };
  }

  it('R11.4: assigns a part-time security officer with the decision and lists the units still without one', async () => {
    const { admin, unit, other, officer } = await world();
    const province = await createUserAndLogin(t, { unitId: admin.provinceId, roles: ['BAN_CHI_DAO'] });
    const before = (await province.request({ method: 'GET', url: '/api/security-officers/missing-units' })).json().units.map((u: { code: string }) => u.code).sort();
    expect(before).toEqual(['STP', 'SXD']);

    const noType = await officer.request({ method: 'POST', url: '/api/assignments', body: { personId: officer.personId, kind: 'SECURITY_OFFICER', decisionRef: '12/QĐ-STP', decisionDate: '2026-01-05', validFrom: '2026-01-05' } });
    expect(noType.json().error.details.issues).toEqual([{ path: ['officerType'], message: 'Chọn chuyên trách hoặc kiêm nhiệm' }]);
    const body = { personId: officer.personId, kind: 'SECURITY_OFFICER', officerType: 'KIEM_NHIEM', decisionRef: '12/QĐ-STP', decisionDate: '2026-01-05', validFrom: '2026-01-05' };
    // R11.4: a signed commitment on assignment comes first (tenant policy, on by default).
    const early = await officer.request({ method: 'POST', url: '/api/assignments', body });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'assignment.commitment_required', message: 'Cán bộ phải ký cam kết bảo vệ bí mật nhà nước trước khi được phân công làm cán bộ bảo mật (R11.4)' });
    await officer.request({ method: 'POST', url: '/api/commitments', body: { personId: officer.personId, kind: 'ON_ASSIGNMENT', signedOn: '2026-01-04' } });
    const assigned = await officer.request({ method: 'POST', url: '/api/assignments', body });
    expect(assigned.json().assignment).toMatchObject({ kind: 'SECURITY_OFFICER', officerType: 'KIEM_NHIEM', decisionRef: '12/QĐ-STP', personId: officer.personId });
    expect((await province.request({ method: 'GET', url: '/api/security-officers/missing-units' })).json().units.map((u: { id: string }) => u.id)).toEqual([other.id]);
    expect((await officer.request({ method: 'GET', url: '/api/assignments?kind=SECURITY_OFFICER' })).json().assignments).toHaveLength(1);
    // An officer of another unit can neither see nor assign this unit's people.
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['CAN_BO_BAO_MAT'] });
    expect((await outsider.request({ method: 'POST', url: '/api/assignments', body: { personId: officer.personId, kind: 'SECRET_WORK', decisionRef: '1/QĐ', decisionDate: '2026-01-05', validFrom: '2026-01-05' } })).statusCode).toBe(404);
    expect(unit.id).toBeTruthy();
  });

  it('R11.4: the administrator may turn off the commitment-before-officer rule, whose legal basis is unconfirmed', async () => {
    const { admin, other } = await world();
    const head = await createUserAndLogin(t, { unitId: other.id, roles: ['LANH_DAO'] });
    expect((await head.request({ method: 'PUT', url: '/api/assignments/policy', body: { requireCommitmentBeforeOfficer: false } })).statusCode).toBe(403);
    expect((await admin.request({ method: 'PUT', url: '/api/assignments/policy', body: { requireCommitmentBeforeOfficer: false } })).json()).toEqual({ requireCommitmentBeforeOfficer: false });
    const res = await head.request({ method: 'POST', url: '/api/assignments', body: { personId: head.personId, kind: 'SECURITY_OFFICER', officerType: 'KIEM_NHIEM', decisionRef: '3/QĐ-SXD', decisionDate: '2026-02-01', validFrom: '2026-02-01' } });
    expect(res.statusCode).toBe(200);
  });

  it('R11.2: prints the commitment form filled from the person, records the signature and the renewal due', async () => {
    const { officer } = await world();
    const created = await officer.request({ method: 'POST', url: '/api/commitments', body: { personId: officer.personId, kind: 'ON_ASSIGNMENT' } });
    const commitment = created.json().commitment;
    expect(commitment).toMatchObject({ kind: 'ON_ASSIGNMENT', signedOn: null });
    const form = await officer.request({ method: 'GET', url: `/api/commitments/${commitment.id}/form.docx` });
    expect(form.statusCode).toBe(200);
    const text = await docxText(form.rawPayload);
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Bắc Ninh, ngày 23 tháng 11 năm 2026', 'BẢN CAM KẾT', '(Cam kết khi được phân công)', `Họ và tên: Cán bộ ${officer.username}`, 'Cơ quan, đơn vị: Sở Tư pháp', 'SỞ TƯ PHÁP', 'NGƯỜI CAM KẾT']) {
      expect(text).toContain(expected);
    }
    const signed = await officer.request({ method: 'POST', url: `/api/commitments/${commitment.id}/sign`, body: { signedOn: '2026-11-20', renewalDue: '2027-11-20', scanRef: 'HS-CK-05' } });
    expect(signed.json().commitment).toMatchObject({ signedOn: '2026-11-20', renewalDue: '2027-11-20', scanRef: 'HS-CK-05' });
    expect((await officer.request({ method: 'GET', url: '/api/commitments?renewalDueBy=2027-12-31' })).json().commitments).toHaveLength(1);
    expect((await officer.request({ method: 'GET', url: '/api/commitments?renewalDueBy=2027-01-01' })).json().commitments).toHaveLength(0);
    const audit = await t.ctx.db.selectFrom('audit_records').select('type').where('type', 'like', 'commitment.%').orderBy('seq').execute();
    expect(audit.map((a) => a.type)).toEqual(['commitment.recorded', 'commitment.form_exported', 'commitment.recorded']);
  });

  it('R11.2: offboarding a clerk who holds two items and a device cannot close while anything is in custody or the exit commitment is unsigned; closing disables the account', async () => {
    const { unit, officer } = await world();
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT', username: 'vanthu.lan' });
    const successor = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    const item = async (soKyHieu: string) => (await officer.request({ method: 'POST', url: '/api/items', body: { unitId: unit.id, level: 'MAT', soKyHieu, custodianId: clerk.personId } })).json().item.id as string;
    const first = await item('05/KH-STP');
    const second = await item('06/BC-STP');
    const device = (await officer.request({ method: 'POST', url: '/api/devices', body: { unitId: unit.id, assetCode: 'USB-02', name: 'USB văn thư', type: 'REMOVABLE_MEDIUM', networkStatus: 'AIR_GAPPED_NEVER_CONNECTED', custodianId: clerk.personId } })).json().device.id;
    await officer.request({ method: 'POST', url: '/api/assignments', body: { personId: clerk.personId, kind: 'SECRET_WORK', decisionRef: '20/QĐ-STP', decisionDate: '2025-03-01', validFrom: '2025-03-01' } });

    const opened = await officer.request({ method: 'POST', url: '/api/offboarding', body: { personId: clerk.personId, reason: 'RETIRE', effectiveDate: '2026-11-30', successorId: successor.personId } });
    expect(opened.statusCode).toBe(200);
    const offCase = opened.json().case;
    expect(offCase.lines.map((l: { label: string }) => l.label).sort()).toEqual(['Thiết bị USB-02 — USB văn thư', 'Tài liệu số 05/KH-STP (Mật)', 'Tài liệu số 06/BC-STP (Mật)']);
    expect(offCase.openLines).toBe(3);
    expect((await officer.request({ method: 'POST', url: '/api/offboarding', body: { personId: clerk.personId, reason: 'RETIRE', effectiveDate: '2026-11-30' } })).json().error.code).toBe('offboarding.already_open');

    const refused = await officer.request({ method: 'POST', url: `/api/offboarding/${offCase.id}/close` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'offboarding.not_closable', message: 'Còn 3 tài liệu, thiết bị chưa bàn giao hoặc chưa xác định: chưa kết thúc được hồ sơ thu hồi (R11.2)' });

    const lineOf = (subjectId: string) => offCase.lines.find((l: { subjectId: string }) => l.subjectId === subjectId).id;
    const noReceiver = await officer.request({ method: 'POST', url: `/api/offboarding/${offCase.id}/lines/${lineOf(first)}`, body: { resolution: 'HANDED_OVER' } });
    expect(noReceiver.statusCode).toBe(400);
    for (const subject of [first, second, device]) {
      const res = await officer.request({ method: 'POST', url: `/api/offboarding/${offCase.id}/lines/${lineOf(subject)}`, body: { resolution: 'HANDED_OVER', handedToId: successor.personId, handoverRef: 'BB-BG-07' } });
      expect(res.statusCode).toBe(200);
    }
    expect((await successor.request({ method: 'GET', url: `/api/items/${first}` })).json().item.custodianId).toBe(successor.personId);
    // Each handed-over item is a line of the handover book (sổ chuyển giao).
    const lines = await t.ctx.db.selectFrom('item_events').select(['item_id', 'type', 'book']).where('book', '=', 'CHUYEN_GIAO').execute();
    expect(lines.map((l) => l.item_id).sort()).toEqual([first, second].sort());
    expect((await officer.request({ method: 'GET', url: `/api/devices/${device}` })).json().device.custodianId).toBe(successor.personId);

    const noCommitment = await officer.request({ method: 'POST', url: `/api/offboarding/${offCase.id}/close` });
    expect(noCommitment.json().error.message).toBe('Cán bộ chưa ký cam kết bảo vệ bí mật nhà nước khi thôi quản lý: chưa kết thúc được hồ sơ thu hồi (R11.2)');
    await officer.request({ method: 'POST', url: `/api/offboarding/${offCase.id}/exit-commitment`, body: { signedOn: '2026-11-23', scanRef: 'HS-CK-09' } });
    const closed = await officer.request({ method: 'POST', url: `/api/offboarding/${offCase.id}/close` });
    expect(closed.json().case).toMatchObject({ status: 'CLOSED', exitCommitmentSigned: true, openLines: 0 });

    const account = await t.ctx.db.selectFrom('accounts').select('status').where('id', '=', clerk.accountId).executeTakeFirstOrThrow();
    expect(account.status).toBe('DISABLED');
    expect(await t.ctx.db.selectFrom('audit_records').select('subject_id').where('type', '=', 'account.disabled').execute()).toEqual([{ subject_id: clerk.accountId }]);
    expect((await clerk.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanthu.lan', password: STRONG_PASSWORD } });
    expect(login.statusCode).not.toBe(200);
    // The assignment ends on the day the person leaves.
    const assignments = (await officer.request({ method: 'GET', url: '/api/assignments?kind=SECRET_WORK' })).json().assignments;
    expect(assignments.filter((a: { personId: string }) => a.personId === clerk.personId).map((a: { endedOn: string }) => a.endedOn)).toEqual(['2026-11-30']);
  });

  it('R11.2: an item that cannot be found at offboarding opens an incident of loss and becomes LOST', async () => {
    const { unit, officer } = await world();
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'MAT' });
    const itemId = (await officer.request({ method: 'POST', url: '/api/items', body: { unitId: unit.id, level: 'MAT', soKyHieu: '09/TB-STP', custodianId: clerk.personId } })).json().item.id;
    const offCase = (await officer.request({ method: 'POST', url: '/api/offboarding', body: { personId: clerk.personId, reason: 'TRANSFER', effectiveDate: '2026-12-01' } })).json().case;
    const missing = await officer.request({ method: 'POST', url: `/api/offboarding/${offCase.id}/lines/${offCase.lines[0].id}`, body: { resolution: 'MISSING', note: 'Cán bộ khai đã để quên trên xe.' } });
    const line = missing.json().case.lines[0];
    expect(line.resolution).toBe('MISSING');
    const incident = (await officer.request({ method: 'GET', url: `/api/incidents/${line.incidentId}` })).json().incident;
    expect(incident).toMatchObject({ kind: 'MAT', channel: 'KHAC', subChannel: 'LOST_MISPLACED', source: 'OFFBOARDING_MISSING', items: [{ itemId, effect: 'LOST' }] });
    expect(incident.circumstances).toContain('Tài liệu số 09/TB-STP (Mật)');
    expect((await officer.request({ method: 'GET', url: `/api/items/${itemId}` })).json().item.status).toBe('LOST');
    const again = await officer.request({ method: 'POST', url: `/api/offboarding/${offCase.id}/lines/${offCase.lines[0].id}`, body: { resolution: 'ACCOUNTED', note: 'x' } });
    expect(again.json().error.code).toBe('offboarding.line_resolved');
  });

  it('R11.3: when the person has died the head closes the recovery without an exit commitment', async () => {
    const { unit, officer } = await world();
    const { person } = await import('../people/people.usecases.ts').then((m) => m.createPerson(t.ctx, { actor: null, input: { fullName: 'Lê Văn Cố', unitId: unit.id, clearance: 'MAT', handlesSecrets: true } }));
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
    const offCase = (await head.request({ method: 'POST', url: '/api/offboarding', body: { personId: person.id, reason: 'DEATH', effectiveDate: '2026-11-20' } })).json().case;
    expect(offCase.lines).toEqual([]);
    expect((await head.request({ method: 'POST', url: `/api/offboarding/${offCase.id}/close` })).json().case.status).toBe('CLOSED');
    const staff = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'] });
    expect((await staff.request({ method: 'POST', url: '/api/offboarding', body: { personId: officer.personId, reason: 'QUIT', effectiveDate: '2026-11-20' } })).statusCode).toBe(403);
  });
});
