// Stands in for @napi-rs/canvas inside scanning workers. pdf.js loads that native library (Skia,
// tens of MB) on import only to provide DOMMatrix and Path2D for rendering; the scanner reads
// text, never renders, so the workers skip it. Any attempt to render fails loudly.
'use strict';
class NotAvailable {
  constructor() {
    throw new Error('Rendering is not available in the scanner (no canvas).');
  }
}
module.exports = { DOMMatrix: NotAvailable, Path2D: NotAvailable, createCanvas: () => new NotAvailable() };
