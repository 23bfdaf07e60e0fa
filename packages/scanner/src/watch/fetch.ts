// One download of the portal watch with Node's fetch: redirects followed by hand (at most 5, each
// target checked against the allowed hosts and robots.txt), a time limit per request that also
// covers the body, and the body streamed to a temporary file with its SHA-256 — stopped as soon as
// it passes the size limit, so a huge file is never downloaded whole.

import { createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import type { Problem } from '../scanner.types.ts';

export const MAX_REDIRECTS = 5;
/** Enough of the start of a body to tell HTML from everything else (detectFileType). */
export const HEAD_BYTES = 8192;

export type FetchOutcome =
  | { kind: 'body'; url: string; status: number; file: string; size: number; sha256: string; head: Uint8Array; etag?: string; lastModified?: string }
  | { kind: 'not-modified'; url: string; status: 304; etag?: string; lastModified?: string }
  | { kind: 'failed'; url: string; status: number | null; problem: Problem }
  | { kind: 'robots'; url: string };

export type FetchRequest = {
  url: string;
  /** Where the body goes; removed again when the download fails. */
  file: string;
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Waits for the host's turn (the delay between requests to one host). */
  waitTurn: (url: string) => Promise<void>;
  /** Whether a redirect may go to this URL. */
  checkRedirect: (url: string) => Promise<'ok' | 'other-host' | 'robots'>;
};

const HTTP_REASONS: Record<number, string> = {
  400: 'yêu cầu không hợp lệ',
  401: 'cần đăng nhập',
  403: 'bị từ chối truy cập',
  404: 'không tìm thấy',
  410: 'đã bị gỡ bỏ',
  429: 'quá nhiều yêu cầu',
  500: 'lỗi máy chủ',
  502: 'lỗi cổng nối',
  503: 'máy chủ tạm ngừng phục vụ',
  504: 'cổng nối hết thời gian chờ',
};

const NETWORK_REASONS: Record<string, string> = {
  ENOTFOUND: 'không tìm thấy tên máy chủ',
  EAI_AGAIN: 'không phân giải được tên máy chủ',
  ECONNREFUSED: 'máy chủ từ chối kết nối',
  ECONNRESET: 'kết nối bị ngắt',
  EHOSTUNREACH: 'không tới được máy chủ',
  ENETUNREACH: 'không tới được mạng',
  UND_ERR_SOCKET: 'kết nối bị ngắt',
  CERT_HAS_EXPIRED: 'chứng thư số của máy chủ đã hết hạn',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'chứng thư số của máy chủ tự ký',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'không xác minh được chứng thư số của máy chủ',
};

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if (code && NETWORK_REASONS[code]) return `${NETWORK_REASONS[code]} (${code})`;
  return code ?? cause?.message ?? (error as Error).message;
}

const failed = (url: string, status: number | null, code: Problem['code'], message: string): FetchOutcome => ({ kind: 'failed', url, status, problem: { code, message } });

export async function fetchToFile(request: FetchRequest): Promise<FetchOutcome> {
  let url = request.url;
  const seconds = Math.round(request.timeoutMs / 100) / 10;
  for (let hop = 0; ; hop++) {
    await request.waitTurn(url);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs);
    try {
      const headers: Record<string, string> = { 'user-agent': request.userAgent, accept: '*/*' };
      // Conditional headers only for the URL whose last answer they describe, not a redirect target.
      if (hop === 0 && request.etag) headers['if-none-match'] = request.etag;
      if (hop === 0 && request.lastModified) headers['if-modified-since'] = request.lastModified;
      let response: Response;
      try {
        response = await fetch(url, { headers, redirect: 'manual', signal: controller.signal });
      } catch (error) {
        if (timedOut) return failed(request.url, null, 'fetch.timeout', `Không tải được: quá ${seconds} giây không có trả lời.`);
        return failed(request.url, null, 'fetch.failed', `Không tải được: ${describeNetworkError(error)}.`);
      }
      const status = response.status;
      if (status >= 300 && status < 400 && status !== 304) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        if (!location) return failed(request.url, status, 'fetch.failed', `Máy chủ chuyển hướng (HTTP ${status}) mà không chỉ ra địa chỉ mới.`);
        if (hop + 1 > MAX_REDIRECTS) return failed(request.url, status, 'fetch.failed', `Chuyển hướng quá ${MAX_REDIRECTS} lần, không tải tiếp.`);
        const next = new URL(location, url);
        next.hash = '';
        if (next.protocol !== 'http:' && next.protocol !== 'https:') return failed(request.url, status, 'fetch.redirect_refused', `Chuyển hướng tới địa chỉ không phải http(s): ${next.href}.`);
        const verdict = await request.checkRedirect(next.href);
        if (verdict === 'other-host') return failed(request.url, status, 'fetch.redirect_refused', `Chuyển hướng sang máy chủ khác (${next.host}) không được phép theo dõi; thêm --allow-host ${next.host} nếu cần.`);
        if (verdict === 'robots') return { kind: 'robots', url: next.href };
        url = next.href;
        continue;
      }
      const etag = response.headers.get('etag') ?? undefined;
      const lastModified = response.headers.get('last-modified') ?? undefined;
      if (status === 304) {
        await response.body?.cancel().catch(() => {});
        return { kind: 'not-modified', url, status: 304, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
      }
      if (status >= 400 || status < 200) {
        await response.body?.cancel().catch(() => {});
        const reason = HTTP_REASONS[status];
        return failed(request.url, status, 'fetch.http_error', `Máy chủ trả lời mã lỗi HTTP ${status}${reason ? ` (${reason})` : ''}.`);
      }
      const tooLarge = (size: string) =>
        failed(request.url, status, 'file.too_large', `Tệp quá lớn (${size}, giới hạn ${request.maxBytes} byte), đã dừng tải và không kiểm tra.`);
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > request.maxBytes) {
        controller.abort();
        return tooLarge(`${declared} byte theo máy chủ`);
      }
      const hash = createHash('sha256');
      const head = new Uint8Array(HEAD_BYTES);
      let headLength = 0;
      let size = 0;
      const handle = await open(request.file, 'w');
      let complete = false;
      let overLimit = false;
      try {
        if (response.body) {
          for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
            size += chunk.length;
            if (size > request.maxBytes) {
              overLimit = true;
              controller.abort();
              break;
            }
            hash.update(chunk);
            if (headLength < HEAD_BYTES) {
              const part = chunk.subarray(0, HEAD_BYTES - headLength);
              head.set(part, headLength);
              headLength += part.length;
            }
            await handle.write(chunk);
          }
        }
        complete = !overLimit;
      } catch (error) {
        // Leaving the loop cancels the stream, which may throw the abort back at us.
        if (overLimit) return tooLarge(`hơn ${request.maxBytes} byte`);
        if (timedOut) return failed(request.url, status, 'fetch.timeout', `Không tải hết được: quá ${seconds} giây.`);
        return failed(request.url, status, 'fetch.failed', `Không tải hết được: ${describeNetworkError(error)}.`);
      } finally {
        await handle.close();
        if (!complete) await rm(request.file, { force: true });
      }
      if (overLimit) return tooLarge(`hơn ${request.maxBytes} byte`);
      return {
        kind: 'body',
        url,
        status,
        file: request.file,
        size,
        sha256: hash.digest('hex'),
        head: head.subarray(0, headLength),
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
