// The shape of a rule file (rules/*.rule.ts). A rule is data: a keyword list for the prefilter,
// a pattern, conditions that must hold or must not hold, weighted evidence, and its own examples
// that the test suite runs (STYLE.md: the gitleaks / ESLint model).

import type { Decision, FragmentKind, Level } from '../scanner.types.ts';

export type Condition =
  /** The match is the whole line, ignoring bullets, quotes, brackets and trailing punctuation. */
  | { type: 'isolated' }
  /** The matched text is in upper case. */
  | { type: 'uppercase' }
  /** The line is among the first `lines` non-empty lines of its page (or part when unpaged). */
  | { type: 'near-top'; lines: number }
  /** The line is at most `lines` non-empty lines below a "Số: …" line. */
  | { type: 'under-number'; lines: number }
  | { type: 'header-footer' }
  | { type: 'framed' }
  | { type: 'red' }
  | { type: 'letter-spaced' }
  | { type: 'ocr' }
  /** The text was decoded from TCVN3 or VNI (capitals may have been lost with the .VnTimeH font). */
  | { type: 'legacy' }
  | { type: 'kind'; kinds: FragmentKind[] }
  /** The line is shorter than `chars` characters. */
  | { type: 'short-line'; chars: number }
  /** One of `words` (folded: lower case, no diacritics) occurs within `lines` lines around. */
  | { type: 'context'; words: string[]; lines: number }
  /** The line (whole) matches `pattern`. */
  | { type: 'line-matches'; pattern: string; ignoreCase?: boolean }
  /** The matched text (whole) matches `pattern`. */
  | { type: 'match-is'; pattern: string; ignoreCase?: boolean }
  /** A line within `lines` lines around (not this one) matches `pattern` as a whole line. */
  | { type: 'neighbour-matches'; pattern: string; lines: number; ignoreCase?: boolean }
  | { type: 'any'; of: Condition[] }
  | { type: 'all'; of: Condition[] }
  | { type: 'not'; condition: Condition };

export type ConditionType = Condition['type'];

export type EvidenceSpec = {
  id: string;
  /** Vietnamese, shown to people: why this counted. */
  label: string;
  when: Condition;
  weight: number;
};

/** A small document: lines of the body, or of another part kind, with optional style. */
export type RuleExample =
  | string
  | {
      lines: string[];
      kind?: FragmentKind;
      framed?: boolean;
      red?: boolean;
      ocr?: boolean;
      legacy?: 'TCVN3' | 'VNI';
      /** Decision the example must get from this rule alone (default: the rule's strong outcome). */
      expect?: Exclude<Decision, 'pass'>;
      note?: string;
    };

export type Rule = {
  /** Stable id, `bmnn.<name>`; also the file name `rules/<name>.rule.ts`. */
  id: string;
  /** Vietnamese title shown in reports. */
  title: string;
  /** Vietnamese description: what the mark is and where the law defines it. */
  description: string;
  /** Prefilter keywords, folded (lower case, no diacritics, đ → d). */
  keywords: string[];
  /** Regular expression source, run with the `u` flag on each normalised line. */
  pattern: string;
  ignoreCase?: boolean;
  /** The level, fixed or read from the match (named group `level`, or the whole match). */
  level?: Level | 'from-match';
  /** Letters or words that map to a level when `level` is 'from-match' (folded keys). */
  levelMap?: Record<string, Level>;
  /** What a strong match means for the file. */
  outcome: Exclude<Decision, 'pass'>;
  /** A finding of this rule turns the file's blocking findings into a review (declassified). */
  downgradesBlocks?: boolean;
  require?: Condition[];
  reject?: Condition[];
  baseScore: number;
  evidence: EvidenceSpec[];
  /** Score from which a finding is reported (as review), and from which it gets `outcome`. */
  thresholds: { report: number; strong: number };
  examples: { match: RuleExample[]; noMatch: RuleExample[] };
};

export function defineRule(rule: Rule): Rule {
  return rule;
}
