// Uploads whose answer is a file (an import's error report): the browser saves it. Uploads that
// answer JSON go through `http.upload`.
import { ApiError } from './api.client.ts';
import { authApi } from './api.endpoints.ts';

/** Sends a file (field "file", text fields first) and saves the file the server answers with. */
export async function uploadForDownload(path: string, { file, fields = {}, saveAs }: { file: File; fields?: Record<string, string>; saveAs: string }): Promise<void> {
  const { csrfToken } = await authApi.getSession();
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken }, body });
  } catch {
    throw new ApiError({ code: 'network', status: 0, message: 'Không kết nối được với máy chủ BMNN. Kiểm tra mạng nội bộ rồi thử lại.' });
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
    throw new ApiError({
      code: (payload?.error?.code as 'internal' | undefined) ?? 'internal',
      status: response.status,
      message: payload?.error?.message ?? `Máy chủ trả lời lỗi ${response.status}. Vui lòng thử lại sau.`,
      details: payload?.error?.details,
    });
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = saveAs;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
