// Which extractor reads a file: decided by its content (magic bytes, container layout), never by
// its name. The name is only compared afterwards to report files that lie about their type.

import CFB from 'cfb';
import { ExtractionProblem, type Extractor } from './extract.types.ts';
import { isZip, readZipEntries } from './zip.ts';
import { looksLikeText } from '../text/decode-bytes.ts';

export type FileType =
  | 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'zip' | 'gzip'
  | 'doc' | 'xls' | 'ppt' | 'rtf' | 'png' | 'jpeg' | 'tiff' | 'bmp' | 'gif' | 'html' | 'text'
  | 'encrypted-office' | 'unknown';

// Loaded on first use: a worker that only meets PDFs never loads the Word or HTML readers.
const image = () => import('./image.extractor.ts').then((m) => m.imageExtractor);
const odf = () => import('./odf.extractor.ts').then((m) => m.odfExtractor);
const EXTRACTORS: Partial<Record<FileType, () => Promise<Extractor>>> = {
  pdf: () => import('./pdf.extractor.ts').then((m) => m.pdfExtractor),
  docx: () => import('./docx.extractor.ts').then((m) => m.docxExtractor),
  xlsx: () => import('./xlsx.extractor.ts').then((m) => m.xlsxExtractor),
  pptx: () => import('./pptx.extractor.ts').then((m) => m.pptxExtractor),
  odt: odf,
  ods: odf,
  odp: odf,
  zip: () => import('./archive.extractor.ts').then((m) => m.zipExtractor),
  gzip: () => import('./archive.extractor.ts').then((m) => m.gzipExtractor),
  doc: () => import('./cfb.extractor.ts').then((m) => m.docExtractor),
  xls: () => import('./cfb.extractor.ts').then((m) => m.xlsExtractor),
  rtf: () => import('./rtf.extractor.ts').then((m) => m.rtfExtractor),
  png: image,
  jpeg: image,
  tiff: image,
  bmp: image,
  gif: image,
  html: () => import('./html.extractor.ts').then((m) => m.htmlExtractor),
  text: () => import('./text.extractor.ts').then((m) => m.textExtractor),
};

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, length: number) => new TextDecoder('latin1').decode(bytes.subarray(0, length));

export function detectFileType(bytes: Uint8Array, maxEntries = 10_000): FileType {
  if (isZip(bytes)) {
    let names: string[];
    try {
      names = readZipEntries(bytes, maxEntries).map((e) => e.name);
    } catch {
      return 'zip';
    }
    if (names.includes('mimetype')) {
      const mime = ascii(bytes.subarray(38, 38 + 80), 80);
      if (mime.includes('opendocument.text')) return 'odt';
      if (mime.includes('opendocument.spreadsheet')) return 'ods';
      if (mime.includes('opendocument.presentation')) return 'odp';
    }
    if (names.includes('[Content_Types].xml')) {
      if (names.some((n) => n.startsWith('word/'))) return 'docx';
      if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
      if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
    }
    if (names.includes('content.xml') && names.includes('META-INF/manifest.xml')) return 'odt';
    return 'zip';
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    try {
      const cfb = CFB.read(Buffer.from(bytes), { type: 'buffer' });
      const names = new Set(cfb.FullPaths.map((p) => p.replace(/\/$/, '').split('/').pop() ?? ''));
      if (names.has('EncryptedPackage')) return 'encrypted-office';
      if (names.has('WordDocument')) return 'doc';
      if (names.has('Workbook') || names.has('Book')) return 'xls';
      if (names.has('PowerPoint Document')) return 'ppt';
    } catch {
      return 'unknown';
    }
    return 'unknown';
  }
  const head = ascii(bytes, 1024);
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (head.startsWith('BM') && bytes.length > 26) return 'bmp';
  if (head.startsWith('GIF8')) return 'gif';
  if (looksLikeText(bytes)) {
    if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b/i.test(head.replace(/^\uFEFF|^\xEF\xBB\xBF/, ''))) return 'html';
    return 'text';
  }
  return 'unknown';
}

export async function getExtractor(type: FileType): Promise<Extractor> {
  if (type === 'encrypted-office') throw new ExtractionProblem('file.encrypted', 'Tệp Office được đặt mật khẩu (mã hóa), không đọc được nội dung.');
  const load = EXTRACTORS[type];
  if (!load) throw new ExtractionProblem('file.unsupported_type', `Không hỗ trợ đọc loại tệp này (${type === 'unknown' ? 'không nhận ra' : type}).`);
  return load();
}

/** Extensions each detected type may legitimately carry. */
const EXTENSIONS: Partial<Record<FileType, string[]>> = {
  pdf: ['pdf'],
  docx: ['docx', 'docm', 'dotx', 'dotm'],
  xlsx: ['xlsx', 'xlsm', 'xltx', 'xltm'],
  pptx: ['pptx', 'pptm', 'ppsx', 'potx'],
  odt: ['odt', 'ott'],
  ods: ['ods', 'ots'],
  odp: ['odp', 'otp'],
  doc: ['doc', 'dot'],
  xls: ['xls', 'xlt'],
  rtf: ['rtf', 'doc'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  tiff: ['tif', 'tiff'],
  bmp: ['bmp'],
  gif: ['gif'],
};
const KNOWN_EXTENSIONS = new Set(Object.values(EXTENSIONS).flat().concat(['zip', 'gz', 'html', 'htm', 'txt']));

/** True when the name claims a known type the content is not (e.g. a ZIP named .pdf). */
export function isTypeMismatch(name: string, type: FileType): boolean {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (!ext || !KNOWN_EXTENSIONS.has(ext)) return false;
  if (type === 'text' || type === 'html') return !['txt', 'html', 'htm', 'doc', 'xls'].includes(ext) && (EXTENSIONS.pdf?.includes(ext) || ext === 'zip' || ext === 'docx' || ext === 'xlsx' || ext === 'pptx' || ext === 'png' || ext === 'jpg');
  if (type === 'zip') return ext !== 'zip';
  if (type === 'gzip') return ext !== 'gz';
  const allowed = EXTENSIONS[type];
  return allowed !== undefined && !allowed.includes(ext) && !(type === 'encrypted-office');
}
