// HTML: visible text by block, title and meta description/keywords; inline colour and borders
// are kept as evidence. Scripts and styles are not text a reader sees.

import { Parser } from 'htmlparser2';
import type { Fragment } from '../scanner.types.ts';
import { decodeTextBytes } from '../text/decode-bytes.ts';
import type { ExtractContext, Extractor } from './extract.types.ts';
import { isRedColour, ParagraphCollector } from './paragraphs.ts';

const BLOCKS = new Set(['p', 'div', 'br', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'dt', 'dd', 'caption', 'hr', 'body', 'ul', 'ol']);
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head']);

export function sniffCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

export const htmlExtractor: Extractor = {
  type: 'html',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    const { text: html } = decodeTextBytes(bytes, sniffCharset(bytes));
    const collector = new ParagraphCollector(ctx.container, 'html');
    let hidden = 0;
    let inTitle = false;
    let title = '';
    const styles: { red: boolean; framed: boolean }[] = [];
    const open = () => collector.start('body', { framed: styles.some((s) => s.framed) });
    const close = () => {
      collector.end();
      open();
    };
    open();
    const parser = new Parser(
      {
        onopentag(name, attributes) {
          if (name === 'title') inTitle = true;
          if (HIDDEN.has(name)) hidden++;
          if (name === 'meta' && /^(description|keywords)$/i.test(attributes['name'] ?? '') && attributes['content']) {
            collector.add(attributes['content'], 'property');
          }
          const style = attributes['style'] ?? '';
          const color = /(?:^|;)\s*color\s*:\s*([^;]+)/i.exec(style)?.[1] ?? attributes['color'];
          styles.push({ red: isRedColour(color), framed: /border(?:-style)?\s*:\s*(?!none)[^;]*(solid|double|dashed)/i.test(style) || attributes['border'] === '1' });
          if (BLOCKS.has(name)) close();
        },
        ontext(text) {
          if (inTitle) title += text;
          else if (hidden === 0) collector.append(text, { red: styles.some((s) => s.red) });
        },
        onclosetag(name) {
          if (name === 'title') inTitle = false;
          if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
          styles.pop();
          if (BLOCKS.has(name)) close();
        },
      },
      { decodeEntities: true, lowerCaseTags: true },
    );
    parser.write(html);
    parser.end();
    collector.end();
    if (title.trim()) collector.add(title.trim(), 'property');
    return collector.fragments;
  },
};
