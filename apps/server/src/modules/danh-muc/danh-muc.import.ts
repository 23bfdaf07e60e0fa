import type ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { foldForSearch, LEVEL_LABELS, LEVELS, type Level } from '@bmnn/contracts';
import { loadExcelJs } from '../../platform/lazy-modules.ts';

// Reading a danh mục file (XLSX or CSV) into checked rows, with a validation report in
// Vietnamese that names the row and column of every problem. Pure apart from parsing: nothing
// here touches the database; the use case imports only a report without errors.

export const IMPORT_COLUMNS = {
  decisionNumber: 'Số quyết định',
  decidedOn: 'Ngày quyết định',
  issuer: 'Cơ quan ban hành',
  sector: 'Lĩnh vực',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  itemNo: 'Mục số',
  level: 'Độ mật',
  text: 'Nội dung',
  keywords: 'Từ khóa',
} as const;
type Field = keyof typeof IMPORT_COLUMNS;
const REQUIRED: Field[] = ['decisionNumber', 'decidedOn', 'issuer', 'sector', 'validFrom', 'itemNo', 'level', 'text'];
export const MAX_IMPORT_ROWS = 20_000;

export type ImportProblem = { row: number; column: string | null; message: string };
export type ImportedDecision = {
  number: string;
  decidedOn: string;
  issuer: string;
  sector: string;
  validFrom: string;
  validTo: string | null;
  items: Array<{ itemNo: string; level: Level; text: string; keywords: string[] }>;
};
export type ImportReport = { ok: boolean; problems: ImportProblem[]; decisions: ImportedDecision[]; rows: number };

export type SpreadsheetRow = { row: number; cells: Array<string | Date | number | null> };
type RawRow = SpreadsheetRow;

function cellText(value: ExcelJS.CellValue): string | Date | number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return String(value);
}

async function readXlsx(buffer: Buffer): Promise<RawRow[]> {
  const workbook = new (await loadExcelJs()).Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push({ row: rowNumber, cells: values.slice(1).map(cellText) });
  });
  return rows;
}

function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readCsv(buffer: Buffer): RawRow[] {
  const text = decodeText(buffer);
  const delimiter = (text.split('\n')[0] ?? '').split(';').length > (text.split('\n')[0] ?? '').split(',').length ? ';' : ',';
  const records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

/** dd/mm/yyyy (or d/m/yyyy, or a spreadsheet date) → yyyy-mm-dd, or null when not a real date. */
export function parseVietnameseDate(value: string | Date | number | null): string | null {
  if (value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(String(value));
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function parseLevel(value: string): Level | null {
  const folded = foldForSearch(value);
  return LEVELS.find((l) => foldForSearch(LEVEL_LABELS[l]) === folded || l.toLowerCase() === folded.replace(/ /g, '_')) ?? null;
}

export type ImportFileKind = 'xlsx' | 'csv';

export function detectImportFileKind(buffer: Buffer): ImportFileKind | null {
  if (buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04) return 'xlsx';
  try {
    const text = decodeText(buffer.subarray(0, Math.min(buffer.length, 64 * 1024)));
    return /[\0]/.test(text) ? null : 'csv';
  } catch {
    return null;
  }
}

/**
 * Reads the first sheet of an XLSX (or a UTF-8 CSV when allowed) into rows of cells, or says in
 * Vietnamese why it cannot. Shared by every import of a table (danh mục, training attendance).
 */
export async function readSpreadsheetRows(buffer: Buffer, { allowCsv = true, maxRows = MAX_IMPORT_ROWS }: { allowCsv?: boolean; maxRows?: number } = {}): Promise<{ rows: SpreadsheetRow[] } | { problem: string }> {
  const kind = detectImportFileKind(buffer);
  if (!kind || (kind === 'csv' && !allowCsv)) return { problem: allowCsv ? 'Không đọc được tệp: chỉ nhận Excel (.xlsx) hoặc CSV mã hóa UTF-8' : 'Không đọc được tệp: chỉ nhận Excel (.xlsx)' };
  let raw: RawRow[];
  try {
    raw = kind === 'xlsx' ? await readXlsx(buffer) : readCsv(buffer);
  } catch {
    return { problem: kind === 'xlsx' ? 'Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx' : 'Tệp CSV sai định dạng (dấu ngoặc kép không khớp hoặc mã hóa không phải UTF-8)' };
  }
  if (raw.length < 2) return { problem: 'Tệp không có dữ liệu: dòng 1 là tiêu đề cột, dữ liệu từ dòng 2' };
  if (raw.length - 1 > maxRows) return { problem: `Tệp có quá nhiều dòng (tối đa ${maxRows})` };
  return { rows: raw };
}

/** Finds each named column in the header row, ignoring accents and case. */
export function mapHeaderColumns<F extends string>(header: SpreadsheetRow, columns: Record<F, string>): Map<F, number> {
  const columnOf = new Map<F, number>();
  header.cells.forEach((cell, index) => {
    const folded = foldForSearch(String(cell ?? ''));
    const field = (Object.keys(columns) as F[]).find((f) => foldForSearch(columns[f]) === folded);
    if (field && !columnOf.has(field)) columnOf.set(field, index);
  });
  return columnOf;
}

/** A cell as trimmed text ('' when empty; a spreadsheet date as yyyy-mm-dd). */
export function cellString(value: string | Date | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
}

/** Reads and checks a whole file; `ok` only when there is not a single problem. */
export async function readDanhMucFile(buffer: Buffer): Promise<ImportReport> {
  const read = await readSpreadsheetRows(buffer);
  if ('problem' in read) return { ok: false, problems: [{ row: 0, column: null, message: read.problem }], decisions: [], rows: 0 };
  const raw = read.rows;

  const header = raw[0]!;
  const columnOf = mapHeaderColumns(header, IMPORT_COLUMNS);
  const problems: ImportProblem[] = [];
  for (const f of REQUIRED) {
    if (!columnOf.has(f)) problems.push({ row: header.row, column: IMPORT_COLUMNS[f], message: `Thiếu cột "${IMPORT_COLUMNS[f]}"` });
  }
  if (problems.length > 0) return { ok: false, problems, decisions: [], rows: raw.length - 1 };

  const decisions = new Map<string, ImportedDecision>();
  const seenItems = new Set<string>();
  for (const r of raw.slice(1)) {
    const get = (f: Field) => {
      const index = columnOf.get(f);
      const v = index === undefined ? null : (r.cells[index] ?? null);
      return v;
    };
    const text = (f: Field) => cellString(get(f));
    const problem = (f: Field, message: string) => problems.push({ row: r.row, column: IMPORT_COLUMNS[f], message });
    if (r.cells.every((c) => c === null || String(c).trim() === '')) continue;
    for (const f of REQUIRED) if (!text(f)) problem(f, `Thiếu ${IMPORT_COLUMNS[f].toLowerCase()}`);
    const decidedOn = parseVietnameseDate(get('decidedOn'));
    const validFrom = parseVietnameseDate(get('validFrom'));
    const validTo = text('validTo') ? parseVietnameseDate(get('validTo')) : null;
    if (text('decidedOn') && !decidedOn) problem('decidedOn', `Ngày không hợp lệ: "${text('decidedOn')}" (cần dd/mm/yyyy)`);
    if (text('validFrom') && !validFrom) problem('validFrom', `Ngày không hợp lệ: "${text('validFrom')}" (cần dd/mm/yyyy)`);
    if (text('validTo') && !validTo) problem('validTo', `Ngày không hợp lệ: "${text('validTo')}" (cần dd/mm/yyyy)`);
    if (validFrom && validTo && validTo <= validFrom) problem('validTo', 'Hiệu lực đến phải sau hiệu lực từ');
    const level = text('level') ? parseLevel(text('level')) : null;
    if (text('level') && !level) problem('level', `Độ mật không hợp lệ: "${text('level')}" (Mật, Tối mật hoặc Tuyệt mật)`);
    if (text('text').length > 4000) problem('text', 'Nội dung dài quá 4000 ký tự');
    const number = text('decisionNumber');
    const key = `${number}\u0000${text('itemNo')}`;
    if (number && text('itemNo')) {
      if (seenItems.has(key)) problem('itemNo', `Mục số ${text('itemNo')} của quyết định ${number} bị lặp`);
      seenItems.add(key);
    }
    if (!number || !decidedOn || !validFrom || !level || !text('text') || !text('itemNo') || !text('issuer') || !text('sector')) continue;
    const existing = decisions.get(number);
    const fields = { decidedOn, issuer: text('issuer'), sector: text('sector'), validFrom, validTo };
    if (existing) {
      for (const [f, v] of Object.entries(fields) as Array<[keyof typeof fields, string | null]>) {
        if (existing[f] !== v) problem(f as Field, `Khác với các dòng trước của cùng quyết định ${number}`);
      }
    } else {
      decisions.set(number, { number, ...fields, items: [] });
    }
    const keywords = text('keywords')
      .split(/[;,\n]/)
      .map((k) => k.trim())
      .filter(Boolean);
    decisions.get(number)!.items.push({ itemNo: text('itemNo'), level, text: text('text'), keywords });
  }
  return { ok: problems.length === 0, problems, decisions: [...decisions.values()], rows: raw.length - 1 };
}
