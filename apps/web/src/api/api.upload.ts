// Multipart uploads (imports of danh mục and old registers): the CSRF token comes from the
// current session; the answer is JSON or, for a report, a file. Errors are the same `ApiError`
// as every other request.
import { ApiError } from './api.client.ts';
import { authApi } from './api.endpoints.ts';

async function post(path: string, { file, fields = {} }: { file: File | Blob; fields?: Record<string, string> }): Promise<Response> {
  const { csrfToken } = await authApi.getSession();
  const body = new FormData();
  // Text fields first: the server reads those sent before the file.
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', file, file instanceof File ? file.name : 'tep');
  try {
    return await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', 'x-csrf-token': csrfToken }, body });
  } catch {
    throw new ApiError({ code: 'network', status: 0, message: 'Không kết nối được với máy chủ BMNN. Kiểm tra mạng nội bộ rồi thử lại.' });
  }
}

async function fail(response: Response): Promise<never> {
  const payload = (await response.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  const error = payload?.error;
  throw new ApiError({
    code: (error?.code as 'internal' | undefined) ?? 'internal',
    status: response.status,
    message: error?.message ?? `Máy chủ trả lời lỗi ${response.status}. Vui lòng thử lại sau.`,
    details: error?.details,
  });
}

/** Sends a file (field "file") with text fields and returns the JSON answer. */
export async function uploadFile<T>(path: string, options: { file: File | Blob; fields?: Record<string, string> }): Promise<T> {
  const response = await post(path, options);
  if (response.ok) {
    const payload = (await response.json().catch(() => null)) as T | null;
    if (payload) return payload;
  }
  return fail(response);
}

/** Sends a file and saves the file the server answers with (a report) under `saveAs`. */
export async function uploadForDownload(path: string, options: { file: File | Blob; fields?: Record<string, string>; saveAs: string }): Promise<void> {
  const response = await post(path, options);
  if (!response.ok) return fail(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = options.saveAs;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
