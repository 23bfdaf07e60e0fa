// Output formats of `bmnn scan`: text for people (Vietnamese), JSON and SARIF for programs.

import type { Rule } from '../engine/rule.types.ts';
import type { Decision, FileResult } from '../scanner.types.ts';
import { DECISION_LABELS, describeLocation, LEVEL_LABELS } from './labels.ts';

export type ScanSummary = { files: number; block: number; review: number; pass: number; bytes: number; seconds: number; cached: number };

export function summarize(results: FileResult[], seconds: number): ScanSummary {
  const count = (d: Decision) => results.filter((r) => r.decision === d).length;
  return {
    files: results.length,
    block: count('block'),
    review: count('review'),
    pass: count('pass'),
    bytes: results.reduce((a, r) => a + r.size, 0),
    seconds: Math.round(seconds * 1000) / 1000,
    cached: results.filter((r) => r.cached).length,
  };
}

const number = (n: number, digits = 1) => n.toLocaleString('vi-VN', { maximumFractionDigits: digits });

/**
 * The lines of each file's result in Vietnamese (passing files only when `verbose`). `describe`
 * adds lines under a file's heading (`bmnn watch`: where the URL was linked from), `tag` words
 * after it (`mới`, `đã thay đổi`).
 */
export function formatTextResults<R extends FileResult>(
  results: readonly R[],
  { verbose = false, describe, tag }: { verbose?: boolean; describe?: (r: R) => string[]; tag?: (r: R) => string | undefined } = {},
): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (r.decision === 'pass' && !verbose) continue;
    const extra = tag?.(r);
    out.push(`[${DECISION_LABELS[r.decision]}] ${r.path} (${r.type})${extra ? ` — ${extra}` : ''}`);
    if (describe) out.push(...describe(r).map((line) => `  ${line}`));
    for (const f of r.findings) {
      const level = f.level ? ` — độ mật: ${LEVEL_LABELS[f.level]}` : '';
      out.push(`  • ${f.title}${level} — ${f.decision === 'block' ? 'chặn' : 'cần xem xét'}`);
      out.push(`    Vị trí: ${describeLocation(f.location)}`);
      out.push(`    Trích (đã che): "${f.excerpt}"   Điểm: ${f.score}`);
      if (f.evidence.length > 0) out.push(`    Căn cứ: ${f.evidence.map((e) => e.label).join('; ')}`);
    }
    for (const p of r.problems) out.push(`  ! Không đọc được hết: ${p.message}${p.where ? ` [${p.where}]` : ''}`);
    if (r.suppressed) out.push(`  (${r.suppressed} phát hiện đã được bỏ qua theo tệp đường cơ sở)`);
  }
  return out;
}

export function formatText(results: FileResult[], summary: ScanSummary, { verbose = false } = {}): string {
  const out = formatTextResults(results, { verbose });
  if (out.length > 0) out.push('');
  out.push(
    `Tổng cộng: ${summary.files} tệp — ${summary.block} phải chặn, ${summary.review} cần xem xét, ${summary.pass} đạt. ` +
      `Thời gian: ${number(summary.seconds)} giây` +
      (summary.cached > 0 ? ` (${summary.cached} tệp lấy từ bộ nhớ đệm).` : '.'),
  );
  return out.join('\n') + '\n';
}

/** `extra` adds top-level fields after `files` (`bmnn watch`: the URLs gone since the last run). */
export function formatJson<S extends object = ScanSummary>(
  results: readonly FileResult[],
  summary: S,
  { tool = 'bmnn-scan', extra = {} }: { tool?: string; extra?: Record<string, unknown> } = {},
): string {
  return JSON.stringify({ version: 1, tool, summary, files: results, ...extra }, null, 2) + '\n';
}

export function formatSarif(results: readonly FileResult[], rules: readonly Rule[], { tool = 'bmnn-scan' }: { tool?: string } = {}): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool,
            informationUri: 'https://example.invalid/bmnn',
            rules: rules.map((r) => ({ id: r.id, name: r.id, shortDescription: { text: r.title }, fullDescription: { text: r.description } })),
          },
        },
        results: results.flatMap((r) => [
          ...r.findings.map((f) => ({
            ruleId: f.ruleId,
            level: f.decision === 'block' ? 'error' : 'warning',
            message: { text: `${f.title}${f.level ? ` (${LEVEL_LABELS[f.level]})` : ''}: "${f.excerpt}" — ${describeLocation(f.location)}` },
            locations: [{ physicalLocation: { artifactLocation: { uri: r.path }, region: { startLine: Math.max(1, f.location.line) } } }],
            partialFingerprints: { 'bmnnFingerprint/v1': f.fingerprint },
            properties: { score: f.score, evidence: f.evidence.map((e) => e.id), location: f.location, sha256: r.sha256 },
          })),
          ...r.problems.map((p) => ({
            ruleId: `problem.${p.code}`,
            level: 'warning',
            message: { text: `${p.message}${p.where ? ` [${p.where}]` : ''}` },
            locations: [{ physicalLocation: { artifactLocation: { uri: r.path } } }],
          })),
        ]),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
