// Text normalisation shared by extractors and the engine: NFC, spaces, letter-spaced words
// ("M Ậ T" → "MẬT"), and a length-preserving fold (lower case, no diacritics, đ → d) for the
// keyword prefilter.

const SPACE_LIKE = /[\u00A0\u2000-\u200B\u202F\u205F\u3000\t\f\v]/g;
const ZERO_WIDTH = /[\u200C\u200D\u2060\uFEFF\u00AD]/g;

export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Collapses runs of three or more single letters separated by spaces into words. A gap wider than
 * the narrowest gap in the run is kept as one space: "T Ố I   M Ậ T" → "TỐI MẬT".
 */
export function collapseLetterSpacing(line: string): { text: string; changed: boolean } {
  const runPattern = /(?<!\p{L})\p{L}(?: +\p{L}(?!\p{L})){2,}/gu;
  let changed = false;
  const text = line.replace(runPattern, (run) => {
    const letters = run.split(/ +/);
    const gaps = run.match(/ +/g) ?? [];
    const narrowest = Math.min(...gaps.map((g) => g.length));
    changed = true;
    let out = letters[0] ?? '';
    for (let i = 1; i < letters.length; i++) {
      out += ((gaps[i - 1]?.length ?? 1) > narrowest ? ' ' : '') + (letters[i] ?? '');
    }
    return out;
  });
  return { text, changed };
}

/** NFC, unified spaces, no zero-width characters, trimmed, letter spacing collapsed. */
export function normalizeLine(raw: string): { text: string; letterSpaced: boolean } {
  const nfc = toNfc(raw).replace(ZERO_WIDTH, '').replace(SPACE_LIKE, ' ');
  const { text, changed } = collapseLetterSpacing(nfc);
  return { text: text.replace(/ {2,}/g, ' ').trim(), letterSpaced: changed };
}

const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    const lower = ch.toLowerCase();
    const base = lower === 'đ' ? 'd' : lower.normalize('NFD').replace(/\p{M}/gu, '');
    // Keep a 1:1 length so offsets in the folded text are offsets in the original.
    folded = base.length === 1 ? base : ch.length === 1 ? (lower.length === 1 ? lower : ch) : ch;
    foldCache.set(ch, folded);
  }
  return folded;
}

/** Lower case without diacritics, same length as the input (per UTF-16 code unit). */
export function foldForKeywords(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x41) out += text[i];
    else if (code < 0x80) out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : text[i];
    else out += foldChar(text[i] as string);
  }
  return out;
}

export function isUpperCaseText(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toUpperCase();
}
