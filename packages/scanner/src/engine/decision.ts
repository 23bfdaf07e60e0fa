import type { Decision, Finding, Problem } from '../scanner.types.ts';
import type { Rule } from './rule.types.ts';

/**
 * The file's decision: block on a current marking, review on anything ambiguous, declassified,
 * recalled or unread, pass only when everything was read and nothing was found.
 */
export function decideFile({
  findings,
  problems,
  rules,
}: {
  findings: Finding[];
  problems: Problem[];
  rules: readonly Rule[];
}): Decision {
  const downgrading = new Set(rules.filter((r) => r.downgradesBlocks).map((r) => r.id));
  const declassified = findings.some((f) => downgrading.has(f.ruleId));
  if (findings.some((f) => f.decision === 'block') && !declassified) return 'block';
  if (findings.length > 0 || problems.length > 0) return 'review';
  return 'pass';
}
