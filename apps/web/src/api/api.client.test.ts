import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, describeError, http, setCsrfToken, setUnauthenticatedHandler } from './api.client.ts';

type Call = { url: string; init: RequestInit };

function answerWith(status: number, body: unknown): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? '' : JSON.stringify(body), { status });
  });
  return calls;
}

const headers = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
});

describe('the API client', () => {
  it('sends the CSRF token on state-changing requests only, with the session cookie', async () => {
    setCsrfToken('tok-123');
    const calls = answerWith(200, { ok: true });
    await http.get('/api/units', { q: 'bắc ninh', includeDefunct: true, unitId: undefined });
    await http.post('/api/auth/logout');

    expect(calls[0]?.url).toBe('/api/units?q=b%E1%BA%AFc+ninh&includeDefunct=true');
    expect(headers(calls[0])['x-csrf-token']).toBeUndefined();
    expect(headers(calls[1])['x-csrf-token']).toBe('tok-123');
    expect(calls[1]?.init.body).toBe('{}');
    expect(calls.every((c) => c.init.credentials === 'same-origin')).toBe(true);
  });

  it('turns an error body into an ApiError with its code, Vietnamese message and field issues', async () => {
    answerWith(400, {
      error: {
        code: 'validation.failed',
        message: 'Dữ liệu không hợp lệ',
        details: { issues: [{ path: ['code'], message: 'Mã đơn vị không được để trống' }] },
        requestId: 'req_1',
      },
    });
    const error = await http.post('/api/units', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('validation.failed');
    expect((error as ApiError).fieldIssues).toEqual([{ path: ['code'], message: 'Mã đơn vị không được để trống' }]);
    expect(describeError(error)).toBe('Dữ liệu không hợp lệ');
  });

  it('adds the request id only to unexpected server errors, for the administrator to look up', async () => {
    answerWith(500, { error: { code: 'internal', message: 'Lỗi hệ thống.', requestId: 'req_9' } });
    const error = await http.get('/api/units').catch((e: unknown) => e);
    expect(describeError(error)).toBe('Lỗi hệ thống. (mã yêu cầu: req_9)');
  });

  it('reports an expired session to the app', async () => {
    const onUnauthenticated = vi.fn();
    setUnauthenticatedHandler(onUnauthenticated);
    answerWith(401, { error: { code: 'auth.unauthenticated', message: 'Chưa đăng nhập' } });
    await expect(http.get('/api/people')).rejects.toMatchObject({ code: 'auth.unauthenticated' });
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  it('explains in Vietnamese when the server cannot be reached or answers without an error body', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const offline = await http.get('/api/units').catch((e: unknown) => e);
    expect(offline).toMatchObject({ code: 'network' });
    expect(describeError(offline)).toContain('Không kết nối được với máy chủ BMNN');

    answerWith(502, undefined);
    await expect(http.get('/api/units')).rejects.toMatchObject({ code: 'internal', status: 502 });
  });
});
