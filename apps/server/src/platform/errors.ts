import { ERROR_CODES, type ErrorCode } from '@bmnn/contracts';

/**
 * The one application error type: a stable code (listed in @bmnn/contracts), the HTTP status
 * that code maps to, a Vietnamese message safe to show a person, optional details and the cause.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor({ code, message, details, cause }: { code: ErrorCode; message: string; details?: unknown; cause?: unknown }) {
    super(message, { cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code];
    this.details = details;
  }
}

/** Declares a module's errors once: `const notFound = createError('unit.not_found', 'Không tìm thấy đơn vị')`. */
export function createError(code: ErrorCode, message: string) {
  return (options: { details?: unknown; cause?: unknown; message?: string } = {}) =>
    new AppError({ code, message: options.message ?? message, details: options.details, cause: options.cause });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const errors = {
  validation: createError('validation.failed', 'Dữ liệu nhập không hợp lệ'),
  unauthenticated: createError('auth.unauthenticated', 'Bạn cần đăng nhập'),
  forbidden: createError('auth.forbidden', 'Bạn không có quyền thực hiện thao tác này'),
  notFound: createError('not_found', 'Không tìm thấy'),
};
