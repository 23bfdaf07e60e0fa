// Baselines: findings a person already reviewed are suppressed by fingerprint. A baseline file is
// either a previous JSON report of `bmnn scan` or `{ "fingerprints": [...] }`.

import type { Engine } from '../engine/engine.ts';
import { decideFile } from '../engine/decision.ts';
import type { FileResult } from '../scanner.types.ts';

export function readBaseline(json: unknown): Set<string> {
  const fingerprints = new Set<string>();
  if (json && typeof json === 'object') {
    const data = json as { fingerprints?: unknown; files?: { findings?: { fingerprint?: unknown }[] }[] };
    if (Array.isArray(data.fingerprints)) for (const f of data.fingerprints) if (typeof f === 'string') fingerprints.add(f);
    if (Array.isArray(data.files)) {
      for (const file of data.files) for (const f of file.findings ?? []) if (typeof f.fingerprint === 'string') fingerprints.add(f.fingerprint);
    }
  }
  return fingerprints;
}

export function applyBaseline(result: FileResult, baseline: Set<string>, engine: Engine): FileResult {
  const findings = result.findings.filter((f) => !baseline.has(f.fingerprint));
  const suppressed = result.findings.length - findings.length;
  if (suppressed === 0) return result;
  return { ...result, findings, suppressed, decision: decideFile({ findings, problems: result.problems, rules: engine.rules }) };
}
