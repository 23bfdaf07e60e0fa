// OpenDocument (ODT, ODS, ODP): text, tables, frames, notes, annotations, master-page headers and
// footers, sheet names, slides and speaker notes, metadata.

import type { Fragment, FragmentKind } from '../scanner.types.ts';
import { ExtractionProblem, type ExtractContext, type Extractor } from './extract.types.ts';
import { extractEmbedded } from './docx.extractor.ts';
import { isRedColour, ParagraphCollector } from './paragraphs.ts';
import { collectProperties } from './properties.ts';
import { parseXml } from './xml.ts';
import { openZip } from './zip.ts';

type OdfStyle = { font?: string; red?: boolean; framed?: boolean; parent?: string };

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function collectOdfPart(bytes: Uint8Array, part: string, docKind: 'text' | 'spreadsheet' | 'presentation', fontFaces: Map<string, string>, styles: Map<string, OdfStyle>, collector: ParagraphCollector): void {
  collector.setPart(part);
  const kindStack: FragmentKind[] = [];
  let framedDepth = 0;
  let styleName: string | undefined;
  let page: number | undefined;
  let pageCount = 0;
  let sheet: string | undefined;
  let row = 0;
  let column = 0;
  let cellRepeat = 1;
  let skip = 0;
  const spanStyles: (OdfStyle | undefined)[] = [];
  const frameStack: boolean[] = [];
  const onlyHeadersFooters = part === 'styles.xml';
  const paragraphStyles: (OdfStyle | undefined)[] = [];
  const kindNow = (): FragmentKind => kindStack[kindStack.length - 1] ?? (docKind === 'presentation' ? 'slide' : 'body');
  const styleOf = (name: string | undefined): OdfStyle | undefined => {
    let style = name ? styles.get(name) : undefined;
    if (style && !style.font && style.parent) style = { ...styles.get(style.parent), ...style };
    return style;
  };
  const currentRun = () => {
    const span = [...spanStyles].reverse().find((s) => s !== undefined);
    const para = paragraphStyles[paragraphStyles.length - 1];
    const run: { font?: string; red?: boolean } = {};
    const font = span?.font ?? para?.font;
    if (font) run.font = fontFaces.get(font) ?? font;
    if (span?.red ?? para?.red) run.red = true;
    return run;
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
          case 'style:style':
            styleName = a['style:name'];
            if (styleName) styles.set(styleName, { ...(a['style:parent-style-name'] ? { parent: a['style:parent-style-name'] } : {}) });
            return;
          case 'style:text-properties':
          case 'style:paragraph-properties':
          case 'style:graphic-properties': {
            const style = styleName ? styles.get(styleName) : undefined;
            if (!style) return;
            if (a['style:font-name']) style.font = a['style:font-name'];
            if (a['fo:font-family']) style.font = a['fo:font-family'].replace(/'/g, '');
            if (a['fo:color'] && isRedColour(a['fo:color'])) style.red = true;
            const border = a['fo:border'] ?? a['fo:border-top'];
            if (border && border !== 'none') style.framed = true;
            return;
          }
          case 'text:p':
          case 'text:h': {
            if (onlyHeadersFooters && !kindStack.some((k) => k === 'header' || k === 'footer')) {
              skip = 1;
              return;
            }
            const style = styleOf(a['text:style-name']);
            paragraphStyles.push(style);
            collector.start(kindNow(), {
              framed: framedDepth > 0 || style?.framed === true,
              ...(page !== undefined ? { page } : {}),
            });
            return;
          }
          case 'text:span':
            spanStyles.push(styleOf(a['text:style-name']));
            return;
          case 'text:s':
            collector.append(' '.repeat(Math.min(100, Number(a['text:c'] ?? 1))));
            return;
          case 'text:tab':
            collector.append('\t');
            return;
          case 'text:line-break':
            collector.append('\n');
            return;
          case 'dc:creator':
          case 'dc:date':
          case 'meta:date-string':
          case 'text:note-citation':
          case 'text:tracked-changes': // deleted text kept for undo
            skip = 1;
            return;
          case 'text:note':
            kindStack.push(a['text:note-class'] === 'endnote' ? 'endnote' : 'footnote');
            return;
          case 'office:annotation':
            kindStack.push('comment');
            return;
          case 'style:header':
          case 'style:header-left':
          case 'style:header-first':
            kindStack.push('header');
            return;
          case 'style:footer':
          case 'style:footer-left':
          case 'style:footer-first':
            kindStack.push('footer');
            return;
          case 'presentation:notes':
            kindStack.push('notes');
            return;
          case 'draw:text-box':
            // Every slide text sits in a text box: only a text document's box is a frame.
            if (docKind === 'text') {
              framedDepth++;
              kindStack.push('textbox');
            }
            return;
          case 'draw:frame':
          case 'draw:custom-shape':
          case 'draw:rect': {
            const style = styleOf(a['draw:style-name']) ?? styleOf(a['presentation:style-name']);
            const framed = style?.framed === true || name === 'draw:rect';
            if (framed) framedDepth++;
            frameStack.push(framed);
            return;
          }
          case 'draw:page':
            page = ++pageCount;
            return;
          case 'table:table':
            if (docKind === 'spreadsheet') {
              sheet = a['table:name'] ?? `Sheet${pageCount + 1}`;
              collector.add(sheet, 'sheet-name', { line: ++pageCount });
              collector.setPart(sheet);
              row = 0;
            }
            kindStack.push(docKind === 'spreadsheet' ? 'cell' : 'table');
            return;
          case 'table:table-row':
            row += 1;
            column = 0;
            return;
          case 'table:table-cell':
          case 'table:covered-table-cell':
            cellRepeat = Math.min(1000, Number(a['table:number-columns-repeated'] ?? 1));
            return;
        }
      },
      text: (text) => {
        if (skip === 0 && collector.depth > 0) collector.append(text, currentRun());
      },
      close: (name) => {
        if (skip > 0) {
          skip--;
          return;
        }
        switch (name) {
          case 'style:style':
            styleName = undefined;
            return;
          case 'text:p':
          case 'text:h':
            paragraphStyles.pop();
            if (docKind === 'spreadsheet' && sheet) collector.end({ cell: `${columnName(column)}${row}`, line: row });
            else collector.end();
            return;
          case 'text:span':
            spanStyles.pop();
            return;
          case 'text:note':
          case 'office:annotation':
          case 'style:header':
          case 'style:header-left':
          case 'style:header-first':
          case 'style:footer':
          case 'style:footer-left':
          case 'style:footer-first':
          case 'presentation:notes':
          case 'table:table':
            kindStack.pop();
            return;
          case 'draw:text-box':
            if (docKind === 'text') {
              framedDepth--;
              kindStack.pop();
            }
            return;
          case 'draw:frame':
          case 'draw:custom-shape':
          case 'draw:rect': {
            if (frameStack.pop()) framedDepth--;
            return;
          }
          case 'table:table-cell':
          case 'table:covered-table-cell':
            column += cellRepeat;
            return;
        }
      },
    },
    part,
  );
}

export const odfExtractor: Extractor = {
  type: 'odf',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    const zip = openZip(bytes, ctx);
    const mimetype = new TextDecoder().decode(zip.read('mimetype') ?? new Uint8Array());
    const docKind = mimetype.includes('spreadsheet') ? 'spreadsheet' : mimetype.includes('presentation') ? 'presentation' : 'text';
    const content = zip.read('content.xml');
    if (!content) throw new ExtractionProblem('file.corrupt', 'Tệp OpenDocument thiếu phần nội dung (content.xml).');
    const collector = new ParagraphCollector(ctx.container, 'content.xml');
    const fontFaces = new Map<string, string>();
    const styles = new Map<string, OdfStyle>();
    const readFontFaces = (data: Uint8Array, part: string) =>
      parseXml(data, { open: (n, a) => { if (n === 'style:font-face' && a['style:name']) fontFaces.set(a['style:name'], (a['svg:font-family'] ?? a['style:name']).replace(/'/g, '')); }, close: () => {}, text: () => {} }, part);
    const stylesXml = zip.read('styles.xml');
    if (stylesXml) readFontFaces(stylesXml, 'styles.xml');
    readFontFaces(content, 'content.xml');
    if (stylesXml) collectOdfPart(stylesXml, 'styles.xml', docKind, fontFaces, styles, collector);
    collectOdfPart(content, 'content.xml', docKind, fontFaces, styles, collector);
    const meta = zip.read('meta.xml');
    if (meta) collectProperties(meta, 'meta.xml', collector);
    return [...collector.fragments, ...(await extractEmbedded(zip, /^Object \d+\/.+\.(?:docx|xlsx|pptx|odt|ods|odp|pdf|zip)$|^Embeddings?\//i, ctx))];
  },
};
