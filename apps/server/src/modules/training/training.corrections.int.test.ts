import { describe, expect, it } from 'vitest';
import { type Client, createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

// Correcting a training session after it was recorded (LEGAL.md R11.5): a wrong date, topic or
// organiser, or a person added by mistake.

const NOW = new Date('2026-11-23T03:00:00Z');

describe.each(DATABASE_KINDS)('training corrections on %s', (kind) => {
  const t = useTestApp(kind, { now: NOW });

  async function world() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'STP', name: 'Sở Tư pháp' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SXD', name: 'Sở Xây dựng' });
    const officer = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'TOI_MAT' });
    const person = async (fullName: string) => (await officer.request({ method: 'POST', url: '/api/people', body: { fullName, unitId: unit.id, clearance: 'MAT', handlesSecrets: true } })).json().person.id as string;
    const an = await person('Nguyễn Văn An');
    const binh = await person('Trần Thị Bình');
    const recorded = await officer.request({ method: 'POST', url: '/api/training/sessions', body: { unitId: unit.id, topic: 'Quán triệt Luật Bảo vệ bí mật nhà nớc', kind: 'TAP_HUAN', heldOn: '2025-10-01', organiser: 'Công an tĩnh', material: 'Tài liệu tập huấn', result: null, attendeeIds: [an, binh] } });
    expect(recorded.statusCode).toBe(200);
    return { admin, unit, other, officer, an, binh, sessionId: recorded.json().session.id as string };
  }

  const sessionRow = (id: string) => t.ctx.db.selectFrom('training_sessions').select(['topic', 'kind', 'held_on', 'organiser', 'material', 'result']).where('id', '=', id).executeTakeFirstOrThrow();
  const auditOf = async (type: string) => (await t.ctx.db.selectFrom('audit_records').select(['data', 'subject_id', 'chain']).where('type', '=', type).orderBy('seq').execute()).map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
  const lastTrained = async (client: Client) => Object.fromEntries((await client.request({ method: 'GET', url: '/api/training/people' })).json().people.map((p: { fullName: string; lastTrainedOn: string | null }) => [p.fullName, p.lastTrainedOn]));
  const coverageOf = async (client: Client) => (await client.request({ method: 'GET', url: '/api/training/coverage' })).json().coverage.units.map((u: { unitCode: string; secretStaff: number; trained: number }) => [u.unitCode, u.trained, u.secretStaff]);

  it('R11.5: the officer corrects the topic, date and organiser of a recorded session; the audit lists each change before and after', async () => {
    const { unit, officer, sessionId } = await world();
    // Held in 2025 by mistake: outside the 12-month window, nobody counts as trained yet.
    expect(await coverageOf(officer)).toEqual([['STP', 0, 3]]);
    const res = await officer.request({ method: 'PATCH', url: `/api/training/sessions/${sessionId}`, body: { topic: 'Quán triệt Luật Bảo vệ bí mật nhà nước', heldOn: '2026-10-01', organiser: 'Công an tỉnh', kind: 'TAP_HUAN', material: 'Tài liệu tập huấn' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().session).toMatchObject({ id: sessionId, unitId: unit.id, topic: 'Quán triệt Luật Bảo vệ bí mật nhà nước', heldOn: '2026-10-01', organiser: 'Công an tỉnh', kind: 'TAP_HUAN', material: 'Tài liệu tập huấn', result: null, attendeeCount: 2 });
    expect(await sessionRow(sessionId)).toEqual({ topic: 'Quán triệt Luật Bảo vệ bí mật nhà nước', kind: 'TAP_HUAN', held_on: '2026-10-01', organiser: 'Công an tỉnh', material: 'Tài liệu tập huấn', result: null });

    // Only what changed is in the audit record, each field before and after; unchanged fields sent again are not.
    const audit = await auditOf('training.session_updated');
    expect(audit).toEqual([
      {
        subject_id: sessionId,
        chain: unit.id,
        data: {
          before: { topic: 'Quán triệt Luật Bảo vệ bí mật nhà nớc', heldOn: '2025-10-01', organiser: 'Công an tĩnh' },
          after: { topic: 'Quán triệt Luật Bảo vệ bí mật nhà nước', heldOn: '2026-10-01', organiser: 'Công an tỉnh' },
        },
      },
    ]);
    const viewer = (await officer.request({ method: 'GET', url: '/api/audit?type=training.session_updated' })).json().records;
    expect(viewer.map((r: { summary: string }) => r.summary)).toEqual(['Sửa thông tin buổi tập huấn: chủ đề “Quán triệt Luật Bảo vệ bí mật nhà nớc” → “Quán triệt Luật Bảo vệ bí mật nhà nước”; ngày tổ chức 01/10/2025 → 01/10/2026; đơn vị tổ chức “Công an tĩnh” → “Công an tỉnh”']);

    // The corrected date is each attendee's last training, and the coverage follows.
    expect(await lastTrained(officer)).toMatchObject({ 'Nguyễn Văn An': '2026-10-01', 'Trần Thị Bình': '2026-10-01' });
    expect(await coverageOf(officer)).toEqual([['STP', 2, 3]]);

    // Clearing the result and material: null, audited as such.
    await officer.request({ method: 'PATCH', url: `/api/training/sessions/${sessionId}`, body: { material: null, result: 'Đạt yêu cầu' } });
    expect((await auditOf('training.session_updated'))[1]!.data).toEqual({ before: { material: 'Tài liệu tập huấn', result: null }, after: { material: null, result: 'Đạt yêu cầu' } });

    // Nothing changed: the session is answered as it is, nothing is written or audited (as incidents do).
    const same = await officer.request({ method: 'PATCH', url: `/api/training/sessions/${sessionId}`, body: { topic: 'Quán triệt Luật Bảo vệ bí mật nhà nước', heldOn: '2026-10-01' } });
    expect(same.statusCode).toBe(200);
    expect(same.json().session.topic).toBe('Quán triệt Luật Bảo vệ bí mật nhà nước');
    expect(await auditOf('training.session_updated')).toHaveLength(2);
  });

  it('R11.5: a correction with a wrong field is refused with Vietnamese messages and leaves the session as it was', async () => {
    const { officer, sessionId } = await world();
    const before = await sessionRow(sessionId);
    const blank = await officer.request({ method: 'PATCH', url: `/api/training/sessions/${sessionId}`, body: { topic: '   ', kind: 'HOP', organiser: 'Công an tỉnh' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.code).toBe('validation.failed');
    expect(blank.json().error.details.issues).toEqual([
      { path: ['topic'], message: 'Chủ đề không được để trống' },
      { path: ['kind'], message: 'Hình thức không hợp lệ' },
    ]);
    // A good topic with a future date: neither is written.
    const future = await officer.request({ method: 'PATCH', url: `/api/training/sessions/${sessionId}`, body: { topic: 'Chủ đề đúng', heldOn: '2026-12-01' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.issues).toEqual([{ path: ['heldOn'], message: 'Ngày tổ chức không được sau hôm nay' }]);
    const badDate = await officer.request({ method: 'PATCH', url: `/api/training/sessions/${sessionId}`, body: { topic: 'Chủ đề đúng', heldOn: '31/02/2026' } });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details.issues).toContainEqual({ path: ['heldOn'], message: 'Ngày không hợp lệ (định dạng yyyy-mm-dd)' });
    expect(await sessionRow(sessionId)).toEqual(before);
    expect(await auditOf('training.session_updated')).toEqual([]);
  });

  it('R11.5: outside the unit the session does not exist (404) for corrections and removals; staff who may not record training are refused', async () => {
    const { unit, other, officer, an, sessionId } = await world();
    const before = await sessionRow(sessionId);
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['CAN_BO_BAO_MAT'], clearance: 'TOI_MAT' });
    const patch = await outsider.request({ method: 'PATCH', url: `/api/training/sessions/${sessionId}`, body: { topic: 'Sửa trộm' } });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().error.code).toBe('training.not_found');
    const remove = await outsider.request({ method: 'DELETE', url: `/api/training/sessions/${sessionId}/attendees/${an}`, body: { reason: 'Thử xóa' } });
    expect(remove.statusCode).toBe(404);
    expect(remove.json().error.code).toBe('training.not_found');
    const staff = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'MAT' });
    expect((await staff.request({ method: 'PATCH', url: `/api/training/sessions/${sessionId}`, body: { topic: 'Sửa trộm' } })).statusCode).toBe(403);
    expect((await staff.request({ method: 'DELETE', url: `/api/training/sessions/${sessionId}/attendees/${an}`, body: { reason: 'Thử xóa' } })).statusCode).toBe(403);
    expect(await sessionRow(sessionId)).toEqual(before);
    expect((await officer.request({ method: 'GET', url: `/api/training/sessions/${sessionId}` })).json().session.attendeeCount).toBe(2);
    expect([...(await auditOf('training.session_updated')), ...(await auditOf('training.attendee_removed'))]).toEqual([]);
  });

  it("R11.5: removing a wrongly added attendee with a reason updates their last training and the unit's coverage, audited with the reason", async () => {
    const { unit, officer, an, binh, sessionId } = await world();
    await officer.request({ method: 'PATCH', url: `/api/training/sessions/${sessionId}`, body: { heldOn: '2026-10-01' } });
    // An older session of Bình's, outside the window: after the removal it is her last training.
    await officer.request({ method: 'POST', url: '/api/training/sessions', body: { unitId: unit.id, topic: 'Tập huấn năm 2024', kind: 'TAP_HUAN', heldOn: '2024-05-20', organiser: 'Công an tỉnh', attendeeIds: [binh] } });
    expect(await lastTrained(officer)).toMatchObject({ 'Nguyễn Văn An': '2026-10-01', 'Trần Thị Bình': '2026-10-01' });
    expect(await coverageOf(officer)).toEqual([['STP', 2, 3]]);

    const res = await officer.request({ method: 'DELETE', url: `/api/training/sessions/${sessionId}/attendees/${binh}`, body: { reason: 'Chị Bình đi công tác, không dự buổi tập huấn' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().session.attendeeCount).toBe(1);
    expect(res.json().session.attendees.map((a: { personId: string }) => a.personId)).toEqual([an]);
    expect(await lastTrained(officer)).toMatchObject({ 'Nguyễn Văn An': '2026-10-01', 'Trần Thị Bình': '2024-05-20' });
    const due = (await officer.request({ method: 'GET', url: '/api/training/people?dueOnly=true' })).json().people.map((p: { fullName: string }) => p.fullName);
    expect(due).toContain('Trần Thị Bình');
    expect(await coverageOf(officer)).toEqual([['STP', 1, 3]]);
    expect((await officer.request({ method: 'GET', url: '/api/training/sessions' })).json().sessions.find((s: { id: string }) => s.id === sessionId).attendeeCount).toBe(1);

    const audit = await auditOf('training.attendee_removed');
    expect(audit).toEqual([{ subject_id: sessionId, chain: unit.id, data: { sessionId, personId: binh, fullName: 'Trần Thị Bình', reason: 'Chị Bình đi công tác, không dự buổi tập huấn' } }]);
    const viewer = (await officer.request({ method: 'GET', url: '/api/audit?type=training.attendee_removed' })).json().records;
    expect(viewer[0].summary).toBe('Xóa Trần Thị Bình khỏi danh sách tham dự tập huấn. Lý do: Chị Bình đi công tác, không dự buổi tập huấn');
  });

  it('R11.5: removing someone not on the list is 404 training.attendee_not_found; a missing or blank reason is 400 and removes nobody', async () => {
    const { unit, officer, an, binh, sessionId } = await world();
    const stranger = (await officer.request({ method: 'POST', url: '/api/people', body: { fullName: 'Lê Văn Cường', unitId: unit.id, clearance: 'MAT', handlesSecrets: true } })).json().person.id as string;
    const notListed = await officer.request({ method: 'DELETE', url: `/api/training/sessions/${sessionId}/attendees/${stranger}`, body: { reason: 'Nhầm người' } });
    expect(notListed.statusCode).toBe(404);
    expect(notListed.json().error).toMatchObject({ code: 'training.attendee_not_found', message: 'Người này không có trong danh sách tham dự buổi tập huấn' });
    expect((await officer.request({ method: 'DELETE', url: `/api/training/sessions/${sessionId}/attendees/psn_khongco`, body: { reason: 'Nhầm người' } })).json().error.code).toBe('training.attendee_not_found');

    const missing = await officer.request({ method: 'DELETE', url: `/api/training/sessions/${sessionId}/attendees/${an}` });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues).toEqual([{ path: ['reason'], message: 'Lý do là bắt buộc' }]);
    const blank = await officer.request({ method: 'DELETE', url: `/api/training/sessions/${sessionId}/attendees/${an}`, body: { reason: '  ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details.issues).toEqual([{ path: ['reason'], message: 'Lý do không được để trống' }]);

    const attendees = (await officer.request({ method: 'GET', url: `/api/training/sessions/${sessionId}` })).json().session.attendees.map((a: { personId: string }) => a.personId);
    expect(attendees.sort()).toEqual([an, binh].sort());
    expect(await auditOf('training.attendee_removed')).toEqual([]);
  });
});
