// Shared records of the scanner. The engine only sees `Fragment`s; extractors produce them;
// the CLI formats `FileResult`s. Nothing here formats output for people.

export const LEVELS = ['TUYET_MAT', 'TOI_MAT', 'MAT'] as const;
export type Level = (typeof LEVELS)[number];

export const DECISIONS = ['pass', 'review', 'block'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Where in a file a piece of text was seen. */
export type FragmentKind =
  | 'body'
  | 'table'
  | 'header'
  | 'footer'
  | 'textbox'
  | 'footnote'
  | 'endnote'
  | 'comment'
  | 'field'
  | 'property'
  | 'sheet-name'
  | 'cell'
  | 'slide'
  | 'notes'
  | 'annotation'
  | 'ocr'
  | 'text';

export type Location = {
  /** Chain of archive members leading to the part, outermost first (empty for a plain file). */
  container: string[];
  /** Part inside the file: `word/header1.xml`, `Sheet1`, `page`, … */
  part: string;
  kind: FragmentKind;
  /** 1-based page or slide, when the format has pages. */
  page?: number;
  /** 1-based line (paragraph, row) inside the part or page. */
  line: number;
  /** Spreadsheet cell reference such as `B3`. */
  cell?: string;
};

export type FragmentStyle = {
  /** Text drawn in a frame: a text box, a bordered paragraph, a one-cell table, a detected rectangle. */
  framed?: boolean;
  /** Run colour is a red (stamps are red ink). */
  red?: boolean;
  /** The font family that carried the text (used to detect legacy encodings). */
  font?: string;
  /** The text was decoded from a legacy Vietnamese encoding. */
  legacyEncoding?: 'TCVN3' | 'VNI';
  /** Text came from OCR; `confidence` 0..100. */
  ocr?: { confidence: number };
};

export type Fragment = {
  text: string;
  location: Location;
  style?: FragmentStyle;
};

export type Evidence = {
  id: string;
  /** Vietnamese explanation for people. */
  label: string;
  weight: number;
};

export type Finding = {
  ruleId: string;
  /** Vietnamese rule title. */
  title: string;
  level?: Level;
  decision: Exclude<Decision, 'pass'>;
  location: Location;
  /** Excerpt with the matched marking kept and surrounding words masked. */
  excerpt: string;
  score: number;
  evidence: Evidence[];
  /** Stable across scans of the same content: used by baselines. */
  fingerprint: string;
};

export const PROBLEM_CODES = [
  'file.unsupported_type',
  'file.encrypted',
  'file.corrupt',
  'file.too_large',
  'file.type_mismatch',
  'archive.too_deep',
  'archive.too_many_entries',
  'archive.bomb_suspected',
  'archive.entry_too_large',
  'xml.entity_declaration',
  'limit.time_exceeded',
  'limit.memory_exceeded',
  'limit.text_too_large',
  'ocr.unavailable',
  'ocr.failed',
  'scan.internal_error',
  // `bmnn watch`: a URL that could not be downloaded is never clean.
  'fetch.failed',
  'fetch.http_error',
  'fetch.timeout',
  'fetch.redirect_refused',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type Problem = {
  code: ProblemCode;
  /** Vietnamese message for people. */
  message: string;
  /** Archive member or page the problem concerns, if not the whole file. */
  where?: string;
};

export type Timings = { readMs: number; extractMs: number; matchMs: number; totalMs: number };

export type FileResult = {
  path: string;
  sha256: string;
  size: number;
  type: string;
  decision: Decision;
  findings: Finding[];
  problems: Problem[];
  timings: Timings;
  /** True when extraction results came from the cache. */
  cached?: boolean;
  /** Findings suppressed by a baseline. */
  suppressed?: number;
};

export type Limits = {
  /** Largest file (or archive member) read, in bytes. */
  maxFileBytes: number;
  /** Largest total of decompressed bytes for one file, all members together. */
  maxExpandedBytes: number;
  /** Largest compression ratio accepted for an archive member. */
  maxCompressionRatio: number;
  /** Deepest nesting of archives inside archives. */
  maxDepth: number;
  maxEntries: number;
  /** Wall-clock time for one file, in milliseconds. */
  maxMillis: number;
  /** Heap limit of a worker scanning one file, in MB (only with worker threads). */
  maxHeapMb: number;
  /** Most characters of text kept for one file. */
  maxTextChars: number;
  maxPdfPages: number;
  /** Pages (of image-only PDFs) and images sent to OCR for one file. */
  maxOcrPages: number;
};

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxExpandedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxDepth: 4,
  maxEntries: 10_000,
  maxMillis: 120_000,
  maxHeapMb: 1024,
  maxTextChars: 50_000_000,
  maxPdfPages: 2_000,
  maxOcrPages: 50,
};
