import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULE_SET_2018, RULE_SET_2025, type RuleSet } from '@bmnn/rules';
import { clientFrom, createTestApp, createTestUnit, createUserAndLogin, DATABASE_KINDS, sessionCookieOf, setupAdmin, STRONG_PASSWORD, type TestApp } from '../../testing/test-context.ts';
import { getRuleSets } from './rule-sets.provider.ts';

const clone = (r: RuleSet): RuleSet => JSON.parse(JSON.stringify(r)) as RuleSet;

describe.each(DATABASE_KINDS)('rule sets corrected by the administrator on %s', (kind) => {
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

  /** The administrator, logged in at the current (test) time. */
  async function administratorNow() {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: STRONG_PASSWORD } });
    return clientFrom(t.app, sessionCookieOf(login), login.json().csrfToken);
  }

  const written = async () => ({
    rows: await t.ctx.db.selectFrom('rule_sets').selectAll().execute(),
    audits: await t.ctx.db.selectFrom('audit_records').select(['data', 'subject_id']).where('type', '=', 'rule_set.updated').execute(),
  });

  it('A4, R9.2: lowering the extension lead days to 45 lets a later extension 53 days before expiry through, and the audit lists the change', async () => {
    const admin = await setupAdmin(t);
    await admin.request({ method: 'POST', url: '/api/danh-muc/samples' });
    const dm = ((await admin.request({ method: 'GET', url: '/api/danh-muc/items?q=in sao de thi' })).json().items as Array<{ id: string }>)[0]!.id;
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-GD', name: 'Sở Giáo dục và Đào tạo' });
    const drafter = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    const leaderNow = async () => {
      const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO'], clearance: 'TOI_MAT' });
      await (await administratorNow()).request({ method: 'POST', url: '/api/authorities', body: { personId: head.personId, positionKeys: ['NGUOI_DUNG_DAU'], validFrom: '2025-07-01' } });
      return head;
    };
    const first = await leaderNow();
    const { itemId } = (await drafter.request({ method: 'POST', url: '/api/register/propose', body: { unitId: unit.id, trichYeu: 'Phương án in sao đề thi', danhMucItemIds: [dm], proposedLevel: 'MAT', recipients: [{ name: 'Hội đồng thi' }], copies: 1, copyPermitted: false, drafterName: 'Trần Soạn' } })).json();
    expect((await first.request({ method: 'POST', url: `/api/items/${itemId}/determine` })).json().protectionEnd).toBe('2036-11-23');

    // 53 days before the end: too late under the shipped 60 days.
    now = new Date('2036-10-01T03:00:00Z');
    const head = await leaderNow();
    const refused = await head.request({ method: 'POST', url: `/api/items/${itemId}/extend`, body: { years: 5, decisionRef: '01/QĐ-SGDĐT' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'register.period_refused', details: { rule: 'R9.2' } });

    const administrator = await administratorNow();
    const current = (await administrator.request({ method: 'GET', url: '/api/rule-sets/LAW_2025' })).json();
    expect(current.summary).toMatchObject({ id: 'LAW_2025', version: 0 });
    const edited = clone(current.ruleSet as RuleSet);
    edited.extension.decisionLeadDays = 45;
    const saved = await administrator.request({ method: 'PUT', url: '/api/rule-sets/LAW_2025', body: { json: JSON.stringify(edited), version: 0 } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, changes: [{ path: 'extension.decisionLeadDays', before: 60, after: 45 }] });

    const extended = await head.request({ method: 'POST', url: `/api/items/${itemId}/extend`, body: { years: 5, decisionRef: '01/QĐ-SGDĐT' } });
    expect(extended.statusCode).toBe(200);
    expect(extended.json().protectionEnd).toBe('2041-11-23');

    const { rows, audits } = await written();
    expect(rows).toEqual([expect.objectContaining({ id: 'LAW_2025', version: 1 })]);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.subject_id).toBe('LAW_2025');
    expect(JSON.parse(audits[0]!.data)).toEqual({ ruleSetId: 'LAW_2025', version: 1, changes: [{ path: 'extension.decisionLeadDays', before: 60, after: 45 }] });
    const viewer = (await administrator.request({ method: 'GET', url: '/api/audit?type=rule_set.upd&page=1&pageSize=20' })).json();
    expect(viewer.records[0].summary).toContain('Gia hạn (R9.2) › Quyết định trước khi hết hạn ít nhất (ngày): 60 → 45');
    const history = (await administrator.request({ method: 'GET', url: '/api/rule-sets/LAW_2025' })).json().history;
    expect(history).toEqual([expect.objectContaining({ version: 1, changes: [expect.objectContaining({ text: 'Gia hạn (R9.2) › Quyết định trước khi hết hạn ít nhất (ngày): 60 → 45' })] })]);
  });

  it('refuses an edit by anyone but the administrator (403), writing nothing; everyone may read the rules', async () => {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const head = await createUserAndLogin(t, { unitId: unit.id, roles: ['LANH_DAO', 'VAN_THU'], clearance: 'TUYET_MAT' });
    const list = (await head.request({ method: 'GET', url: '/api/rule-sets' })).json();
    expect(list.canEdit).toBe(false);
    expect(list.ruleSets.map((r: { id: string }) => r.id)).toEqual(['LAW_2018', 'LAW_2025']);
    const edited = clone(RULE_SET_2025);
    edited.extension.decisionLeadDays = 1;
    const res = await head.request({ method: 'PUT', url: '/api/rule-sets/LAW_2025', body: { json: edited, version: 0 } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
    expect(await written()).toEqual({ rows: [], audits: [] });
    expect((await getRuleSets(t.ctx))[1]!.extension.decisionLeadDays).toBe(60);
  });

  it('R9.2, A4: refuses an invalid set, unreadable JSON and an overlapping validity with Vietnamese reasons, writing nothing', async () => {
    const admin = await setupAdmin(t);
    const tooLong = clone(RULE_SET_2025);
    tooLong.extension.maxYearsEach.MAT = 11;
    const invalid = await admin.request({ method: 'PUT', url: '/api/rule-sets/LAW_2025', body: { json: tooLong, version: 0 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('rule_set.invalid');
    expect(invalid.json().error.details.issues).toEqual([expect.objectContaining({ path: 'extension.maxYearsEach.MAT', message: 'Mỗi lần gia hạn không được quá thời hạn bảo vệ của độ mật (R9.2)', where: 'Gia hạn (R9.2) › Tối đa mỗi lần gia hạn (năm) › Mật' })]);

    const wrongType = await admin.request({ method: 'PUT', url: '/api/rule-sets/LAW_2025', body: { json: JSON.stringify({ ...RULE_SET_2025, periods: { ...RULE_SET_2025.periods, baseYears: { ...RULE_SET_2025.periods.baseYears, MAT: 'mười' } } }), version: 0 } });
    expect(wrongType.json().error.code).toBe('rule_set.invalid');
    expect(wrongType.json().error.details.issues[0].path).toBe('periods.baseYears.MAT');
    expect(wrongType.json().error.details.issues[0].message).toMatch(/[àáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);

    const unreadable = await admin.request({ method: 'PUT', url: '/api/rule-sets/LAW_2025', body: { json: '{ "id": "LAW_2025", ', version: 0 } });
    expect(unreadable.json().error.details.issues).toEqual([expect.objectContaining({ message: 'Không đọc được JSON' })]);

    const overlapping = clone(RULE_SET_2018);
    overlapping.validTo = '2026-06-30';
    const overlap = await admin.request({ method: 'PUT', url: '/api/rule-sets/LAW_2018', body: { json: overlapping, version: 0 } });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({ code: 'rule_set.overlap', details: { overlapsWith: ['LAW_2025'] } });
    expect(overlap.json().error.message).toContain('Luật Bảo vệ BMNN 2025');

    const renamed = clone(RULE_SET_2025);
    renamed.id = 'LAW_2030';
    expect((await admin.request({ method: 'PUT', url: '/api/rule-sets/LAW_2025', body: { json: renamed, version: 0 } })).json().error.code).toBe('rule_set.invalid');
    expect((await admin.request({ method: 'PUT', url: '/api/rule-sets/LAW_2099', body: { json: renamed, version: 0 } })).statusCode).toBe(404);
    expect(await written()).toEqual({ rows: [], audits: [] });
  });

  it('R7.2: allowing the trích yếu of Tuyệt mật with consent is a stored edit; a stale version is refused', async () => {
    const admin = await setupAdmin(t);
    const edited = clone(RULE_SET_2025);
    edited.trichYeu.tuyetMat = 'CONSENT_REQUIRED';
    expect((await admin.request({ method: 'PUT', url: '/api/rule-sets/LAW_2025', body: { json: edited, version: 0 } })).json().version).toBe(1);
    expect((await getRuleSets(t.ctx)).find((r) => r.id === 'LAW_2025')!.trichYeu.tuyetMat).toBe('CONSENT_REQUIRED');
    const again = clone(edited);
    again.extension.warningLeadDays = 120;
    const stale = await admin.request({ method: 'PUT', url: '/api/rule-sets/LAW_2025', body: { json: again, version: 0 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('rule_set.version_conflict');
    expect((await admin.request({ method: 'PUT', url: '/api/rule-sets/LAW_2025', body: { json: again, version: 1 } })).json().version).toBe(2);
    const list = (await admin.request({ method: 'GET', url: '/api/rule-sets' })).json();
    expect(list.canEdit).toBe(true);
    expect(list.ruleSets.find((r: { id: string }) => r.id === 'LAW_2025')).toMatchObject({ version: 2, updatedByName: expect.any(String) });
    expect((await written()).audits).toHaveLength(2);
  });
});
