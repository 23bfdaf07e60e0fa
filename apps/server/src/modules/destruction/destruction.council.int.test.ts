import { todayInVietnam } from '@bmnn/contracts';
import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };

describe.each(DATABASE_KINDS)('choosing the destruction council across units on %s', (kind) => {
  const t = useTestApp(kind);

  /** A Tối mật + Mật proposal of Sở Nội vụ, and people of Sở Tư pháp and of a defunct unit. */
  async function office() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const other = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-TP', name: 'Sở Tư pháp' });
    const gone = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-CU', name: 'Sở đã giải thể' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
    const person = async (fullName: string, unitId: string, clearance: string) => (await admin.request({ method: 'POST', url: '/api/people', body: { fullName, unitId, clearance, handlesSecrets: clearance !== 'NONE', position: 'Chuyên viên' } })).json().person.id as string;
    const custodian = await person('Lê Văn Giữ', unit.id, 'TOI_MAT');
    const representative = await person('Đặng Thị Đại Diện', other.id, 'TOI_MAT');
    const tooLow = await person('Đặng Văn Đạt', other.id, 'MAT');
    const formerStaff = await person('Đặng Thị Đào', gone.id, 'TUYET_MAT');
    const defunct = await admin.request({ method: 'POST', url: `/api/units/${gone.id}/defunct`, body: { successorId: null, effectiveDate: todayInVietnam(new Date()) } });
    expect(defunct.statusCode).toBe(200);
    const receive = async (level: string, soKyHieu: string) => (await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'UBND tỉnh', soKyHieu, level, condition: GOOD } })).json().itemId as string;
    const { caseId } = (await clerk.request({ method: 'POST', url: '/api/destructions', body: { unitId: unit.id, itemIds: [await receive('TOI_MAT', '1/KH'), await receive('MAT', '2/BC')] } })).json() as { caseId: string };
    return { admin, unit, other, clerk, head, caseId, custodian, representative, tooLow, formerStaff };
  }

  it('R10.4: a search finds people of other units cleared for the list — name and unit only — and the head puts one on the council', async () => {
    const { head, unit, other, caseId, custodian, representative } = await office();
    const res = await head.request({ method: 'GET', url: `/api/destructions/${caseId}/council-candidates?q=dang` });
    expect(res.statusCode).toBe(200);
    // Đặng Văn Đạt (Mật) cannot read a Tối mật list; Đặng Thị Đào's unit no longer exists.
    expect(res.json()).toEqual({ people: [{ id: representative, fullName: 'Đặng Thị Đại Diện', unitId: other.id, unitName: 'Sở Tư pháp' }] });
    const own = (await head.request({ method: 'GET', url: `/api/destructions/${caseId}/council-candidates` })).json().people as Array<{ id: string; unitId: string }>;
    expect(own.map((p) => p.id)).toContain(custodian);
    expect(own.every((p) => p.unitId === unit.id)).toBe(true);
    const council = await head.request({ method: 'POST', url: `/api/destructions/${caseId}/council`, body: { councilRef: '04/QĐ-SNV', chairId: head.personId, memberIds: [custodian, representative] } });
    expect(council.json().status).toBe('COUNCIL_SET');
    const detail = (await head.request({ method: 'GET', url: `/api/destructions/${caseId}` })).json();
    expect(detail.case.councilNames.members).toEqual(['Lê Văn Giữ', 'Đặng Thị Đại Diện']);
    // The council is set: nobody is looking for members any more.
    const late = await head.request({ method: 'GET', url: `/api/destructions/${caseId}/council-candidates?q=dang` });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('destruction.wrong_step');
  });

  it('the people search is closed to whoever may not set up the council: a clerk 403, a head of another unit or a low clearance 404, nothing listed', async () => {
    const { unit, other, clerk, caseId } = await office();
    const refused = await clerk.request({ method: 'GET', url: `/api/destructions/${caseId}/council-candidates?q=dang` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.forbidden');
    expect(refused.json()).not.toHaveProperty('people');
    const strangers = [
      await createUserAndLogin(t, { unitId: other.id, roles: ['LANH_DAO'], clearance: 'TUYET_MAT' }),
      await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'MAT' }),
    ];
    for (const stranger of strangers) {
      const res = await stranger.request({ method: 'GET', url: `/api/destructions/${caseId}/council-candidates?q=dang` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('destruction.not_found');
      expect(JSON.stringify(res.json())).not.toContain('Đại Diện');
    }
    const tooLong = await clerk.request({ method: 'GET', url: `/api/destructions/${caseId}/council-candidates?q=${'a'.repeat(101)}` });
    expect(tooLong.statusCode).toBe(400);
  });
});
