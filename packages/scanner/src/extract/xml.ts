// SAX parsing of XML parts with no entity expansion: a DOCTYPE that declares entities is refused
// (the "billion laughs" attack), and saxes never expands entities beyond the five predefined ones.

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ExtractionProblem } from './extract.types.ts';

export type XmlHandlers = {
  open: (name: string, attributes: Record<string, string>) => void;
  close: (name: string) => void;
  text: (text: string) => void;
};

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16le');

export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16.decode(bytes.subarray(2));
  return utf8.decode(bytes);
}

export function parseXml(bytes: Uint8Array | string, handlers: XmlHandlers, where: string): void {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new ExtractionProblem('xml.entity_declaration', `Phần "${where}" khai báo thực thể XML (nghi tấn công mở rộng thực thể), không đọc.`, where);
    }
  });
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(tag.name, tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handlers.close(tag.name));
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  parser.on('error', (error) => {
    throw new ExtractionProblem('file.corrupt', `Phần "${where}" không phải XML hợp lệ: ${error.message.split('\n')[0]}`, where);
  });
  const text = typeof bytes === 'string' ? bytes : decodeXmlBytes(bytes);
  parser.write(text).close();
}
