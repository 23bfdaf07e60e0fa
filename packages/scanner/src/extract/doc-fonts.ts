// The font of every character of a Word 97–2003 (.doc) file, read from the binary format's
// character formatting ([MS-DOC]): the font table (SttbfFfn), the style sheet (STSH: a paragraph or
// character style, and its base styles, can set the font), the paragraph styles (PlcBtePapx → PAPX
// FKPs → istd), the direct character formatting (PlcBteChpx → CHPX FKPs → sprmCRgFtc0/2,
// sprmCIstd) and the piece table (Clx: character positions to file offsets, Prm formatting).
// word-extractor gives the text without fonts; TCVN3 text in `.VnTimeH` (capitals drawn from
// lower-case codes) and VNI text can only be decoded right when the font of each run is known.
//
// Everything here is bounded: counts and offsets are checked against the streams and the limits
// below, and a structure that does not fit throws DocFontsError (the extractor reports a problem).

import { getFontEncoding } from '../text/legacy-encodings.ts';

/** A range of character positions [start, end) set in one font. */
export type DocFontRun = { start: number; end: number; font: string };

export class DocFontsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocFontsError';
  }
}

export const DOC_FONT_LIMITS = {
  maxFonts: 0x7fff,
  maxStyles: 0x0ffe,
  maxPieces: 100_000,
  /** FKP pages (512 bytes each) read for character and paragraph formatting together. */
  maxFkpPages: 65_536,
  /** Base-style chain followed to find a style's font. */
  maxStyleDepth: 16,
  /** Ranges looked at while crossing the pieces with the formatting runs. */
  maxSegments: 2_000_000,
};

const FKP_SIZE = 512;
const NO_STYLE = 0x0fff;
const SPRM_CIstd = 0x4a30;
const SPRM_CFtcDefault = 0x4a3d; // Word 97's single font sprm: both fonts unless set apart
const SPRM_CRgFtc0 = 0x4a4f; // ASCII characters
const SPRM_CRgFtc2 = 0x4a51; // other characters above ASCII (where TCVN3/VNI bytes live)
const SPRM_PIstd = 0x4600;

/** Font indexes and character style that a grpprl sets (undefined: not set). */
type CharProps = { ftc0?: number; ftc2?: number; ftcDefault?: number; istd?: number };

/** The font index a grpprl gives for `key`: its own sprm, else sprmCFtcDefault. */
const fontIndex = (props: CharProps, key: 'ftc0' | 'ftc2') => props[key] ?? props.ftcDefault;

class Reader {
  readonly bytes: Uint8Array;
  readonly name: string;
  private readonly view: DataView;
  constructor(bytes: Uint8Array, name: string) {
    this.bytes = bytes;
    this.name = name;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  ensure(offset: number, length: number, what: string): void {
    if (!Number.isInteger(offset) || offset < 0 || length < 0 || offset + length > this.bytes.length) {
      throw new DocFontsError(`${what} nằm ngoài luồng ${this.name} (vị trí ${offset}, ${length} byte).`);
    }
  }
  u8(offset: number): number {
    this.ensure(offset, 1, 'Dữ liệu');
    return this.bytes[offset] as number;
  }
  u16(offset: number): number {
    this.ensure(offset, 2, 'Dữ liệu');
    return this.view.getUint16(offset, true);
  }
  u32(offset: number): number {
    this.ensure(offset, 4, 'Dữ liệu');
    return this.view.getUint32(offset, true);
  }
  slice(offset: number, length: number, what: string): Uint8Array {
    this.ensure(offset, length, what);
    return this.bytes.subarray(offset, offset + length);
  }
}

/** Operand size of a sprm from its spra bits; variable sizes read their length byte. */
function sprmOperandSize(sprm: number, grpprl: Uint8Array, at: number): number | undefined {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default: {
      // spra 6: a length byte, except sprmTDefTable (a 2-byte length) and sprmPChgTabs.
      if (sprm === 0xd608) {
        const lo = grpprl[at];
        const hi = grpprl[at + 1];
        return lo === undefined || hi === undefined ? undefined : lo + (hi << 8) + 1;
      }
      const cb = grpprl[at];
      return cb === undefined ? undefined : cb + 1;
    }
  }
}

/** Character properties of a grpprl; a malformed tail is ignored (what was read is kept). */
function readCharProps(grpprl: Uint8Array, into: CharProps = {}): CharProps {
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = (grpprl[at] as number) | ((grpprl[at + 1] as number) << 8);
    at += 2;
    const size = sprmOperandSize(sprm, grpprl, at);
    if (size === undefined || at + size > grpprl.length) break;
    const operand = size >= 2 ? (grpprl[at] as number) | ((grpprl[at + 1] as number) << 8) : undefined;
    if (operand !== undefined) {
      if (sprm === SPRM_CRgFtc0) into.ftc0 = operand;
      else if (sprm === SPRM_CRgFtc2) into.ftc2 = operand;
      else if (sprm === SPRM_CIstd) into.istd = operand;
      else if (sprm === SPRM_CFtcDefault) into.ftcDefault = operand;
    }
    at += size;
  }
  return into;
}

// --- FIB ---------------------------------------------------------------------------------------

type Fib = { fcLcb: (index: number) => { fc: number; lcb: number } };

const FIB = { stshf: 1, plcfBteChpx: 12, plcfBtePapx: 13, sttbfFfn: 15, clx: 33 } as const;

function readFib(word: Reader): Fib | undefined {
  if (word.bytes.length < 34 || word.u16(0) !== 0xa5ec) throw new DocFontsError('Luồng WordDocument không có phần đầu (FIB) hợp lệ.');
  const nFib = word.u16(2);
  const flags = word.u16(0x0a);
  // Word 6/95 files (nFib < 193) have another layout; encrypted files have no readable tables.
  if (nFib < 0x00c1 || (flags & 0x0100) !== 0) return undefined;
  const csw = word.u16(32);
  const cslwAt = 34 + csw * 2;
  const cslw = word.u16(cslwAt);
  const cbAt = cslwAt + 2 + cslw * 4;
  const cbRgFcLcb = word.u16(cbAt);
  const blobAt = cbAt + 2;
  return {
    fcLcb(index) {
      if (index >= cbRgFcLcb) return { fc: 0, lcb: 0 };
      return { fc: word.u32(blobAt + index * 8), lcb: word.u32(blobAt + index * 8 + 4) };
    },
  };
}

// --- Font table (SttbfFfn) ---------------------------------------------------------------------

/** Font names by font index (ftc), from the SttbfFfn of the table stream. */
export function readDocFontTable({ wordDocument, table }: { wordDocument: Uint8Array; table: Uint8Array }): string[] {
  const fib = readFib(new Reader(wordDocument, 'WordDocument'));
  if (!fib) return [];
  return readFonts(new Reader(table, 'bảng (Table)'), fib);
}

function readFonts(table: Reader, fib: Fib): string[] {
  const { fc, lcb } = fib.fcLcb(FIB.sttbfFfn);
  if (lcb === 0) return [];
  const sttb = new Reader(table.slice(fc, lcb, 'Bảng phông chữ (SttbfFfn)'), 'SttbfFfn');
  let at = 0;
  const extended = sttb.u16(0) === 0xffff;
  if (extended) at += 2;
  const count = sttb.u16(at);
  at += 4; // cData, cbExtra
  if (count > DOC_FONT_LIMITS.maxFonts) throw new DocFontsError(`Bảng phông chữ khai báo quá nhiều phông (${count}).`);
  const fonts: string[] = [];
  for (let i = 0; i < count; i++) {
    const size = extended ? sttb.u16(at) : sttb.u8(at);
    at += extended ? 2 : 1;
    const ffn = sttb.slice(at, size, 'Một phông chữ (FFN)');
    at += size;
    // FFN: ffid, wWeight, chs, ixchSzAlt, panose (10), fs (24), then the UTF-16 name, 0-terminated.
    let name = '';
    for (let p = 39; p + 1 < ffn.length; p += 2) {
      const code = (ffn[p] as number) | ((ffn[p + 1] as number) << 8);
      if (code === 0) break;
      name += String.fromCharCode(code);
    }
    fonts.push(name);
  }
  return fonts;
}

// --- Style sheet (STSH) ------------------------------------------------------------------------

type Style = { base: number; props: CharProps };
type StyleSheet = { styles: (Style | undefined)[]; defaults: CharProps };

function readStyles(table: Reader, fib: Fib): StyleSheet {
  const { fc, lcb } = fib.fcLcb(FIB.stshf);
  if (lcb === 0) return { styles: [], defaults: {} };
  const stsh = new Reader(table.slice(fc, lcb, 'Bảng kiểu (STSH)'), 'STSH');
  const cbStshi = stsh.u16(0);
  const cstd = stsh.u16(2);
  const cbStdBase = stsh.u16(4);
  if (cstd > DOC_FONT_LIMITS.maxStyles) throw new DocFontsError(`Bảng kiểu khai báo quá nhiều kiểu (${cstd}).`);
  if (cbStdBase < 10) throw new DocFontsError('Bảng kiểu (STSH) có kích thước kiểu không hợp lệ.');
  // Stshif: cstd, cbSTDBaseInFile, flags, stiMaxWhenSaved, istdMaxFixedWhenSaved,
  // nVerBuiltInNamesWhenSaved, then rgftcStandardChpStsh: the document's default fonts.
  const defaults: CharProps = cbStshi >= 18 ? { ftc0: stsh.u16(14), ftc2: stsh.u16(18) } : {};
  const styles: (Style | undefined)[] = [];
  let at = 2 + cbStshi;
  for (let istd = 0; istd < cstd; istd++) {
    const cbStd = stsh.u16(at);
    at += 2;
    if (cbStd === 0) {
      styles.push(undefined);
      continue;
    }
    const std = new Reader(stsh.slice(at, cbStd, 'Một kiểu (STD)'), 'STD');
    at += cbStd;
    const stk = std.u16(2) & 0x000f;
    const base = std.u16(2) >> 4;
    // After the Stdf: the name (a 2-byte count, UTF-16 characters, a 0 terminator), then the UPXs.
    let p = cbStdBase;
    if (p + 2 > std.bytes.length) {
      styles.push({ base, props: {} });
      continue;
    }
    p += 2 + std.u16(p) * 2 + 2;
    // Paragraph styles hold a UpxPapx before the UpxChpx, table styles a UpxTapx and a UpxPapx.
    const skip = stk === 1 ? 1 : stk === 2 ? 0 : stk === 3 ? 2 : -1;
    let props: CharProps = {};
    if (skip >= 0) {
      for (let u = 0; u < skip && p + 2 <= std.bytes.length; u++) p += 2 + std.u16(p) + (std.u16(p) & 1);
      if (p + 2 <= std.bytes.length) {
        const cbUpx = std.u16(p);
        props = readCharProps(std.bytes.subarray(p + 2, Math.min(std.bytes.length, p + 2 + cbUpx)));
      }
    }
    styles.push({ base, props });
  }
  return { styles, defaults };
}

/** The font index a style chain gives for `key`, following base styles (bounded, cycle-safe). */
function styleFont(sheet: StyleSheet, istd: number | undefined, key: 'ftc0' | 'ftc2'): number | undefined {
  let current = istd;
  for (let depth = 0; current !== undefined && current !== NO_STYLE && depth < DOC_FONT_LIMITS.maxStyleDepth; depth++) {
    const style = sheet.styles[current];
    if (!style) return undefined;
    const value = fontIndex(style.props, key);
    if (value !== undefined) return value;
    current = style.base;
  }
  return undefined;
}

// --- Piece table (Clx) -------------------------------------------------------------------------

type Piece = { cpStart: number; cpEnd: number; fc: number; bytesPerChar: 1 | 2; props: CharProps };

function readPieces(table: Reader, fib: Fib): Piece[] {
  const { fc, lcb } = fib.fcLcb(FIB.clx);
  if (lcb === 0) throw new DocFontsError('Tệp .doc không có bảng đoạn văn bản (Clx).');
  const clx = new Reader(table.slice(fc, lcb, 'Bảng đoạn văn bản (Clx)'), 'Clx');
  const prcs: Uint8Array[] = [];
  let at = 0;
  while (clx.u8(at) === 0x01) {
    const cb = clx.u16(at + 1);
    prcs.push(clx.slice(at + 3, cb, 'Định dạng của đoạn (Prc)'));
    at += 3 + cb;
    if (prcs.length > DOC_FONT_LIMITS.maxPieces) throw new DocFontsError('Bảng đoạn văn bản có quá nhiều định dạng (Prc).');
  }
  if (clx.u8(at) !== 0x02) throw new DocFontsError('Bảng đoạn văn bản (Pcdt) không hợp lệ.');
  const lcbPlc = clx.u32(at + 1);
  const plc = new Reader(clx.slice(at + 5, lcbPlc, 'Bảng đoạn (PlcPcd)'), 'PlcPcd');
  if (lcbPlc < 16 || (lcbPlc - 4) % 12 !== 0) throw new DocFontsError('Bảng đoạn (PlcPcd) có kích thước không hợp lệ.');
  const count = (lcbPlc - 4) / 12;
  if (count > DOC_FONT_LIMITS.maxPieces) throw new DocFontsError(`Tệp .doc có quá nhiều đoạn văn bản (${count}).`);
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const cpStart = plc.u32(i * 4);
    const cpEnd = plc.u32((i + 1) * 4);
    if (cpEnd < cpStart || cpStart < (pieces[pieces.length - 1]?.cpEnd ?? 0)) throw new DocFontsError('Bảng đoạn (PlcPcd) có vị trí ký tự giảm dần.');
    const pcd = (count + 1) * 4 + i * 8;
    const fcValue = plc.u32(pcd + 2);
    const prm = plc.u16(pcd + 6);
    const compressed = (fcValue & 0x40000000) !== 0;
    const fcPiece = compressed ? (fcValue & 0x3fffffff) / 2 : fcValue;
    // Prm1 points at a Prc's grpprl; Prm0 (one sprm by a short index) never sets a font.
    const props = prm & 1 ? readCharProps(prcs[prm >> 1] ?? new Uint8Array()) : {};
    pieces.push({ cpStart, cpEnd, fc: Math.floor(fcPiece), bytesPerChar: compressed ? 1 : 2, props });
  }
  return pieces;
}

// --- FKPs (PlcBteChpx, PlcBtePapx) -----------------------------------------------------------------

/** A range of file offsets [fcStart, fcEnd) with its properties, in file order. */
type FcRun<T> = { fcStart: number; fcEnd: number; value: T };

function readFkpRuns<T>(
  word: Reader,
  table: Reader,
  fib: Fib,
  index: number,
  what: string,
  budget: { pages: number },
  readEntry: (page: Uint8Array, count: number, j: number) => T,
): FcRun<T>[] {
  const { fc, lcb } = fib.fcLcb(index);
  if (lcb === 0) return [];
  if (lcb < 12 || (lcb - 4) % 8 !== 0) throw new DocFontsError(`${what} có kích thước không hợp lệ.`);
  const plc = new Reader(table.slice(fc, lcb, what), what);
  const count = (lcb - 4) / 8;
  const runs: FcRun<T>[] = [];
  for (let i = 0; i < count; i++) {
    if (++budget.pages > DOC_FONT_LIMITS.maxFkpPages) throw new DocFontsError('Tệp .doc có quá nhiều trang định dạng (FKP).');
    const pn = plc.u32((count + 1) * 4 + i * 4) & 0x3fffff;
    const page = word.slice(pn * FKP_SIZE, FKP_SIZE, `Trang định dạng (FKP) của ${what}`);
    const n = page[FKP_SIZE - 1] as number;
    // An empty page formats nothing; a count whose offsets cannot fit the page is corrupt.
    if (n === 0) continue;
    if ((n + 1) * 4 + n > FKP_SIZE - 1) throw new DocFontsError(`Trang định dạng (FKP) của ${what} không hợp lệ.`);
    const pageReader = new Reader(page, 'FKP');
    for (let j = 0; j < n; j++) {
      const fcStart = pageReader.u32(j * 4);
      const fcEnd = pageReader.u32((j + 1) * 4);
      if (fcEnd <= fcStart) continue;
      runs.push({ fcStart, fcEnd, value: readEntry(page, n, j) });
    }
  }
  runs.sort((a, b) => a.fcStart - b.fcStart);
  return runs;
}

function readChpxEntry(page: Uint8Array, n: number, j: number): CharProps {
  const b = page[(n + 1) * 4 + j] as number;
  if (b === 0) return {};
  const cb = page[b * 2] as number;
  return readCharProps(page.subarray(b * 2 + 1, Math.min(FKP_SIZE - 1, b * 2 + 1 + cb)));
}

function readPapxIstd(page: Uint8Array, n: number, j: number): number {
  const bOffset = page[(n + 1) * 4 + j * 13] as number;
  if (bOffset === 0) return 0;
  const at = bOffset * 2;
  const cb = page[at] ?? 0;
  // GrpPrlAndIstd: 2·cb − 1 bytes after cb, or 2·cb′ bytes after a 0 and cb′; it opens with istd.
  const start = cb !== 0 ? at + 1 : at + 2;
  const size = cb !== 0 ? 2 * cb - 1 : 2 * (page[at + 1] ?? 0);
  if (size < 2 || start + 2 > FKP_SIZE - 1) return 0;
  let istd = (page[start] as number) | ((page[start + 1] as number) << 8);
  // A sprmPIstd in the grpprl wins over the stored istd.
  const grpprl = page.subarray(start + 2, Math.min(FKP_SIZE - 1, start + size));
  for (let p = 0; p + 4 <= grpprl.length; ) {
    const sprm = (grpprl[p] as number) | ((grpprl[p + 1] as number) << 8);
    const operandSize = sprmOperandSize(sprm, grpprl, p + 2);
    if (operandSize === undefined) break;
    if (sprm === SPRM_PIstd) istd = (grpprl[p + 2] as number) | ((grpprl[p + 3] as number) << 8);
    p += 2 + operandSize;
  }
  return istd;
}

/** The run that holds `fc`, by binary search over sorted, non-overlapping runs. */
function findRun<T>(runs: FcRun<T>[], fc: number): FcRun<T> | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid] as FcRun<T>;
    if (fc < run.fcStart) hi = mid - 1;
    else if (fc >= run.fcEnd) lo = mid + 1;
    else return run;
  }
  return undefined;
}

/** The next run boundary after `fc` (or Infinity). */
function nextBoundary<T>(runs: FcRun<T>[], fc: number): number {
  const run = findRun(runs, fc);
  if (run) return run.fcEnd;
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((runs[mid] as FcRun<T>).fcStart <= fc) lo = mid + 1;
    else hi = mid;
  }
  return runs[lo]?.fcStart ?? Infinity;
}

// --- Putting it together -----------------------------------------------------------------------

/**
 * Font runs over all the document's character positions (main text, footnotes, headers,
 * comments, endnotes, text boxes), adjacent runs in the same font merged. The font of a run is
 * its ASCII font unless only its font for the other characters is a legacy one.
 */
export function readDocFontRuns({ wordDocument, table }: { wordDocument: Uint8Array; table: Uint8Array }): { fonts: string[]; runs: DocFontRun[] } {
  const word = new Reader(wordDocument, 'WordDocument');
  const tableReader = new Reader(table, 'bảng (Table)');
  const fib = readFib(word);
  if (!fib) return { fonts: [], runs: [] };
  const fonts = readFonts(tableReader, fib);
  const sheet = readStyles(tableReader, fib);
  const pieces = readPieces(tableReader, fib);
  const budget = { pages: 0 };
  const chpx = readFkpRuns(word, tableReader, fib, FIB.plcfBteChpx, 'Định dạng ký tự (PlcBteChpx)', budget, readChpxEntry);
  const papx = readFkpRuns(word, tableReader, fib, FIB.plcfBtePapx, 'Định dạng đoạn (PlcBtePapx)', budget, readPapxIstd);

  const fontOf = (props: CharProps, paragraphStyle: number, piece: CharProps): string | undefined => {
    const resolve = (key: 'ftc0' | 'ftc2') =>
      fontIndex(props, key) ?? fontIndex(piece, key) ?? styleFont(sheet, props.istd ?? piece.istd, key) ?? styleFont(sheet, paragraphStyle, key) ?? sheet.defaults[key];
    const ascii = fonts[resolve('ftc0') ?? -1];
    const other = fonts[resolve('ftc2') ?? -1];
    return getFontEncoding(ascii) || !getFontEncoding(other) ? ascii : other;
  };

  const runs: DocFontRun[] = [];
  const push = (start: number, end: number, font: string | undefined) => {
    if (end <= start || font === undefined) return;
    const last = runs[runs.length - 1];
    if (last && last.end === start && last.font === font) last.end = end;
    else runs.push({ start, end, font });
  };
  const pieceFcEnd = (piece: Piece) => piece.fc + (piece.cpEnd - piece.cpStart) * piece.bytesPerChar;
  // A paragraph that goes on past the end of its piece ends in a later piece: its properties are
  // those of the PAPX entry found there ([MS-DOC] 2.4.2). Looked up once per piece, a few pieces on.
  const continued = new Map<number, number | undefined>();
  const continuedIstd = (index: number): number | undefined => {
    if (continued.has(index)) return continued.get(index);
    let istd: number | undefined;
    for (let k = index + 1; k < pieces.length && k <= index + 64; k++) {
      const next = pieces[k] as Piece;
      const run = findRun(papx, next.fc);
      if (run && run.fcEnd <= pieceFcEnd(next)) {
        istd = run.value;
        break;
      }
    }
    continued.set(index, istd);
    return istd;
  };

  let segments = 0;
  pieces.forEach((piece, index) => {
    const fcEnd = pieceFcEnd(piece);
    let fc = piece.fc;
    while (fc < fcEnd) {
      if (++segments > DOC_FONT_LIMITS.maxSegments) throw new DocFontsError('Tệp .doc có quá nhiều đoạn định dạng.');
      const next = Math.min(fcEnd, nextBoundary(chpx, fc), nextBoundary(papx, fc));
      const step = Math.max(piece.bytesPerChar, next - fc - ((next - fc) % piece.bytesPerChar));
      const chars = findRun(chpx, fc)?.value ?? {};
      const paragraph = findRun(papx, fc);
      const istd = (paragraph && paragraph.fcEnd > fcEnd ? continuedIstd(index) : undefined) ?? paragraph?.value ?? 0;
      const cp = piece.cpStart + Math.floor((fc - piece.fc) / piece.bytesPerChar);
      const cpNext = Math.min(piece.cpEnd, piece.cpStart + Math.floor((fc + step - piece.fc) / piece.bytesPerChar));
      push(cp, cpNext, fontOf(chars, istd, piece.props));
      fc += step;
    }
  });
  return { fonts, runs };
}

// --- Marking legacy runs in word-extractor's text ------------------------------------------------

// word-extractor cleans its text (fields, control characters) after reading the pieces, so font
// runs cannot be matched to its output by position. Instead, the characters of each legacy-font run
// are moved, one for one (piece lengths are kept), into a private-use block that says how to decode
// them: U+E000 + 0x100·class + the 8-bit code. Only codes 0x1F–0xFF move (control characters keep
// their meaning for the library); 0x1F is Word's optional hyphen, the TCVN3 "ư" byte 0xAD.

const MARK_BASE = 0xe000;
const MARK_PATTERN = /[\ue000-\ue2ff]/;
/** A font name standing for each class, as the collector decodes runs by font name. */
export const LEGACY_MARK_FONTS = ['.VnTime', '.VnTimeH', 'VNI-Times'] as const;

function legacyClass(font: string): number | undefined {
  const encoding = getFontEncoding(font);
  if (!encoding) return undefined;
  if (encoding.encoding === 'VNI') return 2;
  return encoding.upper ? 1 : 0;
}

/**
 * Marks the characters of the legacy-font runs in word-extractor's pieces (sorted by position).
 * Returns false, changing nothing, when the text already uses the private-use block.
 */
export function markLegacyFontRuns(pieces: { startCp: number; endCp: number; text: string }[], runs: DocFontRun[]): boolean {
  if (pieces.some((piece) => MARK_PATTERN.test(piece.text))) return false;
  const codes = new Map<number, Uint16Array>();
  let p = 0;
  for (const run of runs) {
    const k = legacyClass(run.font);
    if (k === undefined) continue;
    while (p < pieces.length && (pieces[p] as { endCp: number }).endCp <= run.start) p++;
    for (let i = p; i < pieces.length; i++) {
      const piece = pieces[i] as { startCp: number; endCp: number; text: string };
      if (piece.startCp >= run.end) break;
      let chars = codes.get(i);
      if (!chars) {
        chars = new Uint16Array(piece.text.length);
        for (let c = 0; c < piece.text.length; c++) chars[c] = piece.text.charCodeAt(c);
        codes.set(i, chars);
      }
      const from = Math.max(run.start, piece.startCp) - piece.startCp;
      const to = Math.min(run.end, piece.endCp, piece.startCp + chars.length) - piece.startCp;
      for (let c = from; c < to; c++) {
        const code = chars[c] as number;
        if (code >= 0x20 && code <= 0xff) chars[c] = MARK_BASE + k * 0x100 + code;
        else if (code === 0x1f) chars[c] = MARK_BASE + k * 0x100 + 0xad;
      }
    }
  }
  for (const [i, chars] of codes) {
    let text = '';
    for (let c = 0; c < chars.length; c += 8192) text += String.fromCharCode(...chars.subarray(c, c + 8192));
    (pieces[i] as { text: string }).text = text;
  }
  return true;
}

/** Splits a line of marked text into runs: legacy runs get back their 8-bit text and a font name. */
export function splitMarkedRuns(line: string): { text: string; font?: string }[] {
  if (!MARK_PATTERN.test(line)) return [{ text: line }];
  const runs: { text: string; font?: string }[] = [];
  for (const [segment] of line.matchAll(/[\ue000-\ue2ff]+|[^\ue000-\ue2ff]+/g)) {
    const first = segment.charCodeAt(0);
    if (first < MARK_BASE || first > MARK_BASE + 0x2ff) {
      runs.push({ text: segment });
      continue;
    }
    // Consecutive marked characters of different classes make separate runs.
    let start = 0;
    for (let c = 1; c <= segment.length; c++) {
      const k = ((segment.charCodeAt(start) - MARK_BASE) >> 8) as 0 | 1 | 2;
      if (c < segment.length && (segment.charCodeAt(c) - MARK_BASE) >> 8 === k) continue;
      let text = '';
      for (let j = start; j < c; j++) text += String.fromCharCode((segment.charCodeAt(j) - MARK_BASE) & 0xff);
      runs.push({ text, font: LEGACY_MARK_FONTS[k] });
      start = c;
    }
  }
  return runs;
}
