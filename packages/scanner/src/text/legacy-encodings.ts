// Legacy Vietnamese encodings still found in agency archives:
// - TCVN3 (ABC, TCVN 5712:1993 VN3): one byte per letter, shown with `.VnTime`-family fonts; the
//   `.VnTimeH` fonts draw the same lower-case codes as capitals.
// - VNI: a base letter followed by a byte carrying the diacritics, shown with `VNI-` fonts.
// Office files store such text as the Windows-1252 reading of the bytes ("TuyÖt mËt", "Toái
// maät"); we map it back to Unicode. Detection is by font name first, then by the text itself.

import iconv from 'iconv-lite';

export type LegacyEncoding = 'TCVN3' | 'VNI';

/** The encoding a font family implies, and whether it draws capitals only (.VnTimeH). */
export function getFontEncoding(font: string | undefined): { encoding: LegacyEncoding; upper: boolean } | undefined {
  if (!font) return undefined;
  const name = font.trim();
  if (/^\.?vn[a-z]/i.test(name) && !/^vni/i.test(name)) return { encoding: 'TCVN3', upper: /h$/i.test(name) };
  if (/^vni[-_ ]/i.test(name)) return { encoding: 'VNI', upper: false };
  return undefined;
}

// TCVN3 letters live in 0xA1–0xFF; their code points in a Windows-1252 reading are the same.
const TCVN3_CHARS = new Map<string, string>();
for (let byte = 0xa1; byte <= 0xff; byte++) {
  TCVN3_CHARS.set(String.fromCharCode(byte), iconv.decode(Buffer.from([byte]), 'tcvn'));
}

export function decodeTcvn3Text(text: string, upper = false): string {
  if (upper) return decodeTcvn3Chars(text).toUpperCase();
  // Without the .VnTimeH font the capitals are lost; a word whose plain letters are all capitals
  // was typed as capitals ("MËT" → "MẬT").
  return text.replace(/[^\s]+/g, (word) => {
    const decoded = decodeTcvn3Chars(word);
    return decoded !== word && /[A-Z].*[A-Z]/.test(word) && !/[a-z]/.test(word) ? decoded.toUpperCase() : decoded;
  });
}

function decodeTcvn3Chars(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_CHARS.get(ch) ?? ch;
  return out.normalize('NFC');
}

// VNI: modifier characters after a base vowel. Keys are the Windows-1252 characters.
const VNI_TONES: Record<string, string> = { 'ù': '\u0301', 'ø': '\u0300', 'û': '\u0309', 'õ': '\u0303', 'ï': '\u0323' };
const VNI_HAT: Record<string, string> = { 'â': '', 'á': '\u0301', 'à': '\u0300', 'å': '\u0309', 'ã': '\u0303', 'ä': '\u0323' };
const VNI_BREVE: Record<string, string> = { 'ê': '', 'é': '\u0301', 'è': '\u0300', 'ú': '\u0309', 'ü': '\u0303', 'ë': '\u0323' };
const VNI_SINGLE: Record<string, string> = {
  'ô': 'ơ', 'ö': 'ư', 'ñ': 'đ', 'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'î': 'ỵ',
};

function vniModifier(base: string, mod: string): string | undefined {
  const lowerBase = base.toLowerCase();
  const lowerMod = mod.toLowerCase();
  const isUpper = base !== lowerBase;
  // The modifier's case follows the base letter's.
  if ((mod !== lowerMod) !== isUpper) return undefined;
  let result: string | undefined;
  if ('aeo'.includes(lowerBase) && lowerMod in VNI_HAT) result = lowerBase + '\u0302' + VNI_HAT[lowerMod];
  else if (lowerBase === 'a' && lowerMod in VNI_BREVE) result = 'a\u0306' + VNI_BREVE[lowerMod];
  else if ('aeiouyơư'.includes(lowerBase) && lowerMod in VNI_TONES) result = lowerBase + VNI_TONES[lowerMod];
  if (result === undefined) return undefined;
  result = result.normalize('NFC');
  return isUpper ? result.toUpperCase() : result;
}

export function decodeVniText(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i] as string;
    const lower = ch.toLowerCase();
    const single = VNI_SINGLE[lower];
    // ơ, ư (written ô, ö) take tones too: decode them first, then look at the next modifier.
    if (single && (lower === 'ô' || lower === 'ö')) ch = ch === lower ? single : single.toUpperCase();
    const next = chars[i + 1];
    if (next !== undefined) {
      const combined = vniModifier(ch, next);
      if (combined !== undefined) {
        out += combined;
        i++;
        continue;
      }
    }
    if (single && lower !== 'ô' && lower !== 'ö') out += ch === lower ? single : single.toUpperCase();
    else out += ch;
  }
  return out.normalize('NFC');
}

// --- Detection by the text itself -------------------------------------------------------------

const VIETNAMESE_LATIN1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');

/** Latin-1 characters that Vietnamese Unicode text does not use, and no Vietnamese Unicode letter. */
export function hasLegacyCharacters(text: string): boolean {
  if (/[\u0100-\u024f\u1ea0-\u1ef9]/.test(text)) return false;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xa1 && code <= 0xff && !VIETNAMESE_LATIN1.has(ch)) return true;
  }
  return false;
}
const OPEN_NUCLEI = new Set(['ai', 'ao', 'au', 'ay', 'eo', 'eu', 'ia', 'iu', 'oi', 'ui', 'uu', 'ieu', 'yeu', 'oai', 'oay', 'uay', 'uoi', 'uou', 'uya', 'uyu', 'oeo', 'ua', 'ue']);
const CLOSABLE_NUCLEI = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ie', 'ye', 'uo', 'oa', 'oe', 'ue', 'uy', 'uye', 'ua', 'oo']);
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?([aeiouy]{1,3})(ch|ng|nh|[cmnpt])?$/;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

function isVietnameseSyllable(word: string): boolean {
  if (/\p{Ll}\p{Lu}/u.test(word)) return false;
  const lower = word.toLowerCase();
  if (/[^a-zàáâãèéêìíòóôõùúýăđĩũơưạ-ỹ]/u.test(lower)) return false;
  const nfd = lower.normalize('NFD');
  if ((nfd.match(TONE_MARKS) ?? []).length > 1) return false;
  const base = nfd.replace(/\p{M}/gu, '').replace(/đ/g, 'd');
  let m = SYLLABLE.exec(base);
  if (!m && base.startsWith('gi')) m = SYLLABLE.exec('g' + base.slice(2).replace(/^/, 'i'));
  if (!m) return false;
  const nucleus = m[2] as string;
  return m[3] ? CLOSABLE_NUCLEI.has(nucleus) : CLOSABLE_NUCLEI.has(nucleus) || OPEN_NUCLEI.has(nucleus);
}

/** Share of the words with non-ASCII letters that are well-formed Vietnamese syllables. */
export function scoreVietnamese(text: string): { score: number; words: number } {
  let words = 0;
  let valid = 0;
  for (const word of text.split(/[^\p{L}]+/u)) {
    if (!/[^\x00-\x7f]/.test(word)) continue;
    words++;
    if (isVietnameseSyllable(word)) valid++;
  }
  return { score: words === 0 ? 0 : valid / words, words };
}

/**
 * Whether `text` (Unicode, possibly a Windows-1252 reading of legacy bytes) is TCVN3 or VNI, and
 * its decoding. Returns undefined for text that already reads as Unicode Vietnamese.
 */
export function detectLegacyText(text: string): { encoding: LegacyEncoding; text: string } | undefined {
  if (/[\u0100-\u024f\u1ea0-\u1ef9]/.test(text)) {
    // Real Vietnamese Unicode (ă, đ, ơ, ư, precomposed letters) is present: leave it alone.
    return undefined;
  }
  let suspicious = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xa1 && code <= 0xff && !VIETNAMESE_LATIN1.has(ch)) suspicious++;
  }
  if (suspicious === 0) return undefined;
  const original = scoreVietnamese(text).score;
  const candidates = [
    { encoding: 'VNI' as const, text: decodeVniText(text) },
    { encoding: 'TCVN3' as const, text: decodeTcvn3Text(text) },
  ].map((c) => ({ ...c, ...scoreVietnamese(c.text) }));
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best || best.words === 0 || best.score < 0.6 || best.score < original + 0.2) return undefined;
  return { encoding: best.encoding, text: best.text };
}

/** Decodes bytes that are not UTF-8: TCVN3, VNI, Windows-1258 or Windows-1252, whichever reads best. */
export function decodeLegacyBytes(bytes: Uint8Array): { text: string; encoding: string } {
  const latin = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
  const legacy = detectLegacyText(latin);
  const cp1258 = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1258').normalize('NFC');
  const cp1258Score = scoreVietnamese(cp1258).score;
  if (legacy && scoreVietnamese(legacy.text).score >= cp1258Score) return { text: legacy.text, encoding: legacy.encoding };
  if (cp1258Score > scoreVietnamese(latin).score + 0.2) return { text: cp1258, encoding: 'windows-1258' };
  return { text: latin, encoding: 'windows-1252' };
}
