// Fuzzing the extractors and the engine with fast-check (Jazzer.js does not run on this glibc).
// The normal run is short; a long run is documented in the README:
//   FUZZ_RUNS=5000 npx vitest run --project unit packages/scanner/test/fuzz.test.ts

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECISIONS, scanBytes } from '../src/index.ts';
import { getDefaultEngine } from '../src/scan/scan-file.ts';
import type { Fragment } from '../src/scanner.types.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 40);
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;
const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const SAMPLES = [
  'p01-stamp-under-number.docx', 'p01-stamp-under-number.doc', 'p01-stamp-under-number.odt', 'p01-stamp-under-number.rtf',
  'p01-stamp-under-number.pdf', 's02-print-header.xlsx', 's01-cell-stamp.xls', 'd01-slide-stamp.pptx', 'p20-tcvn3.docx',
  'h01-stamp.html', 't03-tcvn3.txt', 'z01-nested.zip',
].map((name) => ({ name, bytes: readFileSync(join(CORPUS, name)) }));
const LIMITS = { maxMillis: 10_000, maxFileBytes: 5 * 1024 * 1024, maxExpandedBytes: 20 * 1024 * 1024 };

type Mutation = { kind: 'flip' | 'truncate' | 'insert' | 'duplicate' | 'zero'; at: number; size: number; byte: number };

function mutate(bytes: Buffer, mutations: Mutation[]): Buffer {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length);
    if (m.kind === 'flip') out[at] = (out[at] ?? 0) ^ (m.byte || 1);
    else if (m.kind === 'truncate') out = out.subarray(0, at);
    else if (m.kind === 'insert') out = Buffer.concat([out.subarray(0, at), Buffer.alloc(m.size, m.byte), out.subarray(at)]);
    else if (m.kind === 'duplicate') out = Buffer.concat([out.subarray(0, at), out.subarray(at, at + m.size), out.subarray(at)]);
    else out.fill(0, at, Math.min(out.length, at + m.size));
  }
  return out;
}

const mutationArb = fc.record({
  kind: fc.constantFrom('flip', 'truncate', 'insert', 'duplicate', 'zero') as fc.Arbitrary<Mutation['kind']>,
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  size: fc.integer({ min: 1, max: 512 }),
  byte: fc.integer({ min: 0, max: 255 }),
});

describe('fuzzing', { timeout: 600_000 }, () => {
  it('extractors and engine survive mutated files: a result for every file, never an exception, never a silent pass of unread content', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: SAMPLES.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 6 }), async (index, mutations) => {
        const sample = SAMPLES[index] as (typeof SAMPLES)[number];
        const bytes = mutate(sample.bytes, mutations);
        const result = await scanBytes({ bytes, path: sample.name, options: { limits: LIMITS } });
        expect(DECISIONS).toContain(result.decision);
        if (result.problems.length > 0) expect(result.decision).not.toBe('pass');
        for (const p of result.problems) expect(p.message.length).toBeGreaterThan(0);
        // A bad file is a problem of that file, never a crash of our code.
        expect(result.problems.filter((p) => p.code === 'scan.internal_error').map((p) => p.message)).toEqual([]);
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  }, 600_000);

  const vietnamese = fc.string({
    unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯMẬTẶỐỆáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ :./-"\n\t'.split('')),
    maxLength: 200,
  });

  it('the engine never throws and is deterministic on any text', () => {
    const engine = getDefaultEngine();
    fc.assert(
      fc.property(fc.array(vietnamese, { maxLength: 20 }), fc.constantFrom('body', 'header', 'ocr', 'property'), (lines, kind) => {
        const fragments: Fragment[] = lines.map((text, i) => ({ text, location: { container: [], part: 'x', kind: kind as Fragment['location']['kind'], line: i + 1 } }));
        const first = engine.findInFragments(fragments);
        expect(engine.findInFragments(fragments)).toEqual(first);
        for (const f of first) expect(f.score).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: RUNS * 10, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  });

  const seedLines = readFileSync(join(CORPUS, 'n30-seed-chi-thi-04-CT-UBND-2023.txt'), 'utf8').split('\n').filter((l) => l.trim());
  const lookalikes = ['MẶT TRẬN TỔ QUỐC VIỆT NAM', 'Đổi mật khẩu định kỳ', 'Mật độ dân số', 'Mật ong rừng', 'Gặp mặt thân mật', 'Bí mật kinh doanh', 'Độ mật: ……'];

  it('look-alike lines put anywhere in a directive never make it a marked document', () => {
    const engine = getDefaultEngine();
    fc.assert(
      fc.property(fc.shuffledSubarray(seedLines, { minLength: 1, maxLength: 10 }), fc.array(fc.constantFrom(...lookalikes), { minLength: 1, maxLength: 5 }), fc.nat(), (prose, extra, at) => {
        const lines = [...prose];
        for (const line of extra) lines.splice(at % (lines.length + 1), 0, line);
        const fragments: Fragment[] = lines.map((text, i) => ({ text, location: { container: [], part: 'x', kind: 'body', line: i + 1 } }));
        expect(engine.findInFragments(fragments)).toEqual([]);
      }),
      { numRuns: RUNS * 5, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  });

  it('a stamp under the document number blocks any directive', () => {
    const engine = getDefaultEngine();
    fc.assert(
      fc.property(fc.shuffledSubarray(seedLines, { minLength: 0, maxLength: 10 }), fc.constantFrom('MẬT', 'TỐI MẬT', 'TUYỆT MẬT', 'M Ậ T'), (prose, stamp) => {
        const lines = ['ỦY BAN NHÂN DÂN TỈNH', 'Số: 12/CT-UBND', stamp, ...prose];
        const fragments: Fragment[] = lines.map((text, i) => ({ text, location: { container: [], part: 'x', kind: 'body', line: i + 1 } }));
        expect(engine.findInFragments(fragments).some((f) => f.decision === 'block' && f.location.line === 3)).toBe(true);
      }),
      { numRuns: RUNS * 5, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  });
});
