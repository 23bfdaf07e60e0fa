// Reading ZIP containers (OOXML, ODF, plain archives) under limits. The central directory is read
// here because the limits need what general zip libraries hide: declared sizes before inflating,
// the encryption flag, and an inflate that stops at a byte limit. Inflating is Node's zlib
// (`maxOutputLength` stops a bomb without allocating it).

import { inflateRawSync } from 'node:zlib';
import type { ExtractContext } from './extract.types.ts';
import { ExtractionProblem } from './extract.types.ts';

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
  isDirectory: boolean;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

export function readZipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new ExtractionProblem('file.corrupt', 'Tệp nén ZIP bị hỏng: không tìm thấy mục lục.');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset === 0xffffffff || count === 0xffff) {
    // ZIP64: the locator sits just before the end record.
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) {
      throw new ExtractionProblem('file.corrupt', 'Tệp nén ZIP64 bị hỏng.');
    }
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.length) throw new ExtractionProblem('file.corrupt', 'Tệp nén ZIP64 bị hỏng.');
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  if (count > maxEntries) {
    throw new ExtractionProblem('archive.too_many_entries', `Tệp nén có ${count} mục, vượt giới hạn ${maxEntries}.`);
  }
  const decoder = new TextDecoder('utf-8');
  const latin = new TextDecoder('latin1');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) {
      throw new ExtractionProblem('file.corrupt', 'Tệp nén ZIP bị hỏng: mục lục không đọc được.');
    }
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    let compressedSize = view.getUint32(offset + 20, true);
    let size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    let localHeaderOffset = view.getUint32(offset + 42, true);
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const name = (flags & 0x800 ? decoder : latin).decode(nameBytes);
    // ZIP64 extra field carries the real sizes when the 32-bit fields are saturated.
    let extra = offset + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd && extraEnd <= bytes.length) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let p = extra + 4;
        if (size === 0xffffffff) { size = Number(view.getBigUint64(p, true)); p += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = Number(view.getBigUint64(p, true)); p += 8; }
        if (localHeaderOffset === 0xffffffff) { localHeaderOffset = Number(view.getBigUint64(p, true)); }
      }
      extra += 4 + length;
    }
    entries.push({
      name,
      method,
      compressedSize,
      size,
      localHeaderOffset,
      encrypted: (flags & 1) === 1,
      isDirectory: name.endsWith('/'),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's bytes, refusing encryption, lying sizes, bombs and budget overruns. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, ctx: ExtractContext): Uint8Array {
  const { limits, budget } = ctx;
  if (entry.encrypted) throw new ExtractionProblem('file.encrypted', 'Mục trong tệp nén được mã hóa, không đọc được nội dung.', entry.name);
  if (entry.size > limits.maxFileBytes) {
    throw new ExtractionProblem('archive.entry_too_large', `Mục "${entry.name}" quá lớn (${entry.size} byte).`, entry.name);
  }
  if (entry.compressedSize > 0 && entry.size / entry.compressedSize > limits.maxCompressionRatio && entry.size > 1024 * 1024) {
    throw new ExtractionProblem(
      'archive.bomb_suspected',
      `Mục "${entry.name}" có tỉ lệ nén bất thường (${Math.round(entry.size / entry.compressedSize)}:1), nghi là bom nén.`,
      entry.name,
    );
  }
  if (budget.expandedBytes + entry.size > limits.maxExpandedBytes) {
    throw new ExtractionProblem('archive.bomb_suspected', 'Tổng dung lượng giải nén vượt giới hạn cho phép.', entry.name);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) {
    throw new ExtractionProblem('file.corrupt', `Mục "${entry.name}" trong tệp nén bị hỏng.`, entry.name);
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ExtractionProblem('file.corrupt', `Mục "${entry.name}" bị cắt cụt.`, entry.name);
  const data = bytes.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      // One byte more than declared: an entry that inflates past its declared size is lying.
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size + 1) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        throw new ExtractionProblem('archive.bomb_suspected', `Mục "${entry.name}" giải nén lớn hơn kích thước khai báo.`, entry.name);
      }
      throw new ExtractionProblem('file.corrupt', `Mục "${entry.name}" không giải nén được.`, entry.name);
    }
    if (out.length > entry.size) {
      throw new ExtractionProblem('archive.bomb_suspected', `Mục "${entry.name}" giải nén lớn hơn kích thước khai báo.`, entry.name);
    }
  } else {
    throw new ExtractionProblem('file.unsupported_type', `Mục "${entry.name}" dùng kiểu nén không hỗ trợ (${entry.method}).`, entry.name);
  }
  budget.expandedBytes += out.length;
  return out;
}

export type ZipArchive = { entries: ZipEntry[]; byName: Map<string, ZipEntry>; read: (name: string) => Uint8Array | undefined };

export function openZip(bytes: Uint8Array, ctx: ExtractContext): ZipArchive {
  const entries = readZipEntries(bytes, ctx.limits.maxEntries);
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    entries,
    byName,
    read: (name) => {
      const entry = byName.get(name);
      return entry ? readZipEntry(bytes, entry, ctx) : undefined;
    },
  };
}
