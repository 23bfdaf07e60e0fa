// DOCX / DOCM / DOTX: body, tables, headers and footers of every section, text boxes, footnotes,
// endnotes, comments, tracked insertions, field codes, properties and embedded files.

import type { Fragment, FragmentKind } from '../scanner.types.ts';
import { addProblem, ExtractionProblem, type ExtractContext, type Extractor } from './extract.types.ts';
import { isRedColour, ParagraphCollector } from './paragraphs.ts';
import { collectProperties } from './properties.ts';
import { parseXml } from './xml.ts';
import { openZip, type ZipArchive } from './zip.ts';

type StyleFonts = { fonts: Map<string, string>; defaultFont: string | undefined };

function readStyleFonts(zip: ZipArchive): StyleFonts {
  const fonts = new Map<string, string>();
  let defaultFont: string | undefined;
  const bytes = zip.read('word/styles.xml');
  if (!bytes) return { fonts, defaultFont };
  let styleId: string | undefined;
  let inDefaults = false;
  parseXml(
    bytes,
    {
      open: (name, a) => {
        if (name === 'w:style') styleId = a['w:styleId'];
        else if (name === 'w:rPrDefault') inDefaults = true;
        else if (name === 'w:rFonts') {
          const font = a['w:ascii'] ?? a['w:hAnsi'];
          if (font && styleId) fonts.set(styleId, font);
          else if (font && inDefaults) defaultFont = font;
        }
      },
      close: (name) => {
        if (name === 'w:style') styleId = undefined;
        else if (name === 'w:rPrDefault') inDefaults = false;
      },
      text: () => {},
    },
    'word/styles.xml',
  );
  return { fonts, defaultFont };
}

function kindOfPart(name: string): FragmentKind | undefined {
  if (/^word\/document\d*\.xml$/.test(name)) return 'body';
  if (/^word\/header\d*\.xml$/.test(name)) return 'header';
  if (/^word\/footer\d*\.xml$/.test(name)) return 'footer';
  if (name === 'word/footnotes.xml') return 'footnote';
  if (name === 'word/endnotes.xml') return 'endnote';
  if (name === 'word/comments.xml') return 'comment';
  if (name === 'word/glossary/document.xml') return 'body';
  return undefined;
}

function collectWordPart(bytes: Uint8Array, part: string, partKind: FragmentKind, styles: StyleFonts, collector: ParagraphCollector): void {
  collector.setPart(part);
  let skip = 0;
  let textboxDepth = 0;
  let inRun = false;
  let inRunProps = false;
  let inParaProps = false;
  let textTarget: 'run' | 'field' | undefined;
  let runText = '';
  let runFont: string | undefined;
  let runRed = false;
  let paragraphFont: string | undefined;
  const fieldCodes: string[] = [];
  const paragraphFonts: (string | undefined)[] = [];
  const tables: { cells: number; fragments: Fragment[] }[] = [];

  const flushRun = () => {
    if (runText) collector.append(runText, { font: runFont ?? paragraphFont ?? styles.defaultFont, red: runRed });
    runText = '';
  };

  parseXml(
    bytes,
    {
      open: (name, a) => {
        if (skip > 0) {
          skip++;
          return;
        }
        switch (name) {
          case 'mc:Fallback': // the VML copy of a text box already read from mc:Choice
          case 'w:delText':
          case 'w:del':
            skip = 1;
            return;
          case 'w:p': {
            const kind: FragmentKind = textboxDepth > 0 ? 'textbox' : tables.length > 0 && partKind === 'body' ? 'table' : partKind;
            collector.start(kind, { framed: textboxDepth > 0 });
            paragraphFonts.push(paragraphFont);
            paragraphFont = undefined;
            return;
          }
          case 'w:pPr':
            inParaProps = true;
            return;
          case 'w:pStyle':
            paragraphFont = styles.fonts.get(a['w:val'] ?? '');
            return;
          case 'w:pBdr':
            collector.markFramed();
            return;
          case 'w:r':
            inRun = true;
            runFont = undefined;
            runRed = false;
            return;
          case 'w:rPr':
            if (inRun) inRunProps = true;
            return;
          case 'w:rStyle':
            if (inRunProps) runFont = styles.fonts.get(a['w:val'] ?? '') ?? runFont;
            return;
          case 'w:rFonts':
            if (inRunProps) runFont = a['w:ascii'] ?? a['w:hAnsi'] ?? runFont;
            else if (inParaProps) paragraphFont = a['w:ascii'] ?? a['w:hAnsi'] ?? paragraphFont;
            return;
          case 'w:color':
            if (inRunProps) runRed = isRedColour(a['w:val']);
            return;
          case 'w:t':
            textTarget = 'run';
            return;
          case 'w:instrText':
            textTarget = 'field';
            return;
          case 'w:tab':
            if (inRun) runText += '\t';
            return;
          case 'w:br':
          case 'w:cr':
            if (inRun) runText += '\n';
            return;
          case 'w:noBreakHyphen':
            if (inRun) runText += '-';
            return;
          case 'w:txbxContent':
            flushRun();
            textboxDepth++;
            return;
          case 'w:tbl':
            tables.push({ cells: 0, fragments: [] });
            return;
          case 'w:tc': {
            const table = tables[tables.length - 1];
            if (table) table.cells++;
            return;
          }
        }
      },
      text: (text) => {
        if (skip > 0 || !textTarget) return;
        if (textTarget === 'run') runText += text;
        else fieldCodes.push(text);
      },
      close: (name) => {
        if (skip > 0) {
          skip--;
          return;
        }
        switch (name) {
          case 'w:t':
          case 'w:instrText':
            textTarget = undefined;
            return;
          case 'w:rPr':
            inRunProps = false;
            return;
          case 'w:pPr':
            inParaProps = false;
            return;
          case 'w:r':
            flushRun();
            inRun = false;
            return;
          case 'w:txbxContent':
            textboxDepth--;
            return;
          case 'w:p': {
            flushRun();
            const fragment = collector.end();
            if (fragment && tables.length > 0) tables[tables.length - 1]?.fragments.push(fragment);
            paragraphFont = paragraphFonts.pop();
            if (fieldCodes.length > 0) {
              const code = fieldCodes.join('').trim();
              fieldCodes.length = 0;
              if (code) collector.add(code, 'field');
            }
            return;
          }
          case 'w:tbl': {
            const table = tables.pop();
            // A one-cell table is how a frame around a stamp is usually drawn.
            if (table && table.cells === 1) for (const f of table.fragments) f.style = { ...f.style, framed: true };
            if (table && tables.length > 0) tables[tables.length - 1]?.fragments.push(...table.fragments);
            return;
          }
        }
      },
    },
    part,
  );
}

const PART_ORDER: FragmentKind[] = ['header', 'body', 'footer', 'footnote', 'endnote', 'comment'];

export const docxExtractor: Extractor = {
  type: 'docx',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    const zip = openZip(bytes, ctx);
    const collector = new ParagraphCollector(ctx.container, 'word/document.xml');
    const styles = readStyleFonts(zip);
    const parts = zip.entries
      .map((e) => ({ name: e.name, kind: kindOfPart(e.name) }))
      .filter((p): p is { name: string; kind: FragmentKind } => p.kind !== undefined)
      .sort((a, b) => PART_ORDER.indexOf(a.kind) - PART_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'en', { numeric: true }));
    if (!parts.some((p) => p.kind === 'body')) throw new ExtractionProblem('file.corrupt', 'Tệp Word thiếu phần nội dung chính.');
    for (const part of parts) {
      const data = zip.read(part.name);
      if (data) collectWordPart(data, part.name, part.kind, styles, collector);
    }
    for (const name of ['docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml']) {
      const data = zip.read(name);
      if (data) collectProperties(data, name, collector);
    }
    return [...collector.fragments, ...(await extractEmbedded(zip, /^word\/embeddings\//, ctx))];
  },
};

/** Files embedded in an office document (OLE packages, other office files) are scanned too. */
export async function extractEmbedded(zip: ZipArchive, prefix: RegExp, ctx: ExtractContext): Promise<Fragment[]> {
  const out: Fragment[] = [];
  for (const entry of zip.entries) {
    if (entry.isDirectory || !prefix.test(entry.name)) continue;
    try {
      const data = zip.read(entry.name);
      if (data) out.push(...(await ctx.extractNested(data, entry.name)));
    } catch (error) {
      if (error instanceof ExtractionProblem) addProblem(ctx, error.code, error.message, [...ctx.container, entry.name].join(' › '));
      else throw error;
    }
  }
  return out;
}
