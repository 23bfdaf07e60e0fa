// Limits in one place: the server validates with them, the web shows them.
export const LIMITS = {
  nameMax: 300,
  codeMax: 50,
  usernameMin: 3,
  usernameMax: 64,
  passwordMin: 12,
  passwordMax: 256,
  textMax: 4000,
  pageSizeMax: 200,
  pageSizeDefault: 50,
  /** Lines of a book on one screen page (the printouts stream the whole book). */
  bookPageSizeMax: 500,
  bodyMaxBytes: 1_048_576,
  loginAttemptsBeforeLock: 5,
  loginLockBaseMinutes: 15,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  /** Uploaded spreadsheets to import (danh mục, old registers). */
  importFileMaxBytes: 5 * 1024 * 1024,
  importRowsMax: 20_000,
} as const;
