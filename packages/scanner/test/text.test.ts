import { describe, expect, it } from 'vitest';
import { collapseLetterSpacing, foldForKeywords, normalizeLine } from '../src/text/normalize.ts';
import { decodeLegacyBytes, decodeTcvn3Text, decodeVniText, detectLegacyText, getFontEncoding } from '../src/text/legacy-encodings.ts';
import { decodeTextBytes, looksLikeText } from '../src/text/decode-bytes.ts';
import iconv from 'iconv-lite';

describe('normalisation', () => {
  it('folds to lower case without diacritics and keeps the length', () => {
    const text = 'TUYỆT MẬT – Đồng ý';
    expect(foldForKeywords(text)).toBe('tuyet mat – dong y');
    expect(foldForKeywords(text).length).toBe(text.length);
  });

  it('turns decomposed (NFD) input into NFC', () => {
    expect(normalizeLine('MẬT'.normalize('NFD')).text).toBe('MẬT');
  });

  it('joins letter-spaced words and keeps the wider gap between words', () => {
    expect(collapseLetterSpacing('T Ố I   M Ậ T').text).toBe('TỐI MẬT');
    expect(normalizeLine('M Ậ T').text).toBe('MẬT');
    expect(normalizeLine('M Ậ T').letterSpaced).toBe(true);
  });

  it('leaves ordinary text alone', () => {
    expect(normalizeLine('Điều 1. Phê duyệt phương án').text).toBe('Điều 1. Phê duyệt phương án');
    expect(normalizeLine('Điều 1. Phê duyệt phương án').letterSpaced).toBe(false);
  });
});

describe('legacy Vietnamese encodings', () => {
  it('decodes TCVN3 text as stored by office files, .VnTimeH as capitals', () => {
    expect(decodeTcvn3Text('TuyÖt mËt')).toBe('Tuyệt mật');
    expect(decodeTcvn3Text('tèi mËt', true)).toBe('TỐI MẬT');
    expect(decodeTcvn3Text('MËT')).toBe('MẬT');
  });

  it('decodes VNI text, capitals included', () => {
    expect(decodeVniText('Toái maät')).toBe('Tối mật');
    expect(decodeVniText('TUYEÄT MAÄT')).toBe('TUYỆT MẬT');
    expect(decodeVniText('Ñoäc laäp - Töï do - Haïnh phuùc')).toBe('Độc lập - Tự do - Hạnh phúc');
  });

  it('recognises legacy fonts by name', () => {
    expect(getFontEncoding('.VnTime')).toEqual({ encoding: 'TCVN3', upper: false });
    expect(getFontEncoding('.VnTimeH')).toEqual({ encoding: 'TCVN3', upper: true });
    expect(getFontEncoding('VNI-Times')).toEqual({ encoding: 'VNI', upper: false });
    expect(getFontEncoding('Times New Roman')).toBeUndefined();
  });

  it('detects TCVN3 and VNI from the text itself', () => {
    expect(detectLegacyText('Céng hßa x· héi chñ nghÜa ViÖt Nam')).toEqual({ encoding: 'TCVN3', text: 'Cộng hòa xã hội chủ nghĩa Việt Nam' });
    expect(detectLegacyText('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toEqual({ encoding: 'VNI', text: 'Cộng hòa xã hội chủ nghĩa Việt Nam' });
  });

  it('does not touch Unicode Vietnamese or other Latin text', () => {
    expect(detectLegacyText('Cộng hòa xã hội chủ nghĩa Việt Nam')).toBeUndefined();
    expect(detectLegacyText('Café crème brûlée')).toBeUndefined();
  });

  it('decodes a TCVN3 byte file as a whole', () => {
    const bytes = iconv.encode('Bảo vệ bí mật nhà nước là trách nhiệm của mọi cơ quan', 'tcvn');
    expect(decodeLegacyBytes(bytes)).toEqual({ text: 'Bảo vệ bí mật nhà nước là trách nhiệm của mọi cơ quan', encoding: 'TCVN3' });
  });

  it('reads text files in UTF-8, UTF-16 and Windows-1258', () => {
    expect(decodeTextBytes(Buffer.from('Mật độ', 'utf8')).text).toBe('Mật độ');
    expect(decodeTextBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tối mật', 'utf16le')])).text).toBe('Tối mật');
    // Windows-1258 writes "ậ" as "â" followed by a combining dot below (0xF2).
    const cp1258 = Buffer.from([0x4d, 0xe2, 0xf2, 0x74, 0x20, 0x62, 0x61, 0x6f, 0x20, 0x76, 0xea, 0xf2]);
    expect(decodeTextBytes(cp1258).text).toBe('Mật bao vệ');
  });

  it('tells text from binary', () => {
    expect(looksLikeText(Buffer.from('Xin chào\n'))).toBe(true);
    expect(looksLikeText(Buffer.from([0, 1, 2, 3, 0xff]))).toBe(false);
  });
});
