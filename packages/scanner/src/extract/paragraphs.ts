// Collects paragraphs from a stream of XML events into fragments, with nesting (a text box inside
// a paragraph), per-run legacy decoding, and style evidence (frame, red ink).

import type { Fragment, FragmentKind, FragmentStyle } from '../scanner.types.ts';
import { decodeTcvn3Text, decodeVniText, detectLegacyText, getFontEncoding } from '../text/legacy-encodings.ts';

type OpenParagraph = {
  text: string;
  kind: FragmentKind;
  framed: boolean;
  letters: number;
  redLetters: number;
  legacy?: 'TCVN3' | 'VNI';
  page?: number;
};

export function isRedColour(hex: string | undefined): boolean {
  if (!hex) return false;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return /^red$/i.test(hex.trim());
  return isRedRgb(parseInt(m[1] as string, 16), parseInt(m[2] as string, 16), parseInt(m[3] as string, 16));
}

/** Stamp red: strong red, little green and blue (0–255 each). */
export function isRedRgb(r: number, g: number, b: number): boolean {
  return r >= 150 && g <= 90 && b <= 90;
}

/** Decodes one run of text set in `font`; runs in TCVN3/VNI fonts become Unicode. */
export function decodeRun(text: string, font: string | undefined): { text: string; legacy?: 'TCVN3' | 'VNI' } {
  const encoding = getFontEncoding(font);
  if (!encoding) return { text };
  if (encoding.encoding === 'TCVN3') return { text: decodeTcvn3Text(text, encoding.upper), legacy: 'TCVN3' };
  return { text: decodeVniText(text), legacy: 'VNI' };
}

export class ParagraphCollector {
  readonly fragments: Fragment[] = [];
  private readonly stack: OpenParagraph[] = [];
  private line = 0;

  private readonly container: string[];
  private part: string;

  constructor(container: string[], part: string) {
    this.container = container;
    this.part = part;
  }

  setPart(part: string): void {
    this.part = part;
    this.line = 0;
  }

  get depth(): number {
    return this.stack.length;
  }

  start(kind: FragmentKind, options: { framed?: boolean; page?: number } = {}): void {
    const paragraph: OpenParagraph = { text: '', kind, framed: options.framed ?? false, letters: 0, redLetters: 0 };
    if (options.page !== undefined) paragraph.page = options.page;
    this.stack.push(paragraph);
  }

  markFramed(): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.framed = true;
  }

  /** Appends a run of text with its font and colour. */
  append(raw: string, run: { font?: string; red?: boolean } = {}): void {
    const top = this.stack[this.stack.length - 1];
    if (!top || raw.length === 0) return;
    const decoded = decodeRun(raw, run.font);
    if (decoded.legacy) top.legacy = decoded.legacy;
    top.text += decoded.text;
    const letters = (decoded.text.match(/\p{L}/gu) ?? []).length;
    top.letters += letters;
    if (run.red) top.redLetters += letters;
  }

  /** Closes the innermost paragraph and returns its fragment (if it had text). */
  end(extra: { cell?: string; line?: number } = {}): Fragment | undefined {
    const top = this.stack.pop();
    if (!top) return undefined;
    this.line++;
    let text = top.text;
    const style: FragmentStyle = {};
    if (!top.legacy) {
      const detected = detectLegacyText(text);
      if (detected) {
        text = detected.text;
        style.legacyEncoding = detected.encoding;
      }
    } else style.legacyEncoding = top.legacy;
    if (text.trim().length === 0) return undefined;
    if (top.framed) style.framed = true;
    if (top.letters > 0 && top.redLetters === top.letters) style.red = true;
    const fragment: Fragment = {
      text,
      location: { container: this.container, part: this.part, kind: top.kind, line: extra.line ?? this.line },
    };
    if (top.page !== undefined) fragment.location.page = top.page;
    if (extra.cell) fragment.location.cell = extra.cell;
    if (Object.keys(style).length > 0) fragment.style = style;
    this.fragments.push(fragment);
    return fragment;
  }

  /** A standalone piece of text (property, sheet name). */
  add(text: string, kind: FragmentKind, extra: { line?: number; page?: number; part?: string } = {}): void {
    const part = this.part;
    if (extra.part) this.part = extra.part;
    this.start(kind, extra.page !== undefined ? { page: extra.page } : {});
    this.append(text);
    this.end(extra.line !== undefined ? { line: extra.line } : {});
    this.part = part;
  }
}

/** Properties from docProps/core.xml, app.xml, custom.xml or ODF meta.xml as "name: value" lines. */
export const PROPERTY_NAMES: Record<string, string> = {
  'dc:title': 'Tiêu đề',
  'dc:subject': 'Chủ đề',
  'dc:description': 'Mô tả',
  'cp:keywords': 'Từ khóa',
  'meta:keyword': 'Từ khóa',
  'cp:category': 'Thể loại',
  'cp:contentStatus': 'Trạng thái',
  'dc:creator': 'Tác giả',
  'cp:lastModifiedBy': 'Người sửa',
  'Company': 'Cơ quan',
  'Manager': 'Người quản lý',
  'Title': 'Tiêu đề',
};
