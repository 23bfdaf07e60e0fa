// The look of a stamp on a scan: red ink, and a rectangular frame around the words. Measured on
// the page image around each OCR line box.

import { PNG } from 'pngjs';

export type RgbImage = { width: number; height: number; channels: 1 | 3; data: Uint8Array };

/** Parses binary PNM (P5 greyscale, P6 colour, 8 bits), as written by pdftoppm and ImageMagick. */
export function parsePnm(bytes: Uint8Array): RgbImage | undefined {
  if (bytes[0] !== 0x50 || (bytes[1] !== 0x35 && bytes[1] !== 0x36)) return undefined;
  const channels = bytes[1] === 0x36 ? 3 : 1;
  const fields: number[] = [];
  let i = 2;
  while (fields.length < 3 && i < bytes.length) {
    const c = bytes[i] as number;
    if (c === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++;
    } else if (c >= 0x30 && c <= 0x39) {
      let n = 0;
      while (i < bytes.length && (bytes[i] as number) >= 0x30 && (bytes[i] as number) <= 0x39) n = n * 10 + ((bytes[i++] as number) - 0x30);
      fields.push(n);
      continue;
    }
    i++;
  }
  const [width = 0, height = 0, maxval = 0] = fields;
  const data = bytes.subarray(i + 1);
  if (maxval !== 255 || data.length < width * height * channels) return undefined;
  return { width, height, channels, data };
}

/** Pixels above this are not decoded for the look (a hostile PNG may declare any size). */
export const MAX_LOOK_PIXELS = 60_000_000;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Decodes a PNG in this thread (pngjs: zlib plus the unfiltering), as RGB with any transparency
 * laid over white. Replaces an ImageMagick process per scanned page; `undefined` when the bytes
 * are not a PNG, are too large or do not decode.
 */
export function decodePng(bytes: Uint8Array): RgbImage | undefined {
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(16) * view.getUint32(20) > MAX_LOOK_PIXELS) return undefined;
  let png: { width: number; height: number; data: Buffer };
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return undefined;
  }
  const { width, height, data: rgba } = png;
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; o < data.length; i += 4, o += 3) {
    const a = rgba[i + 3] as number;
    if (a === 255) {
      data[o] = rgba[i] as number;
      data[o + 1] = rgba[i + 1] as number;
      data[o + 2] = rgba[i + 2] as number;
    } else {
      const white = 255 - a;
      data[o] = ((rgba[i] as number) * a + 255 * white + 127) / 255;
      data[o + 1] = ((rgba[i + 1] as number) * a + 255 * white + 127) / 255;
      data[o + 2] = ((rgba[i + 2] as number) * a + 255 * white + 127) / 255;
    }
  }
  return { width, height, channels: 3, data };
}

function pixel(image: RgbImage, x: number, y: number): [number, number, number] {
  const o = (y * image.width + x) * image.channels;
  if (image.channels === 1) {
    const v = image.data[o] as number;
    return [v, v, v];
  }
  return [image.data[o] as number, image.data[o + 1] as number, image.data[o + 2] as number];
}

const isRed = ([r, g, b]: [number, number, number]) => r >= 140 && r - g >= 60 && r - b >= 60;
const luma = (p: [number, number, number]) => 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2];
const isInk = (p: [number, number, number]) => isRed(p) || luma(p) < 150;
/** Thin rules come out light after scanning and anti-aliasing. */
const isFaint = (p: [number, number, number]) => isRed(p) || luma(p) < 200;

export type Box = { left: number; top: number; width: number; height: number };

export function analyseStampLook(image: RgbImage, box: Box): { red: boolean; framed: boolean } {
  const x0 = Math.max(0, box.left);
  const x1 = Math.min(image.width - 1, box.left + box.width);
  const y0 = Math.max(0, box.top);
  const y1 = Math.min(image.height - 1, box.top + box.height);
  let ink = 0;
  let red = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const p = pixel(image, x, y);
      if (isInk(p)) {
        ink++;
        if (isRed(p)) red++;
      }
    }
  }
  // A frame: a line above and a line below the words, across their whole width. A scan may be a
  // little rotated, so each column may find the line anywhere in a band; text on a neighbouring
  // line leaves gaps between letters and words, a ruled line does not.
  const reach = Math.max(4, Math.round(box.height * 0.7));
  const lineIn = (from: number, to: number) => {
    if (from > to) return false;
    let covered = 0;
    for (let x = x0; x <= x1; x++) {
      for (let y = from; y <= to; y++) {
        if (isFaint(pixel(image, x, y))) {
          covered++;
          break;
        }
      }
    }
    return covered >= 0.97 * (x1 - x0 + 1);
  };
  // The box hugs the letters (accents included), so a tight frame may cut into its edges.
  const inner = Math.round(box.height * 0.25);
  const framed = lineIn(Math.max(0, y0 - reach), y0 + inner) && lineIn(y1 - inner, Math.min(image.height - 1, y1 + reach));
  return { red: ink >= 20 && red / ink >= 0.5, framed };
}
