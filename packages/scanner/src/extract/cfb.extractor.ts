// Legacy binary Office files (compound file binary): Word 97–2003 through word-extractor, with
// the font of each run read from the binary format (doc-fonts.ts) so that TCVN3 (.VnTime, and
// .VnTimeH capitals) and VNI runs are decoded by font as in DOCX/RTF/ODT; Excel 97–2003 by reading
// the BIFF8 records that hold text (shared strings, labels, sheet names, headers and footers).

import CFB from 'cfb';
import type { Fragment, FragmentKind } from '../scanner.types.ts';
import { addProblem, ExtractionProblem, type ExtractContext, type Extractor } from './extract.types.ts';
import { DocFontsError, markLegacyFontRuns, readDocFontRuns, splitMarkedRuns } from './doc-fonts.ts';
import { ParagraphCollector } from './paragraphs.ts';
import { stripHeaderFooterCodes } from './xlsx.extractor.ts';
import { extractWordDocument, type WordStreams } from './word-extractor-fixes.ts';

function addLines(collector: ParagraphCollector, part: string, kind: FragmentKind, text: string): void {
  collector.setPart(part);
  // word-extractor ends table cells with a tab: each cell is a line of its own.
  text.split(/\r\n|\r|\n|\t/).forEach((line, i) => {
    if (!line.trim()) return;
    collector.start(kind);
    for (const run of splitMarkedRuns(line)) collector.append(run.text, run.font !== undefined ? { font: run.font } : {});
    collector.end({ line: i + 1 });
  });
}

export const docExtractor: Extractor = {
  type: 'doc',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    let doc;
    // A font table that cannot be read leaves the text to the detection by content, and says so.
    const markFonts = ({ wordDocument, table, pieces }: WordStreams) => {
      // The FIB's first fields are the same in every Word version: its number and flags tell an
      // encrypted file (whose text would come out as noise) and a Word 6.0/95 one (another layout).
      const nFib = wordDocument.length >= 12 ? wordDocument.readUInt16LE(2) : 0;
      const flags = wordDocument.length >= 12 ? wordDocument.readUInt16LE(0x0a) : 0;
      if ((flags & 0x0100) !== 0) throw new ExtractionProblem('file.encrypted', 'Tệp Word cũ (.doc) được đặt mật khẩu, không đọc được nội dung.');
      if (nFib < 0x00c1) {
        addProblem(ctx, 'file.unsupported_type', 'Tệp Word 6.0/95 hoặc cũ hơn: định dạng này chỉ được đọc một phần (có thể sót chữ, phông TCVN3/VNI không được nhận ra). Cần mở tệp để kiểm tra.');
        return;
      }
      try {
        markLegacyFontRuns(pieces, readDocFontRuns({ wordDocument, table }).runs);
      } catch (error) {
        if (error instanceof DocFontsError) addProblem(ctx, 'file.corrupt', `Không đọc được phông chữ của tệp Word cũ (.doc): ${error.message} Chữ TCVN3/VNI có thể bị đọc sai.`);
        else addProblem(ctx, 'scan.internal_error', `Lỗi khi đọc phông chữ của tệp Word cũ (.doc): ${(error as Error).message}`);
      }
    };
    try {
      doc = await extractWordDocument(Buffer.from(bytes), markFonts);
    } catch (error) {
      if (error instanceof ExtractionProblem) throw error;
      const message = (error as Error).message ?? '';
      if (/encrypt|password/i.test(message)) throw new ExtractionProblem('file.encrypted', 'Tệp Word cũ (.doc) được mã hóa, không đọc được nội dung.');
      throw new ExtractionProblem('file.corrupt', `Tệp Word cũ (.doc) bị hỏng hoặc không đọc được (${message.slice(0, 120)}).`);
    }
    const collector = new ParagraphCollector(ctx.container, 'body');
    addLines(collector, 'headers', 'header', doc.getHeaders({ includeFooters: false }));
    addLines(collector, 'body', 'body', doc.getBody());
    addLines(collector, 'textboxes', 'textbox', doc.getTextboxes({ includeHeadersAndFooters: true, includeBody: true }));
    addLines(collector, 'footers', 'footer', doc.getFooters());
    addLines(collector, 'footnotes', 'footnote', doc.getFootnotes());
    addLines(collector, 'endnotes', 'endnote', doc.getEndnotes());
    addLines(collector, 'comments', 'comment', doc.getAnnotations());
    return collector.fragments;
  },
};

/** Reads BIFF8 record payloads, joining CONTINUE records for the shared string table. */
class BiffStringReader {
  private segment = 0;
  private pos = 0;
  private readonly segments: Uint8Array[];
  constructor(segments: Uint8Array[]) {
    this.segments = segments;
  }

  private get current(): Uint8Array {
    return this.segments[this.segment] ?? new Uint8Array();
  }
  private advanceIfEnd(): boolean {
    if (this.pos >= this.current.length && this.segment < this.segments.length - 1) {
      this.segment++;
      this.pos = 0;
      return true;
    }
    return false;
  }
  private u8(): number {
    this.advanceIfEnd();
    const value = this.current[this.pos++];
    if (value === undefined) throw new Error('end of SST');
    return value;
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    for (let i = 0; i < n; i++) this.u8();
  }
  hasMore(): boolean {
    return this.segment < this.segments.length - 1 || this.pos < this.current.length;
  }
  /** XLUnicodeRichExtendedString; a string continued in a CONTINUE record restates its width. */
  richString(): string {
    const count = this.u16();
    const flags = this.u8();
    let wide = (flags & 1) === 1;
    const runs = flags & 8 ? this.u16() : 0;
    const ext = flags & 4 ? this.u32() : 0;
    let text = '';
    for (let i = 0; i < count; i++) {
      if (this.pos >= this.current.length && this.advanceIfEnd()) wide = (this.u8() & 1) === 1;
      text += String.fromCharCode(wide ? this.u16() : this.u8());
    }
    this.skip(runs * 4 + ext);
    return text;
  }
}

function readShortString(data: Uint8Array, offset: number, lengthBytes: 1 | 2): string {
  const count = lengthBytes === 1 ? (data[offset] ?? 0) : (data[offset] ?? 0) | ((data[offset + 1] ?? 0) << 8);
  const flags = data[offset + lengthBytes] ?? 0;
  const start = offset + lengthBytes + 1;
  let text = '';
  for (let i = 0; i < count; i++) {
    text += String.fromCharCode(flags & 1 ? (data[start + 2 * i] ?? 0) | ((data[start + 2 * i + 1] ?? 0) << 8) : (data[start + i] ?? 0));
  }
  return text;
}

export const xlsExtractor: Extractor = {
  type: 'xls',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    let stream: Uint8Array;
    try {
      const cfb = CFB.read(Buffer.from(bytes), { type: 'buffer' });
      const entry = CFB.find(cfb, 'Workbook') ?? CFB.find(cfb, 'Book');
      if (!entry?.content) throw new Error('no Workbook stream');
      stream = Uint8Array.from(entry.content as ArrayLike<number>);
    } catch (error) {
      throw new ExtractionProblem('file.corrupt', `Tệp Excel cũ (.xls) bị hỏng (${(error as Error).message}).`);
    }
    const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
    const collector = new ParagraphCollector(ctx.container, 'workbook');
    const sheetNames: string[] = [];
    let sst: string[] = [];
    let sheetIndex = -1;
    let bofCount = 0;
    const col = (c: number) => {
      let name = '';
      for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
      return name;
    };
    const cell = (row: number, column: number, text: string) => {
      if (!text.trim()) return;
      collector.setPart(sheetNames[sheetIndex] ?? `Sheet${sheetIndex + 1}`);
      collector.start('cell');
      collector.append(text);
      collector.end({ cell: `${col(column)}${row + 1}`, line: row + 1 });
    };
    let offset = 0;
    while (offset + 4 <= stream.length) {
      const type = view.getUint16(offset, true);
      const length = view.getUint16(offset + 2, true);
      const data = stream.subarray(offset + 4, offset + 4 + length);
      const next = offset + 4 + length;
      switch (type) {
        case 0x002f:
          throw new ExtractionProblem('file.encrypted', 'Tệp Excel cũ (.xls) được đặt mật khẩu, không đọc được nội dung.');
        case 0x0809:
          if (bofCount++ > 0) sheetIndex++;
          break;
        case 0x0085:
          sheetNames.push(readShortString(data, 6, 1));
          break;
        case 0x00fc: {
          const segments = [data.subarray(8)];
          let p = next;
          while (p + 4 <= stream.length && view.getUint16(p, true) === 0x003c) {
            const l = view.getUint16(p + 2, true);
            segments.push(stream.subarray(p + 4, p + 4 + l));
            p += 4 + l;
          }
          const reader = new BiffStringReader(segments);
          const unique = view.getUint32(offset + 8, true);
          sst = [];
          try {
            for (let i = 0; i < unique && reader.hasMore(); i++) sst.push(reader.richString());
          } catch {
            // A truncated table keeps what was read.
          }
          break;
        }
        case 0x00fd:
          if (length >= 10) cell(view.getUint16(offset + 4, true), view.getUint16(offset + 6, true), sst[view.getUint32(offset + 10, true)] ?? '');
          break;
        case 0x0204:
          if (length >= 9) cell(view.getUint16(offset + 4, true), view.getUint16(offset + 6, true), readShortString(data, 6, 2));
          break;
        case 0x0014:
        case 0x0015:
          if (length > 3) {
            const text = stripHeaderFooterCodes(readShortString(data, 0, 2));
            if (text) collector.add(text, type === 0x0014 ? 'header' : 'footer', { part: `${sheetNames[sheetIndex] ?? 'Sheet'} (${type === 0x0014 ? 'header' : 'footer'})` });
          }
          break;
      }
      offset = next;
    }
    sheetNames.forEach((name, i) => collector.add(name, 'sheet-name', { line: i + 1, part: 'workbook' }));
    return collector.fragments;
  },
};
