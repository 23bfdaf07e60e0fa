// The portal watch (`bmnn watch`): crawl an agency's portal from start URLs, download every page
// and document on the allowed hosts, and scan each of them — pages for their visible text,
// documents whatever their type — with the scanner's worker pool. With a previous state, what did
// not change (304, or the same SHA-256) keeps its last result, and the run says what is new,
// changed and gone. Network failures are problems on their URL (review); the crawl goes on.

import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { detectFileType } from '../extract/registry.ts';
import type { Decision, FileResult, ProblemCode } from '../scanner.types.ts';
import { fetchToFile, type FetchOutcome } from './fetch.ts';
import { extractLinks, normalizeUrl } from './links.ts';
import { isAllowedByRobots, NO_ROBOTS_RULES, parseRobots, type RobotsRules } from './robots.ts';
import type { UrlKind, WatchState, WatchStateEntry } from './state.ts';

export type Change = 'new' | 'changed' | 'unchanged';

/** A scanned URL: the scanner's result (its `path` is the URL) and where it was found. */
export type WatchResult = FileResult & {
  url: string;
  kind: UrlKind;
  /** The page that linked to it; null for a start URL. */
  foundOn: string | null;
  /** HTTP status of this run's answer (304 when unchanged), null when there was none. */
  status: number | null;
  /** Compared with the previous run's state ('new' without one). */
  changed: Change;
  /** The previous run's result was reused (304, or the same content). */
  reused: boolean;
};

export type GoneUrl = { url: string; kind: UrlKind; foundOn: string | null; lastDecision: Decision; lastCheckedAt: string };
export type SkippedUrl = { url: string; foundOn: string | null; reason: 'robots' | 'limit' };

export type WatchProgress = { pages: number; files: number; bytes: number; pendingScans: number; queued: number };

export type WatchOptions = {
  startUrls: string[];
  /** Hosts (`host` or `host:port`) followed besides the start URLs' own. */
  allowHosts?: string[];
  maxPages: number;
  maxFiles: number;
  maxDepth: number;
  /** Pause between two requests to the same host. */
  delayMs: number;
  /** Time for one request, body included. */
  timeoutMs: number;
  /** Largest body downloaded (the scanner's maxFileBytes). */
  maxBytes: number;
  ignoreRobots: boolean;
  userAgent: string;
  /** Scans a downloaded file (the worker pool's `scan`). */
  scan: (path: string) => Promise<FileResult>;
  /** Downloads waiting for a worker, at most (they are on disk meanwhile). */
  maxPendingScans: number;
  /** What the results are computed with (`getScannerFingerprint`). */
  scanner: string;
  previous?: WatchState | undefined;
  /** Where bodies wait to be scanned; each file is removed once scanned. */
  tempDir: string;
  onProgress?: (progress: WatchProgress) => void;
  now?: () => Date;
};

export type WatchRun = {
  results: WatchResult[];
  gone: GoneUrl[];
  skipped: SkippedUrl[];
  /** A bound (--max-pages, --max-files) stopped the crawl before it saw everything. */
  truncated: boolean;
  pages: number;
  files: number;
  bytes: number;
  state: WatchState;
};

const DOCUMENT_EXTENSIONS = new Set([
  'pdf', 'doc', 'docx', 'docm', 'dot', 'dotx', 'xls', 'xlsx', 'xlsm', 'ppt', 'pptx', 'pps', 'ppsx', 'odt', 'ods', 'odp',
  'rtf', 'txt', 'csv', 'zip', 'gz', 'rar', '7z', 'png', 'jpg', 'jpeg', 'tif', 'tiff', 'bmp', 'gif',
]);

/** Whether the URL names a document (only used to keep fetching documents once the page bound is reached). */
export function looksLikeDocument(url: string): boolean {
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return ext !== undefined && DOCUMENT_EXTENSIONS.has(ext);
}

/** A result that depends on the network or the machine's load is checked again next time. */
const TRANSIENT: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['fetch.failed', 'fetch.http_error', 'fetch.timeout', 'fetch.redirect_refused', 'file.too_large', 'limit.time_exceeded', 'limit.memory_exceeded', 'scan.internal_error']);

function isReusable(entry: WatchStateEntry | undefined, scanner: string): entry is WatchStateEntry {
  return entry !== undefined && entry.scanner === scanner && entry.sha256 !== '' && !entry.result.problems.some((p) => TRANSIENT.has(p.code));
}

/** A readable file name for the downloaded body: its extension still tells the scanner what the URL claims to be. */
function fileNameOf(url: string, n: number): string {
  const segment = new URL(url).pathname.split('/').pop() ?? '';
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    name = segment;
  }
  name = name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-80) || 'index';
  return `${n}-${name}`;
}

function failedResult(url: string, outcome: Extract<FetchOutcome, { kind: 'failed' }>): FileResult {
  return {
    path: url,
    sha256: '',
    size: 0,
    type: 'unknown',
    decision: 'review',
    findings: [],
    problems: [outcome.problem],
    timings: { readMs: 0, extractMs: 0, matchMs: 0, totalMs: 0 },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function watchPortals(options: WatchOptions): Promise<WatchRun> {
  const now = options.now ?? (() => new Date());
  const previous = options.previous?.urls ?? {};
  const starts = options.startUrls.map((u) => {
    const url = normalizeUrl(u, u);
    if (!url) throw new Error(`Not an http(s) URL: ${u}`);
    return url;
  });
  const allowed = new Set([...starts.map((u) => new URL(u).host), ...(options.allowHosts ?? []).map((h) => h.toLowerCase())]);
  const isHostAllowed = (url: string) => {
    const { host, hostname } = new URL(url);
    return allowed.has(host) || allowed.has(hostname);
  };

  let fileCounter = 0;
  const nextFile = (url: string) => join(options.tempDir, fileNameOf(url, fileCounter++));

  const lastRequest = new Map<string, number>();
  const waitTurn = async (url: string) => {
    const host = new URL(url).host;
    const last = lastRequest.get(host);
    if (last !== undefined && options.delayMs > 0) {
      const wait = last + options.delayMs - Date.now();
      if (wait > 0) await sleep(wait);
    }
    lastRequest.set(host, Date.now());
  };

  const robotsByOrigin = new Map<string, Promise<RobotsRules>>();
  const loadRobots = async (origin: string): Promise<RobotsRules> => {
    const file = nextFile(`${origin}/robots.txt`);
    const outcome = await fetchToFile({
      url: `${origin}/robots.txt`,
      file,
      userAgent: options.userAgent,
      timeoutMs: options.timeoutMs,
      maxBytes: 512 * 1024,
      waitTurn,
      checkRedirect: async (url) => (isHostAllowed(url) ? 'ok' : 'other-host'),
    });
    if (outcome.kind !== 'body') return NO_ROBOTS_RULES;
    try {
      return parseRobots(await readFile(file, 'utf8'));
    } finally {
      await rm(file, { force: true });
    }
  };
  const isAllowedByRobotsTxt = async (url: string) => {
    if (options.ignoreRobots) return true;
    const origin = new URL(url).origin;
    let robots = robotsByOrigin.get(origin);
    if (!robots) {
      robots = loadRobots(origin);
      robotsByOrigin.set(origin, robots);
    }
    return isAllowedByRobots(await robots, url);
  };

  type Item = { url: string; depth: number; foundOn: string | null };
  const queue: Item[] = [];
  const known = new Set<string>();
  const enqueue = (item: Item) => {
    if (known.has(item.url)) return;
    known.add(item.url);
    queue.push(item);
  };
  for (const url of starts) enqueue({ url, depth: 0, foundOn: null });

  const results: WatchResult[] = [];
  const entries: Record<string, WatchStateEntry> = {};
  const skipped: SkippedUrl[] = [];
  const pending = new Set<Promise<void>>();
  let pages = 0;
  let files = 0;
  let bytes = 0;
  let truncated = false;
  const progress = () => options.onProgress?.({ pages, files, bytes, pendingScans: pending.size, queued: queue.length });

  const record = ({ item, kind, status, changed, reused, result, entry }: { item: Item; kind: UrlKind; status: number | null; changed: Change; reused: boolean; result: FileResult; entry: Omit<WatchStateEntry, 'result'> }) => {
    const raw = { ...result, path: item.url };
    results.push({ ...raw, url: item.url, kind, foundOn: item.foundOn, status, changed, reused });
    entries[item.url] = { ...entry, result: raw };
  };

  while (queue.length > 0) {
    const item = queue.shift() as Item;
    if (!(await isAllowedByRobotsTxt(item.url))) {
      skipped.push({ url: item.url, foundOn: item.foundOn, reason: 'robots' });
      continue;
    }
    const pagesFull = pages >= options.maxPages;
    const filesFull = files >= options.maxFiles;
    const document = looksLikeDocument(item.url);
    if ((pagesFull && filesFull) || (pagesFull && !document) || (filesFull && document)) {
      truncated = true;
      skipped.push({ url: item.url, foundOn: item.foundOn, reason: 'limit' });
      continue;
    }
    const prev = previous[item.url];
    const reusable = isReusable(prev, options.scanner);
    const outcome = await fetchToFile({
      url: item.url,
      file: nextFile(item.url),
      userAgent: options.userAgent,
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      etag: reusable ? prev.etag : undefined,
      lastModified: reusable ? prev.lastModified : undefined,
      waitTurn,
      checkRedirect: async (url) => (!isHostAllowed(url) ? 'other-host' : (await isAllowedByRobotsTxt(url)) ? 'ok' : 'robots'),
    });
    const checkedAt = now().toISOString();
    let links: string[] | undefined;
    let kind: UrlKind;

    if (outcome.kind === 'robots') {
      skipped.push({ url: item.url, foundOn: item.foundOn, reason: 'robots' });
      continue;
    } else if (outcome.kind === 'failed' || (outcome.kind === 'not-modified' && !reusable)) {
      // A 304 to a request that asked nothing conditional cannot be trusted.
      const failure: Extract<FetchOutcome, { kind: 'failed' }> =
        outcome.kind === 'failed' ? outcome : { kind: 'failed', url: item.url, status: 304, problem: { code: 'fetch.failed', message: 'Máy chủ trả lời 304 (không đổi) cho yêu cầu không có điều kiện.' } };
      kind = prev?.kind ?? (document ? 'file' : 'page');
      const sameFailure = prev !== undefined && prev.sha256 === '' && prev.status === failure.status && prev.result.problems[0]?.code === failure.problem.code;
      record({
        item,
        kind,
        status: failure.status,
        changed: prev === undefined ? 'new' : sameFailure ? 'unchanged' : 'changed',
        reused: false,
        result: failedResult(item.url, failure),
        entry: { kind, scanner: options.scanner, foundOn: item.foundOn, status: failure.status, sha256: '', checkedAt },
      });
    } else if (outcome.kind === 'not-modified') {
      const last = prev as WatchStateEntry;
      kind = last.kind;
      links = last.links;
      if (kind === 'page') pages++;
      else files++;
      const { result, ...rest } = last;
      record({ item, kind, status: 304, changed: 'unchanged', reused: true, result, entry: { ...rest, foundOn: item.foundOn, status: 304, checkedAt } });
    } else {
      bytes += outcome.size;
      kind = detectFileType(outcome.head) === 'html' ? 'page' : 'file';
      if (kind === 'page' ? pages >= options.maxPages : files >= options.maxFiles) {
        await rm(outcome.file, { force: true });
        truncated = true;
        skipped.push({ url: item.url, foundOn: item.foundOn, reason: 'limit' });
        continue;
      }
      if (kind === 'page') {
        pages++;
        links = extractLinks({ bytes: await readFile(outcome.file), pageUrl: outcome.url });
      } else files++;
      const changed: Change = prev === undefined ? 'new' : prev.sha256 === outcome.sha256 ? 'unchanged' : 'changed';
      const entry = {
        kind,
        scanner: options.scanner,
        foundOn: item.foundOn,
        status: outcome.status,
        ...(outcome.etag ? { etag: outcome.etag } : {}),
        ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
        sha256: outcome.sha256,
        ...(links ? { links } : {}),
        checkedAt,
      };
      if (reusable && prev.sha256 === outcome.sha256) {
        await rm(outcome.file, { force: true });
        record({ item, kind, status: outcome.status, changed, reused: true, result: prev.result, entry });
      } else {
        // Keep the crawl order in the report: reserve the place, fill it when the scan is done.
        const index = results.length;
        record({ item, kind, status: outcome.status, changed, reused: false, result: failedResult(item.url, { kind: 'failed', url: item.url, status: null, problem: { code: 'scan.internal_error', message: 'Chưa quét xong.' } }), entry });
        const file = outcome.file;
        const task: Promise<void> = options
          .scan(file)
          .then((result) => {
            const raw = { ...result, path: item.url };
            results[index] = { ...raw, url: item.url, kind, foundOn: item.foundOn, status: outcome.status, changed, reused: false };
            entries[item.url] = { ...entry, result: raw };
          })
          .finally(async () => {
            await rm(file, { force: true });
            pending.delete(task);
            progress();
          });
        pending.add(task);
        while (pending.size >= options.maxPendingScans) await Promise.race(pending);
      }
    }
    progress();
    if (links && item.depth < options.maxDepth) {
      for (const link of links) if (isHostAllowed(link)) enqueue({ url: link, depth: item.depth + 1, foundOn: item.url });
    }
  }
  await Promise.all(pending);

  // Gone: known last time, not reached now. A bounded or robots-skipped crawl cannot tell, so
  // those URLs keep their last entry instead.
  const skippedUrls = new Set(skipped.map((s) => s.url));
  const gone: GoneUrl[] = [];
  const urls: Record<string, WatchStateEntry> = { ...entries };
  for (const [url, entry] of Object.entries(previous)) {
    if (entries[url]) continue;
    if (truncated || skippedUrls.has(url)) urls[url] = entry;
    else gone.push({ url, kind: entry.kind, foundOn: entry.foundOn, lastDecision: entry.result.decision, lastCheckedAt: entry.checkedAt });
  }
  const state: WatchState = { version: 1, tool: 'bmnn-watch', updatedAt: now().toISOString(), urls };
  return { results, gone, skipped, truncated, pages, files, bytes, state };
}
