// The font runs of Word 97–2003 files (src/extract/doc-fonts.ts) and the decoding of TCVN3
// (.VnTime, .VnTimeH capitals) and VNI runs by font in the .doc extractor. The fixtures are made by
// LibreOffice from fixtures/sources/*.fodt (fixtures/build.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import CFB from 'cfb';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DOC_FONT_LIMITS, DocFontsError, markLegacyFontRuns, readDocFontRuns, readDocFontTable, splitMarkedRuns } from '../src/extract/doc-fonts.ts';
import { extractWordDocument, type WordPiece } from '../src/extract/word-extractor-fixes.ts';
import { DEFAULT_LIMITS, extractFragments, scanBytes } from '../src/index.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const read = (name: string) => readFileSync(join(CORPUS, name));
/** Unicode → TCVN3 as office files store it (the Windows-1252 reading of the bytes). */
const toTcvn3 = (text: string) => iconv.decode(iconv.encode(text, 'tcvn'), 'latin1');

function streamsOf(bytes: Buffer): { wordDocument: Uint8Array; table: Uint8Array } {
  const cfb = CFB.read(bytes, { type: 'buffer' });
  const wordDocument = Uint8Array.from(CFB.find(cfb, 'WordDocument')?.content as ArrayLike<number>);
  const tableName = ((wordDocument[0x0a] as number) | ((wordDocument[0x0b] as number) << 8)) & 0x0200 ? '1Table' : '0Table';
  return { wordDocument, table: Uint8Array.from(CFB.find(cfb, tableName)?.content as ArrayLike<number>) };
}

/** Rewrites the WordDocument and table streams of a .doc (the compound file keeps everything else). */
function withStreams(bytes: Buffer, change: (word: Buffer, table: Buffer) => Buffer | void): Buffer {
  const cfb = CFB.read(bytes, { type: 'buffer' });
  const wordEntry = CFB.find(cfb, 'WordDocument');
  const tableEntry = CFB.find(cfb, '1Table') ?? CFB.find(cfb, '0Table');
  if (!wordEntry || !tableEntry) throw new Error('no WordDocument or table stream');
  const word = Buffer.from(wordEntry.content as Uint8Array);
  const tableBefore = Buffer.from(tableEntry.content as Uint8Array);
  const table = change(word, tableBefore) ?? tableBefore;
  for (const [entry, content] of [[wordEntry, word], [tableEntry, table]] as const) {
    entry.content = content;
    entry.size = content.length;
  }
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

/**
 * LibreOffice writes one UTF-16 piece; Word often writes 8-bit (compressed) pieces, and several.
 * This rewrites a LibreOffice .doc that way: its text as 8-bit (`compress`, the FKPs' file offsets
 * moved to match) and the piece table cut into two pieces at `splitAt`.
 */
function asWordWouldStore(bytes: Buffer, { splitAt, compress }: { splitAt: number; compress: boolean }): Buffer {
  return withStreams(bytes, (word, table) => {
    const clxAt = word.readUInt32LE(fibSlot(33));
    if (table[clxAt] !== 0x02) throw new Error('expected a Clx without Prc');
    const lcb = table.readUInt32LE(clxAt + 1);
    if (lcb !== 16) throw new Error('expected a single piece');
    const plc = clxAt + 5;
    const cpEnd = table.readUInt32LE(plc + 4);
    const pcd = plc + 8;
    const fc = table.readUInt32LE(pcd + 2);
    if (fc & 0x40000000) throw new Error('expected a UTF-16 piece');
    const text = word.subarray(fc, fc + cpEnd * 2).toString('utf16le');
    if (compress && /[^\x00-\xff]/.test(text)) throw new Error('text does not fit 8 bits');
    if (compress) Buffer.from(text, 'latin1').copy(word, fc);
    const moveFc = (value: number) => (value >= fc && value <= fc + cpEnd * 2 ? fc + (value - fc) / 2 : value);
    for (const slot of compress ? [12, 13] : []) {
      const at = word.readUInt32LE(fibSlot(slot));
      const count = (word.readUInt32LE(fibSlot(slot) + 4) - 4) / 8;
      for (let i = 0; i <= count; i++) table.writeUInt32LE(moveFc(table.readUInt32LE(at + i * 4)), at + i * 4);
      for (let i = 0; i < count; i++) {
        const page = (table.readUInt32LE(at + (count + 1) * 4 + i * 4) & 0x3fffff) * 512;
        const n = word[page + 511] as number;
        for (let j = 0; j <= n; j++) word.writeUInt32LE(moveFc(word.readUInt32LE(page + j * 4)), page + j * 4);
      }
    }
    // Two pieces; a compressed piece's fc is stored doubled, with bit 30 set.
    const flags = table.readUInt16LE(pcd);
    const prm = table.readUInt16LE(pcd + 6);
    const clx = Buffer.alloc(5 + 3 * 4 + 2 * 8);
    clx[0] = 0x02;
    clx.writeUInt32LE(3 * 4 + 2 * 8, 1);
    [0, splitAt, cpEnd].forEach((cp, i) => clx.writeUInt32LE(cp, 5 + i * 4));
    [fc, fc + splitAt * (compress ? 1 : 2)].forEach((pieceFc, i) => {
      const at = 5 + 3 * 4 + i * 8;
      clx.writeUInt16LE(flags, at);
      clx.writeUInt32LE(compress ? ((pieceFc * 2) | 0x40000000) >>> 0 : pieceFc, at + 2);
      clx.writeUInt16LE(prm, at + 6);
    });
    word.writeUInt32LE(table.length, fibSlot(33));
    word.writeUInt32LE(clx.length, fibSlot(33) + 4);
    return Buffer.concat([table, clx]);
  });
}

/** The FibRgFcLcb97 slot (fc, lcb) of index `i`, as LibreOffice writes the FIB (csw 14, cslw 22). */
const fibSlot = (i: number) => 154 + i * 8;

/** The font word-extractor's text has at the first occurrence of `text`. */
async function fontAt(file: string, texts: string[]): Promise<(string | undefined)[]> {
  let pieces: WordPiece[] = [];
  await extractWordDocument(read(file), (streams) => {
    pieces = streams.pieces.map((p) => ({ ...p }));
  });
  const { runs } = readDocFontRuns(streamsOf(read(file)));
  const all = pieces.map((p) => p.text).join('');
  return texts.map((text) => {
    const cp = all.indexOf(text);
    if (cp < 0) throw new Error(`"${text}" not in ${file}`);
    const covering = runs.filter((r) => r.start <= cp && cp + text.length <= r.end);
    return covering.length === 1 ? covering[0]?.font : undefined;
  });
}

async function fragmentsOf(bytes: Buffer, name: string) {
  return extractFragments({ bytes, name, limits: DEFAULT_LIMITS, ocr: undefined, signal: new AbortController().signal });
}

describe('font runs of Word 97–2003 files', () => {
  it('LibreOffice writes the legacy font names into the .doc font table (SttbfFfn)', () => {
    expect(readDocFontTable(streamsOf(read('p22-vntimeh-styles.doc')))).toEqual(expect.arrayContaining(['.VnTime', '.VnTimeH', 'Liberation Serif']));
    expect(readDocFontTable(streamsOf(read('p24-vni-run.doc')))).toEqual(expect.arrayContaining(['VNI-Times']));
  });

  it('gives each run its font from the paragraph style (STSH), a direct run (CHPX) or a character style', async () => {
    expect(await fontAt('p22-vntimeh-styles.doc', [toTcvn3('ủy ban nhân dân tỉnh bắc giang'), toTcvn3('Số: 31/KH-UBND'), toTcvn3('tối mật'), toTcvn3('Bảo vệ an ninh')])).toEqual([
      '.VnTimeH', // paragraph style "Vn Hoa" (based on "Vn Thuong")
      '.VnTime', // paragraph style "Vn Thuong"
      '.VnTimeH', // direct formatting of the run
      '.VnTime',
    ]);
    expect(await fontAt('p23-vntimeh-char-style.doc', [toTcvn3('mật'), toTcvn3('Số: 09/TTr-SNV')])).toEqual(['.VnTimeH', '.VnTime']);
    expect(await fontAt('p24-vni-run.doc', ['Toái maät', 'Độ mật: ', 'CÔNG AN TỈNH'])).toEqual(['VNI-Times', 'Liberation Serif', 'Liberation Serif']);
  });

  it("reads Word 97's single font sprm (sprmCFtcDefault) where a run has no sprmCRgFtc0/2", () => {
    const streams = streamsOf(read('p22-vntimeh-styles.doc'));
    const word = Uint8Array.from(streams.wordDocument);
    const fib = new DataView(word.buffer);
    const plc = new DataView(streams.table.buffer, streams.table.byteOffset + fib.getUint32(fibSlot(12), true), fib.getUint32(fibSlot(12) + 4, true));
    const pages = (plc.byteLength - 4) / 8;
    let rewritten = 0;
    for (let i = 0; i < pages; i++) {
      const page = (plc.getUint32((pages + 1) * 4 + i * 4, true) & 0x3fffff) * 512;
      const crun = word[page + 511] as number;
      // Only the grpprls (after the FCs and offsets) are rewritten: 0x4A4F / 0x4A51 → 0x4A3D.
      for (let at = page + (crun + 1) * 4 + crun; at < page + 510; at++) {
        if ((word[at] === 0x4f || word[at] === 0x51) && word[at + 1] === 0x4a) {
          word[at] = 0x3d;
          rewritten++;
        }
      }
    }
    expect(rewritten).toBeGreaterThan(0);
    const before = readDocFontRuns(streams).runs;
    expect(readDocFontRuns({ wordDocument: word, table: streams.table }).runs).toEqual(before);
  });

  it('reads 8-bit (compressed) text pieces and runs across pieces as Word stores them', async () => {
    const cases = [
      { file: 'p22-vntimeh-styles.doc', splitAt: 50, compress: true },
      { file: 'p22-vntimeh-styles.doc', splitAt: 48, compress: false },
      { file: 'p24-vni-run.doc', splitAt: 57, compress: false },
    ];
    for (const { file, splitAt, compress } of cases) {
      const original = read(file);
      const rewritten = asWordWouldStore(original, { splitAt, compress });
      expect(readDocFontRuns(streamsOf(rewritten)).runs, file).toEqual(readDocFontRuns(streamsOf(original)).runs);
      const texts = async (bytes: Buffer) => (await fragmentsOf(bytes, file)).fragments.map((f) => [f.text, f.style?.legacyEncoding]);
      expect(await texts(rewritten), file).toEqual(await texts(original));
    }
  });

  it("takes a paragraph's style from the piece that holds its mark when the paragraph spans pieces ([MS-DOC] 2.4.2)", () => {
    // p22: "ñy ban … giang" (31 characters with its mark, style "Vn Hoa", .VnTimeH) then
    // "Sè: 31/KH-UBND" (15, "Vn Thuong", .VnTime), one UTF-16 piece at fc 2048. New pieces: the
    // first 20 characters of the heading, then the whole second paragraph, so that the heading's
    // start belongs to a paragraph whose mark is in the second piece.
    const streams = streamsOf(read('p22-vntimeh-styles.doc'));
    const word = Uint8Array.from(streams.wordDocument);
    const clx = Buffer.alloc(5 + 3 * 4 + 2 * 8);
    clx[0] = 0x02;
    clx.writeUInt32LE(3 * 4 + 2 * 8, 1);
    [0, 20, 35].forEach((cp, i) => clx.writeUInt32LE(cp, 5 + i * 4));
    [2048, 2048 + 31 * 2].forEach((fc, i) => clx.writeUInt32LE(fc, 5 + 3 * 4 + i * 8 + 2));
    new DataView(word.buffer).setUint32(fibSlot(33), streams.table.length, true);
    new DataView(word.buffer).setUint32(fibSlot(33) + 4, clx.length, true);
    const { runs } = readDocFontRuns({ wordDocument: word, table: new Uint8Array([...streams.table, ...clx]) });
    expect(runs).toEqual([{ start: 0, end: 35, font: '.VnTime' }]);
    // Read in one piece, the same characters keep their own paragraphs' fonts.
    expect(readDocFontRuns(streams).runs.slice(0, 2)).toEqual([
      { start: 0, end: 31, font: '.VnTimeH' },
      { start: 31, end: 46, font: '.VnTime' },
    ]);
  });

  it('covers every character position once, in order', () => {
    for (const file of ['p20-tcvn3.doc', 'p22-vntimeh-styles.doc', 'p01-stamp-under-number.doc', 'n02-lookalikes.doc']) {
      const { runs } = readDocFontRuns(streamsOf(read(file)));
      expect(runs[0]?.start).toBe(0);
      runs.forEach((run, i) => {
        expect(run.end).toBeGreaterThan(run.start);
        if (i > 0) expect(run.start).toBe(runs[i - 1]?.end);
      });
    }
  });

  it('R4.5 decodes .VnTimeH stamps typed with lower-case TCVN3 codes as capitals, the .VnTime body as it is', async () => {
    const { fragments, problems } = await fragmentsOf(read('p22-vntimeh-styles.doc'), 'p22-vntimeh-styles.doc');
    expect(problems).toEqual([]);
    expect(fragments.map((f) => [f.text, f.style?.legacyEncoding])).toEqual([
      ['ỦY BAN NHÂN DÂN TỈNH BẮC GIANG', 'TCVN3'],
      ['Số: 31/KH-UBND', 'TCVN3'],
      ['TỐI MẬT', 'TCVN3'],
      ['KẾ HOẠCH', 'TCVN3'],
      ['Bảo vệ an ninh nội bộ các cơ quan của tỉnh năm 2026', 'TCVN3'],
    ]);
    const result = await scanBytes({ bytes: read('p22-vntimeh-styles.doc'), path: 'p22.doc' });
    expect([result.decision, result.findings[0]?.level, result.findings[0]?.excerpt]).toEqual(['block', 'TOI_MAT', 'TỐI MẬT']);
  });

  it('R4.5 finds "Độ mật: Tối mật" when the level is a VNI run inside Unicode text (missed when detecting by the whole line)', async () => {
    const { fragments } = await fragmentsOf(read('p24-vni-run.doc'), 'p24-vni-run.doc');
    expect(fragments.find((f) => f.text.startsWith('Độ mật'))).toMatchObject({ text: 'Độ mật: Tối mật', style: { legacyEncoding: 'VNI' } });
    const result = await scanBytes({ bytes: read('p24-vni-run.doc'), path: 'p24.doc' });
    expect([result.decision, result.findings[0]?.ruleId, result.findings[0]?.level]).toEqual(['block', 'bmnn.level-field', 'TOI_MAT']);
  });

  it('reads MẶT TRẬN in .VnTimeH as capitals and does not take it for a stamp', async () => {
    const { fragments } = await fragmentsOf(read('n05-vntimeh-front.doc'), 'n05-vntimeh-front.doc');
    expect(fragments.map((f) => f.text)).toContain('MẶT TRẬN');
    const result = await scanBytes({ bytes: read('n05-vntimeh-front.doc'), path: 'n05.doc' });
    expect([result.decision, result.findings, result.problems]).toEqual(['pass', [], []]);
  });
});

describe('marking legacy runs in word-extractor text', () => {
  it('keeps the length of every piece and gives back each run with its font', () => {
    const pieces = [
      { startCp: 0, endCp: 9, text: 'Sè: 1\rmË' },
      { startCp: 9, endCp: 14, text: 't\r\x1fa\r' },
    ];
    pieces[0]!.endCp = pieces[0]!.text.length;
    pieces[1]!.startCp = pieces[0]!.text.length;
    pieces[1]!.endCp = pieces[1]!.startCp + pieces[1]!.text.length;
    const lengths = pieces.map((p) => p.text.length);
    const marked = markLegacyFontRuns(pieces, [
      { start: 0, end: 6, font: '.VnTime' },
      { start: 6, end: 10, font: '.VnTimeH' },
      { start: 10, end: 14, font: 'VNI-Times' },
    ]);
    expect(marked).toBe(true);
    expect(pieces.map((p) => p.text.length)).toEqual(lengths);
    const text = pieces.map((p) => p.text).join('');
    expect(text.split('\r').map(splitMarkedRuns)).toEqual([
      [{ text: 'Sè: 1', font: '.VnTime' }],
      [{ text: 'mËt', font: '.VnTimeH' }],
      // Word's optional hyphen (0x1F) in a legacy run is the byte 0xAD.
      [{ text: '\u00ada', font: 'VNI-Times' }],
      [{ text: '' }],
    ]);
  });

  it('changes nothing when the document already uses the private-use characters', () => {
    const pieces = [{ startCp: 0, endCp: 3, text: 'a\ue001b' }];
    expect(markLegacyFontRuns(pieces, [{ start: 0, end: 3, font: '.VnTime' }])).toBe(false);
    expect(pieces[0]?.text).toBe('a\ue001b');
  });
});

describe('hostile .doc formatting tables', () => {
  const good = streamsOf(read('p22-vntimeh-styles.doc'));

  it('a table stream cut inside any structure it reads is a DocFontsError, not a crash', () => {
    const fib = new DataView(good.wordDocument.buffer, good.wordDocument.byteOffset);
    // STSH, PlcBteChpx, PlcBtePapx, SttbfFfn, Clx: cut in the middle of each.
    for (const slot of [1, 12, 13, 15, 33]) {
      const fc = fib.getUint32(fibSlot(slot), true);
      const lcb = fib.getUint32(fibSlot(slot) + 4, true);
      expect(lcb, `FIB slot ${slot}`).toBeGreaterThan(0);
      const size = fc + Math.floor(lcb / 2);
      expect(() => readDocFontRuns({ wordDocument: good.wordDocument, table: good.table.subarray(0, size) }), `table cut to ${size} bytes`).toThrow(DocFontsError);
    }
    for (const size of [0, 10]) expect(() => readDocFontRuns({ wordDocument: good.wordDocument, table: good.table.subarray(0, size) })).toThrow(DocFontsError);
  });

  it('offsets past the streams, impossible counts and FKP pages outside the file are DocFontsErrors', () => {
    const withFib = (slot: number, fc: number, lcb: number) => {
      const word = Uint8Array.from(good.wordDocument);
      const view = new DataView(word.buffer);
      view.setUint32(fibSlot(slot), fc, true);
      view.setUint32(fibSlot(slot) + 4, lcb, true);
      return { wordDocument: word, table: good.table };
    };
    expect(() => readDocFontRuns(withFib(33, good.table.length + 10, 100))).toThrow(DocFontsError); // Clx
    expect(() => readDocFontRuns(withFib(15, 0, 0xffffffff))).toThrow(DocFontsError); // SttbfFfn
    expect(() => readDocFontRuns(withFib(1, 2, good.table.length))).toThrow(DocFontsError); // STSH
    expect(() => readDocFontRuns(withFib(12, 0, 13))).toThrow(DocFontsError); // PlcBteChpx of a bad size
    // A PlcBteChpx whose page numbers point past the WordDocument stream.
    const plc = new Uint8Array([0, 0, 0, 0, 0, 1, 0, 0, 0xff, 0xff, 0x0f, 0]);
    const table = new Uint8Array([...good.table, ...plc]);
    const word = Uint8Array.from(good.wordDocument);
    new DataView(word.buffer).setUint32(fibSlot(12), good.table.length, true);
    new DataView(word.buffer).setUint32(fibSlot(12) + 4, plc.length, true);
    expect(() => readDocFontRuns({ wordDocument: word, table })).toThrow(/FKP|ngoài luồng/);
    expect(() => readDocFontRuns({ wordDocument: new Uint8Array(10), table: good.table })).toThrow(DocFontsError);
  });

  it('many pieces over the same text stop at the segment limit instead of running on', () => {
    // A Clx of 50 pieces that all point at the same 2,000 bytes of text.
    const count = 50;
    const plc = Buffer.alloc((count + 1) * 4 + count * 8);
    for (let i = 0; i <= count; i++) plc.writeUInt32LE(i * 1000, i * 4);
    for (let i = 0; i < count; i++) plc.writeUInt32LE(0, (count + 1) * 4 + i * 8 + 2);
    const clx = Buffer.concat([Buffer.from([0x02]), Buffer.alloc(4), plc]);
    clx.writeUInt32LE(plc.length, 1);
    const table = new Uint8Array([...good.table, ...clx]);
    const word = Uint8Array.from(good.wordDocument);
    new DataView(word.buffer).setUint32(fibSlot(33), good.table.length, true);
    new DataView(word.buffer).setUint32(fibSlot(33) + 4, clx.length, true);
    expect(readDocFontRuns({ wordDocument: word, table }).runs.length).toBeGreaterThan(0);
    const limit = DOC_FONT_LIMITS.maxSegments;
    DOC_FONT_LIMITS.maxSegments = 20;
    try {
      expect(() => readDocFontRuns({ wordDocument: word, table })).toThrow(/quá nhiều đoạn định dạng/);
    } finally {
      DOC_FONT_LIMITS.maxSegments = limit;
    }
  });

  it('a style based on itself does not loop', () => {
    // Point every style's istdBase at style 1 (itself for style 1): the chain is cut at 16 steps.
    const table = Uint8Array.from(good.table);
    const view = new DataView(table.buffer);
    const fcStshf = new DataView(good.wordDocument.buffer, good.wordDocument.byteOffset).getUint32(fibSlot(1), true);
    let at = fcStshf + 2 + view.getUint16(fcStshf, true);
    const cstd = view.getUint16(fcStshf + 2, true);
    for (let istd = 0; istd < cstd; istd++) {
      const cb = view.getUint16(at, true);
      if (cb > 0) view.setUint16(at + 2 + 2, (view.getUint16(at + 2 + 2, true) & 0x000f) | (1 << 4), true);
      at += 2 + cb;
    }
    expect(() => readDocFontRuns({ wordDocument: good.wordDocument, table })).not.toThrow();
  });

  it('mutated streams give runs or a DocFontsError, never another exception', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        (inWord, flips, cut) => {
          const target = Uint8Array.from(inWord ? good.wordDocument : good.table);
          // Flips land in the FIB's table offsets or anywhere in the stream.
          for (const flip of flips) target[Math.floor(flip.at * (inWord ? Math.min(target.length, 600) : target.length))] = flip.byte;
          const cutTarget = cut === undefined ? target : target.subarray(0, Math.floor(cut * target.length));
          const streams = inWord ? { wordDocument: cutTarget, table: good.table } : { wordDocument: good.wordDocument, table: cutTarget };
          try {
            readDocFontRuns(streams);
          } catch (error) {
            expect(error).toBeInstanceOf(DocFontsError);
          }
        },
      ),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) },
    );
  });

  it('a .doc whose style sheet lies about its size still gives its text, with a problem and never a pass', async () => {
    const bytes = withStreams(read('p22-vntimeh-styles.doc'), (word) => {
      word.writeUInt32LE(0x7fffffff, fibSlot(1) + 4);
    });
    const { fragments, problems } = await fragmentsOf(bytes, 'p22.doc');
    expect(problems.map((p) => p.code)).toEqual(['file.corrupt']);
    expect(problems[0]?.message).toMatch(/phông chữ/);
    expect(fragments.length).toBeGreaterThan(3);
    const result = await scanBytes({ bytes, path: 'p22.doc' });
    expect(result.decision).not.toBe('pass');
  });

  it('a .doc whose FIB says Word 6.0/95 is read as far as it goes and never passes: the problem says the format is only partly read', async () => {
    const bytes = withStreams(read('n02-lookalikes.doc'), (word) => {
      word.writeUInt16LE(0x0065, 2);
    });
    const result = await scanBytes({ bytes, path: 'cu.doc' });
    expect(result.problems.map((p) => p.code)).toEqual(['file.unsupported_type']);
    expect(result.problems[0]?.message).toMatch(/Word 6\.0\/95/);
    expect(result.decision).toBe('review');
  });

  it('a .doc flagged as encrypted is a file.encrypted problem, not its noise read as text', async () => {
    const bytes = withStreams(read('p01-stamp-under-number.doc'), (word) => {
      word.writeUInt16LE(word.readUInt16LE(0x0a) | 0x0100, 0x0a);
    });
    const result = await scanBytes({ bytes, path: 'khoa.doc' });
    expect([result.decision, result.findings, result.problems.map((p) => p.code)]).toEqual(['review', [], ['file.encrypted']]);
  });

  it('a .doc with mutated formatting tables is scanned without an internal error and never passes with a problem', async () => {
    const original = read('p22-vntimeh-styles.doc');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ inTable: fc.boolean(), at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }),
        async (flips) => {
          const bytes = withStreams(original, (word, table) => {
            // WordDocument flips stay in the FIB and the FKP pages, where the formatting is.
            for (const flip of flips) {
              if (flip.inTable) table[Math.floor(flip.at * table.length)] = flip.byte;
              else {
                const at = Math.floor(flip.at * word.length);
                word[at < 1536 ? 154 + (at % 280) : at] = flip.byte;
              }
            }
          });
          const result = await scanBytes({ bytes, path: 'p22.doc', options: { limits: { maxMillis: 10_000 } } });
          expect(result.problems.filter((p) => p.code === 'scan.internal_error')).toEqual([]);
          if (result.problems.length > 0) expect(result.decision).not.toBe('pass');
        },
      ),
      { numRuns: Math.ceil(Number(process.env['FUZZ_RUNS'] ?? 300) / 5) },
    );
  }, 600_000);
});
