// Links of an HTML page that the portal watch follows: `a`/`area` href, `iframe`/`frame`/`embed`
// src and `object` data (documents are often shown in a frame). Only http(s), resolved against the
// page (or its <base>), fragment dropped; mailto:, javascript:, tel:, data: and bare fragments are
// not links to a document.

import { Parser } from 'htmlparser2';
import { sniffCharset } from '../extract/html.extractor.ts';
import { decodeTextBytes } from '../text/decode-bytes.ts';

/** The absolute http(s) URL without its fragment, or undefined when `href` is not one to follow. */
export function normalizeUrl(href: string, base: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  return url.href;
}

const LINK_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data', 'src'],
};

/** Distinct links of a page, in document order. */
export function extractLinks({ bytes, pageUrl }: { bytes: Uint8Array; pageUrl: string }): string[] {
  const { text: html } = decodeTextBytes(bytes, sniffCharset(bytes));
  let base = pageUrl;
  const links = new Set<string>();
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'base' && attributes['href']) {
          base = normalizeUrl(attributes['href'], pageUrl) ?? base;
          return;
        }
        for (const attribute of LINK_ATTRIBUTES[name] ?? []) {
          const value = attributes[attribute];
          const url = value === undefined ? undefined : normalizeUrl(value, base);
          if (url) links.add(url);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return [...links];
}
