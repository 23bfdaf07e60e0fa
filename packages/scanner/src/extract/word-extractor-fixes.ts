// word-extractor (1.0.4) writes the word "undefined" for the characters its two lookup tables
// miss: Word's optional hyphen (0x1F) in `clean`, and the Windows-1252 codes 0x80, 0x81, 0x8D,
// 0x8F, 0x90 and 0x9D in `binaryToUnicode` (8-bit text pieces). TCVN3 documents hit the first
// one on almost every page: their "ư" is byte 0xAD, the soft hyphen, which Word and LibreOffice
// store as an optional hyphen ("phundefined¬ng" instead of "ph­¬ng", i.e. "phương").
// The library takes both functions from its filters module when it is first loaded, so the
// corrected ones are put in that module before the library's extractor module is required.
// `extractWordDocument` also hands the caller the WordDocument and table streams and the text
// pieces (character positions → text) once the library has read them and before it cuts the text
// into parts, so that the pieces can be rewritten by font (doc-fonts.ts); a rewrite must keep the
// length of each piece, as the library finds the parts by character position.

import { createRequire } from 'node:module';
import type { Document as WordExtractorDocument } from 'word-extractor';

type Filters = { clean: (text: string) => string; binaryToUnicode: (text: string) => string };

const require = createRequire(import.meta.url);
const filters = require('word-extractor/lib/filters.js') as Partial<Filters>;

/** Windows-1252 0x80–0x9F; the five codes it leaves undefined stay as they are (C1 controls). */
const CP1252_C1: Record<number, string> = {
  0x80: '\u20ac', 0x82: '\u201a', 0x83: '\u0192', 0x84: '\u201e', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021',
  0x88: '\u02c6', 0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152', 0x8e: '\u017d', 0x91: '\u2018',
  0x92: '\u2019', 0x93: '\u201c', 0x94: '\u201d', 0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014', 0x98: '\u02dc',
  0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203a', 0x9c: '\u0153', 0x9e: '\u017e', 0x9f: '\u0178',
};

export function binaryToUnicode(text: string): string {
  return text.replace(/[\x80-\x9f]/g, (c) => CP1252_C1[c.charCodeAt(0)] ?? c);
}

const originalClean = filters.clean;
/** The library's clean-up, with optional hyphens kept as soft hyphens (U+00AD). */
export function clean(text: string): string {
  const kept = text.replace(/\x1f/g, '\u00ad');
  return originalClean ? originalClean(kept) : kept;
}

if (typeof filters.clean === 'function' && typeof filters.binaryToUnicode === 'function') {
  filters.clean = clean;
  filters.binaryToUnicode = binaryToUnicode;
}

/** A text piece as word-extractor keeps it: characters [startCp, endCp) and their text. */
export type WordPiece = { startCp: number; endCp: number; text: string };
export type WordStreams = { wordDocument: Buffer; table: Buffer; pieces: WordPiece[] };

type OleExtractorInstance = {
  _pieces: WordPiece[];
  normalizeHeaders(buffer: Buffer, tableBuffer: Buffer): void;
  extract(reader: unknown): Promise<WordExtractorDocument>;
};
type OleExtractorClass = new () => OleExtractorInstance;
type BufferReaderClass = new (buffer: Buffer) => { open: () => Promise<unknown>; close: () => Promise<unknown> };

const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as OleExtractorClass;
const BufferReader = require('word-extractor/lib/buffer-reader.js') as BufferReaderClass;

/**
 * word-extractor on a Word 97–2003 file (compound file) in memory, with `onPieces` called on the
 * streams and pieces before the text is split into body, headers, footnotes… (headers are the
 * first part read, in `normalizeHeaders`).
 */
export async function extractWordDocument(bytes: Buffer, onPieces: (streams: WordStreams) => void): Promise<WordExtractorDocument> {
  class PieceAwareExtractor extends WordOleExtractor {
    override normalizeHeaders(buffer: Buffer, tableBuffer: Buffer): void {
      onPieces({ wordDocument: buffer, table: tableBuffer, pieces: this._pieces });
      super.normalizeHeaders(buffer, tableBuffer);
    }
  }
  const reader = new BufferReader(bytes);
  await reader.open();
  try {
    return await new PieceAwareExtractor().extract(reader);
  } finally {
    await reader.close();
  }
}
