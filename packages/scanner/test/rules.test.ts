import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.ts';
import { validateRule } from '../src/engine/rule-validation.ts';
import type { Rule } from '../src/engine/rule.types.ts';
import levelStamp from '../rules/level-stamp.rule.ts';

describe('every rule proves itself on its own examples', () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s matches its positives, none of its negatives, and its keywords cover its pattern', (_id, rule) => {
    expect(validateRule(rule)).toEqual([]);
  });

  it('rule ids are unique', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});

describe('rule validation catches broken rules', () => {
  it('fails a rule whose keywords do not cover its pattern', () => {
    const broken: Rule = { ...levelStamp, keywords: ['tuyet'] };
    const errors = validateRule(broken);
    expect(errors.some((e) => e.startsWith('keywords do not cover the pattern'))).toBe(true);
  });

  it('fails a rule whose keyword is not folded', () => {
    expect(validateRule({ ...levelStamp, keywords: ['mật'] })).toContain('keyword "mật" is not folded');
  });

  it('fails a rule that matches one of its negative examples', () => {
    const errors = validateRule({ ...levelStamp, examples: { ...levelStamp.examples, noMatch: [{ lines: ['Số: 1/QĐ', 'MẬT'] }] } });
    expect(errors.some((e) => e.startsWith('matches its negative example'))).toBe(true);
  });

  it('fails a rule that misses one of its positive examples', () => {
    const errors = validateRule({ ...levelStamp, examples: { ...levelStamp.examples, match: ['MẶT TRẬN'] } });
    expect(errors.some((e) => e.startsWith('does not match its example'))).toBe(true);
  });
});
