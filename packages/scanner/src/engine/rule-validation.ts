// A rule ships only if it matches its own positive examples, none of its negative ones, and its
// keywords cover everything its pattern can match in those examples (gitleaks' validate()).

import type { Fragment } from '../scanner.types.ts';
import { foldForKeywords } from '../text/normalize.ts';
import { createEngine, toLines } from './engine.ts';
import type { Rule, RuleExample } from './rule.types.ts';

export function exampleToFragments(example: RuleExample): Fragment[] {
  const spec = typeof example === 'string' ? { lines: [example] } : example;
  const kind = spec.kind ?? (spec.ocr ? 'ocr' : 'body');
  return spec.lines.map((text, i) => {
    const fragment: Fragment = { text, location: { container: [], part: 'example', kind, page: 1, line: i + 1 } };
    if (spec.framed || spec.red || spec.ocr || spec.legacy) {
      fragment.style = {};
      if (spec.legacy) fragment.style.legacyEncoding = spec.legacy;
    }
    if (spec.framed || spec.red || spec.ocr) {
      fragment.style ??= {};
      if (spec.framed) fragment.style.framed = true;
      if (spec.red) fragment.style.red = true;
      if (spec.ocr) fragment.style.ocr = { confidence: 90 };
    }
    return fragment;
  });
}

function describe(example: RuleExample): string {
  return typeof example === 'string' ? example : example.lines.join(' ⏎ ');
}

export function validateRule(rule: Rule): string[] {
  const errors: string[] = [];
  if (!/^bmnn\.[a-z0-9-]+$/.test(rule.id)) errors.push(`id "${rule.id}" is not bmnn.<kebab-name>`);
  if (rule.keywords.length === 0) errors.push('no keywords');
  for (const keyword of rule.keywords) {
    if (keyword.length === 0 || foldForKeywords(keyword) !== keyword) errors.push(`keyword "${keyword}" is not folded`);
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(rule.pattern, `gu${rule.ignoreCase ? 'i' : ''}`);
  } catch (error) {
    return [...errors, `pattern does not compile: ${(error as Error).message}`];
  }
  if (rule.thresholds.report > rule.thresholds.strong) errors.push('report threshold above strong threshold');
  if (rule.examples.match.length === 0) errors.push('no positive example');
  if (rule.examples.noMatch.length === 0) errors.push('no negative example');

  const engine = createEngine({ rules: [rule] });
  const all = [...rule.examples.match, ...rule.examples.noMatch];
  // Keyword coverage: every text the pattern matches, in any example, contains a keyword.
  for (const example of all) {
    for (const line of toLines(exampleToFragments(example))) {
      for (const match of line.text.matchAll(pattern)) {
        const folded = foldForKeywords(match[0]);
        if (!rule.keywords.some((k) => folded.includes(k))) {
          errors.push(`keywords do not cover the pattern: "${match[0]}" in "${describe(example)}"`);
        }
      }
    }
  }
  for (const example of rule.examples.match) {
    const findings = engine.findInFragments(exampleToFragments(example));
    const expected = (typeof example === 'string' ? undefined : example.expect) ?? rule.outcome;
    if (findings.length === 0) errors.push(`does not match its example: "${describe(example)}"`);
    else if (!findings.some((f) => f.decision === expected)) {
      errors.push(
        `example "${describe(example)}" gives ${findings.map((f) => `${f.decision}(${f.score})`).join(',')}, expected ${expected}`,
      );
    }
  }
  for (const example of rule.examples.noMatch) {
    const findings = engine.findInFragments(exampleToFragments(example));
    if (findings.length > 0) {
      errors.push(`matches its negative example: "${describe(example)}" (score ${findings.map((f) => f.score).join(',')})`);
    }
  }
  return errors;
}
