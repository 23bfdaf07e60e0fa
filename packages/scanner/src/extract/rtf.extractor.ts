// RTF: body, headers and footers, footnotes, annotations, text boxes, document info; \'hh bytes
// decoded with the document code page or the legacy Vietnamese encoding of the current font.

import iconv from 'iconv-lite';
import type { Fragment, FragmentKind } from '../scanner.types.ts';
import type { ExtractContext, Extractor } from './extract.types.ts';
import { isRedColour, ParagraphCollector } from './paragraphs.ts';

const SKIP = new Set(['fonttbl', 'colortbl', 'stylesheet', 'pict', 'objdata', 'themedata', 'datastore', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'mmathPr', 'latentstyles', 'sp', 'bkmkstart', 'bkmkend', 'fldinst', 'revtbl', 'pgdsctbl', 'filetbl', 'wgrffmtfilter', 'colorschememapping', 'template', 'company', 'operator', 'creatim', 'revtim', 'printim', 'buptim', 'userprops', 'nonshppict', 'shprslt', 'passwordhash', 'docvar']);
const KINDS: Record<string, FragmentKind> = {
  header: 'header', headerl: 'header', headerr: 'header', headerf: 'header',
  footer: 'footer', footerl: 'footer', footerr: 'footer', footerf: 'footer',
  footnote: 'footnote', annotation: 'comment', shptxt: 'textbox',
  title: 'property', subject: 'property', keywords: 'property', author: 'property', doccomm: 'property',
};

type State = { skip: boolean; uc: number; font: number | undefined; kind: FragmentKind; red: boolean; destination?: string };

export const rtfExtractor: Extractor = {
  type: 'rtf',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    const src = new TextDecoder('latin1').decode(bytes);
    const collector = new ParagraphCollector(ctx.container, 'body');
    const fonts = new Map<number, string>();
    const colours: boolean[] = [];
    let codepage = 'windows-1252';
    let state: State = { skip: false, uc: 1, font: undefined, kind: 'body', red: false };
    const stack: State[] = [];
    let pendingBytes: number[] = [];
    let skipChars = 0;
    let framedParagraph = false;
    const open: FragmentKind[] = [];
    let fontTableName = '';
    let fontTableId: number | undefined;
    let colour = { r: 0, g: 0, b: 0, any: false };

    const flushBytes = () => {
      if (pendingBytes.length === 0) return;
      const buffer = Buffer.from(pendingBytes);
      pendingBytes = [];
      const font = state.font !== undefined ? fonts.get(state.font) : undefined;
      // A legacy-font run is passed as its 8-bit reading; the collector decodes it by font.
      const text = font && /^\.?vn|^vni/i.test(font) ? buffer.toString('latin1') : iconv.decode(buffer, codepage);
      emit(text);
    };
    const ensureParagraph = () => {
      if (open[open.length - 1] !== state.kind) {
        collector.start(state.kind, { framed: framedParagraph || state.kind === 'textbox' });
        open.push(state.kind);
      }
    };
    const emit = (text: string) => {
      if (state.skip || !text) return;
      ensureParagraph();
      const font = state.font !== undefined ? fonts.get(state.font) : undefined;
      collector.append(text, { ...(font ? { font } : {}), red: state.red });
    };
    const endParagraph = () => {
      flushBytes();
      if (open[open.length - 1] === state.kind) {
        open.pop();
        collector.end();
      }
    };

    let i = 0;
    while (i < src.length) {
      const ch = src[i] as string;
      if (ch === '{') {
        flushBytes();
        stack.push(state);
        state = { ...state, destination: state.destination === 'fonttbl' || state.destination === 'colortbl' ? state.destination : undefined };
        i++;
        continue;
      }
      if (ch === '}') {
        flushBytes();
        if (state.destination === 'fonttbl-entry' || (state.destination === 'fonttbl' && fontTableId !== undefined)) {
          if (fontTableId !== undefined) fonts.set(fontTableId, fontTableName.replace(/;$/, '').trim());
          fontTableId = undefined;
          fontTableName = '';
        }
        const leavingKind = state.kind;
        state = stack.pop() ?? state;
        if (leavingKind !== state.kind && open[open.length - 1] === leavingKind) {
          open.pop();
          collector.end();
        }
        i++;
        continue;
      }
      if (ch === '\\') {
        const next = src[i + 1] ?? '';
        if (next === "'") {
          const byte = parseInt(src.slice(i + 2, i + 4), 16);
          i += 4;
          if (skipChars > 0) { skipChars--; continue; }
          if (!Number.isNaN(byte)) pendingBytes.push(byte);
          continue;
        }
        if (!/[a-zA-Z]/.test(next)) {
          i += 2;
          if (next === '*') { state.skip = state.skip || true; state.destination = '*'; continue; }
          if (next === '~') emit('\u00a0');
          else if (next === '-' || next === '_') emit(next === '_' ? '-' : '');
          else if (next === '\\' || next === '{' || next === '}') { flushBytes(); emit(next); }
          else if (next === '\n' || next === '\r') endParagraph();
          continue;
        }
        const m = /^([a-zA-Z]+)(-?\d+)? ?/.exec(src.slice(i + 1, i + 40));
        if (!m) { i++; continue; }
        i += 1 + m[0].length;
        const word = m[1] as string;
        const param = m[2] !== undefined ? Number(m[2]) : undefined;
        if (word !== 'u' && word !== 'uc') flushBytes();
        if (state.destination === '*' && (word === 'shpinst' || word === 'shptxt')) state.skip = stack[stack.length - 1]?.skip ?? false;
        if (state.destination === '*') state.destination = word;
        if (word === 'fonttbl') { state.destination = 'fonttbl'; state.skip = true; continue; }
        if (word === 'colortbl') { state.destination = 'colortbl'; state.skip = true; continue; }
        if (state.destination === 'fonttbl' || state.destination === 'fonttbl-entry') {
          if (word === 'f' && param !== undefined) { fontTableId = param; fontTableName = ''; state.destination = 'fonttbl-entry'; }
          continue;
        }
        if (state.destination === 'colortbl') {
          if (word === 'red') { colour.r = param ?? 0; colour.any = true; }
          else if (word === 'green') colour.g = param ?? 0;
          else if (word === 'blue') colour.b = param ?? 0;
          continue;
        }
        if (SKIP.has(word)) { state.skip = true; continue; }
        const kind = KINDS[word];
        if (kind) { state.kind = kind; state.skip = false; continue; }
        switch (word) {
          case 'ansicpg': if (param && iconv.encodingExists(`windows-${param}`)) codepage = `windows-${param}`; break;
          case 'uc': state.uc = param ?? 1; break;
          case 'u': if (param !== undefined) { emit(String.fromCharCode(param < 0 ? param + 65536 : param)); skipChars = state.uc; } break;
          case 'f': state.font = param; break;
          case 'cf': state.red = colours[param ?? 0] ?? false; break;
          case 'par': case 'line': case 'sect': case 'page': case 'cell': case 'row': case 'nestcell': endParagraph(); break;
          case 'pard': framedParagraph = false; break;
          case 'box': case 'brdrt': case 'brdrb': framedParagraph = true; break;
          case 'tab': emit('\t'); break;
          case 'emdash': emit('—'); break;
          case 'endash': emit('–'); break;
          case 'lquote': emit('‘'); break;
          case 'rquote': emit('’'); break;
          case 'ldblquote': emit('“'); break;
          case 'rdblquote': emit('”'); break;
          case 'bullet': emit('•'); break;
        }
        continue;
      }
      if (ch === '\r' || ch === '\n') { i++; continue; }
      if (state.destination === 'fonttbl-entry') {
        if (ch === ';') {
          if (fontTableId !== undefined) fonts.set(fontTableId, fontTableName.trim());
          fontTableId = undefined;
          fontTableName = '';
          state.destination = 'fonttbl';
        } else fontTableName += ch;
        i++;
        continue;
      }
      if (state.destination === 'colortbl') {
        if (ch === ';') { colours.push(colour.any && isRedColour(`${[colour.r, colour.g, colour.b].map((v) => v.toString(16).padStart(2, '0')).join('')}`)); colour = { r: 0, g: 0, b: 0, any: false }; }
        i++;
        continue;
      }
      if (skipChars > 0) { skipChars--; i++; continue; }
      if (ch.charCodeAt(0) >= 0x80) pendingBytes.push(ch.charCodeAt(0));
      else { flushBytes(); emit(ch); }
      i++;
    }
    flushBytes();
    while (open.length > 0) { open.pop(); collector.end(); }
    return collector.fragments;
  },
};
