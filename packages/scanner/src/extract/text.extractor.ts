import type { Fragment } from '../scanner.types.ts';
import { decodeTextBytes } from '../text/decode-bytes.ts';
import type { ExtractContext, Extractor } from './extract.types.ts';
import { ParagraphCollector } from './paragraphs.ts';

/** Plain text in any common encoding; one fragment per line. */
export const textExtractor: Extractor = {
  type: 'text',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    const { text } = decodeTextBytes(bytes);
    const collector = new ParagraphCollector(ctx.container, 'text');
    text.split(/\r\n|\r|\n/).forEach((line, i) => {
      if (!line.trim()) return;
      collector.start('body');
      collector.append(line);
      collector.end({ line: i + 1 });
    });
    return collector.fragments;
  },
};
