import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LEVELS } from '@bmnn/contracts';
import type { Level } from '@bmnn/contracts';
import { canAuthorize } from './authority.ts';
import type { Authority } from './authority.ts';
import { RULE_SET_2018, RULE_SET_2025 } from './rule-set.ts';
import { AGENCY_TYPES, AUTHORITY_ACTIONS, PROVINCIAL_AGENCY_TYPES } from './rule-set.schema.ts';
import type { AuthorityAction, RuleSet } from './rule-set.schema.ts';
import { POSITION_KEYS } from './positions.ts';

const D2018 = '2024-05-10';
const D2025 = '2026-05-10';

const chairUbndTinh: Authority = { roleKeys: ['NGUOI_DUNG_DAU', 'CHU_TICH_UBND'], agencyType: 'UBND_TINH' };
const soDirector: Authority = { roleKeys: ['NGUOI_DUNG_DAU'], agencyType: 'SO_BAN_NGANH' };
const divisionHead: Authority = { roleKeys: ['TRUONG_PHONG'], agencyType: 'SO_BAN_NGANH' };
const communeChair: Authority = { roleKeys: ['NGUOI_DUNG_DAU', 'CHU_TICH_UBND'], agencyType: 'XA' };
const communeDivisionHead: Authority = { roleKeys: ['TRUONG_PHONG'], agencyType: 'PHUONG' };
const primeMinister: Authority = { roleKeys: ['THU_TUONG'], agencyType: 'TRUNG_UONG' };
const president: Authority = { roleKeys: ['CHU_TICH_NUOC'], agencyType: 'TRUNG_UONG' };

const check = (authority: Authority, action: AuthorityAction, level: Level, actionDate: string, ruleSet: RuleSet) =>
  canAuthorize({ authority, action, level, actionDate, ruleSet });

describe('authority matrices', () => {
  it('R5.2: under the 2018 law the provincial People’s Committee chair may authorise copying of Tuyệt mật', () => {
    const r = check(chairUbndTinh, 'COPY', 'TUYET_MAT', D2018, RULE_SET_2018);
    expect(r).toMatchObject({ allowed: true, rule: 'R5.2', confirmed: true, rowId: '2018-copy-province-leaders' });
    expect(r.legalBasis).toContain('Điều 11 khoản 1');
  });

  it('R5.2: a department (sở) director may authorise copying of Tối mật but is refused Tuyệt mật', () => {
    expect(check(soDirector, 'COPY', 'TOI_MAT', D2018, RULE_SET_2018).allowed).toBe(true);
    const refused = check(soDirector, 'COPY', 'TUYET_MAT', D2018, RULE_SET_2018);
    expect(refused).toMatchObject({ allowed: false, code: 'rules.authority_level_too_low', rule: 'R5.2' });
    expect(refused.reason).toBe('Thẩm quyền cho phép sao, chụp của chức vụ này chỉ đến độ Tối mật, không đủ cho bí mật độ Tuyệt mật.');
  });

  it('R5.2: a division head may authorise copying of Mật only, from an unconfirmed row', () => {
    expect(check(divisionHead, 'COPY', 'MAT', D2018, RULE_SET_2018)).toMatchObject({ allowed: true, confirmed: false });
    expect(check(divisionHead, 'COPY', 'TOI_MAT', D2018, RULE_SET_2018).allowed).toBe(false);
  });

  it('R5.2: district leaders lost their authority when districts ended on 01/7/2025', () => {
    const districtSecretary: Authority = { roleKeys: ['BI_THU'], agencyType: 'HUYEN' };
    expect(check(districtSecretary, 'COPY', 'TOI_MAT', '2025-06-30', RULE_SET_2018).allowed).toBe(true);
    expect(check(districtSecretary, 'COPY', 'MAT', '2025-07-01', RULE_SET_2018)).toMatchObject({ allowed: false, code: 'rules.authority_missing' });
  });

  it('R5.3: under the 2025 law a commune chair may authorise Tối mật, a commune division head Mật only', () => {
    expect(check(communeChair, 'COPY', 'TOI_MAT', D2025, RULE_SET_2025)).toMatchObject({ allowed: true, rule: 'R5.3', confirmed: true });
    expect(check(communeChair, 'COPY', 'TUYET_MAT', D2025, RULE_SET_2025)).toMatchObject({ allowed: false, code: 'rules.authority_level_too_low' });
    expect(check(communeDivisionHead, 'COPY', 'MAT', D2025, RULE_SET_2025)).toMatchObject({ allowed: true, confirmed: true });
    expect(check(communeDivisionHead, 'COPY', 'TOI_MAT', D2025, RULE_SET_2025).allowed).toBe(false);
  });

  it('R5.3: the 2025 provincial tier is applied but flagged unconfirmed for the administrator to check', () => {
    expect(check(chairUbndTinh, 'COPY', 'TUYET_MAT', D2025, RULE_SET_2025)).toMatchObject({ allowed: true, confirmed: false });
  });

  it('R5.3: a person without any matching position is refused with a Vietnamese reason', () => {
    const clerk: Authority = { roleKeys: ['CAN_BO'], agencyType: 'SO_BAN_NGANH' };
    const r = check(clerk, 'COPY', 'MAT', D2025, RULE_SET_2025);
    expect(r).toMatchObject({ allowed: false, code: 'rules.authority_missing' });
    expect(r.reason).toContain('không có thẩm quyền cho phép sao, chụp');
  });

  it('A4: refuses a decision judged under a rule set not in force on the action date', () => {
    expect(check(chairUbndTinh, 'COPY', 'MAT', D2025, RULE_SET_2018)).toMatchObject({ allowed: false, code: 'rules.rule_set_not_in_force' });
  });

  it('R5.3: a row may name a title pattern, matched without accents', () => {
    const ruleSet: RuleSet = structuredClone(RULE_SET_2025);
    ruleSet.authorities.push({
      ...ruleSet.authorities[0]!,
      id: 'local-title',
      roleKeys: undefined,
      titlePattern: 'Giám đốc Bệnh viện *',
      agencyTypes: ['SO_BAN_NGANH'],
      levelCeiling: 'MAT',
      actions: ['COPY'],
    });
    const director: Authority = { title: 'GIÁM ĐỐC bệnh viện Đa khoa tỉnh', agencyType: 'SO_BAN_NGANH' };
    expect(check(director, 'COPY', 'MAT', D2025, ruleSet)).toMatchObject({ allowed: true, rowId: 'local-title' });
    expect(check({ title: 'Phó Giám đốc Bệnh viện', agencyType: 'SO_BAN_NGANH' }, 'COPY', 'MAT', D2025, ruleSet).allowed).toBe(false);
  });

  it('R4.1: the head of an agency determines the level; a deputy needs a written delegation valid on the date', () => {
    expect(check({ roleKeys: ['NGUOI_DUNG_DAU'], agencyType: 'PHONG_BAN' }, 'DETERMINE', 'TUYET_MAT', D2018, RULE_SET_2018)).toMatchObject({ allowed: true, rule: 'R4.1' });
    const deputy: Authority = { roleKeys: ['CAP_PHO'], agencyType: 'SO_BAN_NGANH' };
    expect(check(deputy, 'DETERMINE', 'MAT', D2025, RULE_SET_2025)).toMatchObject({ allowed: false, code: 'rules.delegation_required' });
    const expired = { ...deputy, delegation: { ref: '12/QĐ-SNV', validFrom: '2025-01-01', validTo: '2025-12-31' } };
    expect(check(expired, 'DETERMINE', 'MAT', D2025, RULE_SET_2025).allowed).toBe(false);
    const valid = { ...deputy, delegation: { ref: '15/QĐ-SNV', validFrom: '2026-01-01', validTo: null } };
    expect(check(valid, 'DETERMINE', 'MAT', D2025, RULE_SET_2025)).toMatchObject({ allowed: true, rowId: '2025-determine-deputy' });
    const otherScope = { ...deputy, delegation: { ref: '16/QĐ-SNV', validFrom: '2026-01-01', validTo: null, actions: ['TAKE_OUT_DOMESTIC' as const] } };
    expect(check(otherScope, 'DETERMINE', 'MAT', D2025, RULE_SET_2025)).toMatchObject({ allowed: false, code: 'rules.delegation_required' });
  });

  it('R8.1: take-out for domestic work is permitted by the head of the body managing the item, not another body', () => {
    expect(check({ ...soDirector, isManagingBody: true }, 'TAKE_OUT_DOMESTIC', 'TUYET_MAT', D2018, RULE_SET_2018)).toMatchObject({ allowed: true, rule: 'R8.1' });
    expect(check({ ...soDirector, isManagingBody: false }, 'TAKE_OUT_DOMESTIC', 'MAT', D2018, RULE_SET_2018)).toMatchObject({
      allowed: false,
      code: 'rules.authority_wrong_body',
    });
  });

  it('R8.1: take-out abroad needs a provincial leader (or delegated deputy), not a department director', () => {
    expect(check(chairUbndTinh, 'TAKE_OUT_ABROAD', 'TUYET_MAT', D2018, RULE_SET_2018).allowed).toBe(true);
    expect(check(soDirector, 'TAKE_OUT_ABROAD', 'MAT', D2018, RULE_SET_2018)).toMatchObject({ allowed: false, code: 'rules.authority_missing' });
    const viceChair: Authority = { roleKeys: ['CAP_PHO'], agencyType: 'UBND_TINH', delegation: { ref: '01/UQ-UBND', validFrom: '2024-01-01', validTo: null } };
    expect(check(viceChair, 'TAKE_OUT_ABROAD', 'TOI_MAT', D2018, RULE_SET_2018).allowed).toBe(true);
  });

  it('R8.3: provision to a Vietnamese body follows the copy authority by level', () => {
    expect(check(soDirector, 'PROVIDE_DOMESTIC', 'TOI_MAT', D2025, RULE_SET_2025)).toMatchObject({ allowed: true, rule: 'R8.3', confirmed: false });
    expect(check(soDirector, 'PROVIDE_DOMESTIC', 'TUYET_MAT', D2025, RULE_SET_2025)).toMatchObject({ allowed: false, code: 'rules.authority_level_too_low' });
  });

  it('R8.5: under the 2025 law Tuyệt mật goes abroad only by decision of the four top leaders', () => {
    expect(check(president, 'PROVIDE_FOREIGN', 'TUYET_MAT', D2025, RULE_SET_2025)).toMatchObject({ allowed: true, rule: 'R8.5', confirmed: true });
    const minister: Authority = { roleKeys: ['BO_TRUONG_BQP_BCA'], agencyType: 'TRUNG_UONG' };
    expect(check(minister, 'PROVIDE_FOREIGN', 'TOI_MAT', D2025, RULE_SET_2025).allowed).toBe(true);
    expect(check(minister, 'PROVIDE_FOREIGN', 'TUYET_MAT', D2025, RULE_SET_2025)).toMatchObject({ allowed: false, code: 'rules.authority_level_too_low' });
  });

  it('R8.5: under the 2018 law only the Prime Minister could give Tuyệt mật abroad', () => {
    expect(check(primeMinister, 'PROVIDE_FOREIGN', 'TUYET_MAT', D2018, RULE_SET_2018).allowed).toBe(true);
    expect(check(president, 'PROVIDE_FOREIGN', 'TUYET_MAT', D2018, RULE_SET_2018).allowed).toBe(false);
    expect(check(president, 'PROVIDE_FOREIGN', 'TUYET_MAT', D2025, RULE_SET_2025).allowed).toBe(true);
  });

  it('R8.6: a provincial agency can never approve giving Tuyệt mật to a foreign party, even if edited data says so', () => {
    const tampered: RuleSet = structuredClone(RULE_SET_2025);
    tampered.authorities.push({ ...tampered.authorities[0]!, id: 'tampered', actions: ['PROVIDE_FOREIGN'], levelCeiling: 'TUYET_MAT', agencyTypes: ['*'] });
    for (const ruleSet of [RULE_SET_2025, tampered]) {
      const r = check(chairUbndTinh, 'PROVIDE_FOREIGN', 'TUYET_MAT', D2025, ruleSet);
      expect(r).toMatchObject({ allowed: false, code: 'rules.foreign_tuyet_mat_provincial', rule: 'R8.6', confirmed: true });
    }
    expect(check(chairUbndTinh, 'PROVIDE_FOREIGN', 'TOI_MAT', D2025, RULE_SET_2025).allowed).toBe(true);
  });

  it('R8.6 (property): no person of any provincial agency type, with any positions, on any date, may give Tuyệt mật abroad', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVINCIAL_AGENCY_TYPES),
        fc.subarray([...POSITION_KEYS]),
        fc.constantFrom(RULE_SET_2018, RULE_SET_2025),
        fc.integer({ min: 0, max: 2000 }),
        (agencyType, roleKeys, ruleSet, offset) => {
          const actionDate = new Date(Date.parse(`${ruleSet.validFrom}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
          const delegation = { ref: 'x', validFrom: '2000-01-01', validTo: null };
          const r = canAuthorize({ authority: { roleKeys, agencyType, delegation }, action: 'PROVIDE_FOREIGN', level: 'TUYET_MAT', actionDate, ruleSet });
          return !r.allowed && r.code === 'rules.foreign_tuyet_mat_provincial';
        },
      ),
    );
  });

  it('R9.2, R9.3, R9.5: extension, adjustment and declassification are decided by the head of the determining body', () => {
    for (const action of ['EXTEND', 'ADJUST', 'DECLASSIFY'] as const) {
      expect(check({ ...soDirector, isDeterminingBody: true }, action, 'TUYET_MAT', D2025, RULE_SET_2025).allowed).toBe(true);
      expect(check({ ...soDirector, isDeterminingBody: false }, action, 'MAT', D2025, RULE_SET_2025)).toMatchObject({
        allowed: false,
        code: 'rules.authority_wrong_body',
      });
    }
    expect(check({ ...soDirector, isDeterminingBody: true }, 'ADJUST', 'MAT', D2025, RULE_SET_2025)).toMatchObject({ rule: 'R9.3', confirmed: true });
  });

  it('R10.3: destruction is decided by a holder of Tối mật copy authority or higher', () => {
    expect(check(soDirector, 'DESTROY', 'TOI_MAT', D2018, RULE_SET_2018)).toMatchObject({ allowed: true, rule: 'R10.3', confirmed: true });
    expect(check(soDirector, 'DESTROY', 'MAT', D2018, RULE_SET_2018).allowed).toBe(true);
    expect(check(soDirector, 'DESTROY', 'TUYET_MAT', D2018, RULE_SET_2018).allowed).toBe(false);
    expect(check(chairUbndTinh, 'DESTROY', 'TUYET_MAT', D2018, RULE_SET_2018).allowed).toBe(true);
  });

  it('R10.3: a Mật-only authority cannot approve destruction, not even of a Mật item', () => {
    expect(check(divisionHead, 'DESTROY', 'MAT', D2018, RULE_SET_2018)).toMatchObject({ allowed: false, code: 'rules.authority_missing' });
    // Even when an administrator adds destruction to a Mật-only row, the rule-set floor refuses it.
    const edited: RuleSet = structuredClone(RULE_SET_2018);
    edited.authorities.find((r) => r.id === '2018-copy-division-heads')!.actions.push('DESTROY');
    const r = check(divisionHead, 'DESTROY', 'MAT', D2018, edited);
    expect(r).toMatchObject({ allowed: false, code: 'rules.destruction_authority_too_low', rule: 'R10.3' });
    expect(r.reason).toBe('Chỉ người có thẩm quyền cho phép sao, chụp bí mật độ Tối mật trở lên mới được quyết định tiêu hủy.');
  });

  it('R10.3: in an emergency the person directly managing the item may destroy it', () => {
    const custodian: Authority = { roleKeys: ['NGUOI_TRUC_TIEP_QUAN_LY'], agencyType: 'PHONG_BAN' };
    expect(check(custodian, 'DESTROY_EMERGENCY', 'TUYET_MAT', D2018, RULE_SET_2018)).toMatchObject({ allowed: true, rule: 'R10.3' });
    expect(check(custodian, 'DESTROY', 'MAT', D2018, RULE_SET_2018).allowed).toBe(false);
  });

  it('R5.3 (property): authority is monotone in level — allowed at a level implies allowed at every lower level', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AGENCY_TYPES),
        fc.subarray([...POSITION_KEYS], { minLength: 1 }),
        fc.constantFrom(...AUTHORITY_ACTIONS),
        fc.constantFrom(...LEVELS),
        fc.boolean(),
        fc.constantFrom<[RuleSet, string]>([RULE_SET_2018, D2018], [RULE_SET_2025, D2025]),
        (agencyType, roleKeys, action, level, related, [ruleSet, actionDate]) => {
          const authority: Authority = { roleKeys, agencyType, isDeterminingBody: related, isManagingBody: related };
          if (!canAuthorize({ authority, action, level, actionDate, ruleSet }).allowed) return true;
          return LEVELS.filter((l) => LEVELS.indexOf(l) <= LEVELS.indexOf(level)).every(
            (lower) => canAuthorize({ authority, action, level: lower, actionDate, ruleSet }).allowed,
          );
        },
      ),
    );
  });
});
