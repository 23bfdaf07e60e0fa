import type { Fragment } from '../scanner.types.ts';
import { decodeTextBytes } from '../text/decode-bytes.ts';
import type { ExtractContext, Extractor } from './extract.types.ts';
import { ParagraphCollector } from './paragraphs.ts';

/** Plain text in any common encoding; one fragment per line. */
export const textExtractor: Extractor = {
  type: 'text',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    const { text, encoding } = decodeTextBytes(bytes);
    const legacy = encoding === 'TCVN3' || encoding === 'VNI' ? encoding : undefined;
    const collector = new ParagraphCollector(ctx.container, 'text');
    text.split(/\r\n|\r|\n/).forEach((line, i) => {
      if (!line.trim()) return;
      collector.start('body');
      collector.append(line);
      const fragment = collector.end({ line: i + 1 });
      if (fragment && legacy) fragment.style = { ...fragment.style, legacyEncoding: legacy };
    });
    return collector.fragments;
  },
};
