import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../src/engine/aho-corasick.ts';
import { createEngine, redactExcerpt } from '../src/engine/engine.ts';
import { decideFile } from '../src/engine/decision.ts';
import { RULES } from '../rules/index.ts';
import type { Fragment } from '../src/scanner.types.ts';

const body = (lines: string[], extra: Partial<Fragment['location']> = {}): Fragment[] =>
  lines.map((text, i) => ({ text, location: { container: [], part: 'word/document.xml', kind: 'body', line: i + 1, ...extra } }));
const engine = createEngine({ rules: RULES });

describe('Aho–Corasick prefilter', () => {
  it('reports overlapping keywords', () => {
    const ac = new AhoCorasick([
      { keyword: 'toi mat', payload: 1 },
      { keyword: 'mat', payload: 2 },
      { keyword: 'at', payload: 3 },
    ]);
    expect(ac.findAll('toi mat').map((h) => [h.keyword, h.start])).toEqual([
      ['toi mat', 0],
      ['mat', 4],
      ['at', 5],
    ]);
    expect(ac.hasAny('khong co gi')).toBe(false);
  });

  it('selects only the rules whose keywords occur', () => {
    const selected = engine.selectRules('do mat: toi mat');
    const ids = [...selected].map((i) => RULES[i]?.id);
    expect(ids).toContain('bmnn.level-field');
    expect(ids).toContain('bmnn.level-stamp');
    expect(ids).not.toContain('bmnn.recall-stamp');
  });
});

describe('engine', () => {
  it('blocks a stamp under the document number and explains why', () => {
    const [finding] = engine.findInFragments(body(['ỦY BAN NHÂN DÂN TỈNH', 'Số: 12/QĐ-UBND', 'MẬT', 'QUYẾT ĐỊNH']));
    expect(finding).toMatchObject({ ruleId: 'bmnn.level-stamp', level: 'MAT', decision: 'block', location: { line: 3, kind: 'body' } });
    expect(finding?.evidence.map((e) => e.id)).toEqual(['uppercase', 'near-top', 'under-number']);
    expect(finding?.fingerprint).toMatch(/^v1:bmnn\.level-stamp:[0-9a-f]{16}$/);
  });

  it('gives the same fingerprint for the same marking wherever the file is', () => {
    const a = engine.findInFragments(body(['Số: 1/QĐ', 'TỐI MẬT']));
    const b = engine.findInFragments(body(['Số: 1/QĐ', 'TỐI MẬT']));
    expect(a[0]?.fingerprint).toBe(b[0]?.fingerprint);
  });

  it('passes documents that only talk about secrets and look-alikes', () => {
    const text = [
      'Bí mật nhà nước được phân loại thành ba độ: tuyệt mật, tối mật và mật.',
      'MẶT TRẬN TỔ QUỐC VIỆT NAM',
      'Không chia sẻ mật khẩu; mật độ dân số; mật ong; thân mật; bí mật kinh doanh.',
      'Bì trong đóng dấu "Chỉ người có tên mới được bóc bì".',
      'Tài liệu thu hồi phải được trả lại.',
    ];
    expect(engine.findInFragments(body(text))).toEqual([]);
  });

  it('masks everything but the marking in excerpts', () => {
    expect(redactExcerpt('Độ mật: Tối mật của kế hoạch 12', 0, 15)).toBe('Độ mật: Tối mật ••• •• ••••• ••');
  });
});

describe('decision', () => {
  const finding = (ruleId: string, decision: 'block' | 'review') => ({
    ruleId,
    title: '',
    decision,
    location: { container: [], part: 'x', kind: 'body' as const, line: 1 },
    excerpt: '',
    score: 0,
    evidence: [],
    fingerprint: '',
  });

  it('blocks on a current marking', () => {
    expect(decideFile({ findings: [finding('bmnn.level-stamp', 'block')], problems: [], rules: RULES })).toBe('block');
  });

  it('reviews a declassified document even with its old stamp', () => {
    expect(decideFile({ findings: [finding('bmnn.level-stamp', 'block'), finding('bmnn.declassified', 'review')], problems: [], rules: RULES })).toBe('review');
  });

  it('never passes a file that could not be read completely', () => {
    expect(decideFile({ findings: [], problems: [{ code: 'file.encrypted', message: '' }], rules: RULES })).toBe('review');
  });

  it('passes a file read completely with nothing found', () => {
    expect(decideFile({ findings: [], problems: [], rules: RULES })).toBe('pass');
  });
});
