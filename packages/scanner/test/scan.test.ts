import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createExtractionCache, DEFAULT_LIMITS, scanBytes } from '../src/index.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const read = (name: string) => readFileSync(join(CORPUS, name));

/** A minimal ZIP with deflated entries. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

const stamp = Buffer.from('Số: 1/QĐ-UBND\nMẬT\nQUYẾT ĐỊNH\n');

describe('scanning a file', { timeout: 60_000 }, () => {
  it('reports the JSON fields programs rely on', async () => {
    const result = await scanBytes({ bytes: stamp, path: 'a.txt' });
    expect(result).toMatchObject({ path: 'a.txt', type: 'text', decision: 'block', problems: [] });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(result.timings)).toEqual(['readMs', 'extractMs', 'matchMs', 'totalMs']);
  });

  it('finds a marking inside nested archives and says in which member', async () => {
    const inner = zip([{ name: 'qd.txt', data: stamp }]);
    const result = await scanBytes({ bytes: zip([{ name: 'inner.zip', data: inner }]), path: 'outer.zip' });
    expect(result.decision).toBe('block');
    expect(result.findings[0]?.location.container).toEqual(['inner.zip', 'qd.txt']);
  });

  it('refuses a file above the size limit without reading it, and does not pass it', async () => {
    const result = await scanBytes({ bytes: stamp, path: 'a.txt', options: { limits: { maxFileBytes: 10 } } });
    expect(result.decision).toBe('review');
    expect(result.problems.map((p) => p.code)).toEqual(['file.too_large']);
  });

  it('stops at the configured archive depth', async () => {
    const nested = zip([{ name: 'b.zip', data: zip([{ name: 'qd.txt', data: stamp }]) }]);
    const result = await scanBytes({ bytes: nested, path: 'a.zip', options: { limits: { maxDepth: 1 } } });
    expect(result.problems.map((p) => p.code)).toContain('archive.too_deep');
    expect(result.decision).toBe('review');
  });

  it('refuses archives with too many entries', async () => {
    const many = zip(Array.from({ length: 5 }, (_, i) => ({ name: `${i}.txt`, data: Buffer.from('x') })));
    const result = await scanBytes({ bytes: many, path: 'a.zip', options: { limits: { maxEntries: 3 } } });
    expect(result.problems.map((p) => p.code)).toEqual(['archive.too_many_entries']);
  });

  it('limits the total expanded size of one file', async () => {
    const big = zip([{ name: 'a.txt', data: Buffer.alloc(200_000, 0x61) }, { name: 'b.txt', data: Buffer.alloc(200_000, 0x62) }]);
    const result = await scanBytes({ bytes: big, path: 'a.zip', options: { limits: { maxExpandedBytes: 300_000, maxCompressionRatio: 100_000 } } });
    expect(result.problems.map((p) => p.code)).toContain('archive.bomb_suspected');
  });

  it('stops reading text past the character limit and says so', async () => {
    const result = await scanBytes({ bytes: Buffer.from('dòng một\n'.repeat(100)), path: 'a.txt', options: { limits: { maxTextChars: 50 } } });
    expect(result.problems.map((p) => p.code)).toEqual(['limit.text_too_large']);
    expect(result.decision).toBe('review');
  });

  it('gives up on a file past its time limit and reports it', async () => {
    const result = await scanBytes({ bytes: read('n01-law-levels.pdf'), path: 'a.pdf', options: { limits: { maxMillis: 1 } } });
    expect(result.problems.map((p) => p.code)).toContain('limit.time_exceeded');
    expect(result.decision).toBe('review');
  });

  it('reuses the extraction of unchanged content from the cache', async () => {
    const cache = createExtractionCache({ dir: mkdtempSync(join(tmpdir(), 'bmnn-cache-')), limits: DEFAULT_LIMITS, ocr: false });
    const first = await scanBytes({ bytes: read('p01-stamp-under-number.docx'), path: 'a.docx', options: { cache } });
    const second = await scanBytes({ bytes: read('p01-stamp-under-number.docx'), path: 'b.docx', options: { cache } });
    expect(first.cached).toBeUndefined();
    expect(second.cached).toBe(true);
    expect(second.findings).toEqual(first.findings);
  });

  it('marks images for review when no OCR engine is available', async () => {
    const result = await scanBytes({ bytes: read('o01-scan-stamp.png'), path: 'scan.png', options: { ocr: undefined } });
    expect(result.decision).toBe('review');
    expect(result.problems.map((p) => p.code)).toEqual(['ocr.unavailable']);
  });
});
