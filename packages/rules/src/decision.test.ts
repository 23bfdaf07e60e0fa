import { describe, expect, it } from 'vitest';
import { formatBasis, refuse } from './decision.ts';

describe('refusals and legal basis', () => {
  it('a refusal carries its code, Vietnamese reason, rule and basis', () => {
    const basis = { rule: 'R9.2', legalBasis: 'Điều 20 Luật 29/2018/QH14', confirmed: false, note: 'x' };
    expect(refuse('rules.extension_too_late', 'Quá hạn', basis)).toEqual({
      ok: false,
      code: 'rules.extension_too_late',
      reason: 'Quá hạn',
      rule: 'R9.2',
      legalBasis: 'Điều 20 Luật 29/2018/QH14',
      confirmed: false,
    });
  });

  it('an unconfirmed basis is shown with a warning to check the official text', () => {
    expect(formatBasis({ rule: 'R7.3', legalBasis: 'Điều 4 Nghị định 26/2020/NĐ-CP', confirmed: true })).toBe('Căn cứ: Điều 4 Nghị định 26/2020/NĐ-CP (R7.3)');
    expect(formatBasis({ rule: 'R9.2', legalBasis: 'Điều 20', confirmed: false })).toContain('chưa xác nhận');
  });
});
