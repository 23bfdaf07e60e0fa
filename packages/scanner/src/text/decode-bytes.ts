// Bytes of a text file to Unicode: BOMs, UTF-8, then legacy Vietnamese code pages.

import iconv from 'iconv-lite';
import { decodeLegacyBytes } from './legacy-encodings.ts';

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeTextBytes(bytes: Uint8Array, declared?: string): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)) {
    return { text: iconv.decode(Buffer.from(bytes), declared).normalize('NFC'), encoding: declared.toLowerCase() };
  }
  try {
    return { text: fatalUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: UTF-16 without BOM shows as every other byte zero.
    let zeros = 0;
    const sample = Math.min(bytes.length, 4096);
    for (let i = 1; i < sample; i += 2) if (bytes[i] === 0) zeros++;
    if (sample > 16 && zeros > sample / 4) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
    return decodeLegacyBytes(bytes);
  }
}

/** Whether bytes look like text rather than binary data. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return true;
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return true;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  return control / sample.length < 0.02;
}
