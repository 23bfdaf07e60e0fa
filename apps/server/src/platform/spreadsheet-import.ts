import type ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { foldForSearch, LEVEL_LABELS, LEVELS, LIMITS, type Level } from '@bmnn/contracts';
import { loadExcelJs } from './lazy-modules.ts';

// Reading an uploaded spreadsheet (XLSX or CSV) into raw rows, shared by every import (danh mục,
// old registers): file-kind detection, cell text, UTF-8/UTF-16 CSV with ',' or ';', Vietnamese
// dates and levels. The upload itself is `readUploadedFile` (stored-files.ts). Nothing here knows a domain.

export type ImportProblem = { row: number; column: string | null; message: string };
export type RawCell = string | Date | number | null;
/** One line of the sheet: its 1-based row number in the file, and its cells. */
export type RawRow = { row: number; cells: RawCell[] };
export type ImportFileKind = 'xlsx' | 'csv';

export function cellText(value: ExcelJS.CellValue): RawCell {
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
  const first = text.split('\n')[0] ?? '';
  const delimiter = first.split(';').length > first.split(',').length ? ';' : ',';
  const records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

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
 * Reads the first sheet of an XLSX or a CSV: row 1 is the header, data from row 2. Refuses,
 * with a Vietnamese message, what is not a spreadsheet, is corrupt, is empty or has more than
 * `maxRows` data rows.
 */
export async function readSpreadsheet(buffer: Buffer, { maxRows = LIMITS.importRowsMax }: { maxRows?: number } = {}): Promise<{ ok: true; header: RawRow; rows: RawRow[] } | { ok: false; message: string }> {
  const kind = detectImportFileKind(buffer);
  if (!kind) return { ok: false, message: 'Không đọc được tệp: chỉ nhận Excel (.xlsx) hoặc CSV mã hóa UTF-8' };
  let raw: RawRow[];
  try {
    raw = kind === 'xlsx' ? await readXlsx(buffer) : readCsv(buffer);
  } catch {
    return { ok: false, message: kind === 'xlsx' ? 'Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx' : 'Tệp CSV sai định dạng (dấu ngoặc kép không khớp hoặc mã hóa không phải UTF-8)' };
  }
  if (raw.length < 2) return { ok: false, message: 'Tệp không có dữ liệu: dòng 1 là tiêu đề cột, dữ liệu từ dòng 2' };
  if (raw.length - 1 > maxRows) return { ok: false, message: `Tệp có quá nhiều dòng (tối đa ${maxRows})` };
  return { ok: true, header: raw[0]!, rows: raw.slice(1) };
}

/** A cell as trimmed text (dates as yyyy-mm-dd). */
export function cellString(value: RawCell | undefined): string {
  if (value === null || value === undefined) return '';
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
}

export function isBlankRow(row: RawRow): boolean {
  return row.cells.every((c) => c === null || String(c).trim() === '');
}

/** dd/mm/yyyy (or d/m/yyyy, or a spreadsheet date) → yyyy-mm-dd, or null when not a real date. */
export function parseVietnameseDate(value: RawCell | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(String(value));
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "Tối mật", "toi mat", "TOI_MAT" → TOI_MAT; anything else → null. */
export function parseLevel(value: string): Level | null {
  const folded = foldForSearch(value);
  return LEVELS.find((l) => foldForSearch(LEVEL_LABELS[l]) === folded || l.toLowerCase() === folded.replace(/ /g, '_')) ?? null;
}
