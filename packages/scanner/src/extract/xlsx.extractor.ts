// XLSX / XLSM: cell values (shared and inline strings), sheet names, print headers and footers,
// comments, properties and embedded files.

import type { Fragment } from '../scanner.types.ts';
import type { ExtractContext, Extractor } from './extract.types.ts';
import { extractEmbedded } from './docx.extractor.ts';
import { ParagraphCollector } from './paragraphs.ts';
import { collectProperties } from './properties.ts';
import { parseXml } from './xml.ts';
import { openZip, type ZipArchive } from './zip.ts';

function readSharedStrings(zip: ZipArchive): string[] {
  const bytes = zip.read('xl/sharedStrings.xml');
  const strings: string[] = [];
  if (!bytes) return strings;
  let current = '';
  let inText = false;
  let phonetic = 0;
  parseXml(
    bytes,
    {
      open: (name) => {
        if (name === 'si') current = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && phonetic === 0) inText = true;
      },
      text: (text) => {
        if (inText) current += text;
      },
      close: (name) => {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') strings.push(current);
      },
    },
    'xl/sharedStrings.xml',
  );
  return strings;
}

function readRelationships(zip: ZipArchive, part: string): Map<string, string> {
  const rels = new Map<string, string>();
  const bytes = zip.read(part);
  if (!bytes) return rels;
  parseXml(bytes, { open: (name, a) => { if (name === 'Relationship' && a['Id'] && a['Target']) rels.set(a['Id'], a['Target']); }, close: () => {}, text: () => {} }, part);
  return rels;
}

/** "&L&\"Arial,Bold\"left&CMẬT&R&P" → lines of the three sections, codes removed. */
export function stripHeaderFooterCodes(raw: string): string {
  return raw
    .replace(/&&/g, '\u0000')
    .replace(/&[LCR]/g, '\n')
    .replace(/&"[^"]*"/g, '')
    .replace(/&\d+/g, '')
    .replace(/&[A-Z]/gi, '')
    .replace(/\u0000/g, '&')
    .trim();
}

function collectSheet(bytes: Uint8Array, part: string, sheetName: string, shared: string[], collector: ParagraphCollector): void {
  collector.setPart(sheetName);
  let cellRef = '';
  let cellType = '';
  let value = '';
  let inValue = false;
  let headerFooter: string | undefined;
  let headerText = '';
  parseXml(
    bytes,
    {
      open: (name, a) => {
        if (name === 'c') {
          cellRef = a['r'] ?? '';
          cellType = a['t'] ?? 'n';
          value = '';
        } else if (name === 'v' || (name === 't' && cellType === 'inlineStr')) inValue = true;
        else if (/^(odd|even|first)(Header|Footer)$/.test(name)) {
          headerFooter = name.endsWith('Header') ? 'header' : 'footer';
          headerText = '';
        }
      },
      text: (text) => {
        if (inValue) value += text;
        else if (headerFooter) headerText += text;
      },
      close: (name) => {
        if (name === 'v' || name === 't') inValue = false;
        else if (name === 'c') {
          let text: string | undefined;
          if (cellType === 's') text = shared[Number(value)];
          else if (cellType === 'inlineStr' || cellType === 'str') text = value;
          if (text && text.trim()) {
            const row = Number(/\d+$/.exec(cellRef)?.[0] ?? 0);
            collector.start('cell');
            collector.append(text);
            collector.end({ cell: cellRef, line: row });
          }
        } else if (headerFooter && /^(odd|even|first)(Header|Footer)$/.test(name)) {
          const text = stripHeaderFooterCodes(headerText);
          if (text) collector.add(text, headerFooter === 'header' ? 'header' : 'footer', { part: `${sheetName} (${name})` });
          headerFooter = undefined;
        }
      },
    },
    part,
  );
}

function collectComments(bytes: Uint8Array, part: string, collector: ParagraphCollector): void {
  collector.setPart(part);
  let inText = 0;
  let text = '';
  parseXml(
    bytes,
    {
      open: (name) => {
        if (name === 'comment' || name === 'threadedComment') text = '';
        if (name === 't' || name === 'text') inText++;
      },
      text: (t) => {
        if (inText > 0) text += t;
      },
      close: (name) => {
        if (name === 't' || name === 'text') inText--;
        if ((name === 'comment' || name === 'threadedComment') && text.trim()) collector.add(text, 'comment');
      },
    },
    part,
  );
}

export const xlsxExtractor: Extractor = {
  type: 'xlsx',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    const zip = openZip(bytes, ctx);
    const collector = new ParagraphCollector(ctx.container, 'xl/workbook.xml');
    const shared = readSharedStrings(zip);
    const rels = readRelationships(zip, 'xl/_rels/workbook.xml.rels');
    const sheets: { name: string; target: string }[] = [];
    const workbook = zip.read('xl/workbook.xml');
    if (workbook) {
      parseXml(
        workbook,
        {
          open: (name, a) => {
            if (name === 'sheet' && a['name']) {
              const target = rels.get(a['r:id'] ?? '') ?? '';
              sheets.push({ name: a['name'], target: target.startsWith('/') ? target.slice(1) : `xl/${target}` });
            }
          },
          close: () => {},
          text: () => {},
        },
        'xl/workbook.xml',
      );
    }
    sheets.forEach((sheet, i) => collector.add(sheet.name, 'sheet-name', { line: i + 1 }));
    for (const sheet of sheets) {
      const data = zip.read(sheet.target);
      if (data) collectSheet(data, sheet.target, sheet.name, shared, collector);
    }
    for (const entry of zip.entries) {
      if (/^xl\/(comments\d*|threadedComments\/[^/]+)\.xml$/.test(entry.name)) {
        const data = zip.read(entry.name);
        if (data) collectComments(data, entry.name, collector);
      }
    }
    for (const name of ['docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml']) {
      const data = zip.read(name);
      if (data) collectProperties(data, name, collector);
    }
    return [...collector.fragments, ...(await extractEmbedded(zip, /^xl\/embeddings\//, ctx))];
  },
};
