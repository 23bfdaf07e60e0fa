// The matching engine: fragments in, findings out. It knows nothing about files or output
// formats. Lines are normalised, a keyword prefilter (Aho–Corasick over folded text) selects the
// rules worth running on a line, and each rule's pattern, conditions and evidence decide.

import { createHash } from 'node:crypto';
import type { Evidence, Finding, Fragment, Level } from '../scanner.types.ts';
import { AhoCorasick } from './aho-corasick.ts';
import type { Condition, Rule } from './rule.types.ts';
import { foldForKeywords, isUpperCaseText, normalizeLine } from '../text/normalize.ts';

export type Line = {
  text: string;
  folded: string;
  letterSpaced: boolean;
  fragment: Fragment;
  /** 0-based among the non-empty lines of its group (page, or part when unpaged). */
  index: number;
  group: Line[];
  /** Line number to report (fragment line plus the offset of a split line). */
  lineNumber: number;
};

type CompiledRule = {
  rule: Rule;
  pattern: RegExp;
  require: CompiledCondition[];
  reject: CompiledCondition[];
  evidence: { id: string; label: string; weight: number; test: CompiledCondition }[];
};

type MatchContext = { line: Line; match: string; start: number };
type CompiledCondition = (ctx: MatchContext) => boolean;

const LEADING_NOISE = /^[\s\-–—•*·+>"“”'‘’«»()[\]{}|_=~#]+/u;
const TRAILING_NOISE = /[\s"“”'‘’»«()[\]{}|_=~#.:;,!?\-–—]+$/u;
const NUMBER_LINE = /^Số\s*[:：]/u;
const FINGERPRINT_VERSION = 'v1';
const SEPARATE_KINDS = new Set(['notes', 'comment', 'annotation', 'property', 'field', 'header', 'footer', 'footnote', 'endnote']);

function compileRegex(source: string, ignoreCase: boolean | undefined, global: boolean): RegExp {
  return new RegExp(source, `${global ? 'g' : ''}u${ignoreCase ? 'i' : ''}`);
}

function stripNoise(text: string): string {
  return text.replace(LEADING_NOISE, '').replace(TRAILING_NOISE, '').replace(/\s+/g, ' ');
}

function compileCondition(condition: Condition): CompiledCondition {
  switch (condition.type) {
    case 'isolated':
      return ({ line, match }) => stripNoise(line.text) === stripNoise(match);
    case 'uppercase':
      return ({ match }) => isUpperCaseText(match);
    case 'near-top':
      return ({ line }) =>
        line.index < condition.lines && !['header', 'footer', 'property', 'comment'].includes(line.fragment.location.kind);
    case 'under-number':
      return ({ line }) => {
        for (let i = line.index - 1; i >= 0 && i >= line.index - condition.lines; i--) {
          if (NUMBER_LINE.test((line.group[i] as Line).text)) return true;
        }
        return false;
      };
    case 'header-footer':
      return ({ line }) => line.fragment.location.kind === 'header' || line.fragment.location.kind === 'footer';
    case 'framed':
      return ({ line }) => line.fragment.style?.framed === true || line.fragment.location.kind === 'textbox';
    case 'red':
      return ({ line }) => line.fragment.style?.red === true;
    case 'letter-spaced':
      return ({ line }) => line.letterSpaced;
    case 'ocr':
      return ({ line }) => line.fragment.style?.ocr !== undefined || line.fragment.location.kind === 'ocr';
    case 'legacy':
      return ({ line }) => line.fragment.style?.legacyEncoding !== undefined;
    case 'kind':
      return ({ line }) => condition.kinds.includes(line.fragment.location.kind);
    case 'short-line':
      return ({ line }) => line.text.length < condition.chars;
    case 'context': {
      const words = condition.words;
      return ({ line }) => {
        const from = Math.max(0, line.index - condition.lines);
        const to = Math.min(line.group.length - 1, line.index + condition.lines);
        for (let i = from; i <= to; i++) {
          const folded = (line.group[i] as Line).folded;
          if (words.some((word) => folded.includes(word))) return true;
        }
        return false;
      };
    }
    case 'line-matches': {
      const re = compileRegex(condition.pattern, condition.ignoreCase, false);
      return ({ line }) => re.test(line.text);
    }
    case 'match-is': {
      const re = compileRegex(`^(?:${condition.pattern})$`, condition.ignoreCase, false);
      return ({ match }) => re.test(match.trim());
    }
    case 'any': {
      const tests = condition.of.map(compileCondition);
      return (ctx) => tests.some((test) => test(ctx));
    }
    case 'all': {
      const tests = condition.of.map(compileCondition);
      return (ctx) => tests.every((test) => test(ctx));
    }
    case 'not': {
      const test = compileCondition(condition.condition);
      return (ctx) => !test(ctx);
    }
    case 'neighbour-matches': {
      const re = compileRegex(`^(?:${condition.pattern})$`, condition.ignoreCase, false);
      return ({ line }) => {
        const from = Math.max(0, line.index - condition.lines);
        const to = Math.min(line.group.length - 1, line.index + condition.lines);
        for (let i = from; i <= to; i++) {
          if (i !== line.index && re.test(stripNoise((line.group[i] as Line).text))) return true;
        }
        return false;
      };
    }
  }
}

export function compileRule(rule: Rule): CompiledRule {
  return {
    rule,
    pattern: compileRegex(rule.pattern, rule.ignoreCase, true),
    require: (rule.require ?? []).map(compileCondition),
    reject: (rule.reject ?? []).map(compileCondition),
    evidence: rule.evidence.map((e) => ({ id: e.id, label: e.label, weight: e.weight, test: compileCondition(e.when) })),
  };
}

function levelOf(rule: Rule, match: RegExpExecArray): Level | undefined {
  if (rule.level === undefined) return undefined;
  if (rule.level !== 'from-match') return rule.level;
  const source = foldForKeywords((match.groups?.['level'] ?? match[0]).replace(/\s+/g, ' ').trim());
  if (rule.levelMap) return rule.levelMap[source];
  if (source.includes('tuy')) return 'TUYET_MAT';
  if (/^t.i\s*m/.test(source)) return 'TOI_MAT';
  return 'MAT';
}

/** The line with the marking kept and every other letter or digit masked, at most ~40 chars each side. */
export function redactExcerpt(text: string, start: number, end: number): string {
  const mask = (s: string) => s.replace(/[\p{L}\p{N}]/gu, '•');
  let before = mask(text.slice(0, start));
  let after = mask(text.slice(end));
  if (before.length > 40) before = '…' + before.slice(-40);
  if (after.length > 40) after = after.slice(0, 40) + '…';
  return before + text.slice(start, end) + after;
}

function fingerprintOf(ruleId: string, line: Line, match: string): string {
  const where = `${line.fragment.location.kind}|${line.fragment.location.part}|${line.text}|${match}`;
  return `${FINGERPRINT_VERSION}:${ruleId}:${createHash('sha256').update(where).digest('hex').slice(0, 16)}`;
}

/** Splits fragments into normalised lines grouped by page (or part), in document order. */
export function toLines(fragments: Fragment[]): Line[] {
  const groups = new Map<string, Line[]>();
  const lines: Line[] = [];
  for (const fragment of fragments) {
    const loc = fragment.location;
    // A page (or an unpaged part) is one group; notes, comments and the like are groups of their own.
    const separate = SEPARATE_KINDS.has(loc.kind) ? `|${loc.kind}|${loc.part}` : '';
    const key = `${loc.container.join('\u0000')}\u0001${loc.page !== undefined ? `#${loc.page}` : loc.part}${separate}`;
    let group = groups.get(key);
    if (!group) {
      group = [];
      groups.set(key, group);
    }
    const rawLines = fragment.text.split(/\r\n|\r|\n|\u2028|\u2029|\u000b/);
    for (let offset = 0; offset < rawLines.length; offset++) {
      const { text, letterSpaced } = normalizeLine(rawLines[offset] as string);
      if (text.length === 0) continue;
      const line: Line = {
        text,
        folded: foldForKeywords(text),
        letterSpaced,
        fragment,
        index: group.length,
        group,
        lineNumber: loc.line + offset,
      };
      group.push(line);
      lines.push(line);
    }
  }
  return lines;
}

export type Engine = {
  rules: readonly Rule[];
  /** Findings for a document's fragments, in document order. */
  findInFragments: (fragments: Fragment[]) => Finding[];
  /** Rule indices whose keywords occur in a folded line (exposed for rule validation). */
  selectRules: (folded: string) => Set<number>;
  /** Whether any rule's pattern matches a line of this text, normalised as findInFragments does. */
  matchesText: (text: string) => boolean;
};

export function createEngine({ rules }: { rules: readonly Rule[] }): Engine {
  const compiled = rules.map(compileRule);
  const automaton = new AhoCorasick(
    rules.flatMap((rule, index) => rule.keywords.map((keyword) => ({ keyword, payload: index }))),
  );

  const selectRules = (folded: string): Set<number> => {
    const selected = new Set<number>();
    for (const hit of automaton.findAll(folded)) selected.add(hit.payload);
    return selected;
  };

  const evaluate = (c: CompiledRule, line: Line, match: RegExpExecArray): Finding | undefined => {
    const ctx: MatchContext = { line, match: match[0], start: match.index };
    if (!c.require.every((test) => test(ctx))) return undefined;
    if (c.reject.some((test) => test(ctx))) return undefined;
    const evidence: Evidence[] = [];
    let score = c.rule.baseScore;
    for (const e of c.evidence) {
      if (e.test(ctx)) {
        score += e.weight;
        evidence.push({ id: e.id, label: e.label, weight: e.weight });
      }
    }
    if (score < c.rule.thresholds.report) return undefined;
    const level = levelOf(c.rule, match);
    const finding: Finding = {
      ruleId: c.rule.id,
      title: c.rule.title,
      decision: score >= c.rule.thresholds.strong ? c.rule.outcome : 'review',
      location: { ...line.fragment.location, line: line.lineNumber },
      excerpt: redactExcerpt(line.text, match.index, match.index + match[0].length),
      score,
      evidence,
      fingerprint: fingerprintOf(c.rule.id, line, match[0]),
    };
    if (level) finding.level = level;
    return finding;
  };

  const findInFragments = (fragments: Fragment[]): Finding[] => {
    const findings: Finding[] = [];
    for (const line of toLines(fragments)) {
      const selected = selectRules(line.folded);
      if (selected.size === 0) continue;
      for (const index of [...selected].sort((a, b) => a - b)) {
        const c = compiled[index] as CompiledRule;
        c.pattern.lastIndex = 0;
        let match: RegExpExecArray | null;
        while ((match = c.pattern.exec(line.text)) !== null) {
          if (match[0].length === 0) {
            c.pattern.lastIndex++;
            continue;
          }
          const finding = evaluate(c, line, match);
          if (finding) findings.push(finding);
        }
      }
    }
    return findings;
  };

  const matchesText = (text: string): boolean =>
    text.split(/\r\n|\r|\n|\u2028|\u2029|\u000b/).some((raw) => {
      const line = normalizeLine(raw).text;
      if (line.length === 0) return false;
      for (const index of selectRules(foldForKeywords(line))) {
        const pattern = (compiled[index] as CompiledRule).pattern;
        pattern.lastIndex = 0;
        const found = pattern.test(line);
        pattern.lastIndex = 0;
        if (found) return true;
      }
      return false;
    });

  return { rules, findInFragments, selectRules, matchesText };
}
