// Stable error codes, `<domain>.<reason>`, listed once. The server maps each to an HTTP status;
// the web and CLI show `message`, which is always Vietnamese.

export const ERROR_CODES = {
  'validation.failed': 400,
  'request.too_large': 413,
  'request.malformed': 400,
  'request.rate_limited': 429,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.account_locked': 423,
  'auth.account_disabled': 403,
  'auth.totp_required': 401,
  'auth.totp_invalid': 401,
  'auth.csrf_invalid': 403,
  'auth.password_change_required': 403,
  'auth.password_weak': 400,
  'auth.forbidden': 403,
  'setup.already_done': 409,
  'setup.code_invalid': 403,
  'unit.not_found': 404,
  'unit.code_taken': 409,
  'unit.kind_not_allowed': 400,
  'unit.move_cycle': 400,
  'unit.defunct': 409,
  'person.not_found': 404,
  'account.not_found': 404,
  'account.username_taken': 409,
  'account.person_has_account': 409,
  'item.not_found': 404,
  'device.not_found': 404,
  'device.asset_code_taken': 409,
  'device.check_required': 409,
  'device.sanitisation_required': 409,
  'device.transition_not_allowed': 409,
  'device.ever_connected_permanent': 409,
  'device.not_approved': 409,
  'incident.not_found': 404,
  'incident.item_already_linked': 409,
  'incident.closed': 409,
  'offboarding.not_found': 404,
  'offboarding.already_open': 409,
  'offboarding.not_closable': 409,
  'offboarding.closed': 409,
  'offboarding.line_resolved': 409,
  'audit.broken': 409,
  'not_found': 404,
  'internal': 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
};
