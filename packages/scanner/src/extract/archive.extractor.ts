// ZIP and gzip archives: every member is scanned as a file of its own, nested archives included,
// within the depth and size limits.

import { gunzipSync } from 'node:zlib';
import type { Fragment } from '../scanner.types.ts';
import { addProblem, ExtractionProblem, type ExtractContext, type Extractor } from './extract.types.ts';
import { openZip } from './zip.ts';

export const zipExtractor: Extractor = {
  type: 'zip',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    const zip = openZip(bytes, ctx);
    const fragments: Fragment[] = [];
    for (const entry of zip.entries) {
      if (entry.isDirectory) continue;
      try {
        const data = zip.read(entry.name);
        if (data) fragments.push(...(await ctx.extractNested(data, entry.name)));
      } catch (error) {
        if (!(error instanceof ExtractionProblem) || error.code === 'limit.time_exceeded') throw error;
        addProblem(ctx, error.code, error.message, [...ctx.container, entry.name].join(' › '));
      }
    }
    return fragments;
  },
};

export const gzipExtractor: Extractor = {
  type: 'gzip',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    const room = Math.min(ctx.limits.maxFileBytes, ctx.limits.maxExpandedBytes - ctx.budget.expandedBytes);
    let data: Uint8Array;
    try {
      data = gunzipSync(bytes, { maxOutputLength: Math.max(1, room) });
    } catch (error) {
      if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ExtractionProblem('archive.bomb_suspected', 'Tệp gzip giải nén vượt giới hạn cho phép (nghi bom nén).');
      }
      throw new ExtractionProblem('file.corrupt', 'Tệp gzip bị hỏng.');
    }
    ctx.budget.expandedBytes += data.length;
    return ctx.extractNested(data, '(gzip)');
  },
};
