import { createError } from '../../platform/errors.ts';

export const accountErrors = {
  invalidCredentials: createError('auth.invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng'),
  locked: createError('auth.account_locked', 'Tài khoản đang bị khóa'),
  disabled: createError('auth.account_disabled', 'Tài khoản đã bị vô hiệu hóa'),
  totpRequired: createError('auth.totp_required', 'Nhập mã xác thực hai lớp (6 chữ số) từ ứng dụng xác thực'),
  totpInvalid: createError('auth.totp_invalid', 'Mã xác thực hai lớp không đúng'),
  passwordChangeRequired: createError('auth.password_change_required', 'Bạn cần đổi mật khẩu trước khi tiếp tục'),
  csrfInvalid: createError('auth.csrf_invalid', 'Yêu cầu không hợp lệ (thiếu hoặc sai mã chống giả mạo). Hãy tải lại trang.'),
  notFound: createError('account.not_found', 'Không tìm thấy tài khoản'),
  usernameTaken: createError('account.username_taken', 'Tên đăng nhập đã được sử dụng'),
  personHasAccount: createError('account.person_has_account', 'Cán bộ này đã có tài khoản'),
  setupDone: createError('setup.already_done', 'Hệ thống đã được thiết lập'),
  setupCodeInvalid: createError('setup.code_invalid', 'Mã thiết lập không đúng'),
};
