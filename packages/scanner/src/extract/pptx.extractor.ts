// PPTX: slides (every shape and table), speaker notes, comments, properties, embedded files.

import type { Fragment, FragmentKind } from '../scanner.types.ts';
import type { ExtractContext, Extractor } from './extract.types.ts';
import { extractEmbedded } from './docx.extractor.ts';
import { isRedColour, ParagraphCollector } from './paragraphs.ts';
import { collectProperties } from './properties.ts';
import { parseXml } from './xml.ts';
import { openZip } from './zip.ts';

function collectDrawingText(bytes: Uint8Array, part: string, kind: FragmentKind, page: number, collector: ParagraphCollector): void {
  collector.setPart(part);
  let inRunProps = false;
  let inLine = false;
  let inText = false;
  let shapeFramed = false;
  let runFont: string | undefined;
  let runRed = false;
  let runText = '';
  let inCommentText = false;
  parseXml(
    bytes,
    {
      open: (name, a) => {
        switch (name) {
          case 'p:sp':
          case 'p:graphicFrame':
            shapeFramed = false;
            return;
          case 'a:ln':
            inLine = true;
            return;
          case 'a:solidFill':
            if (inLine) shapeFramed = true;
            return;
          case 'a:p':
            collector.start(kind, { page, framed: shapeFramed });
            return;
          case 'a:r':
          case 'a:fld':
            runFont = undefined;
            runRed = false;
            runText = '';
            return;
          case 'a:rPr':
            inRunProps = true;
            return;
          case 'a:latin':
            if (inRunProps) runFont = a['typeface'];
            return;
          case 'a:srgbClr':
            if (inRunProps) runRed = isRedColour(a['val']);
            return;
          case 'a:t':
            inText = true;
            return;
          case 'a:br':
            collector.append('\n');
            return;
          case 'p:text':
            inCommentText = true;
            collector.start('comment', { page });
            return;
        }
      },
      text: (text) => {
        if (inText || inCommentText) runText += text;
      },
      close: (name) => {
        switch (name) {
          case 'a:ln':
            inLine = false;
            return;
          case 'a:rPr':
            inRunProps = false;
            return;
          case 'a:t':
            inText = false;
            return;
          case 'a:r':
          case 'a:fld':
            collector.append(runText, { font: runFont, red: runRed });
            runText = '';
            return;
          case 'a:p':
            collector.end();
            return;
          case 'p:text':
            collector.append(runText);
            runText = '';
            inCommentText = false;
            collector.end();
            return;
        }
      },
    },
    part,
  );
}

const rank = (name: string) => (name.includes('/slides/') ? 0 : name.includes('notesSlide') ? 1 : 2);
const numberOf = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);

export const pptxExtractor: Extractor = {
  type: 'pptx',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    const zip = openZip(bytes, ctx);
    const collector = new ParagraphCollector(ctx.container, 'ppt/presentation.xml');
    const parts = zip.entries
      .filter((e) => /^ppt\/(slides\/slide|notesSlides\/notesSlide|comments\/comment)\d+\.xml$/.test(e.name))
      .sort((a, b) => numberOf(a.name) - numberOf(b.name) || rank(a.name) - rank(b.name));
    for (const entry of parts) {
      const data = zip.read(entry.name);
      if (!data) continue;
      const kind: FragmentKind = entry.name.includes('notesSlide') ? 'notes' : 'slide';
      collectDrawingText(data, entry.name, kind, numberOf(entry.name), collector);
    }
    for (const name of ['docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml']) {
      const data = zip.read(name);
      if (data) collectProperties(data, name, collector);
    }
    return [...collector.fragments, ...(await extractEmbedded(zip, /^ppt\/embeddings\//, ctx))];
  },
};
