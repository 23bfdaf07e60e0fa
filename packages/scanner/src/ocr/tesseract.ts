// OCR through Debian's `tesseract` CLI (Vietnamese model), one thread per process
// (OMP_THREAD_LIMIT=1 is faster on small machines), and PDF pages rasterised by poppler's pdftoppm.

import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Engine } from '../engine/engine.ts';
import type { Condition, Rule } from '../engine/rule.types.ts';
import type { OcrEngine, OcrLine, OcrPage } from '../extract/extract.types.ts';
import { ocrPageToFragments } from '../extract/image.extractor.ts';
import { analyseStampLook, decodePng, parsePnm } from './stamp-look.ts';
import { getDefaultEngine, ruleMatchesOcrLine } from '../scan/scan-file.ts';

function run(command: string, args: string[], input: Uint8Array | undefined, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, signal, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${command} thoát với mã ${code}: ${Buffer.concat(err).toString().trim().slice(0, 200)}`));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input ? Buffer.from(input) : undefined);
  });
}

/** Parses tesseract's TSV output into lines with their boxes and mean word confidence. */
export function parseTesseractTsv(tsv: string): OcrPage {
  const page: OcrPage = { width: 0, height: 0, lines: [] };
  const lines = new Map<string, { words: string[]; conf: number[]; left: number; top: number; right: number; bottom: number }>();
  const lastRight = new Map<string, { right: number; height: number; segment: number }>();
  for (const row of tsv.split('\n').slice(1)) {
    const cols = row.split('\t');
    if (cols.length < 12) continue;
    const [level, , block, par, line, , left, top, width, height, conf] = cols.map(Number) as number[];
    const text = cols.slice(11).join('\t');
    if (level === 1) {
      page.width = width ?? 0;
      page.height = height ?? 0;
    }
    if (level !== 5 || !text.trim()) continue;
    // Two columns read as one line ("MẬT      Bắc Giang, ngày …") are split at the wide gap.
    const lineKey = `${block}.${par}.${line}`;
    const previous = lastRight.get(lineKey);
    let segment = previous?.segment ?? 0;
    if (previous && (left ?? 0) - previous.right > Math.max(previous.height, height ?? 0) * 2.5) segment++;
    lastRight.set(lineKey, { right: (left ?? 0) + (width ?? 0), height: height ?? 0, segment });
    const key = `${lineKey}.${segment}`;
    let entry = lines.get(key);
    if (!entry) {
      entry = { words: [], conf: [], left: left ?? 0, top: top ?? 0, right: 0, bottom: 0 };
      lines.set(key, entry);
    }
    entry.words.push(text);
    entry.conf.push(conf ?? 0);
    entry.left = Math.min(entry.left, left ?? 0);
    entry.top = Math.min(entry.top, top ?? 0);
    entry.right = Math.max(entry.right, (left ?? 0) + (width ?? 0));
    entry.bottom = Math.max(entry.bottom, (top ?? 0) + (height ?? 0));
  }
  for (const entry of lines.values()) {
    const line: OcrLine = {
      text: entry.words.join(' '),
      confidence: entry.conf.reduce((a, b) => a + b, 0) / entry.conf.length,
      top: entry.top,
      left: entry.left,
      width: entry.right - entry.left,
      height: entry.bottom - entry.top,
    };
    page.lines.push(line);
  }
  return page;
}

/** Words of the marks (as OCR may read them) or a lone letter (envelope marks A/B/C). */
const STAMP_WORDS = /(?<!\p{L})(?:m\p{L}t|b\p{L}c b\p{L}|sao|thu h\p{L}i|b\p{L}o v\p{L}|gia h\p{L}n|gi\p{L}i m\p{L}t)(?!\p{L})/iu;
export function isStampCandidate(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 60 && (STAMP_WORDS.test(trimmed.normalize('NFC')) || /^[ABC]$/.test(trimmed));
}

/** Whether `condition` can turn false because a line is red or framed (`negated`: seen through a `not` or a reject). */
function lookCounts(condition: Condition, negated: boolean): boolean {
  switch (condition.type) {
    case 'red':
    case 'framed':
      return negated;
    case 'not':
      return lookCounts(condition.condition, !negated);
    case 'any':
    case 'all':
      return condition.of.some((c) => lookCounts(c, negated));
    default:
      return false;
  }
}

const lookOnlyAdds = new WeakMap<readonly Rule[], boolean>();
/** Whether red ink and a frame can only add findings or evidence with these rules, never remove any. */
function lookOnlyAddsFindings(rules: readonly Rule[]): boolean {
  let answer = lookOnlyAdds.get(rules);
  if (answer === undefined) {
    answer = rules.every(
      (rule) =>
        !(rule.require ?? []).some((c) => lookCounts(c, false)) &&
        !(rule.reject ?? []).some((c) => lookCounts(c, true)) &&
        !rule.evidence.some((e) => lookCounts(e.when, e.weight < 0)),
    );
    lookOnlyAdds.set(rules, answer);
  }
  return answer;
}

/**
 * Whether the stamp's look (red ink, a frame) of the candidate lines can change what the rules
 * find on this page. The engine reads the page's lines as the extractor will give them, once as
 * they are and once with every candidate red and framed: when red ink and frames can only add
 * findings and evidence (no rule asks for their absence, checked on the rules), equal readings
 * mean no look the pixels could show would change the result, and the image need not be decoded.
 * Body text quoting "bí mật nhà nước" is the usual case: a rule's pattern matches, but the line
 * is no stamp whatever its look.
 */
export function lookCanMatter(page: OcrPage, candidates: readonly OcrLine[], engine: Engine): boolean {
  if (!lookOnlyAddsFindings(engine.rules)) return true;
  const marked = new Set(candidates);
  const read = (lines: OcrLine[]) =>
    JSON.stringify(engine.findInFragments(ocrPageToFragments({ ...page, lines }, { container: [] }, { part: 'image', page: 1 })));
  return read(page.lines) !== read(page.lines.map((line) => (marked.has(line) ? { ...line, red: true, framed: true } : line)));
}

let available: boolean | undefined;

/** `tesseract` on the PATH and the Vietnamese model installed (checked on disk: no process start). */
export function isTesseractAvailable(): boolean {
  if (available === undefined) {
    const onPath = (process.env['PATH'] ?? '').split(delimiter).some((dir) => {
      try {
        accessSync(join(dir, 'tesseract'), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
    const tessdata = [process.env['TESSDATA_PREFIX'], '/usr/share/tesseract-ocr/5/tessdata', '/usr/share/tesseract-ocr/4.00/tessdata', '/usr/share/tessdata'];
    available = onPath && tessdata.some((dir) => dir !== undefined && existsSync(join(dir, 'vie.traineddata')));
  }
  return available;
}

/**
 * `engine` is the rule engine the scan will use (by default the default one): the stamp's look is
 * measured only for stamp-like lines a rule's pattern matches, and only when it can change the
 * findings (`lookCanMatter`), so most pages are never decoded a second time.
 * Tesseract gets its image as a file, never on stdin: it reads stdin one byte at a time through
 * C stdio (~3 % of a page's CPU for a 4 MB PNG, six times that for a 300 dpi PDF page).
 */
export function createTesseractOcr({
  language = 'vie',
  dpi = 300,
  engine,
}: { language?: string; dpi?: number; engine?: Engine } = {}): OcrEngine {
  const inTempDir = async <T>(work: (dir: string) => Promise<T>): Promise<T> => {
    const dir = await mkdtemp(join(tmpdir(), 'bmnn-ocr-'));
    try {
      return await work(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  /** OCR of an image file; `pixels` gives its bytes when the stamp's look has to be measured. */
  const recognizeFile = async (file: string, pixels: () => Promise<Uint8Array>, signal: AbortSignal): Promise<OcrPage> => {
    // `--oem 1`: the LSTM engine only, which is what the default mode runs with these models; the
    // legacy engine's data is then not loaded (~40 ms less per page, same output on the bench scans).
    const tsv = await run('tesseract', [file, 'stdout', '-l', language, '--oem', '1', '--psm', '3', 'tsv'], undefined, signal);
    const page = parseTesseractTsv(tsv.toString('utf8'));
    // The stamp's look needs the pixels (PNM as is, PNG decoded here, other formats through
    // ImageMagick), and only for lines that could be part of a stamp.
    const rules = engine ?? getDefaultEngine();
    const candidates = page.lines.filter((line) => isStampCandidate(line.text) && ruleMatchesOcrLine(line.text, rules));
    if (candidates.length === 0 || !lookCanMatter(page, candidates, rules)) return page;
    const image = await pixels();
    let rgb = parsePnm(image) ?? decodePng(image);
    if (!rgb) {
      rgb = await run('convert', ['-', '-depth', '8', 'ppm:-'], image, signal)
        .then((ppm) => parsePnm(ppm))
        .catch(() => undefined);
    }
    if (rgb && rgb.width === page.width && rgb.height === page.height) {
      for (const line of candidates) Object.assign(line, analyseStampLook(rgb, line));
    }
    return page;
  };

  return {
    recognize: (image, signal) =>
      inTempDir(async (dir) => {
        // No extension: leptonica tells the format from the bytes.
        const file = join(dir, 'image');
        await writeFile(file, image);
        return recognizeFile(file, async () => image, signal);
      }),
    recognizePdfPage: (pdf, page, longestSidePt, signal) =>
      inTempDir(async (dir) => {
        await writeFile(join(dir, 'in.pdf'), pdf);
        // `dpi` for an A4 page; larger pages are rendered no larger than an A4 page at `dpi`.
        const resolution = Math.max(72, Math.min(dpi, Math.round((dpi * 842) / Math.max(1, longestSidePt))));
        await run('pdftoppm', ['-r', String(resolution), '-f', String(page), '-l', String(page), '-singlefile', join(dir, 'in.pdf'), join(dir, 'out')], undefined, signal);
        // Uncompressed PPM, which tesseract reads as it is: PNG compression of a noisy scan costs
        // more than the OCR. Read back here only if the stamp's look has to be measured.
        const file = join(dir, 'out.ppm');
        return recognizeFile(file, () => readFile(file), signal);
      }),
  };
}
