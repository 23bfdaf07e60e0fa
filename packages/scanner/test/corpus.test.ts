// The golden corpus (fixtures/build.ts): every positive blocked with the right level and place,
// every negative passed, every hostile file reported as a problem. Each result must also equal
// its golden file in fixtures/expected/ (regenerate with UPDATE_GOLDEN=1 after a reviewed change).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTesseractOcr, scanFile, type FileResult } from '../src/index.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const CORPUS = join(FIXTURES, 'corpus');
const EXPECTED = join(FIXTURES, 'expected');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

type Intent = {
  note: string;
  decision: 'block' | 'review' | 'pass';
  findings?: { rule: string; level?: string; kind?: string }[];
  problems?: string[];
};
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as Record<string, Intent>;
const ocr = createTesseractOcr();

function toGolden(result: FileResult) {
  return {
    type: result.type,
    decision: result.decision,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      level: f.level ?? null,
      decision: f.decision,
      where: { ...f.location, container: f.location.container.join(' › ') },
      excerpt: f.excerpt,
      score: f.score,
      evidence: f.evidence.map((e) => e.id),
    })),
    problems: result.problems.map((p) => ({ code: p.code, where: p.where ?? null })),
  };
}

describe('golden corpus', () => {
  it('has a manifest that covers positives, negatives, look-alikes, legacy encodings, scans and hostile files', () => {
    const names = Object.keys(manifest);
    expect(names.length).toBeGreaterThan(100);
    for (const prefix of ['p', 'n', 'r', 's', 'd', 't', 'h', 'z', 'o', 'x']) expect(names.some((n) => n.startsWith(prefix))).toBe(true);
  });

  it.each(Object.entries(manifest))('%s gives its expected decision, findings and problems', async (file, intent) => {
    const result = await scanFile({ path: join(CORPUS, file), options: { ocr } });
    expect(result.decision, intent.note).toBe(intent.decision);
    for (const want of intent.findings ?? []) {
      const found = result.findings.some(
        (f) => f.ruleId === `bmnn.${want.rule}` && (!want.level || f.level === want.level) && (!want.kind || f.location.kind === want.kind),
      );
      expect(found, `${intent.note}: expected ${JSON.stringify(want)} in ${JSON.stringify(result.findings.map((f) => [f.ruleId, f.level, f.location.kind]))}`).toBe(true);
    }
    if (intent.decision === 'pass') expect(result.findings).toEqual([]);
    for (const code of intent.problems ?? []) expect(result.problems.map((p) => p.code)).toContain(code);
    if (!intent.problems) expect(result.problems).toEqual([]);

    const golden = join(EXPECTED, `${file}.json`);
    const actual = toGolden(result);
    if (UPDATE || !existsSync(golden)) {
      if (!UPDATE) throw new Error(`missing golden file ${golden}: run with UPDATE_GOLDEN=1`);
      mkdirSync(EXPECTED, { recursive: true });
      writeFileSync(golden, JSON.stringify(actual, null, 2) + '\n');
    }
    expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  }, 60_000);
});
