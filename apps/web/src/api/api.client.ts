import type { ErrorBody, ErrorCode } from '@bmnn/contracts';

/** One validation problem as the server (zod) reports it in `details.issues`. */
export type FieldIssue = { path: (string | number)[]; message: string };

/** A failed request: the server's stable code and Vietnamese message, or a network failure. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network';
  readonly status: number;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor({ code, status, message, details, requestId }: {
    code: ErrorCode | 'network';
    status: number;
    message: string;
    details?: unknown;
    requestId?: string;
  }) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.requestId = requestId;
  }

  /** Field issues in `details.issues` (validation.failed, or a wrong current password), else empty. */
  get fieldIssues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    if (!Array.isArray(issues)) return [];
    return issues.filter(
      (i): i is FieldIssue => typeof i === 'object' && i !== null && Array.isArray(i.path) && typeof i.message === 'string',
    );
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the CSRF token from a SessionResponse (login, setup, GET /api/auth/session). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers `auth.unauthenticated` (e.g. the session expired). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function request<T>({ method, path, query, body }: {
  method: Method;
  path: string;
  query?: Query;
  body?: unknown;
}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (file upload) sets its own multipart content type with the boundary.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      code: 'network',
      status: 0,
      message: 'Không kết nối được với máy chủ BMNN. Kiểm tra mạng nội bộ rồi thử lại.',
    });
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;

  if (isErrorBody(payload)) {
    const { code, message, details, requestId } = payload.error;
    if (code === 'auth.unauthenticated' && onUnauthenticated) onUnauthenticated();
    throw new ApiError({ code, status: response.status, message, details, requestId });
  }
  throw new ApiError({
    code: response.status === 404 ? 'not_found' : 'internal',
    status: response.status,
    message: `Máy chủ trả lời lỗi ${response.status}. Vui lòng thử lại sau.`,
  });
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>({ method: 'GET', path, query }),
  post: <T>(path: string, body?: unknown) => request<T>({ method: 'POST', path, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>({ method: 'PATCH', path, body }),
  put: <T>(path: string, body: unknown) => request<T>({ method: 'PUT', path, body }),
  /** Uploads one file as the multipart field "file", as the server's upload routes expect; text fields go first. */
  upload: <T>(path: string, file: File, query?: Query, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    return request<T>({ method: 'POST', path, query, body: form });
  },
};

/** A Vietnamese sentence for any error thrown by the client or by code around it. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    // The request id helps the administrator find the log line of an unexpected failure.
    return error.code === 'internal' && error.requestId ? `${error.message} (mã yêu cầu: ${error.requestId})` : error.message;
  }
  return 'Đã xảy ra lỗi không mong muốn. Vui lòng tải lại trang.';
}
