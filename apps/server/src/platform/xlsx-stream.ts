import { once } from 'node:events';
import type { TransformOptions, Writable } from 'node:stream';
import zlib from 'node:zlib';
import { Zip, ZipDeflate, ZipPassThrough, type FlateError } from 'fflate';

// A small streaming XLSX writer for long printouts (the books): one worksheet, rows written as
// SpreadsheetML strings straight into a streaming zip (fflate), inline strings (no shared-strings
// table, so nothing grows with the line count), a styles table built once from the styles the
// caller declares up front, merged rows, a frozen header, A4 page setup and a print header/footer.
// The sheet is compressed by Node's zlib (native, off the main thread) with a native CRC: fflate's
// own deflate, in JavaScript, was half the export's CPU time (bench/README.md); fflate still
// writes the zip's headers and directory. Backpressure is respected: the writer waits for zlib
// and for the output's 'drain' before building more rows, so a slow client never makes the
// server hold the file. It replaces exceljs's streaming writer for the books (decision 0013).

export type XlsxCellStyle = {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; /** ARGB, e.g. FFFF0000 */ color?: string };
  alignment?: { horizontal?: 'left' | 'center' | 'right'; vertical?: 'top' | 'middle' | 'bottom'; wrapText?: boolean };
  /** A thin border on the four sides. */
  border?: boolean;
};
export type XlsxValue = string | number | null | undefined;
export type XlsxSheetSetup = {
  name: string;
  /** Column widths in characters, as Excel counts them. */
  columnWidths: number[];
  orientation: 'portrait' | 'landscape';
  /** Rows above the frozen line (0: nothing frozen). */
  frozenRows?: number;
  /** Header and footer codes as Excel writes them (&C centre, &K colour, &P page, &N pages). */
  oddHeader?: string;
  oddFooter?: string;
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
};
export type XlsxStreamWriter<S extends string> = {
  /** Writes one row; resolves at once unless the output asked to wait. */
  addRow(values: XlsxValue[], style: S | S[]): Promise<void>;
  /** Writes one value across all the columns (a title or a closing line). */
  addMergedRow(value: string, style: S): Promise<void>;
  /** Ends the sheet and the file and resolves when the output has taken it all. */
  end(): Promise<void>;
  /** Gives up (the lines could not be read): frees the compressor; the caller destroys `out`. */
  abort(): void;
};

// Up to 256 KiB of XML waits for the compressor, so that the next rows are built while the
// previous ones are compressed on zlib's thread (−35 % wall time in the micro bench). zlib passes
// stream options to its Transform; Node's types do not list them.
const DEFLATE_OPTIONS: zlib.ZlibOptions & TransformOptions = { level: 6, writableHighWaterMark: 256 * 1024 };

/**
 * A zip entry deflated by Node's zlib, as fflate allows (a ZipPassThrough subclass that pushes
 * the source and emits compressed data). The CRC is Node's native crc32 as well.
 */
class NativeZipDeflate extends ZipPassThrough {
  readonly deflate = zlib.createDeflateRaw(DEFLATE_OPTIONS);
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
    this.crc = 0;
    this.deflate.on('data', (chunk: Buffer<ArrayBuffer>) => this.ondata(null, chunk, false));
    this.deflate.on('end', () => this.ondata(null, new Uint8Array(0), true));
    this.deflate.on('error', (error: Error) => this.ondata(Object.assign(error, { code: 0 }) as FlateError, new Uint8Array(0), true));
  }
  override push(chunk: Uint8Array, final = false): void {
    this.crc = zlib.crc32(chunk, this.crc);
    this.size += chunk.length;
    this.process(chunk, final);
  }
  protected override process(chunk: Uint8Array, final: boolean): void {
    this.deflate.write(chunk);
    if (final) this.deflate.end();
  }
}

/** Excel refuses a cell longer than this. */
const MAX_CELL_TEXT = 32_767;
/** XML text collected before it goes to the compressor. */
const CHUNK_CHARS = 64 * 1024;

// Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF) are
// dropped; `_xHHHH_` is how SpreadsheetML writes a character by its code, so a literal one has
// its underscore escaped (`_x005F_`) to be read back as typed.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"\r]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

// One test first: most text (Vietnamese included) needs none of the replacements below.
const NEEDS_ESCAPE = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NEEDS_CELL_ESCAPE = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(SPECIAL, (c) => ENTITIES[c]!);
}

function escapeCellText(value: string): string {
  const text = value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
  if (!NEEDS_CELL_ESCAPE.test(text)) return text;
  return escapeXml(text).replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
}

export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], not quoted. */
export function sheetNameOf(name: string): string {
  const clean = name.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return clean || 'Sheet1';
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;
const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
const APP = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>BMNN</Application></Properties>`;

const coreXml = (creator: string, at: Date) =>
  `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeXml(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${at.toISOString().replace(/\.\d+Z$/, 'Z')}</dcterms:created></cp:coreProperties>`;

const workbookXml = (sheetName: string) => `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

function fontXml(font: XlsxCellStyle['font'] = {}): string {
  return `<font>${font.bold ? '<b/>' : ''}${font.italic ? '<i/>' : ''}<sz val="${font.size ?? 11}"/>${font.color ? `<color rgb="${escapeXml(font.color)}"/>` : ''}<name val="${escapeXml(font.name ?? 'Calibri')}"/></font>`;
}

/** styles.xml for the declared styles, in order: cell style index i + 1 (0 is Excel's default). */
export function stylesXml(styles: XlsxCellStyle[]): string {
  const fonts: string[] = [fontXml()];
  const fontIndex = (style: XlsxCellStyle) => {
    const xml = fontXml(style.font);
    const at = fonts.indexOf(xml);
    return at >= 0 ? at : fonts.push(xml) - 1;
  };
  const xfs = styles.map((style) => {
    const a = style.alignment;
    const alignment = a ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}/>` : '';
    return `<xf numFmtId="0" fontId="${fontIndex(style)}" fillId="0" borderId="${style.border ? 1 : 0}" xfId="0" applyFont="1"${style.border ? ' applyBorder="1"' : ''}${alignment ? ` applyAlignment="1">${alignment}</xf>` : '/>'}`;
  });
  const thin = '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
  return (
    `${XML_HEAD}<styleSheet xmlns="${NS}">` +
    `<fonts count="${fonts.length}">${fonts.join('')}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function sheetHeadXml(setup: XlsxSheetSetup): string {
  const frozen = setup.frozenRows ?? 0;
  const pane = frozen > 0 ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>` : '';
  const cols = setup.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
}

function sheetTailXml(setup: XlsxSheetSetup, merges: string[]): string {
  const m = setup.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  const headerFooter = setup.oddHeader || setup.oddFooter ? `<headerFooter>${setup.oddHeader ? `<oddHeader>${escapeXml(setup.oddHeader)}</oddHeader>` : ''}${setup.oddFooter ? `<oddFooter>${escapeXml(setup.oddFooter)}</oddFooter>` : ''}</headerFooter>` : '';
  return (
    '</sheetData>' +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>` : '') +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="9" orientation="${setup.orientation}" fitToWidth="1" fitToHeight="0"/>` +
    headerFooter +
    '</worksheet>'
  );
}

/**
 * Opens a one-sheet XLSX on `out`. Styles are declared by name before the first row (the styles
 * table is written once); every row is compressed as it comes and nothing of it is kept.
 */
export function openXlsxStream<S extends string>({ out, sheet, styles, creator = 'BMNN', now = new Date() }: { out: Writable; sheet: XlsxSheetSetup; styles: Record<S, XlsxCellStyle>; creator?: string; now?: Date }): XlsxStreamWriter<S> {
  const styleNames = Object.keys(styles) as S[];
  const styleIndex = new Map(styleNames.map((name, i) => [name, i + 1]));
  const columns = sheet.columnWidths.length;
  const letters = Array.from({ length: columns }, (_, i) => columnLetter(i + 1));
  const merges: string[] = [];

  let failure: Error | null = null;
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    out.once('close', () => reject(new Error('xlsx output closed before the end')));
  });
  finished.catch(() => {});
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failure = error;
      out.destroy(error);
      return;
    }
    if (out.destroyed) return;
    out.write(chunk);
    if (final) out.end();
  });
  const part = (name: string, xml: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = now;
    zip.add(file);
    file.push(Buffer.from(xml, 'utf8'), true);
  };
  part('[Content_Types].xml', CONTENT_TYPES);
  part('_rels/.rels', ROOT_RELS);
  part('docProps/core.xml', coreXml(creator, now));
  part('docProps/app.xml', APP);
  part('xl/workbook.xml', workbookXml(sheetNameOf(sheet.name)));
  part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  part('xl/styles.xml', stylesXml(styleNames.map((name) => styles[name])));
  const sheetFile = new NativeZipDeflate('xl/worksheets/sheet1.xml');
  sheetFile.mtime = now;
  zip.add(sheetFile);

  let pending = sheetHeadXml(sheet);
  let rowNumber = 0;

  const abort = () => {
    sheetFile.deflate.destroy();
  };
  const flush = async (final: boolean) => {
    if (failure || out.destroyed) {
      abort();
      throw failure ?? new Error('xlsx output closed before the end');
    }
    sheetFile.push(Buffer.from(pending, 'utf8'), final);
    pending = '';
    if (final) {
      zip.end();
      return;
    }
    // Wait for the compressor, then for the consumer, before writing more: memory stays one
    // chunk deep whatever the line count and however slow the client. `writableNeedDrain` (not a
    // flag of our own) because the output may drain while we wait for the compressor.
    while (sheetFile.deflate.writableNeedDrain || out.writableNeedDrain) {
      if (out.destroyed) break;
      await Promise.race([once(sheetFile.deflate.writableNeedDrain ? sheetFile.deflate : out, 'drain'), finished]);
    }
  };

  const cellXml = (ref: string, value: XlsxValue, style: number) => {
    if (value === null || value === undefined || value === '') return `<c r="${ref}" s="${style}"/>`;
    if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
    return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeCellText(String(value))}</t></is></c>`;
  };
  const indexOf = (style: S) => {
    const i = styleIndex.get(style);
    if (i === undefined) throw new Error(`xlsx style not declared: ${style}`);
    return i;
  };

  const append = async (xml: string) => {
    pending += xml;
    if (pending.length >= CHUNK_CHARS) await flush(false);
  };

  return {
    async addRow(values, style) {
      const r = ++rowNumber;
      let xml = `<row r="${r}">`;
      for (let i = 0; i < values.length && i < columns; i++) xml += cellXml(`${letters[i]}${r}`, values[i], indexOf(Array.isArray(style) ? style[i]! : style));
      await append(`${xml}</row>`);
    },
    async addMergedRow(value, style) {
      const r = ++rowNumber;
      if (columns > 1) merges.push(`A${r}:${letters[columns - 1]}${r}`);
      await append(`<row r="${r}">${cellXml(`A${r}`, value, indexOf(style))}</row>`);
    },
    async end() {
      pending += sheetTailXml(sheet, merges);
      await flush(true);
      await finished;
    },
    abort,
  };
}
